/**
 * Raw frames piped into a real ffmpeg (runFfmpeg's `inputPipes` fed by feedFrames): every frame
 * arrives in order, a failing writer or a cancel stops ffmpeg instead of hanging, and ffmpeg stopping
 * early is not an error. Plus feedFrames alone against a slow stream.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src-main/errors.js';
import { probeMedia } from '../../src-main/media/ffmpeg/probe.js';
import { runFfmpeg } from '../../src-main/media/ffmpeg/run-ffmpeg.js';
import type { Size } from '../../src-main/media/kenburns/path.js';
import { rawFramesInput } from '../../src-main/media/render/chunk-graph.js';
import { feedFrames } from '../../src-main/media/render/frame-feed.js';
import { resolveBinary } from '../../src-main/platform/binaries.js';
import { tempDirsForThisFile } from '../helpers/temp-core.js';

const freshDir = tempDirsForThisFile('whatif-pipes-');
const output = (name: string): string => path.join(freshDir(), name);

const level = (i: number) => 20 + ((i * 15) % 220);

/** Flat grey yuv420p frames, drawn into two views in turn like FrameComposer's. */
function flatFrames(size: Size, onFrame?: (i: number) => void): (i: number) => Uint8Array {
  const luma = size.width * size.height;
  const views = [new Uint8Array((luma * 3) / 2), new Uint8Array((luma * 3) / 2)];
  return (i) => {
    onFrame?.(i);
    const view = views[i & 1]!;
    view.fill(level(i), 0, luma);
    view.fill(128, luma);
    return view;
  };
}

/** Lossless H.264 of raw frames from pipe 3. */
const encode = (size: Size, out: string, extra: string[] = []) => [...rawFramesInput(size, 24, 0), ...extra, '-c:v', 'libx264', '-preset', 'ultrafast', '-qp', '0', '-pix_fmt', 'yuv420p', out];

/** Rejects if `promise` has not settled after `ms` (a hang fails the test instead of timing it out). */
function within<T>(ms: number, promise: Promise<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`still running after ${ms} ms`)), ms);
    promise.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}

/** Whether a process whose command line mentions `text` is still running (Linux /proc; false elsewhere). */
function running(text: string): boolean {
  if (!fs.existsSync('/proc/self/cmdline')) return false;
  return fs.readdirSync('/proc').some((pid) => {
    try {
      return /^\d+$/.test(pid) && fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(text);
    } catch {
      return false;
    }
  });
}

