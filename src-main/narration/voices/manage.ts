/**
 * The voice manager behind IPC and the CLI: every voice the app can use (installed Piper voices and
 * the system voices), adding a Piper voice from a local pair (loaded once in the engine before it is
 * accepted), and removing one (its engine process stopped first).
 */
import type { Core } from '../../core.js';
import { appError, AppError } from '../../errors.js';
import { resolveBinary } from '../../platform/binaries.js';
import { PiperProcess } from '../piper/piper-process.js';
import { assertPhonemizerFor, espeakDataDir, resolveEspeakVoice } from '../piper/phonemes.js';
import { closeNarration, narrationRuntime } from '../runtime.js';
import { systemEngineName } from '../system/system-engine.js';
import type { PiperVoiceInfo } from './voice-store.js';

export interface VoiceInfo {
  id: string;
  engine: 'piper' | 'system' | 'elevenlabs';
  name: string;
  language: string;
  quality: string;
  sampleRate: number | null;
  speakers: number;
  speakerNames?: string[];
  bytes: number;
}

function systemVoices(): VoiceInfo[] {
  const engine = systemEngineName();
  if (engine === 'espeak-ng') {
    try {
      resolveBinary('espeak-ng');
    } catch {
      return [];
    }
  }
  return [
    { id: 'system:en', engine: 'system', name: `${engine} English`, language: 'en', quality: 'system', sampleRate: null, speakers: 1, bytes: 0 },
    { id: 'system:es', engine: 'system', name: `${engine} Spanish`, language: 'es', quality: 'system', sampleRate: null, speakers: 1, bytes: 0 },
  ];
}

function piperInfo(v: PiperVoiceInfo): VoiceInfo {
  return { ...v, id: `piper:${v.id}` };
}

export function listVoices(core: Core): VoiceInfo[] {
  return [...narrationRuntime(core).store.list().map(piperInfo), ...systemVoices()];
}

/** Adds `<file>.onnx` + `.onnx.json`; the voice must load in the engine before it is kept. */
export async function addVoice(core: Core, onnxFile: string, id?: string): Promise<VoiceInfo> {
  const { store } = narrationRuntime(core);
  const info = await store.add(
    onnxFile,
    async (staged) => {
      const dataDir = espeakDataDir();
      assertPhonemizerFor(staged.config.espeak.voice, dataDir, staged.id);
      const proc = new PiperProcess({ model: staged.model, tokens: staged.tokens, dataDir, label: staged.id }, narrationRuntime(core).forkEngine);
      try {
        const loaded = await proc.info();
        if (loaded.sampleRate !== staged.config.audio.sample_rate) {
          throw appError('invalid_input', 'voice.sampleRateMismatch', { voice: staged.id, sampleRate: loaded.sampleRate, sample_rate: staged.config.audio.sample_rate });
        }
      } catch (error) {
        if (error instanceof AppError && error.code === 'invalid_input' && /could not be loaded/.test(error.message)) {
          throw appError('invalid_input', 'voice.notLoadable', { file: onnxFile, problem: String(error.values?.message ?? error.message.replace(/^.*could not be loaded: /, '')) });
        }
        throw error;
      } finally {
        proc.close();
      }
    },
    id,
    (voice) => resolveEspeakVoice(voice, espeakDataDir(), id ?? onnxFile),
  );
  core.events.emit('voices.changed', { reason: 'added', id: `piper:${info.id}` });
  return piperInfo(info);
}

export function removeVoice(core: Core, voiceId: string): void {
  const name = voiceId.replace(/^piper:/, '');
  if (voiceId.startsWith('system:') || voiceId.startsWith('elevenlabs:')) throw appError('invalid_input', 'voice.notInstalledRemove', { voice: voiceId });
  closeNarration(core, name);
  narrationRuntime(core).store.remove(name);
  core.events.emit('voices.changed', { reason: 'removed', id: `piper:${name}` });
}
