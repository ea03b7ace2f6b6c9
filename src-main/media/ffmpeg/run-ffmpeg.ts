/**
 * THE ffmpeg runner: every ffmpeg child process of the app goes through runFfmpeg (export, narration,
 * waveforms). It adds `-progress pipe:1`, reports percent/fps/speed/ETA (parsed by ./progress.ts),
 * cancels through an AbortSignal, and puts the last stderr lines into the error a user sees.
 * withTempOutput writes beside the destination and renames into place only on success, so a killed
 * or failed run never leaves a partial file where the user looks.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Readable, Writable } from 'node:stream';
import { execa } from 'execa';
import type { MessageRef } from '../../messages.js';
import { appError, nestedValues, toAppError } from '../../errors.js';
import { resolveBinary } from '../../platform/binaries.js';
import { ownerTag } from '../../platform/owner-tag.js';
import { ensureFolder } from '../../files/path-input.js';
import { createProgressReader, type FfmpegProgress } from './progress.js';

export type { FfmpegProgress } from './progress.js';

export interface FfmpegRunOptions {
  /** Arguments after the binary; the runner adds `-hide_banner -nostdin -y -progress pipe:1`. */
  args: string[];
  /** Expected output length in seconds, for percent and ETA. */
  durationSeconds?: number;
  signal?: AbortSignal;
  onProgress?: (progress: FfmpegProgress) => void;
  cwd?: string;
  /** What is being made, for error messages ("the export", "the narration WAV"). */
  label?: string | MessageRef;
  /**
   * Data ffmpeg reads from extra pipes: writer i feeds `pipeInput(i)` (file descriptor 3 + i). A
   * writer that fails stops ffmpeg and its error is thrown; once ffmpeg has exited, pipes still being
   * written are closed (ffmpeg may stop reading early) and only ffmpeg's own outcome counts.
   */
  inputPipes?: ReadonlyArray<(out: Writable) => Promise<void>>;
  /**
   * Data ffmpeg writes to an extra pipe (`pipeOutput(inputPipes.length)`: the file descriptor after
   * the input pipes), read by `outputPipe` (e.g. a video decoder's raw frames). A reader that fails
   * stops ffmpeg with its error; a reader that stops early (`destroy()`) makes ffmpeg's closed-pipe
   * failure not count.
   */
  outputPipe?: (from: Readable) => Promise<void>;
}

/** A write to a pipe ffmpeg no longer reads (it exited or stopped early): not the writer's fault. */
function isClosedPipe(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'EPIPE' || code === 'ECONNRESET' || code === 'ERR_STREAM_DESTROYED' || code === 'ERR_STREAM_WRITE_AFTER_END';
}

/** The ffmpeg input URL of the i-th entry of `inputPipes`. */
export const pipeInput = (i: number): string => `pipe:${3 + i}`;
/** The ffmpeg output URL of `outputPipe` when there are `inputs` input pipes. */
export const pipeOutput = (inputs = 0): string => `pipe:${3 + inputs}`;

export interface FfmpegRunResult {
  /** ffmpeg's stderr (the last 256 KB), e.g. for ebur128's loudness summary. */
  stderr: string;
}

const STDERR_KEEP = 256 * 1024;
const ERROR_LINES = 8;

/** The last meaningful stderr lines (progress noise dropped), for an error message. */
export function lastStderrLines(stderr: string, count = ERROR_LINES): string {
  return stderr
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !/^(frame|size)=/.test(l))
    .slice(-count)
    .join('\n');
}

