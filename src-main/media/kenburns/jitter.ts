/**
 * Measuring Ken Burns smoothness (for the test and `npm run bench:export`), pure: track one bright
 * blob through decoded gray frames (intensity-weighted centroid, sub-pixel) and compare each frame's
 * position with the ideal eased path. The constant offset (pixel-centre conventions) is removed; what
 * remains is the frame-to-frame wobble the eye sees as shake.
 */
export interface Point {
  x: number;
  y: number;
}

/** Weighted centroid of the pixels brighter than the local background within `radius` of `guess`. */
export function blobCentroid(frame: Uint8Array, width: number, height: number, guess: Point, radius: number): Point {
  const x0 = Math.max(0, Math.floor(guess.x - radius));
  const x1 = Math.min(width - 1, Math.ceil(guess.x + radius));
  const y0 = Math.max(0, Math.floor(guess.y - radius));
  const y1 = Math.min(height - 1, Math.ceil(guess.y + radius));
  let bg = 255;
  for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) bg = Math.min(bg, frame[y * width + x]!);
  let sum = 0;
  let sx = 0;
  let sy = 0;
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      const w = Math.max(0, frame[y * width + x]! - bg - 4);
      sum += w;
      sx += w * x;
      sy += w * y;
    }
  }
  return sum > 0 ? { x: sx / sum, y: sy / sum } : guess;
}

/** RMS distance (px) between measured and ideal positions after removing their mean difference. */
export function jitterRms(measured: readonly Point[], ideal: readonly Point[]): number {
  const n = Math.min(measured.length, ideal.length);
  if (n === 0) return 0;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += measured[i]!.x - ideal[i]!.x;
    my += measured[i]!.y - ideal[i]!.y;
  }
  mx /= n;
  my /= n;
  let sq = 0;
  for (let i = 0; i < n; i++) {
    const dx = measured[i]!.x - ideal[i]!.x - mx;
    const dy = measured[i]!.y - ideal[i]!.y - my;
    sq += dx * dx + dy * dy;
  }
  return Math.sqrt(sq / n);
}

/** Tracks the blob through `frames` (gray, width x height each) starting near ideal[0]. */
export function trackBlob(frames: readonly Uint8Array[], width: number, height: number, ideal: readonly Point[], radius = 14): Point[] {
  return frames.map((frame, i) => blobCentroid(frame, width, height, ideal[Math.min(i, ideal.length - 1)]!, radius));
}
