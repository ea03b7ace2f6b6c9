/** Sentences packed into requests within a model's character limit, and the speed for a wpm. Pure. */
import { appError } from '../../errors.js';
import type { ScriptSentence } from '../script.js';

export const ELEVENLABS_LIMITS: Record<string, number> = {
  eleven_multilingual_v2: 10_000,
  eleven_flash_v2_5: 40_000,
  eleven_turbo_v2_5: 40_000,
  eleven_v3: 3_000,
};

/** Whole sentences per chunk, each chunk's text (sentences joined by a space) at most `limit` characters. */
export function chunkSentences(sentences: ScriptSentence[], limit: number): ScriptSentence[][] {
  const chunks: ScriptSentence[][] = [];
  let current: ScriptSentence[] = [];
  let length = 0;
  for (const sentence of sentences) {
    if (sentence.text.length > limit) {
      throw appError('invalid_input', 'narration.sentenceTooLong', { length: sentence.text.length, limit, sentence: sentence.index + 1 });
    }
    const added = length === 0 ? sentence.text.length : length + 1 + sentence.text.length;
    if (current.length > 0 && (added > limit || sentence.paragraph !== current[0]!.paragraph)) {
      chunks.push(current);
      current = [];
      length = 0;
    }
    current.push(sentence);
    length = length === 0 ? sentence.text.length : length + 1 + sentence.text.length;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/**
 * ElevenLabs' `speed` (0.7–1.2) for a words-per-minute request, assuming about 150 wpm at speed 1
 * (ElevenLabs voices differ; calibrating would spend the user's characters). Says when clamped.
 */
export const ELEVENLABS_BASE_WPM = 150;
export function elevenLabsSpeed(wpm: number): { speed: number; clamped: boolean } {
  const raw = wpm / ELEVENLABS_BASE_WPM;
  const speed = Math.max(0.7, Math.min(1.2, raw));
  return { speed: Math.round(speed * 100) / 100, clamped: speed !== raw };
}
