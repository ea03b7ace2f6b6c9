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
import { appError } from '../../errors.js';
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
  const response = await httpRequest({
    provider: 'the voice hub',
    url: `${baseUrl}/voices.json`,
    ...(signal ? { signal } : {}),
    timeoutMs: 60_000,
    retry: { mode: 'idempotent' },
    // A cut or garbled list is retried like a failed read.
    check: (r) => void r.json({ retryable: true }),
  });
  const index = response.json<Record<string, HubVoice>>({ retryable: true });
  if (!index || typeof index !== 'object' || Array.isArray(index)) throw appError('provider_error', 'voice.hubBadList');
  return index;
}

/** The voice's model and config paths in the hub, with sizes and md5s. Pure. */
export function voiceFiles(index: Record<string, HubVoice>, name: string): { onnx: [string, HubFile]; config: [string, HubFile] } {
  const voice = Object.prototype.hasOwnProperty.call(index, name) ? index[name] : undefined;
  if (!voice) {
    const close = Object.keys(index).filter((k) => k.toLowerCase().includes(name.toLowerCase().split('-')[0] ?? '')).slice(0, 5);
    throw close.length ? appError('not_found', 'voice.hubNoVoiceSimilar', { name, similar: close.join(', ') }) : appError('not_found', 'voice.hubNoVoice', { name });
  }
  const entries = Object.entries(voice.files ?? {});
  const onnx = entries.find(([p]) => p.endsWith('.onnx'));
  const config = entries.find(([p]) => p.endsWith('.onnx.json'));
  if (!onnx || !config) throw appError('provider_error', 'voice.hubNoFiles', { name });
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
      // A byte range is a read: retried here before the download job's attempt fails.
      retry: { mode: 'idempotent' },
      ...(options.log ? { log: options.log } : {}),
    });
    if (response.status === 200) {
      // The server ignored Range and sent the whole file: start over with it.
      fs.writeFileSync(part, response.body);
      have = response.body.length;
      break;
    }
    if (response.body.length === 0) throw appError('provider_error', 'voice.hubNoBytes', { file: path.basename(hubPath), have }, { retryable: true });
    fs.appendFileSync(part, response.body);
    have += response.body.length;
    options.onBytes?.(doneBefore + have);
  }
  const size = fs.statSync(part).size;
  const md5 = size === expected.size_bytes ? await md5OfFile(part) : null;
  if (md5 !== expected.md5_digest) {
    fs.rmSync(part, { force: true });
    const file = path.basename(hubPath);
    throw md5 === null
      ? appError('provider_error', 'voice.downloadWrongSize', { file, size, expected: expected.size_bytes })
      : appError('provider_error', 'voice.downloadWrongMd5', { file, md5, expected: expected.md5_digest });
  }
  fs.renameSync(part, target);
  options.onBytes?.(doneBefore + size);
}

export interface CatalogVoice {
  /** The hub's key, what voices.download takes (e.g. es_ES-davefx-medium). */
  name: string;
  /** The speaker's name as the hub gives it (davefx). */
  speaker: string;
  /** Language code, e.g. es_ES. */
  language: string;
  quality: string;
  speakers: number;
  /** The .onnx model and its .onnx.json, in bytes. */
  sizeBytes: number;
}

/** The hub's voices.json as a catalogue to pick from, pure: sorted by language, speaker and quality. */
export function catalogFromIndex(index: Record<string, HubVoice>): CatalogVoice[] {
  const order = ['x_low', 'low', 'medium', 'high'];
  return Object.entries(index)
    .filter(([key, v]) => /^[A-Za-z0-9_.-]{3,120}$/.test(key) && v && typeof v === 'object' && v.files && typeof v.files === 'object')
    .map(([key, v]) => ({
      name: key,
      speaker: v.name ?? key.split('-')[1] ?? key,
      language: v.language?.code ?? key.split('-')[0] ?? '',
      quality: v.quality ?? key.split('-').at(-1) ?? '',
      speakers: v.num_speakers ?? 1,
      sizeBytes: Object.entries(v.files).filter(([file]) => file.endsWith('.onnx') || file.endsWith('.onnx.json')).reduce((total, [, f]) => total + (Number(f?.size_bytes) || 0), 0),
    }))
    .sort((a, b) => a.language.localeCompare(b.language) || a.speaker.localeCompare(b.speaker) || order.indexOf(a.quality) - order.indexOf(b.quality));
}
