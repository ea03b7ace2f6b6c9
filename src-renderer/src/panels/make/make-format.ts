/** Small pure helpers of the "New from an idea" panels. */
import type { Job } from '../../../../src-main/ipc/contract/jobs.js';

export const MAKE_KIND = 'make.short';

/** One idea a line; blank lines and # comments skipped (as `whatif make --ideas`). */
export function ideasOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0 && !l.startsWith('#'));
}

export function formatCost(usd: number): string {
  return usd === 0 ? '$0' : usd < 0.01 ? `$${usd.toFixed(4)}` : `$${usd.toFixed(3)}`;
}

/** What a finished make.short job answered (see src-main/make/make-payload.ts MakeResult). */
export interface MakeResultView {
  stoppedAfter: 'storyboard' | null;
  file: string | null;
  durationSeconds: number | null;
  /** The asked length (s). */
  target: number;
  /** The user's sound laid as the music bed, or null. */
  music: string | null;
  offline: string[];
  /** What went otherwise with the pictures (encoded messages: which scene got placeholder art and why). */
  images: { warnings: string[] } | null;
  script: { title: string; description: string; writer: string; cost: { promptTokens: number; completionTokens: number; usd: number } } | null;
}

export function makeResult(job: Job | undefined): MakeResultView | null {
  return job?.state === 'done' && job.result ? (job.result as MakeResultView) : null;
}

/** The idea of a make job from its title ("Make: What if…"). */
export function ideaOf(job: Job): string {
  return job.title.replace(/^Make: /, '');
}

/** Whether the finished short is off the asked length by more than 10 %, and which way. */
export function lengthOff(result: Pick<MakeResultView, 'durationSeconds' | 'target'>): 'longer' | 'shorter' | null {
  if (result.durationSeconds === null || !(result.target > 0)) return null;
  const off = (result.durationSeconds - result.target) / result.target;
  return off > 0.1 ? 'longer' : off < -0.1 ? 'shorter' : null;
}
