/**
 * ElevenLabs behind the engine interface. The script is sent in chunks of whole sentences (within the
 * model's limit, never across a paragraph), each with `with-timestamps`; the character alignment gives
 * exact sentence and word times, chunks are stitched with the configured silence. A retryable failure
 * of one chunk (429, 5xx, network) is retried on the one retry policy's schedule, so the chunks already
 * paid for are not requested again.
 */
import { appError, toAppError } from '../../errors.js';
import { DEFAULT_RETRY_POLICY, nextRetryDelay, type RetryPolicy } from '../../jobs/retry-policy.js';
import { sleep } from '../../providers/kie/rate-gate.js';
import { concatSamples, pcm16ToSamples, silence } from '../audio/wav.js';
import type { NarrationEngine, ScriptAudio } from '../engines/engine.js';
import type { SentenceTiming } from '../timing/scene-durations.js';
import { wordsFromAlignment, type TimedWord } from '../timing/word-timings.js';
import { ELEVENLABS_SAMPLE_RATE, type ElevenLabsClient, type TimestampedSpeech } from './client.js';
import { chunkSentences, elevenLabsSpeed, ELEVENLABS_LIMITS } from './chunks.js';
import { encodeMessage } from '../../messages.js';

export const ELEVENLABS_DEFAULT_MODEL = 'eleven_multilingual_v2';

export function createElevenLabsEngine(client: ElevenLabsClient, voiceId: string, options: { modelId?: string; language?: string; retry?: RetryPolicy } = {}): NarrationEngine {
  const modelId = options.modelId ?? ELEVENLABS_DEFAULT_MODEL;
  const retry = options.retry ?? DEFAULT_RETRY_POLICY;
  const language = options.language ?? 'en';
  const languageCode = options.language; // sent only when known: ElevenLabs detects it otherwise
  const speak = async (text: string, speed: number, signal?: AbortSignal, context: { previousText?: string; nextText?: string } = {}): Promise<TimestampedSpeech> => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await client.speakWithTimestamps(voiceId, { text, modelId, languageCode, speed, ...context }, signal);
      } catch (thrown) {
        const error = toAppError(thrown);
        const delay = nextRetryDelay({ attempt, retryable: error.retryable, retryAfterSeconds: error.retryAfterSeconds }, retry);
        if (delay === null) throw error;
        await sleep(delay, signal);
      }
    }
  };
  return {
    kind: 'elevenlabs',
    voiceId: `elevenlabs:${voiceId}`,
    label: `ElevenLabs voice ${voiceId}`,
    language,
    async synthesizeScript(sentences, { wpm, sentenceSilence, signal, progress }): Promise<ScriptAudio> {
      let limit = ELEVENLABS_LIMITS[modelId] ?? 3_000;
      try {
        const model = (await client.models(signal)).find((m) => m.model_id === modelId);
        if (model?.maximum_text_length_per_request) limit = model.maximum_text_length_per_request;
      } catch (error) {
        if (toAppError(error).code === 'auth_error' || toAppError(error).code === 'cancelled') throw error;
      }
      const { speed, clamped } = elevenLabsSpeed(wpm);
      const warnings = clamped ? [encodeMessage({ key: 'elevenlabs.speedClamped', values: { wpm, speed, about: Math.round(speed * 150) } })] : [];
      const chunks = chunkSentences(sentences, limit);
      const parts: Float32Array[] = [];
      const timings: SentenceTiming[] = [];
      const words: TimedWord[] = [];
      let t = 0;
      let done = 0;
      for (let c = 0; c < chunks.length; c++) {
        const chunk = chunks[c]!;
        const text = chunk.map((s) => s.text).join(' ');
        const speech = await speak(text, speed, signal, { ...(c > 0 ? { previousText: chunks[c - 1]!.map((s) => s.text).join(' ') } : {}), ...(c + 1 < chunks.length ? { nextText: chunks[c + 1]!.map((s) => s.text).join(' ') } : {}) });
        const samples = pcm16ToSamples(speech.pcm);
        if (samples.length === 0) throw appError('provider_error', 'elevenlabs.noAudioPart', undefined, { retryable: true });
        const length = samples.length / ELEVENLABS_SAMPLE_RATE;
        const chunkWords = wordsFromAlignment(
          chunk.flatMap((s) => s.words.map((w) => ({ text: w, sentence: s.index }))),
          speech.alignment,
          t,
        );
        words.push(...chunkWords);
        chunk.forEach((s, i) => {
          const own = chunkWords.filter((w) => w.sentence === s.index);
          const start = i === 0 ? t : timings[timings.length - 1]!.end;
          const end = i === chunk.length - 1 ? t + length : Math.min(t + length, own[own.length - 1]?.end ?? start);
          timings.push({ index: s.index, text: s.text, start, end: Math.max(start, end) });
        });
        parts.push(samples);
        t += length;
        if (c + 1 < chunks.length) {
          const gap = silence(sentenceSilence * (chunk[chunk.length - 1]!.paragraphEnd ? 2 : 1), ELEVENLABS_SAMPLE_RATE);
          parts.push(gap);
          t += gap.length / ELEVENLABS_SAMPLE_RATE;
        }
        done += chunk.length;
        progress?.(done, sentences.length);
      }
      return { audio: { samples: concatSamples(parts), sampleRate: ELEVENLABS_SAMPLE_RATE }, sentences: timings, words, wordTimings: 'exact', warnings };
    },
  };
}
