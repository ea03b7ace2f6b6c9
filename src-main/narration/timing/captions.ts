/**
 * Caption cues from word timings. Greedy and pure: words are added to a cue while its text still wraps
 * into `maxLines` lines of `maxCharsPerLine` and it lasts at most `maxDuration`; a cue never spans two
 * sentences. A cue shorter than `minDuration` is held on screen longer, up to the next cue's start.
 * Lines are joined with "\n"; each cue carries its word timings (for word highlighting).
 */
import type { CaptionCue } from '../../project/document.js';
import type { TimedWord } from './word-timings.js';

export interface CaptionLayout {
  maxCharsPerLine: number;
  maxLines: number;
  minDuration: number;
  maxDuration: number;
}

export const DEFAULT_CAPTION_LAYOUT: CaptionLayout = { maxCharsPerLine: 28, maxLines: 2, minDuration: 0.8, maxDuration: 4 };

/** Wraps words into lines of at most `width` characters (a longer word gets its own line). */
export function wrapWords(words: string[], width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** The words as written in the sentence (punctuation kept) when `display` gives them. */
export function buildCues(words: (TimedWord & { display?: string })[], layout: CaptionLayout = DEFAULT_CAPTION_LAYOUT): CaptionCue[] {
  const groups: (TimedWord & { display?: string })[][] = [];
  let current: (TimedWord & { display?: string })[] = [];
  const fits = (candidate: typeof current) =>
    wrapWords(candidate.map((w) => w.display ?? w.text), layout.maxCharsPerLine).length <= layout.maxLines &&
    candidate[candidate.length - 1]!.end - candidate[0]!.start <= layout.maxDuration;
  for (const word of words) {
    if (current.length > 0 && (word.sentence !== current[0]!.sentence || !fits([...current, word]))) {
      groups.push(current);
      current = [];
    }
    current.push(word);
  }
  if (current.length > 0) groups.push(current);

  const cues: CaptionCue[] = groups.map((group, i) => ({
    id: `cue-${i + 1}`,
    start: round(group[0]!.start),
    end: round(group[group.length - 1]!.end),
    text: wrapWords(group.map((w) => w.display ?? w.text), layout.maxCharsPerLine).join('\n'),
    words: group.map((w) => ({ text: w.display ?? w.text, start: round(w.start), end: round(w.end) })),
  }));
  cues.forEach((cue, i) => {
    const next = cues[i + 1];
    if (cue.end - cue.start < layout.minDuration) cue.end = round(Math.min(cue.start + layout.minDuration, next ? next.start : Infinity));
    if (cue.end <= cue.start) cue.end = round(cue.start + 0.01);
  });
  return cues;
}

function round(t: number): number {
  return Math.round(t * 1000) / 1000;
}
