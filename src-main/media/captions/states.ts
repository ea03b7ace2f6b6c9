/**
 * What a caption cue shows over time, pure: the cue is cut into pages (at most wordsPerCue words and
 * linesPerCue lines on screen), and each page into states (which word is spoken). Every state is one
 * ASS event in the export (ass.ts) and one picture in the preview (src-renderer/src/preview/frame.ts),
 * so both show the same words, lines, colours and sizes at the same times. Word animations are
 * functions of the time since the state began: the export writes them as ASS \t transforms, the
 * preview evaluates them at the frame's time.
 */
import type { CaptionCue, CaptionsTrack, WordAnimation } from '../../project/document.js';
import { wrapText, wrapWidth, type FrameSize } from '../text/layout.js';
import { captionLook, type CaptionLook } from './look.js';

/** Captions wrap at this fraction of the frame width. */
export const CAPTION_WIDTH = 0.86;

export interface CaptionWord {
  text: string;
  /** Index of the word in the cue (for emphasis and retiming). */
  index: number;
  emphasis: boolean;
}

export interface CaptionState {
  start: number;
  end: number;
  /** The page's words, line by line. */
  lines: CaptionWord[][];
  /** The spoken word (cue index), or -1. */
  active: number;
  /** With the fade animation, words after this cue index are not shown yet (Infinity = all shown). */
  shownThrough: number;
}

export const wordsOf = (text: string): string[] => text.split(/\s+/).filter(Boolean);

/** The cue's word timings when they match its words one to one, else null. */
export function matchingTimings(cue: CaptionCue): { start: number; end: number }[] | null {
  const words = cue.words ?? [];
  return words.length > 0 && words.length === wordsOf(cue.text).length ? words : null;
}

function linesFor(words: CaptionWord[], raw: string | null, track: CaptionsTrack, look: CaptionLook, frame: FrameSize): CaptionWord[][] | null {
  const text = raw ?? words.map((w) => w.text).join(' ');
  const lines = wrapText(look.uppercase ? text.toUpperCase() : text, wrapWidth(CAPTION_WIDTH, frame), track.style.size, track.style.bold);
  const split = lines.map((l) => wordsOf(l));
  if (split.flat().length !== words.length) {
    // A word longer than a line was broken between characters (or CJK text without spaces): the
    // lines are kept, its pieces are not the cue's words (index -1: never spoken, never emphasised).
    return raw === null ? null : split.map((ws) => ws.map((text) => ({ text, index: -1, emphasis: false })));
  }
  let k = 0;
  return split.map((ws) => ws.map((text) => ({ ...words[k++]!, text })));
}

interface Page {
  words: CaptionWord[];
  lines: CaptionWord[][];
}

/** Greedy pages: as many words as fit the word and line limits. */
export function captionPages(cue: CaptionCue, track: CaptionsTrack, frame: FrameSize): Page[] {
  const look = captionLook(track);
  const emphasis = new Set(cue.emphasis ?? []);
  const all = wordsOf(cue.text).map((text, index) => ({ text, index, emphasis: emphasis.has(index) }));
  const whole = linesFor(all, cue.text, track, look, frame)!;
  const broken = whole.some((line) => line.some((w) => w.index < 0));
  if (broken || (look.wordsPerCue === 0 && whole.length <= look.linesPerCue)) {
    // One page: the text as written (explicit line breaks kept).
    return [{ words: all, lines: whole }];
  }
  const pages: Page[] = [];
  let current: CaptionWord[] = [];
  let currentLines: CaptionWord[][] = [];
  for (const word of all) {
    const candidate = [...current, word];
    const lines = linesFor(candidate, null, track, look, frame) ?? [candidate];
    const tooMany = look.wordsPerCue > 0 && candidate.length > look.wordsPerCue;
    if (current.length > 0 && (tooMany || lines.length > look.linesPerCue)) {
      pages.push({ words: current, lines: currentLines });
      current = [word];
      currentLines = linesFor(current, null, track, look, frame) ?? [current];
    } else {
      current = candidate;
      currentLines = lines;
    }
  }
  if (current.length > 0) pages.push({ words: current, lines: currentLines });
  return pages;
}

