/**
 * Pure parser for ffmpeg's `-progress pipe:1` output: blocks of key=value lines, each ending with
 * `progress=continue` or `progress=end`. Turns a block into percent, fps, speed and ETA.
 */

export interface FfmpegProgress {
  /** 0..100 of the expected output duration (0 when it is unknown). */
  percent: number;
  /** Seconds of output written so far. */
  outSeconds: number;
  frame: number;
  fps: number;
  /** Media seconds per wall second (1 = real time). */
  speed: number;
  /** Seconds left at the current speed, or null when it cannot be told yet. */
  etaSeconds: number | null;
  done: boolean;
}

/** One block (key → value) to a progress figure; `totalSeconds` is the expected output length. */
export function progressFromBlock(block: Record<string, string>, totalSeconds: number | undefined): FfmpegProgress {
  const num = (value: string | undefined): number => {
    const n = Number.parseFloat(value ?? '');
    return Number.isFinite(n) ? n : 0;
  };
  // out_time_us and out_time_ms are both microseconds in ffmpeg; out_time is HH:MM:SS.micro.
  let outSeconds = num(block.out_time_us ?? block.out_time_ms) / 1e6;
  if (!outSeconds && block.out_time) outSeconds = parseClock(block.out_time);
  outSeconds = Math.max(0, outSeconds);
  const speed = num(block.speed?.replace(/x$/, ''));
  const done = block.progress === 'end';
  const total = totalSeconds && totalSeconds > 0 ? totalSeconds : 0;
  const percent = done ? 100 : total ? Math.min(99.9, (outSeconds / total) * 100) : 0;
  const etaSeconds = done ? 0 : total && speed > 0 ? Math.max(0, (total - outSeconds) / speed) : null;
  return { percent, outSeconds, frame: Math.trunc(num(block.frame)), fps: num(block.fps), speed, etaSeconds, done };
}

function parseClock(text: string): number {
  const m = /^(-?\d+):(\d+):(\d+(?:\.\d+)?)$/.exec(text.trim());
  if (!m) return 0;
  return Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]);
}

/**
 * Feeds raw stdout chunks (which may split lines anywhere) and calls `onBlock` with each complete
 * block. Returns the feeder; pure apart from calling back.
 */
export function createProgressReader(totalSeconds: number | undefined, onProgress: (p: FfmpegProgress) => void): (chunk: string) => void {
  let pending = '';
  let block: Record<string, string> = {};
  return (chunk) => {
    pending += chunk;
    const lines = pending.split(/\r?\n/);
    pending = lines.pop() ?? '';
    for (const line of lines) {
      const eq = line.indexOf('=');
      if (eq <= 0) continue;
      const key = line.slice(0, eq).trim();
      block[key] = line.slice(eq + 1).trim();
      if (key === 'progress') {
        onProgress(progressFromBlock(block, totalSeconds));
        block = {};
      }
    }
  };
}
