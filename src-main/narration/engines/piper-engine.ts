/** Piper voices behind the engine interface: length_scale is the rate, one long-lived process per voice. */
import fs from 'node:fs';
import { PiperProcess } from '../piper/piper-process.js';
import { assertPhonemesKnown, assertPhonemizerFor, espeakDataDir } from '../piper/phonemes.js';
import type { InstalledVoice } from '../voices/voice-store.js';
import type { NarrationEngine } from './engine.js';

export const PIPER_RATE = { kind: 'inverse', min: 0.5, max: 2.0, calibrationRates: [1], name: 'length_scale' } as const;

export function piperLanguage(voice: InstalledVoice): string {
  return (voice.config.language?.code ?? voice.config.espeak.voice).split(/[-_]/)[0]!.toLowerCase();
}

export function createPiperEngine(voice: InstalledVoice, proc?: PiperProcess): NarrationEngine & { process: PiperProcess } {
  const label = `Piper voice ${voice.id}`;
  const dataDir = espeakDataDir();
  assertPhonemizerFor(voice.config.espeak.voice, dataDir, voice.id);
  const process = proc ?? new PiperProcess({ model: voice.model, tokens: voice.tokens, dataDir, label: voice.id });
  const stat = fs.statSync(voice.model);
  return {
    kind: 'piper',
    voiceId: `piper:${voice.id}`,
    label,
    language: piperLanguage(voice),
    rate: { ...PIPER_RATE, calibrationRates: [...PIPER_RATE.calibrationRates] },
    calibrationKey: `piper:${voice.id}:${stat.size}:${Math.round(stat.mtimeMs)}`,
    process,
    async prepare(text, signal) {
      await assertPhonemesKnown(text, voice.config.espeak.voice, voice.config.phoneme_id_map, voice.id, signal);
    },
    async synthesize(text, lengthScale, signal) {
      const audio = await process.synthesize(text, lengthScale, 0, signal);
      return { samples: audio.samples, sampleRate: audio.sampleRate };
    },
  };
}
