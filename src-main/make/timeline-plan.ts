/**
 * The timeline choices of the automatic mode (pure): scene lengths that follow the beats of the
 * narration (each scene from its first sentence to the next beat's), stretched to the asked length
 * when the voice ends early, a words-per-minute that makes the voice fit the asked length, Ken Burns
 * framings varied scene by scene, and transitions no longer than the clips they join.
 */
import type { KenBurns, Transition } from '../project/document.js';

export interface TimedSentence {
  start: number;
  end: number;
}

/** Seconds per scene from sentence timings and how many sentences each beat has; they add up to `total`. */
export function beatDurations(sentences: TimedSentence[], sentencesPerBeat: number[], total: number): number[] {
  const starts: number[] = [];
  let cursor = 0;
  for (const count of sentencesPerBeat) {
    starts.push(cursor === 0 ? 0 : (sentences[cursor]?.start ?? total));
    cursor += Math.max(1, count);
  }
  return starts.map((start, i) => round(Math.max(0.5, (i + 1 < starts.length ? starts[i + 1]! : total) - start)));
}

/** Scenes stretched evenly so they last `target` seconds when they add up to less than 90 % of it. */
export function fitToLength(durations: number[], target: number): { durations: number[]; stretched: boolean } {
  const sum = durations.reduce((t, d) => t + d, 0);
  if (sum <= 0 || sum >= target * 0.9) return { durations, stretched: false };
  const factor = target / sum;
  return { durations: durations.map((d) => round(d * factor)), stretched: true };
}

/** The reading speed that makes `words` last about `seconds`, pauses included, within the voice's 120–240. */
export function wpmForLength(words: number, seconds: number, sentences: number, paragraphs: number, sentenceSilence: number): number {
  const pauses = Math.max(0, sentences - 1) * sentenceSilence + Math.max(0, paragraphs - 1) * sentenceSilence + 0.3;
  const speech = Math.max(1, seconds - pauses);
  return Math.max(120, Math.min(240, Math.round((words * 60) / speech)));
}

const FRAMINGS: KenBurns[] = [
  { from: { zoom: 1, x: 0.5, y: 0.5 }, to: { zoom: 1.15, x: 0.5, y: 0.45 }, easing: 'easeInOut' },
  { from: { zoom: 1.18, x: 0.35, y: 0.5 }, to: { zoom: 1.05, x: 0.6, y: 0.5 }, easing: 'linear' },
  { from: { zoom: 1.05, x: 0.5, y: 0.65 }, to: { zoom: 1.2, x: 0.5, y: 0.35 }, easing: 'easeOut' },
  { from: { zoom: 1.2, x: 0.5, y: 0.5 }, to: { zoom: 1, x: 0.5, y: 0.5 }, easing: 'easeInOut' },
  { from: { zoom: 1.1, x: 0.65, y: 0.4 }, to: { zoom: 1.1, x: 0.35, y: 0.6 }, easing: 'linear' },
];

/** A different move for each scene, never the same as the one before. */
export function kenBurnsFor(index: number): KenBurns {
  return FRAMINGS[index % FRAMINGS.length]!;
}

const KINDS: Transition['kind'][] = ['crossfade', 'slide', 'crossfade', 'zoom', 'wipe'];

/** No transition into the first scene; then a short one that fits both clips it joins. */
export function transitionFor(index: number, durations: number[]): Transition {
  if (index === 0) return { kind: 'cut', duration: 0 };
  const limit = Math.min(durations[index] ?? 0, durations[index - 1] ?? 0);
  const duration = round(Math.min(0.5, limit / 3));
  return duration < 0.1 ? { kind: 'cut', duration: 0 } : { kind: KINDS[(index - 1) % KINDS.length]!, duration };
}

function round(t: number): number {
  return Math.round(t * 1000) / 1000;
}
