/**
 * A script as the narrator reads it: paragraphs (blank-line separated) of sentences of words, split
 * with Intl.Segmenter for the script's language. Sentences without a single word (emoji, dashes) are
 * dropped; a script with no word at all, or longer than the limit, is a clear error. Pure.
 */
import { appError } from '../errors.js';

export const MAX_SCRIPT_CHARS = 100_000;

export interface ScriptSentence {
  index: number;
  text: string;
  words: string[];
  paragraph: number;
  /** The last sentence of its paragraph (a longer pause follows). */
  paragraphEnd: boolean;
}

/** Titles Intl.Segmenter ends a sentence on ("Mr. Smith" is one sentence). */
const ABBREVIATIONS = /(?:^|\s)(?:Mr|Mrs|Ms|Dr|Prof|St|Jr|Sr|Sra|Srta|Dra|Ud|Uds|vs|etc|approx|p\.ej)\.$/i;

function mergeAbbreviations(parts: string[]): string[] {
  const out: string[] = [];
  for (const part of parts) {
    const previous = out[out.length - 1];
    if (previous !== undefined && ABBREVIATIONS.test(previous)) out[out.length - 1] = `${previous} ${part}`;
    else if (part) out.push(part);
  }
  return out;
}

export function countWords(text: string, language: string): number {
  return wordsOf(text, language).length;
}

export function wordsOf(text: string, language: string): string[] {
  const segmenter = new Intl.Segmenter(language, { granularity: 'word' });
  const words: string[] = [];
  for (const s of segmenter.segment(text)) if (s.isWordLike) words.push(s.segment);
  return words;
}

export function splitScript(script: string, language: string): ScriptSentence[] {
  if (script.length > MAX_SCRIPT_CHARS) {
    throw appError('invalid_input', 'narration.scriptTooLong', { length: script.length.toLocaleString('en'), limit: MAX_SCRIPT_CHARS.toLocaleString('en') });
  }
  const paragraphs = script
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  const segmenter = new Intl.Segmenter(language, { granularity: 'sentence' });
  const sentences: ScriptSentence[] = [];
  paragraphs.forEach((paragraph, p) => {
    const inParagraph: ScriptSentence[] = [];
    for (const text of mergeAbbreviations([...segmenter.segment(paragraph)].map((s) => s.segment.trim()))) {
      const words = wordsOf(text, language);
      if (words.length === 0) continue;
      inParagraph.push({ index: 0, text, words, paragraph: p, paragraphEnd: false });
    }
    if (inParagraph.length > 0) inParagraph[inParagraph.length - 1]!.paragraphEnd = true;
    sentences.push(...inParagraph);
  });
  if (sentences.length === 0) {
    throw appError('invalid_input', 'narration.noWords');
  }
  sentences.forEach((s, i) => (s.index = i));
  return sentences;
}
