/**
 * Per-voice WPM calibration: the engine reads a known passage once (sentence by sentence, as a script
 * is read) at its calibration rate(s); the measured words per minute (speech-time.ts) fit the rate
 * model (wpm.ts). Cached in <voices>/calibration.json by the engine's calibration key, so it runs
 * once per voice file and engine build.
 */
import fs from 'node:fs';
import path from 'node:path';
import { concatSamples, silence } from '../audio/wav.js';
import { measuredWpm } from '../audio/speech-time.js';
import type { NarrationEngine } from '../engines/engine.js';
import { splitScript } from '../script.js';
import { fitCalibration, type Calibration } from './wpm.js';
import { writeFileAtomic } from '../../platform/atomic-file.js';

const PASSAGES: Record<string, string> = {
  en: 'What if the moon disappeared tonight? The tides would shrink to a whisper. Nights would grow darker than anyone alive has ever seen. Birds that travel by moonlight would lose their way. And yet, life on Earth would slowly learn to live without it.',
  es: '¿Y si la luna desapareciera esta noche? Las mareas se volverían casi nada. Las noches serían más oscuras que nunca. Las aves que viajan con la luz de la luna perderían el rumbo. Y aun así, la vida en la Tierra aprendería poco a poco a vivir sin ella.',
};

export function calibrationPassage(language: string): string {
  return PASSAGES[language] ?? PASSAGES.en!;
}

/** Reads the passage at one rate and measures its words per minute. */
export async function measureEngineWpm(engine: NarrationEngine, rate: number, signal?: AbortSignal): Promise<number> {
  const sentences = splitScript(calibrationPassage(engine.language), engine.language);
  const parts: Float32Array[] = [];
  let sampleRate = 22050;
  for (const sentence of sentences) {
    const audio = await engine.synthesize!(sentence.text, rate, signal);
    sampleRate = audio.sampleRate;
    parts.push(audio.samples, silence(0.3, sampleRate));
  }
  const words = sentences.reduce((n, s) => n + s.words.length, 0);
  return measuredWpm(words, concatSamples(parts), sampleRate);
}

export class CalibrationCache {
  constructor(private readonly file: string) {}

  private read(): Record<string, Calibration> {
    try {
      return JSON.parse(fs.readFileSync(this.file, 'utf8')) as Record<string, Calibration>;
    } catch {
      return {};
    }
  }

  async get(engine: NarrationEngine, signal?: AbortSignal): Promise<Calibration> {
    const key = engine.calibrationKey ?? engine.voiceId;
    const hit = this.read()[key];
    if (hit) return hit;
    const model = engine.rate!;
    const points: { rate: number; wpm: number }[] = [];
    for (const rate of model.calibrationRates) points.push({ rate, wpm: await measureEngineWpm(engine, rate, signal) });
    const calibration = fitCalibration(model, points);
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      writeFileAtomic(this.file, JSON.stringify({ ...this.read(), [key]: calibration }, null, 2));
    } catch {
      // a cache that cannot be written costs a recalibration next time, nothing more
    }
    return calibration;
  }
}
