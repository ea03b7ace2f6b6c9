/**
 * Voices from the piper-voices hub. `voices.json` lists every voice with its files' sizes and md5
 * sums. A download goes through the one HTTP client in Range requests of `chunkBytes`, appended to a
 * `.part` file in <voices>/.downloads/<name>/, so an interrupted download resumes where it stopped
 * (and memory stays small). A finished file is checked (size, md5) and renamed; a wrong one is deleted
 * and refused. The pair is then installed like a local voice (loaded once before it is kept).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../errors.js';
import { httpRequest } from '../../providers/http/client.js';

export const VOICE_HUB_DEFAULT_URL = 'https://huggingface.co/rhasspy/piper-voices/resolve/main';
export const DEFAULT_CHUNK_BYTES = 4 * 1024 * 1024;

export function voiceHubBaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return (env.WHATIF_VOICES_BASE_URL || VOICE_HUB_DEFAULT_URL).replace(/\/+$/, '');
}

export interface HubFile {
  size_bytes: number;
  md5_digest: string;
}

export interface HubVoice {
  key: string;
  name?: string;
  quality?: string;
  language?: { code?: string };
  num_speakers?: number;
  files: Record<string, HubFile>;
}

export async function fetchVoiceIndex(baseUrl: string, signal?: AbortSignal): Promise<Record<string, HubVoice>> {
  const response = await httpRequest({ provider: 'the voice hub', url: `${baseUrl}/voices.json`, ...(signal ? { signal } : {}), timeoutMs: 60_000 });
  const index = response.json<Record<string, HubVoice>>({ retryable: true });
  if (!index || typeof index !== 'object' || Array.isArray(index)) throw new AppError('provider_error', 'The voice hub sent a voices.json that is not a voice list.');
  return index;
}

/** The voice's model and config paths in the hub, with sizes and md5s. Pure. */
export function voiceFiles(index: Record<string, HubVoice>, name: string): { onnx: [string, HubFile]; config: [string, HubFile] } {
  const voice = index[name];
  if (!voice) {
    const close = Object.keys(index).filter((k) => k.toLowerCase().includes(name.toLowerCase().split('-')[0] ?? '')).slice(0, 5);
    throw new AppError('not_found', `The voice hub has no voice "${name}".${close.length ? ` Similar: ${close.join(', ')}.` : ''}`);
  }
  const entries = Object.entries(voice.files ?? {});
  const onnx = entries.find(([p]) => p.endsWith('.onnx'));
  const config = entries.find(([p]) => p.endsWith('.onnx.json'));
  if (!onnx || !config) throw new AppError('provider_error', `The voice hub lists "${name}" without its .onnx and .onnx.json files.`);
  return { onnx, config };
}

async function md5OfFile(file: string): Promise<string> {
  const hash = crypto.createHash('md5');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export interface DownloadOptions {
  baseUrl: string;
  chunkBytes?: number;
  signal?: AbortSignal | undefined;
  /** Bytes done of the whole voice so far. */
  onBytes?: (done: number) => void;
  log?: (line: string) => void;
}

/** Downloads one hub file to `target` (resuming `target.part`), checked against size and md5. */
export async function downloadHubFile(hubPath: string, expected: HubFile, target: string, options: DownloadOptions, doneBefore = 0): Promise<void> {
  if (fs.existsSync(target) && fs.statSync(target).size === expected.size_bytes && (await md5OfFile(target)) === expected.md5_digest) return;
  const part = `${target}.part`;
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const url = `${options.baseUrl}/${hubPath.split('/').map(encodeURIComponent).join('/')}`;
  const chunk = options.chunkBytes ?? DEFAULT_CHUNK_BYTES;
  let have = fs.existsSync(part) ? fs.statSync(part).size : 0;
  if (have > expected.size_bytes) {
    fs.rmSync(part);
    have = 0;
  }
  while (have < expected.size_bytes) {
    const last = Math.min(expected.size_bytes, have + chunk) - 1;
    const response = await httpRequest({
      provider: 'the voice hub',
      url,
      headers: { Range: `bytes=${have}-${last}` },
      ...(options.signal ? { signal: options.signal } : {}),
      timeoutMs: 120_000,
      maxBytes: Math.max(chunk, expected.size_bytes) + 1024,
      acceptStatus: (s) => s === 200 || s === 206,
      ...(options.log ? { log: options.log } : {}),
    });
    if (response.status === 200) {
      // The server ignored Range and sent the whole file: start over with it.
      fs.writeFileSync(part, response.body);
      have = response.body.length;
      break;
    }
    if (response.body.length === 0) throw new AppError('provider_error', `The voice hub sent no bytes for ${path.basename(hubPath)} at ${have}.`, { retryable: true });
    fs.appendFileSync(part, response.body);
    have += response.body.length;
    options.onBytes?.(doneBefore + have);
  }
  const size = fs.statSync(part).size;
  const md5 = size === expected.size_bytes ? await md5OfFile(part) : null;
  if (md5 !== expected.md5_digest) {
    fs.rmSync(part, { force: true });
    throw new AppError(
      'provider_error',
      `The download of ${path.basename(hubPath)} is corrupted (${md5 === null ? `${size} bytes instead of ${expected.size_bytes}` : `md5 ${md5} instead of ${expected.md5_digest}`}); it was deleted. Try the download again.`,
    );
  }
  fs.renameSync(part, target);
  options.onBytes?.(doneBefore + size);
}
