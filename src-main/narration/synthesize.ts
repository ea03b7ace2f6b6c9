/**
 * A script through an engine: split into sentences, preflight, map words per minute to the engine's
 * rate, read sentence by sentence (so every sentence's start and end is the sum of real lengths, not
 * an estimate), insert the configured silences (a paragraph break doubles it), estimate word timings
 * inside each sentence, join and peak-normalise. Engines with their own script path (ElevenLabs) are
 * handed the sentences instead.
 */
import { AppError } from '../errors.js';
import { concatSamples, peakNormalise, silence } from './audio/wav.js';
import { measuredWpm, speechSpans } from './audio/speech-time.js';
import type { NarrationEngine, ScriptAudio } from './engines/engine.js';
import { splitScript } from './script.js';
import type { CalibrationCache } from './timing/calibration.js';
import type { SentenceTiming } from './timing/scene-durations.js';
import { estimateWordTimings, type TimedWord } from './timing/word-timings.js';
import { MAX_WPM, MIN_WPM, rateForWpm } from './timing/wpm.js';

export interface SynthesisRequest {
  script: string;
  wpm: number;
  sentenceSilence?: number;
  signal?: AbortSignal | undefined;
  progress?: ((percent: number, message: string) => void) | undefined;
}

export interface SynthesisResult extends ScriptAudio {
  voiceId: string;
  wpm: { requested: number; measured: number; rate: number | null; rateName: string | null };
}

export async function synthesizeScript(engine: NarrationEngine, calibration: CalibrationCache, request: SynthesisRequest): Promise<SynthesisResult> {
  if (!Number.isFinite(request.wpm) || request.wpm < MIN_WPM || request.wpm > MAX_WPM) {
    throw new AppError('invalid_input', `Words per minute must be between ${MIN_WPM} and ${MAX_WPM}, not ${request.wpm}.`);
  }
  const sentenceSilence = request.sentenceSilence ?? 0.3;
  const sentences = splitScript(request.script, engine.language);
  const progress = request.progress ?? (() => {});
  const wordCount = sentences.reduce((n, s) => n + s.words.length, 0);
  progress(1, `Checking the script for ${engine.label}`);
  await engine.prepare?.(sentences.map((s) => s.text).join('\n'), request.signal);

  let result: ScriptAudio;
  let rate: number | null = null;
  if (engine.synthesizeScript) {
    result = await engine.synthesizeScript(sentences, {
      wpm: request.wpm,
      sentenceSilence,
      signal: request.signal,
      progress: (done, total) => progress(5 + (90 * done) / total, `Reading sentence ${done} of ${total}`),
    });
  } else {
    progress(2, `Calibrating ${engine.label} (once per voice)`);
    const cal = await calibration.get(engine, request.signal);
    const choice = rateForWpm(engine.rate!, cal, request.wpm);
    rate = choice.rate;
    const warnings = choice.clamped ? [`${engine.label} cannot go to ${request.wpm} words per minute; it reads at about ${Math.round(choice.expectedWpm)}.`] : [];
    const parts: Float32Array[] = [];
    const timings: SentenceTiming[] = [];
    const words: TimedWord[] = [];
    let t = 0;
    let sampleRate = 0;
    for (const sentence of sentences) {
      const audio = await engine.synthesize!(sentence.text, choice.rate, request.signal);
      if (sampleRate && audio.sampleRate !== sampleRate) throw new AppError('internal', `${engine.label} changed its sample rate mid-script.`);
      sampleRate = audio.sampleRate;
      const length = audio.samples.length / sampleRate;
      const spans = speechSpans(audio.samples, sampleRate);
      const speechStart = spans[0]?.start ?? 0;
      const speechEnd = spans[spans.length - 1]?.end ?? length;
      parts.push(audio.samples);
      const start = t;
      t += audio.samples.length / sampleRate;
      timings.push({ index: sentence.index, text: sentence.text, start, end: t });
      words.push(...estimateWordTimings(sentence.words, speechStart, speechEnd, sentence.index, start));
      const last = sentence.index === sentences.length - 1;
      if (!last) {
        const gap = silence(sentence.paragraphEnd ? sentenceSilence * 2 : sentenceSilence, sampleRate);
        parts.push(gap);
        t += gap.length / sampleRate;
      }
      progress(5 + (90 * (sentence.index + 1)) / sentences.length, `Reading sentence ${sentence.index + 1} of ${sentences.length}`);
    }
    result = { audio: { samples: concatSamples(parts), sampleRate }, sentences: timings, words, wordTimings: 'estimated', warnings };
  }
  const samples = peakNormalise(result.audio.samples);
  return {
    ...result,
    audio: { samples, sampleRate: result.audio.sampleRate },
    voiceId: engine.voiceId,
    wpm: { requested: request.wpm, measured: round1(measuredWpm(wordCount, samples, result.audio.sampleRate)), rate, rateName: engine.rate?.name ?? null },
  };
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
