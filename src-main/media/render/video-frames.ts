/**
 * Reads a video decoder's raw frames (render/video-decode.ts) one at a time, as the composer asks for
 * them: at most two decoded frames wait in memory (the pipe is paused while they do), so a clip of
 * any length costs a few frames. The decoder is one `runFfmpeg` child, cancelled with the export;
 * waiting longer than `STALL_SECONDS` for a frame stops it with an error naming the clip.
 */
import type { Readable } from 'node:stream';
import { appError, nestedValues } from '../../errors.js';
import type { MessageRef } from '../../messages.js';
import { pipeOutput, runFfmpeg } from '../ffmpeg/run-ffmpeg.js';
import { videoDecodeArgs, type VideoSegment } from './video-decode.js';
import { userMediaInputArgs } from '../ffmpeg/user-media.js';

/** Longest wait for one frame before the decoder is taken as stuck. */
export const STALL_SECONDS = 120;
const QUEUE = 2;

export class VideoFrames {
  private readonly frameBytes: number;
  private readonly queue: Buffer[] = [];
  private readonly free: Buffer[] = [];
  private filling: Buffer | null = null;
  private filled = 0;
  private lent: Buffer | null = null;
  private ended = false;
  private stream: Readable | null = null;
  private wake: (() => void) | null = null;
  private readonly stop = new AbortController();
  /** Settles when ffmpeg has exited; rejects with its error. */
  readonly done: Promise<void>;

  constructor(segment: Omit<VideoSegment, 'output'>, private readonly label: string | MessageRef, signal?: AbortSignal) {
    const { width, height } = segment.size;
    this.frameBytes = width * height * 1.5;
    const cancel = signal ? AbortSignal.any([signal, this.stop.signal]) : this.stop.signal;
    this.done = runFfmpeg({
      args: videoDecodeArgs({ ...segment, output: pipeOutput(0) }, userMediaInputArgs('video', segment.file)),
      outputPipe: (from) => this.consume(from),
      signal: cancel,
      label,
    }).then(
      () => undefined,
      (error: unknown) => {
        this.ended = true;
        this.wake?.();
        if (this.stop.signal.aborted && !signal?.aborted) return;
        throw error;
      },
    );
    // Errors surface through next(); this keeps an unawaited failure from being unhandled.
    this.done.catch(() => undefined);
  }

  private consume(from: Readable): Promise<void> {
    this.stream = from;
    return new Promise((resolve) => {
      from.on('data', (chunk: Buffer) => {
        let at = 0;
        while (at < chunk.length) {
          if (!this.filling) {
            this.filling = this.free.pop() ?? Buffer.allocUnsafe(this.frameBytes);
            this.filled = 0;
          }
          const take = Math.min(chunk.length - at, this.frameBytes - this.filled);
          chunk.copy(this.filling, this.filled, at, at + take);
          this.filled += take;
          at += take;
          if (this.filled === this.frameBytes) {
            this.queue.push(this.filling);
            this.filling = null;
            this.wake?.();
          }
        }
        if (this.queue.length >= QUEUE) from.pause();
      });
      const finish = () => {
        this.ended = true;
        this.wake?.();
        resolve();
      };
      from.on('end', finish);
      from.on('close', finish);
      from.on('error', finish);
    });
  }

  /**
   * The next frame (yuv420p at the output size), valid until the next call; null once the decoder
   * has no more (the caller holds the last frame). Throws the decoder's error.
   */
  async next(): Promise<Buffer | null> {
    if (this.lent) this.free.push(this.lent);
    this.lent = null;
    while (this.queue.length === 0 && !this.ended) {
      let timer: NodeJS.Timeout | undefined;
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        timer = setTimeout(resolve, STALL_SECONDS * 1000);
        this.stream?.resume();
      });
      clearTimeout(timer);
      this.wake = null;
      if (this.queue.length === 0 && !this.ended) {
        this.close();
        throw appError('internal', 'ffmpeg.stalled', { ...nestedValues('label', this.label), seconds: STALL_SECONDS });
      }
    }
    const frame = this.queue.shift();
    if (!frame) {
      await this.done;
      return null;
    }
    if (this.queue.length < QUEUE) this.stream?.resume();
    this.lent = frame;
    return frame;
  }

  /** Stops the decoder (no more frames are needed). */
  close(): void {
    this.ended = true;
    this.stream?.destroy();
    this.stop.abort();
  }
}
