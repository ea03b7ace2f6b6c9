/**
 * Caption cue edits, pure: a new text keeps the timing of the words it keeps, a cue splits and merges
 * with its words and emphasis, a word's edge moves with its neighbour's. The renderer's reducer
 * (src-renderer/src/state/document/reduce.ts) applies these; they never leave words out of order.
 */
import type { CaptionCue, WordTiming } from '../../project/document.js';
import { matchingTimings, wordsOf } from './states.js';

/** Shortest a word may become by a drag (seconds). */
export const MIN_WORD = 0.05;
const round = (t: number) => Math.round(t * 1000) / 1000;
const norm = (w: string) => w.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/** Longest common subsequence of two word lists (normalised): pairs [oldIndex, newIndex]. */
function commonWords(a: string[], b: string[]): [number, number][] {
  const na = a.map(norm);
  const nb = b.map(norm);
  const table = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) table[i]![j] = na[i] === nb[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
  }
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (na[i] === nb[j]) pairs.push([i++, j++]);
    else if (table[i + 1]![j]! >= table[i]![j + 1]!) i++;
    else j++;
  }
  return pairs;
}

/** Words spread over [from, to] by their length. */
function spread(texts: string[], from: number, to: number): WordTiming[] {
  const total = texts.reduce((n, t) => n + t.length + 1, 0) || 1;
  let at = from;
  return texts.map((text) => {
    const start = at;
    at += ((to - from) * (text.length + 1)) / total;
    return { text, start: round(start), end: round(at) };
  });
}

/**
 * A cue with new text: words kept (matched in order, ignoring case and punctuation) keep their
 * times; new words share the time of the words they replace (or the gap they sit in); emphasis
 * follows the kept words. A cue without word timings just takes the text.
 */
export function withCueText(cue: CaptionCue, text: string): CaptionCue {
  const next = wordsOf(text);
  const timings = matchingTimings(cue);
  if (!timings || !cue.words) {
    const { words: _words, emphasis: _emphasis, ...rest } = cue;
    return { ...rest, text };
  }
  const old = wordsOf(cue.text);
  const pairs = commonWords(old, next);
  const words: WordTiming[] = [];
  const emphasis: number[] = [];
  const oldEmphasis = new Set(cue.emphasis ?? []);
  let oi = 0;
  let ni = 0;
  for (const [po, pn] of [...pairs, [old.length, next.length] as [number, number]]) {
    // New words between the previous kept word and this one take the time of the replaced ones.
    const inserted = next.slice(ni, pn);
    let kept = po < old.length ? { ...cue.words[po]!, text: next[pn]! } : null;
    if (inserted.length > 0) {
      const from = oi < po ? cue.words[oi]!.start : words.at(-1)?.end ?? cue.start;
      const to = oi < po ? cue.words[po - 1]!.end : po < old.length ? cue.words[po]!.start : Math.max(from, cue.end);
      const previous = words.at(-1);
      if (to - from >= MIN_WORD * inserted.length) words.push(...spread(inserted, from, to));
      else if (previous) {
        // No room between two kept words: the word before shares its time with the new ones.
        words.splice(-1, 1, ...spread([previous.text, ...inserted], previous.start, Math.max(previous.end, to)));
      } else if (kept) {
        // At the start, before a kept word: that word shares its time.
        const shared = spread([...inserted, kept.text], from, kept.end);
        words.push(...shared.slice(0, -1));
        kept = { ...kept, start: shared.at(-1)!.start };
      } else words.push(...spread(inserted, from, Math.max(from, to)));
    }
    if (kept) {
      words.push(kept);
      if (oldEmphasis.has(po)) emphasis.push(pn);
    }
    oi = po + 1;
    ni = pn + 1;
  }
  const { emphasis: _e, ...rest } = cue;
  return { ...rest, text, words, ...(emphasis.length > 0 ? { emphasis } : {}) };
}

