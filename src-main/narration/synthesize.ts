/**
 * A script through an engine: split into sentences, preflight, map words per minute to the engine's
 * rate, read sentence by sentence (so every sentence's start and end is the sum of real lengths, not
 * an estimate), insert the configured silences (a paragraph break doubles it), estimate word timings
 * inside each sentence, join and peak-normalise. Engines with their own script path (ElevenLabs) are
 * handed the sentences instead.
 */
import { encodeMessage } from '../messages.js';
import { appError } from '../errors.js';
import { concatSamples, peakNormalise, silence, type Audio } from './audio/wav.js';
import { measuredWpm, speechSpans } from './audio/speech-time.js';
import type { NarrationEngine, ScriptAudio } from './engines/engine.js';
import { splitScript, type ScriptSentence } from './script.js';
import type { CalibrationCache } from './timing/calibration.js';
import type { SentenceTiming } from './timing/scene-durations.js';
import { estimateWordTimings, type TimedWord } from './timing/word-timings.js';
import { MAX_WPM, MIN_WPM, rateForWpm, type Calibration, type RateModel } from './timing/wpm.js';

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
    throw appError('invalid_input', 'narration.wpmRange', { max: MAX_WPM, min: MIN_WPM, wpm: request.wpm });
  }
  const sentenceSilence = request.sentenceSilence ?? 0.3;
  const sentences = splitScript(request.script, engine.language);
  const progress = request.progress ?? (() => {});
  const wordCount = sentences.reduce((n, s) => n + s.words.length, 0);
  progress(1, encodeMessage({ key: 'narration.progress.checking', values: { engine: engine.label } }));
  await engine.prepare?.(sentences.map((s) => s.text).join('\n'), request.signal);

  let result: ScriptAudio;
  let rate: number | null = null;
  if (engine.synthesizeScript) {
    result = await engine.synthesizeScript(sentences, {
      wpm: request.wpm,
      sentenceSilence,
      signal: request.signal,
      progress: (done, total) => progress(5 + (90 * done) / total, encodeMessage({ key: 'narration.progress.reading', values: { done, total } })),
    });
  } else {
    progress(2, encodeMessage({ key: 'narration.progress.calibrating', values: { engine: engine.label } }));
    const cal = await calibration.get(engine, request.signal);
    const choice = rateForWpm(engine.rate!, cal, request.wpm);
    rate = choice.rate;
    const warnings = choice.clamped ? [encodeMessage({ key: 'narration.wpmClamped', values: { engine: engine.label, wpm: request.wpm, reads: Math.round(choice.expectedWpm) } })] : [];
    result = await readSentences(engine, sentences, rate, sentenceSilence, request.signal, (done) => progress(5 + (45 * done) / sentences.length, encodeMessage({ key: 'narration.progress.reading', values: { done, total: sentences.length } })));
    // One correction pass: a script reads faster or slower than the calibration passage (pauses,
    // long words). When the measured rate misses by more than 4 %, read it again at a corrected rate.
    const measured = measuredWpm(wordCount, result.audio.samples, result.audio.sampleRate);
    if (!choice.clamped && measured > 0 && Math.abs(measured / request.wpm - 1) > 0.04) {
      const corrected = correctRate(engine.rate!, cal, rate, measured, request.wpm);
      if (corrected !== rate) {
        rate = corrected;
        result = await readSentences(engine, sentences, rate, sentenceSilence, request.signal, (done) => progress(50 + (45 * done) / sentences.length, encodeMessage({ key: 'narration.progress.adjusting', values: { done, total: sentences.length } })));
      }
    }
    result.warnings.push(...warnings);
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

/** The rate that moves `measured` to `target`, on the engine's rate model, within its range. Pure. */
export function correctRate(model: RateModel, calibration: Calibration, rate: number, measured: number, target: number): number {
  const next = calibration.kind === 'inverse' ? (rate * measured) / target : rate + (target - measured) / calibration.a;
  return Math.max(model.min, Math.min(model.max, next));
}

/** Sentence by sentence: each sentence's start and end is the sum of the real lengths before it. */
async function readSentences(engine: NarrationEngine, sentences: ScriptSentence[], rate: number, sentenceSilence: number, signal: AbortSignal | undefined, done: (n: number) => void): Promise<ScriptAudio> {
  const parts: Float32Array[] = [];
  const timings: SentenceTiming[] = [];
  const words: TimedWord[] = [];
  let samplesSoFar = 0;
  let sampleRate = 0;
  for (const sentence of sentences) {
    const audio = trimToSpeech(await engine.synthesize!(sentence.text, rate, signal));
    if (sampleRate && audio.sampleRate !== sampleRate) throw appError('internal', 'narration.sampleRateChanged', { label: engine.label });
    sampleRate = audio.sampleRate;
    if (audio.samples.length === 0) throw appError('internal', 'narration.noSound', { label: engine.label, sentence: sentence.index + 1, text: sentence.text.slice(0, 40) });
    const spans = speechSpans(audio.samples, sampleRate);
    const length = audio.samples.length / sampleRate;
    const start = samplesSoFar / sampleRate;
    parts.push(audio.samples);
    samplesSoFar += audio.samples.length;
    timings.push({ index: sentence.index, text: sentence.text, start, end: samplesSoFar / sampleRate });
    words.push(...estimateWordTimings(sentence.words, spans[0]?.start ?? 0, spans[spans.length - 1]?.end ?? length, sentence.index, start));
    if (sentence.index < sentences.length - 1) {
      const gap = silence(sentence.paragraphEnd ? sentenceSilence * 2 : sentenceSilence, sampleRate);
      parts.push(gap);
      samplesSoFar += gap.length;
    }
    done(sentence.index + 1);
  }
  return { audio: { samples: concatSamples(parts), sampleRate }, sentences: timings, words, wordTimings: 'estimated', warnings: [] };
}

const EDGE_S = 0.02;

/** A sentence's audio without the engine's own leading/trailing silence (20 ms kept), so the pause between sentences is the configured one and a sentence ends where its voice ends. */
export function trimToSpeech(audio: Audio): Audio {
  const spans = speechSpans(audio.samples, audio.sampleRate);
  if (spans.length === 0) return audio;
  const from = Math.max(0, Math.floor((spans[0]!.start - EDGE_S) * audio.sampleRate));
  const to = Math.min(audio.samples.length, Math.ceil((spans[spans.length - 1]!.end + EDGE_S) * audio.sampleRate));
  return { samples: audio.samples.subarray(from, to), sampleRate: audio.sampleRate };
}