/** Every state of a cue in time order, clipped at `end` (the project's end). */
export function captionStates(cue: CaptionCue, track: CaptionsTrack, frame: FrameSize, end: number): CaptionState[] {
  const cueEnd = Math.min(cue.end, end);
  if (cueEnd <= cue.start) return [];
  const look = captionLook(track);
  const pages = captionPages(cue, track, frame);
  const timings = matchingTimings(cue);
  const fade = look.animation === 'fade';
  const states: CaptionState[] = [];
  // Page spans: from its first word's start (the first page from the cue's start) to the next page's.
  const weights = pages.map((p) => p.words.reduce((n, w) => n + w.text.length + 1, 0));
  const total = weights.reduce((a, b) => a + b, 0) || 1;
  let acc = 0;
  const starts = pages.map((page, i) => {
    if (i === 0) return cue.start;
    if (timings) return Math.max(cue.start, Math.min(timings[page.words[0]!.index]!.start, cueEnd));
    acc += weights[i - 1]!;
    return cue.start + ((cueEnd - cue.start) * acc) / total;
  });
  pages.forEach((page, p) => {
    const pageStart = starts[p]!;
    const pageEnd = p + 1 < pages.length ? Math.max(pageStart, starts[p + 1]!) : cueEnd;
    if (pageEnd <= pageStart) return;
    const push = (start: number, stop: number, active: number, shownThrough: number) => {
      if (stop - start > 1e-6) states.push({ start, end: stop, lines: page.lines, active, shownThrough });
    };
    if (!look.highlight || !timings || page.lines.some((line) => line.some((w) => w.index < 0))) {
      push(pageStart, pageEnd, -1, Number.POSITIVE_INFINITY);
      return;
    }
    let t = pageStart;
    page.words.forEach((word, i) => {
      const wordStart = Math.max(t, Math.min(timings[word.index]!.start, pageEnd));
      if (wordStart > t + 0.005) push(t, wordStart, -1, fade ? word.index - 1 : Number.POSITIVE_INFINITY);
      const next = i + 1 < page.words.length ? Math.max(timings[page.words[i + 1]!.index]!.start, wordStart) : pageEnd;
      const wordEnd = Math.min(next, pageEnd);
      push(wordStart, wordEnd, word.index, fade ? word.index : Number.POSITIVE_INFINITY);
      t = Math.max(t, wordEnd);
    });
    if (t < pageEnd - 0.005) push(t, pageEnd, -1, Number.POSITIVE_INFINITY);
  });
  return states;
}

/** The state a cue shows at time t, or null. */
export function captionStateAt(cue: CaptionCue, track: CaptionsTrack, frame: FrameSize, end: number, t: number): CaptionState | null {
  return captionStates(cue, track, frame, end).find((s) => t >= s.start && t < s.end) ?? null;
}

/** One animation step: from `from` to `to` between ms t0 and t1 after the state starts (linear, like ASS \t). */
export interface Step {
  t0: number;
  t1: number;
  to: number;
}
export interface WordMotion {
  /** Scale at the state's start, then the steps. */
  scale0: number;
  scaleSteps: Step[];
  /** Opacity 0..1 at the state's start, then the steps. */
  alpha0: number;
  alphaSteps: Step[];
}

/** How the spoken word moves for an animation and a final scale. */
export function spokenWordMotion(animation: WordAnimation, scale: number): WordMotion {
  switch (animation) {
    case 'pop':
      return { scale0: scale * 0.7, scaleSteps: [{ t0: 0, t1: 100, to: scale }], alpha0: 1, alphaSteps: [] };
    case 'bounce':
      return { scale0: scale * 0.85, scaleSteps: [{ t0: 0, t1: 80, to: scale * 1.15 }, { t0: 80, t1: 160, to: scale }], alpha0: 1, alphaSteps: [] };
    case 'fade':
      return { scale0: scale, scaleSteps: [], alpha0: 0, alphaSteps: [{ t0: 0, t1: 150, to: 1 }] };
    case 'none':
      return { scale0: scale, scaleSteps: [], alpha0: 1, alphaSteps: [] };
  }
}

/** A motion's value `ms` after the state began (what libass computes for \t with acceleration 1). */
export function valueAt(v0: number, steps: readonly Step[], ms: number): number {
  let v = v0;
  for (const s of steps) {
    if (ms <= s.t0) break;
    const p = s.t1 > s.t0 ? Math.min(1, (ms - s.t0) / (s.t1 - s.t0)) : 1;
    v = v + (s.to - v) * p;
  }
  return v;
}
