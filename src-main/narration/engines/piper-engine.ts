/** Piper voices behind the engine interface: length_scale is the rate, one long-lived process per voice. */
import fs from 'node:fs';
import { appError } from '../../errors.js';
import { PiperProcess } from '../piper/piper-process.js';
import { assertPhonemesKnown, espeakDataDir, resolveEspeakVoice } from '../piper/phonemes.js';
import type { InstalledVoice } from '../voices/voice-store.js';
import type { NarrationEngine } from './engine.js';

export const PIPER_RATE = { kind: 'inverse', min: 0.5, max: 2.0, calibrationRates: [1], name: 'length_scale' } as const;

export function piperLanguage(voice: InstalledVoice): string {
  return (voice.config.language?.code ?? voice.config.espeak.voice).split(/[-_]/)[0]!.toLowerCase();
}

/** A speaker of a multi-speaker voice, by name (speaker_id_map) or number; 0 when not given. Pure. */
export function speakerId(voice: Pick<InstalledVoice, 'id' | 'config'>, speaker: string | undefined): number {
  if (speaker === undefined || speaker === '') return 0;
  const map = voice.config.speaker_id_map ?? {};
  const byName = map[speaker];
  if (byName !== undefined) return byName;
  const n = Number(speaker);
  if (Number.isInteger(n) && n >= 0 && n < voice.config.num_speakers) return n;
  const names = Object.keys(map);
  if (voice.config.num_speakers <= 1) throw appError('invalid_input', 'voice.oneSpeaker', { voice: voice.id, speaker });
  throw appError('invalid_input', 'voice.noSpeaker', { voice: voice.id, speaker, speakers: names.length ? names.slice(0, 20).join(', ') : `0–${voice.config.num_speakers - 1}` });
}

export function createPiperEngine(voice: InstalledVoice, proc?: PiperProcess, speaker?: string): NarrationEngine & { process: PiperProcess } {
  const sid = speakerId(voice, speaker);
  const suffix = speaker ? `#${speaker}` : '';
  const label = `Piper voice ${voice.id}${suffix}`;
  const dataDir = espeakDataDir();
  const espeakVoice = resolveEspeakVoice(voice.config.espeak.voice, dataDir, voice.id);
  const process = proc ?? new PiperProcess({ model: voice.model, tokens: voice.tokens, dataDir, label: voice.id });
  const stat = fs.statSync(voice.model);
  return {
    kind: 'piper',
    voiceId: `piper:${voice.id}${suffix}`,
    label,
    language: piperLanguage(voice),
    rate: { ...PIPER_RATE, calibrationRates: [...PIPER_RATE.calibrationRates] },
    calibrationKey: `piper:${voice.id}:${sid}:${stat.size}:${Math.round(stat.mtimeMs)}`,
    process,
    async prepare(text, signal) {
      await assertPhonemesKnown(text, espeakVoice, voice.config.phoneme_id_map, voice.id, signal);
    },
    async synthesize(text, lengthScale, signal) {
      const audio = await process.synthesize(text, lengthScale, sid, signal);
      return { samples: audio.samples, sampleRate: audio.sampleRate };
    },
  };
}
