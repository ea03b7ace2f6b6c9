/**
 * Caption words as written: Intl.Segmenter's words lose the punctuation around them ("world" of
 * "world,"), so each timed word is matched in order in its sentence's text and widened to the
 * non-space run that holds it; further words of the same run ("rock-and-roll") extend that entry. Pure.
 */
import type { SentenceTiming } from './scene-durations.js';
import type { TimedWord } from './word-timings.js';

export function displayWords(words: TimedWord[], sentences: SentenceTiming[]): (TimedWord & { display: string })[] {
  const cursor = new Map<number, number>();
  const textOf = new Map(sentences.map((s) => [s.index, s.text]));
  const out: (TimedWord & { display: string })[] = [];
  for (const word of words) {
    const text = textOf.get(word.sentence) ?? '';
    const from = cursor.get(word.sentence) ?? 0;
    const at = text.indexOf(word.text, from);
    const previous = out[out.length - 1];
    if (at < 0) {
      if (previous && previous.sentence === word.sentence) previous.end = Math.max(previous.end, word.end);
      else out.push({ ...word, display: word.text });
      continue;
    }
    let start = at;
    let end = at + word.text.length;
    while (start > from && !/\s/.test(text[start - 1]!)) start--;
    while (end < text.length && !/\s/.test(text[end]!)) end++;
    cursor.set(word.sentence, end);
    out.push({ ...word, display: text.slice(start, end) });
  }
  return out;
}