/** The cue cut at `at` (between words when it has timings; by time share otherwise); null if `at` is not inside. */
export function splitCue(cue: CaptionCue, at: number, newId: string): [CaptionCue, CaptionCue] | null {
  if (at <= cue.start || at >= cue.end) return null;
  const texts = wordsOf(cue.text);
  const timings = matchingTimings(cue);
  let cut = timings ? timings.findIndex((w) => w.start >= at) : Math.round((texts.length * (at - cue.start)) / (cue.end - cue.start));
  if (cut < 0) cut = texts.length;
  cut = Math.max(texts.length > 1 ? 1 : 0, Math.min(cut, texts.length - (texts.length > 1 ? 1 : 0)));
  const emphasis = cue.emphasis ?? [];
  const part = (id: string, from: number, to: number, start: number, end: number): CaptionCue => {
    const text = texts.slice(from, to).join(' ') || cue.text;
    const e = emphasis.filter((i) => i >= from && i < to).map((i) => i - from);
    return {
      id,
      start: round(start),
      end: round(end),
      text,
      ...(timings && cue.words ? { words: cue.words.slice(from, to) } : {}),
      ...(e.length > 0 ? { emphasis: e } : {}),
    };
  };
  if (texts.length < 2) return [part(cue.id, 0, 1, cue.start, at), part(newId, 0, 1, at, cue.end)];
  return [part(cue.id, 0, cut, cue.start, at), part(newId, cut, texts.length, at, cue.end)];
}

/** Two cues as one (in time order): text joined, words and emphasis kept; words invented for a side without. */
export function mergeCues(a: CaptionCue, b: CaptionCue): CaptionCue {
  const [first, second] = a.start <= b.start ? [a, b] : [b, a];
  const firstWords = wordsOf(first.text);
  const timed = (c: CaptionCue) => matchingTimings(c) && c.words ? c.words : spread(wordsOf(c.text), c.start, c.end);
  const anyTimed = !!matchingTimings(first) || !!matchingTimings(second);
  const emphasis = [...(first.emphasis ?? []), ...(second.emphasis ?? []).map((i) => i + firstWords.length)];
  return {
    id: first.id,
    start: first.start,
    end: Math.max(first.end, second.end),
    text: `${first.text} ${second.text}`.replace(/\s+/g, ' ').trim(),
    ...(anyTimed ? { words: [...timed(first), ...timed(second)] } : {}),
    ...(emphasis.length > 0 ? { emphasis } : {}),
  };
}

/**
 * Word `index`'s start or end moved to `time`: the neighbour that touched it follows, clamped so
 * every word keeps MIN_WORD and stays inside the cue. Null when the cue has no word timings.
 */
export function moveWordEdge(cue: CaptionCue, index: number, edge: 'start' | 'end', time: number): CaptionCue | null {
  const timings = matchingTimings(cue);
  if (!timings || !cue.words || index < 0 || index >= cue.words.length) return null;
  const words = cue.words.map((w) => ({ ...w }));
  const word = words[index]!;
  if (edge === 'end') {
    const next = words[index + 1];
    const max = next ? next.end - MIN_WORD : cue.end;
    const t = round(Math.min(max, Math.max(word.start + MIN_WORD, time)));
    if (next && next.start <= word.end + 1e-6) next.start = t;
    else if (next && t > next.start) next.start = t;
    word.end = t;
  } else {
    const prev = words[index - 1];
    const min = prev ? prev.start + MIN_WORD : cue.start;
    const t = round(Math.max(min, Math.min(word.end - MIN_WORD, time)));
    if (prev && prev.end >= word.start - 1e-6) prev.end = t;
    else if (prev && t < prev.end) prev.end = t;
    word.start = t;
  }
  return { ...cue, words };
}

/** The emphasis list with word `index` switched on or off. */
export function toggleEmphasis(cue: CaptionCue, index: number): CaptionCue {
  const set = new Set(cue.emphasis ?? []);
  if (set.has(index)) set.delete(index);
  else set.add(index);
  const { emphasis: _e, ...rest } = cue;
  return set.size > 0 ? { ...rest, emphasis: [...set].sort((x, y) => x - y) } : rest;
}
