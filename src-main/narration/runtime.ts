/**
 * The narration domain's per-core parts: the voice store, the WPM calibration cache, one long-lived
 * Piper process per voice, and the ElevenLabs client. `resolveEngine` turns a voice id into an engine:
 *   piper:<name> or <name>   an installed Piper voice (piper:<name>#<speaker> for one speaker of several)
 *   system:<lang>            espeak-ng / say / SAPI
 *   elevenlabs:<voice_id>    ElevenLabs (key from the secret store)
 */
import path from 'node:path';
import type { Core } from '../core.js';
import { appError } from '../errors.js';
import { createElevenLabsEngine } from './elevenlabs/elevenlabs-engine.js';
import { ElevenLabsClient, elevenLabsBaseUrl } from './elevenlabs/client.js';
import type { NarrationEngine } from './engines/engine.js';
import { createPiperEngine } from './engines/piper-engine.js';
import { forkNodeEngine, type ForkEngine } from './piper/engine-host.js';
import { PiperProcess } from './piper/piper-process.js';
import { espeakDataDir } from './piper/phonemes.js';
import { createSystemEngine } from './system/system-engine.js';
import { CalibrationCache } from './timing/calibration.js';
import { DEFAULT_CHUNK_BYTES, voiceHubBaseUrl } from './voices/hub.js';
import { VoiceStore } from './voices/voice-store.js';

export interface NarrationRuntime {
  store: VoiceStore;
  calibration: CalibrationCache;
  processes: Map<string, PiperProcess>;
  elevenlabs: ElevenLabsClient;
  hubBaseUrl: string;
  downloadChunkBytes: number;
  /** How engine processes start (the desktop shell passes Electron's utilityProcess; see piper/engine-host.ts). */
  forkEngine: ForkEngine;
}

const runtimes = new WeakMap<Core, NarrationRuntime>();

export function configureNarration(core: Core, options: { elevenLabsBaseUrl?: string; hubBaseUrl?: string; downloadChunkBytes?: number; forkEngine?: ForkEngine } = {}): NarrationRuntime {
  const runtime: NarrationRuntime = {
    store: new VoiceStore(core.paths.voices),
    calibration: new CalibrationCache(path.join(core.paths.voices, '.calibration.json')),
    processes: new Map(),
    elevenlabs: new ElevenLabsClient({ baseUrl: options.elevenLabsBaseUrl ?? elevenLabsBaseUrl(), apiKey: () => core.secrets.get('elevenlabs'), log: core.log }),
    hubBaseUrl: options.hubBaseUrl ?? voiceHubBaseUrl(),
    downloadChunkBytes: options.downloadChunkBytes ?? DEFAULT_CHUNK_BYTES,
    forkEngine: options.forkEngine ?? forkNodeEngine,
  };
  runtimes.set(core, runtime);
  return runtime;
}

export function narrationRuntime(core: Core): NarrationRuntime {
  return runtimes.get(core) ?? configureNarration(core);
}

/** Stops every engine process of this core (closing the core, removing a voice). */
export function closeNarration(core: Core, voiceName?: string): void {
  const runtime = runtimes.get(core);
  if (!runtime) return;
  for (const [name, proc] of runtime.processes) {
    if (voiceName === undefined || voiceName === name) {
      proc.close();
      runtime.processes.delete(name);
    }
  }
}

/** `language` (the project's, or --language) tells ElevenLabs what it reads; Piper and system voices know theirs. */
export function resolveEngine(core: Core, voiceId: string, options: { language?: string | undefined } = {}): NarrationEngine {
  const runtime = narrationRuntime(core);
  const [prefix, ...rest] = voiceId.split(':');
  const value = rest.join(':');
  if (rest.length > 0 && prefix === 'system') return createSystemEngine(value);
  if (rest.length > 0 && prefix === 'elevenlabs') return createElevenLabsEngine(runtime.elevenlabs, value, options.language ? { language: options.language } : {});
  const [name = '', speaker] = (rest.length > 0 && prefix === 'piper' ? value : voiceId).split('#');
  if (rest.length > 0 && prefix !== 'piper') throw appError('invalid_input', 'narration.unknownVoice', { voice: voiceId });
  const voice = runtime.store.get(name);
  let proc = runtime.processes.get(name);
  if (!proc) {
    proc = new PiperProcess({ model: voice.model, tokens: voice.tokens, dataDir: espeakDataDir(), label: voice.id }, runtime.forkEngine);
    runtime.processes.set(name, proc);
  }
  return createPiperEngine(voice, proc, speaker);
}