export async function runFfmpeg(options: FfmpegRunOptions): Promise<FfmpegRunResult> {
  const bin = resolveBinary('ffmpeg');
  const label = options.label ?? 'ffmpeg';
  if (options.signal?.aborted) throw appError('cancelled', 'error.cancelled');
  const args = ['-hide_banner', '-nostdin', '-y', '-progress', 'pipe:1', '-nostats', ...options.args];
  const writers = options.inputPipes ?? [];
  // A failing writer cancels ffmpeg through this controller (with the caller's signal, if any).
  const writerFailed = new AbortController();
  const cancelSignal = options.signal ? AbortSignal.any([options.signal, writerFailed.signal]) : writerFailed.signal;
  const child = execa(bin, args, {
    cwd: options.cwd,
    reject: false,
    buffer: false,
    stdio: ['ignore', 'pipe', 'pipe', ...writers.map(() => 'pipe' as const), ...(options.outputPipe ? ['pipe' as const] : [])],
    cancelSignal,
    forceKillAfterDelay: 3000,
    windowsHide: true,
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    stderr += chunk;
    if (stderr.length > STDERR_KEEP * 2) stderr = stderr.slice(-STDERR_KEEP);
  });
  const feed = createProgressReader(options.durationSeconds, (p) => options.onProgress?.(p));
  child.stdout?.setEncoding('utf8');
  child.stdout?.on('data', (chunk: string) => feed(chunk));
  let writerError: unknown = null;
  const pipes = writers.map((write, i) => {
    const out = child.stdio[3 + i] as unknown as Writable;
    out.on('error', () => {}); // EPIPE when ffmpeg stops reading: ffmpeg's exit status tells what happened
    return write(out).catch((error: unknown) => {
      if (writerError === null && !isClosedPipe(error)) {
        writerError = error;
        writerFailed.abort();
      }
    });
  });
  const from = options.outputPipe ? (child.stdio[3 + writers.length] as unknown as Readable) : null;
  if (from && options.outputPipe) {
    from.on('error', () => {});
    pipes.push(
      options.outputPipe(from).catch((error: unknown) => {
        if (writerError === null && !isClosedPipe(error)) {
          writerError = error;
          writerFailed.abort();
        }
      }),
    );
  }
  const result = await child;
  for (let i = 0; i < writers.length; i++) (child.stdio[3 + i] as unknown as Writable).destroy();
  await Promise.all(pipes);
  stderr = stderr.slice(-STDERR_KEEP);
  if (writerError !== null) throw toAppError(writerError);
  if (result.isCanceled || options.signal?.aborted) throw appError('cancelled', 'error.cancelled');
  // execa fails the run when ffmpeg closes an input pipe it stopped reading early (-frames:v, -t):
  // ffmpeg's own exit status is what counts.
  const inputPipeReset = writers.length > 0 && result.exitCode === 0 && isClosedPipe(result.cause);
  // The reader stopped reading before the end: ffmpeg's failure to write is expected.
  if (from && from.destroyed && !from.readableEnded && !options.signal?.aborted) return { stderr };
  if (result.failed && !inputPipeReset) {
    const tail = lastStderrLines(stderr);
    const named = nestedValues('label', label);
    if (/No space left on device/i.test(stderr)) throw appError('disk_full', 'ffmpeg.diskFull', { ...named, tail });
    if (/Permission denied/i.test(stderr)) throw appError('io_error', 'ffmpeg.permission', { ...named, tail });
    const details = { ...named, tail: tail || String(result.message) };
    if (result.exitCode !== undefined) throw appError('internal', 'ffmpeg.failedCode', { ...details, code: result.exitCode });
    throw appError('internal', 'ffmpeg.failedSignal', { ...details, signal: result.signal ?? 'killed' });
  }
  return { stderr };
}

/**
 * What ffmpeg says about itself (`-version`, `-encoders`): its standard output, within a few seconds.
 * A missing binary or a hang is an error, never a wait.
 */
export async function ffmpegInfo(args: string[], timeoutMs = 10_000): Promise<string> {
  const result = await execa(resolveBinary('ffmpeg'), ['-hide_banner', ...args], { reject: false, timeout: timeoutMs, forceKillAfterDelay: 1000, windowsHide: true, stdin: 'ignore' });
  if (result.failed) throw appError('missing_binary', 'media.ffmpegNoAnswer', { args: args.join(' '), detail: lastStderrLines(String(result.stderr ?? '')) || String(result.shortMessage) });
  return String(result.stdout);
}

/**
 * Runs `work(tempPath)` with a temp file beside `destination` (same folder, same extension, so the
 * rename is atomic), then renames it into place. On any error or cancel the temp file is removed
 * and the destination is left as it was.
 */
export async function withTempOutput<T>(destination: string, work: (tempPath: string) => Promise<T>): Promise<T> {
  const dir = path.dirname(destination);
  try {
    ensureFolder('destination', dir);
    fs.accessSync(dir, fs.constants.W_OK);
  } catch (error) {
    const e = toAppError(error);
    throw appError(e.code === 'internal' ? 'io_error' : e.code, 'ffmpeg.cannotWrite', { dir, ...nestedValues('problem', e) }, { cause: error });
  }
  const ext = path.extname(destination);
  // Tagged with this process: the next export removes it if this process is killed (export/leftovers.ts).
  const temp = path.join(dir, `.${path.basename(destination, ext)}.partial-${ownerTag()}-${randomUUID().slice(0, 8)}${ext}`);
  try {
    const value = await work(temp);
    fs.renameSync(temp, destination);
    return value;
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw toAppError(error);
  }
}
