/** A hub voice, downloaded and installed: the `voice.download` job's work (resumable across attempts). */
import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '../../core.js';
import { toAppError } from '../../errors.js';
import { narrationRuntime } from '../runtime.js';
import { downloadHubFile, fetchVoiceIndex, voiceFiles } from './hub.js';
import { addVoice, type VoiceInfo } from './manage.js';

export async function downloadVoice(core: Core, name: string, options: { signal?: AbortSignal | undefined; progress?: (done: number, total: number) => void } = {}): Promise<VoiceInfo> {
  const runtime = narrationRuntime(core);
  const baseUrl = runtime.hubBaseUrl;
  const index = await fetchVoiceIndex(baseUrl, options.signal);
  const files = voiceFiles(index, name);
  const total = files.onnx[1].size_bytes + files.config[1].size_bytes;
  const staging = path.join(core.paths.voices, '.downloads', name);
  const onnx = path.join(staging, `${name}.onnx`);
  const common = { baseUrl, chunkBytes: runtime.downloadChunkBytes, signal: options.signal, log: core.log, onBytes: (done: number) => options.progress?.(done, total) };
  let voice: VoiceInfo;
  try {
    await downloadHubFile(files.config[0], files.config[1], `${onnx}.json`, common);
    await downloadHubFile(files.onnx[0], files.onnx[1], onnx, common, files.config[1].size_bytes);
    voice = await addVoice(core, onnx, name);
  } catch (thrown) {
    const error = toAppError(thrown);
    // An interrupted download keeps its .part files to resume; a refused one (bad md5, not a voice) leaves nothing.
    if (!error.retryable && error.code !== 'cancelled') fs.rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  fs.rmSync(staging, { recursive: true, force: true });
  return voice;
}
