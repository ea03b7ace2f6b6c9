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
