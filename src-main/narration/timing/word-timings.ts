/**
 * Word timings where the engine gives none (Piper, system voices). The sentence's own audio is exact;
 * inside it, words are placed by an estimate: the speech span of the sentence (first to last voiced
 * frame, speech-time.ts) is shared between the words in proportion to (letters + 1), the +1 standing
 * for the boundary between words. Pure.
 */
export interface TimedWord {
  text: string;
  start: number;
  end: number;
  sentence: number;
}

export function estimateWordTimings(words: string[], speechStart: number, speechEnd: number, sentence: number, offset: number): TimedWord[] {
  const weights = words.map((w) => [...w].filter((c) => /\p{L}|\p{N}/u.test(c)).length + 1);
  const total = weights.reduce((a, b) => a + b, 0);
  const span = Math.max(0, speechEnd - speechStart);
  let t = speechStart;
  return words.map((text, i) => {
    const length = total > 0 ? (span * weights[i]!) / total : 0;
    const word = { text, start: offset + t, end: offset + t + length, sentence };
    t += length;
    return word;
  });
}

/**
 * Exact word timings from a character alignment (ElevenLabs): each word of `text` (found in order)
 * starts at its first character's start and ends at its last character's end. Pure.
 */
export function wordsFromAlignment(
  words: { text: string; sentence: number }[],
  alignment: { characters: string[]; character_start_times_seconds: number[]; character_end_times_seconds: number[] },
  offset: number,
): TimedWord[] {
  const joined = alignment.characters.join('');
  // character index of each joined-string position (characters may be multi-codeunit)
  const charAt: number[] = [];
  alignment.characters.forEach((c, i) => {
    for (let k = 0; k < c.length; k++) charAt.push(i);
  });
  const out: TimedWord[] = [];
  let from = 0;
  for (const word of words) {
    const at = joined.indexOf(word.text, from);
    if (at < 0) continue;
    const first = charAt[at]!;
    const last = charAt[at + word.text.length - 1]!;
    out.push({ text: word.text, start: offset + alignment.character_start_times_seconds[first]!, end: offset + alignment.character_end_times_seconds[last]!, sentence: word.sentence });
    from = at + word.text.length;
  }
  return out;
}
