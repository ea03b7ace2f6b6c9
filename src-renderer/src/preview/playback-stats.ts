/**
 * What a stretch of preview playback looked like (pure): the preview marks every frame it presents
 * (`performance.mark(FRAME_MARK, { detail: { t, at } })` while `window.whatifPlaybackProbe` is on),
 * and these turn the marks into frame intervals, stalls and dropped frames. `npm run bench:editor`
 * prints them.
 */
import { frameIndex } from './frame-clock.js';

/** The performance mark's name the preview sets per presented frame. */
export const FRAME_MARK = 'whatif-preview-frame';

export interface PresentedFrame {
  /** The animation frame's timestamp (ms, performance.now()'s clock). */
  at: number;
  /** The media time drawn (seconds). */
  t: number;
  /** Drawn while playing (else paused: the playhead's own time). */
  playing?: boolean;
  /** Playing on the master sound's clock (else the wall clock: nothing heard). */
  sound?: boolean;
  /** Video pictures in the frame: drawn from frames prepared off the main thread, or from the elements. */
  video?: { prepared: number; elements: number };
  /** Re-seeks of drifting video elements so far. */
  seeks?: number;
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/**
 * The first presentation of each new frame of the grid, in order (a frame drawn again, e.g. when an
 * image finished loading, is not a new frame).
 */
export function newFrames(frames: readonly PresentedFrame[], fps: number): { at: number; k: number }[] {
  const out: { at: number; k: number }[] = [];
  for (const f of frames) {
    const k = frameIndex(f.t, fps);
    if (out.length === 0 || k !== out[out.length - 1]!.k) out.push({ at: f.at, k });
  }
  return out;
}

/**
 * Frames of the grid that should have been shown between two presented ones and were skipped (a
 * forward jump of n frames skips n - 1). A jump backwards (a loop, a seek) skips none.
 */
export function droppedFrames(frames: readonly PresentedFrame[], fps: number): number {
  const shown = newFrames(frames, fps);
  let dropped = 0;
  for (let i = 1; i < shown.length; i++) dropped += Math.max(0, shown[i]!.k - shown[i - 1]!.k - 1);
  return dropped;
}

export interface PlaybackStats {
  /** New frames presented, and the frames of the grid the stretch covered (first to last shown). */
  presented: number;
  expected: number;
  dropped: number;
  /** Time between one new frame and the next (ms). */
  p50: number;
  p99: number;
  /** The longest of those: the worst freeze. */
  maxStall: number;
}

export function playbackStats(frames: readonly PresentedFrame[], fps: number): PlaybackStats {
  const shown = newFrames(frames, fps);
  const intervals = shown.slice(1).map((f, i) => f.at - shown[i]!.at);
  const expected = shown.length > 0 ? shown[shown.length - 1]!.k - shown[0]!.k + 1 : 0;
  return {
    presented: shown.length,
    expected,
    dropped: droppedFrames(frames, fps),
    p50: percentile(intervals, 50),
    p99: percentile(intervals, 99),
    maxStall: intervals.reduce((m, v) => Math.max(m, v), 0),
  };
}

declare global {
  interface Window {
    /** On: the preview marks every frame it presents (FRAME_MARK), for bench:editor. */
    whatifPlaybackProbe?: boolean;
  }
}
