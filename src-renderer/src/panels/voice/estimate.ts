/** How long a script will take to read, shown under the words-per-minute slider. Pure. */
import { splitScript } from '../../../../src-main/narration/script.js';

export interface ScriptEstimate {
  words: number;
  sentences: number;
  seconds: number;
}

/** Words at `wpm`, plus the pause after each sentence (twice that after a paragraph). Null if no words. */
export function estimateScript(script: string, language: string, wpm: number, sentenceSilence: number): ScriptEstimate | null {
  let sentences;
  try {
    sentences = splitScript(script, language);
  } catch {
    return null;
  }
  const words = sentences.reduce((n, s) => n + s.words.length, 0);
  const pauses = sentences.slice(0, -1).reduce((t, s) => t + (s.paragraphEnd ? 2 : 1) * sentenceSilence, 0);
  return { words, sentences: sentences.length, seconds: (words / wpm) * 60 + pauses };
}

/** m:ss */
export function formatSeconds(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** The first sentences of the script, up to about `maxChars`, for a quick preview. */
export function previewText(script: string, language: string, maxChars = 240): string {
  let sentences;
  try {
    sentences = splitScript(script, language);
  } catch {
    return '';
  }
  let out = '';
  for (const s of sentences) {
    if (out && out.length + s.text.length + 1 > maxChars) break;
    out = out ? `${out} ${s.text}` : s.text;
  }
  return out.slice(0, 5000);
}
