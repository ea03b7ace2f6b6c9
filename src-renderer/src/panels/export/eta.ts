/**
 * ETA of a running job from its progress samples, pure: the rate over the recent window (last ~10 s),
 * so a slow start (probing, preparing images) does not skew it. Null until there is enough to say.
 */
export interface ProgressSample {
  at: number; // ms
  percent: number;
}

export function addSample(samples: readonly ProgressSample[], sample: ProgressSample, windowMs = 10_000): ProgressSample[] {
  const last = samples.at(-1);
  if (last && sample.percent < last.percent) return [sample];
  return [...samples.filter((s) => sample.at - s.at <= windowMs), sample];
}

/** Seconds left, or null. */
export function etaSeconds(samples: readonly ProgressSample[]): number | null {
  if (samples.length < 2) return null;
  const first = samples[0]!;
  const last = samples.at(-1)!;
  const dp = last.percent - first.percent;
  const dt = (last.at - first.at) / 1000;
  if (dp <= 0.1 || dt < 0.5) return null;
  return Math.max(0, ((100 - last.percent) / dp) * dt);
}

export function formatEta(seconds: number): string {
  const s = Math.round(seconds);
  const m = Math.floor(s / 60);
  return m > 0 ? `${m}:${String(s % 60).padStart(2, '0')}` : `${s}s`;
}

/** Bits per pixel per frame of our H.264 settings by quality (stills with Ken Burns, captions, text). */
const BITS_PER_PIXEL = { draft: 0.04, standard: 0.07, high: 0.11 } as const;
const AUDIO_BITS_PER_SECOND = 160_000;

/**
 * A rough size of the MP4 before it is made, for the export dialog ("about 38 MB"): picture bits
 * from size, frame rate and quality, plus the AAC sound. An estimate to plan with, not a promise.
 */
export function estimateExportBytes(width: number, height: number, fps: number, quality: keyof typeof BITS_PER_PIXEL, seconds: number): number {
  if (!(seconds > 0)) return 0;
  const video = width * height * fps * BITS_PER_PIXEL[quality];
  return Math.round(((video + AUDIO_BITS_PER_SECOND) * seconds) / 8);
}

/** Bytes as the user reads them, in their language's number format ("38 MB", "1,2 GB"). */
export function formatBytes(bytes: number, language: string): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${new Intl.NumberFormat(language, { maximumFractionDigits: value < 10 && unit > 0 ? 1 : 0 }).format(value)} ${units[unit]}`;
}