describe('runFfmpeg with input pipes', () => {
  const small = { width: 64, height: 48 };
  // 115 KB a frame: 50 of them overflow any pipe buffer, so the writer is still busy when ffmpeg stops.
  const large = { width: 320, height: 240 };

  it('encodes every frame fed through the pipe, in order', async () => {
    const out = output('fed.mp4');
    await within(30_000, runFfmpeg({ inputPipes: [(pipe) => feedFrames(pipe, 12, flatFrames(small))], args: encode(small, out) }));
    const probe = await probeMedia(out);
    expect(probe.video).toMatchObject({ width: 64, height: 48, frames: 12 });
    expect(probe.durationSeconds).toBeCloseTo(0.5, 2);
    const { stdout } = await execa(resolveBinary('ffmpeg'), ['-v', 'error', '-i', out, '-f', 'rawvideo', '-pix_fmt', 'yuv420p', '-'], { encoding: 'buffer' });
    const frameBytes = (small.width * small.height * 3) / 2;
    expect(stdout.length).toBe(12 * frameBytes);
    for (let i = 0; i < 12; i++) {
      const y = stdout.subarray(i * frameBytes, i * frameBytes + small.width * small.height);
      expect(y.every((v) => v === level(i)), `frame ${i} is level ${level(i)}`).toBe(true);
    }
  }, 60_000);

  it('rejects with the error of a writer that fails mid-way, and stops ffmpeg', async () => {
    const out = output('failed-writer.mp4');
    const failure = new AppError('io_error', 'Cannot read the prepared picture clip-003.yuv');
    const frames = flatFrames(large, (i) => {
      if (i === 10) throw failure;
    });
    // The pipe is never ended: only stopping ffmpeg lets runFfmpeg return.
    await expect(within(20_000, runFfmpeg({ inputPipes: [(pipe) => feedFrames(pipe, 50, frames)], args: encode(large, out) }))).rejects.toBe(failure);
    expect(running(out)).toBe(false);
  }, 60_000);

  it('resolves when ffmpeg stops reading early (-frames:v 2) while the writer still has frames', async () => {
    const out = output('early.mp4');
    let offered = 0;
    const frames = flatFrames(large, (i) => (offered = i + 1));
    await within(30_000, runFfmpeg({ inputPipes: [(pipe) => feedFrames(pipe, 50, frames)], args: encode(large, out, ['-frames:v', '2']) }));
    expect(offered).toBeLessThan(50);
    expect((await probeMedia(out)).video?.frames).toBe(2);
  }, 60_000);

  it("rejects with 'cancelled' when the signal aborts mid-feed", async () => {
    const out = output('cancelled.mp4');
    const controller = new AbortController();
    const frames = flatFrames(large, (i) => {
      if (i === 10) controller.abort();
    });
    const run = runFfmpeg({ inputPipes: [(pipe) => feedFrames(pipe, 50, frames, controller.signal)], args: encode(large, out), signal: controller.signal });
    await expect(within(20_000, run)).rejects.toMatchObject({ name: 'AppError', code: 'cancelled' });
    expect(running(out)).toBe(false);
  }, 60_000);
});

describe('feedFrames', () => {
  /** A stream that takes each chunk's bytes only when its write completes, later, like a pipe. */
  function slowSink() {
    const received: Buffer[] = [];
    const buffers = new Set<object>();
    const sink = new Writable({
      highWaterMark: 1,
      write(chunk: Buffer, _encoding, done) {
        buffers.add(chunk);
        setTimeout(() => {
          received.push(Buffer.from(chunk));
          done();
        }, 2);
      },
    });
    const finished = new Promise<void>((resolve) => sink.on('finish', resolve));
    return { sink, received, buffers, finished };
  }

  /** Frame i: every byte (i * 37 + j) & 255, drawn into two views in turn (as FrameComposer does). */
  const bytes = 10_000; // above Buffer's pool size: every buffer is its own allocation
  const expected = (i: number) => Buffer.from(Array.from({ length: bytes }, (_, j) => (i * 37 + j) & 255));
  function patterned(onFrame?: (i: number) => void): (i: number) => Uint8Array {
    const views = [new Uint8Array(bytes), new Uint8Array(bytes)];
    return (i) => {
      onFrame?.(i);
      const view = views[i & 1]!;
      for (let j = 0; j < bytes; j++) view[j] = (i * 37 + j) & 255;
      return view;
    };
  }

  it('writes every frame in order with its own content, without copies, then ends', async () => {
    const { sink, received, buffers, finished } = slowSink();
    await feedFrames(sink, 9, patterned());
    await finished;
    expect(received.length).toBe(9);
    received.forEach((frame, i) => expect(frame.equals(expected(i)), `frame ${i}`).toBe(true));
    // The two drawn views themselves went to the stream: each frame's write completed before its
    // view was drawn again, or a frame's content above would be wrong.
    expect(new Set([...buffers].map((b) => (b as Buffer).buffer)).size).toBe(2);
  });

  it('stops at an aborted signal and still ends the stream', async () => {
    const { sink, received, finished } = slowSink();
    const controller = new AbortController();
    await feedFrames(sink, 9, patterned((i) => i === 3 && controller.abort()), controller.signal);
    await finished;
    expect(received.map((frame) => frame[0])).toEqual([0, 37, 74, 111]);
  });
});
