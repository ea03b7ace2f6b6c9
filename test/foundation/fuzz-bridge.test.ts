/**
 * Seeded fuzzing of every channel of the contract through the real loopback bridge: a few thousand
 * payloads, valid-looking ones with one field made hostile (special paths, NUL, huge strings,
 * Object.prototype names, wrong types, ids of real projects) and plain random JSON, plus raw HTTP
 * oddities. No answer may be `internal`, none may exceed the answer cap, every call answers within its
 * bound, and the heap settles. Bounded: well under a minute on two cores.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBridge, type Bridge } from '../../src-main/bridge/server.js';
import { configureImages } from '../../src-main/images/runtime.js';
import { MAX_ANSWER_BYTES, callTimeoutMs } from '../../src-main/ipc/call-limits.js';
import { CALL_NAMES, type CallName, type Result } from '../../src-main/ipc/contract/index.js';
import { configureNarration } from '../../src-main/narration/runtime.js';
import { startFakeElevenLabs } from '../fakes/elevenlabs-server.js';
import { seededRandom } from '../fakes/flaky-proxy.js';
import { startFakeVoiceHub } from '../fakes/voice-hub-server.js';
import { patternImage } from '../media/fixtures.js';
import { call, makeTestCore, tempDir } from '../helpers/temp-core.js';
import v8 from 'node:v8';
import vm from 'node:vm';

v8.setFlagsFromString('--expose-gc');
/** A full garbage collection (the flag above makes `gc` available to a new context). */
const collectGarbage = vm.runInNewContext('gc') as () => void;

let core: ReturnType<typeof makeTestCore>;
let fakes: { close(): Promise<void> }[] = [];
let bridge: Bridge;
let granted: string;
const logs: string[] = [];
let projectId = '';
let assetId = '';
let document: Record<string, unknown> = {};

beforeAll(async () => {
  granted = tempDir('whatif-fuzz-granted-');
  core = makeTestCore({ mode: 'bridge', allowedRoots: [granted], log: (line) => logs.push(line) });
  // Providers point at a closed loopback port: refused at once, never the internet.
  configureImages(core, { baseUrl: 'http://127.0.0.1:9', timings: { retryBaseMs: 5, retryMaxMs: 20 } });
  // The voice hub and ElevenLabs answer at once from loopback fakes (a refused port is retried with
  // backoff: 70 catalogue calls spent 30 s waiting, nothing the fuzzing learns from).
  const hub = await startFakeVoiceHub([]);
  const elevenLabs = await startFakeElevenLabs();
  fakes = [hub, elevenLabs];
  configureNarration(core, { elevenLabsBaseUrl: elevenLabs.baseUrl, hubBaseUrl: hub.baseUrl });
  const rendererDir = tempDir('whatif-fuzz-renderer-');
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>WhatIf</title>');
  bridge = await startBridge({ core, rendererDir });
  projectId = (await call<{ id: string }>(core, 'project.create', { name: 'Fuzzed', parentDir: granted })).id;
  const png = await patternImage(32, 32);
  const imported = await call<{ asset: { id: string } }>(core, 'images.importData', { projectId, name: 'dot.png', dataBase64: png.toString('base64') });
  assetId = imported.asset.id;
  document = (await call<{ document: Record<string, unknown> }>(core, 'project.open', { id: projectId })).document;
  fs.writeFileSync(path.join(granted, 'note.txt'), 'hello');
  execFileSync('mkfifo', [path.join(granted, 'fifo.mp4')]);
  fs.mkdirSync(path.join(granted, 'folder-named', 'project.json'), { recursive: true });
});
afterAll(async () => {
  await bridge.close();
  for (const fake of fakes) await fake.close();
  await core.cleanup();
  fs.rmSync(granted, { recursive: true, force: true });
});

const HOSTILE_STRINGS = () => [
  '',
  ' ',
  '/proc/self',
  '/proc/self/copy',
  '/proc/self/out/x.mp4',
  '/sys/kernel',
  '/dev/zero',
  '/etc/passwd',
  '/etc/passwd/project.json',
  'relative/path',
  '../../etc',
  '/tmp/a\u0000b',
  `/${'x'.repeat(300)}`,
  `/tmp/${'y'.repeat(5000)}`,
  'z'.repeat(100_000),
  'constructor',
  '__proto__',
  'toString',
  'hasOwnProperty',
  '%E0%A4%A',
  '\ud800',
  '<script>alert(1)</script>',
  path.join(granted, 'note.txt'),
  path.join(granted, 'fifo.mp4'),
  path.join(granted, 'folder-named'),
  path.join(granted, 'missing', 'deep', 'x.mp4'),
  granted,
  projectId,
  assetId,
  'es',
  'en',
  '9:16',
];

function hostileValue(random: () => number): unknown {
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)]!;
  const r = random();
  if (r < 0.55) return pick(HOSTILE_STRINGS());
  if (r < 0.7) return pick([0, -1, 1e308, 3.5, 2 ** 53, -0, 120, 240, 30]);
  if (r < 0.78) return pick([true, false, null]);
  if (r < 0.88) return pick([[], [pick(HOSTILE_STRINGS())], Array.from({ length: 300 }, () => 'a'), [{}]]);
  return pick([{}, { __proto__: { polluted: true } }, { constructor: 'x' }, JSON.parse('{"__proto__": {"polluted": 1}}')]);
}

/** A valid-looking input per channel: the fuzzer changes one field of it (or adds one). */
function example(channel: CallName): Record<string, unknown> {
  const examples: Partial<Record<CallName, Record<string, unknown>>> = {
    'project.create': { name: 'A', parentDir: granted },
    'project.open': { id: projectId },
    'project.openFolder': { dir: granted },
    'project.rename': { id: projectId, name: 'B' },
    'project.delete': { id: 'nope', confirmId: 'nope' },
    'project.exportCopy': { id: projectId, destDir: granted },
    'settings.set': { exportDir: granted, defaultImageModel: 'flux-kontext-pro' },
    'secrets.set': { name: 'kie', value: 'abcdefgh12345' },
    'secrets.delete': { name: 'kie' },
    'secrets.test': { name: 'kie' },
    'jobs.list': { projectId },
    'jobs.get': { id: 'x' },
    'jobs.cancel': { id: 'x' },
    'jobs.retry': { id: 'x' },
    'scenes.estimate': { projectId },
    'scenes.generate': { projectId, sceneIds: ['s1'] },
    'images.import': { projectId, file: path.join(granted, 'note.txt') },
    'images.importData': { projectId, name: 'x.png', dataBase64: 'AAAA' },
    'voices.add': { file: path.join(granted, 'note.txt') },
    'voices.download': { name: 'en_US-lessac-medium' },
    'voices.remove': { voiceId: 'x' },
    'narration.preview': { voiceId: 'system:en', text: 'Hi', wordsPerMinute: 170 },
    'narration.synthesize': { projectId },
    'narration.previewAudio': { jobId: 'x' },
    'templates.list': { language: 'en' },
    'templates.apply': { projectId, templateId: 'moon-vanished', sceneCount: 3 },
    'os.pickPath': { kind: 'open-file' },
    'os.showInFolder': { path: granted },
    'waveform.peaks': { projectId, assetId },
    'export.start': { projectId, destination: path.join(granted, 'out.mp4') },
    'export.probe': { file: path.join(granted, 'note.txt') },
    'project.save': { id: projectId, document: structuredClone(document) },
  };
  return { ...(examples[channel] ?? {}) };
}

/** Sets a hostile value at a random place inside a JSON value (a saved document, say). */
function mutateDeep(value: Record<string, unknown>, random: () => number): void {
  let node: Record<string, unknown> = value;
  for (let depth = 0; depth < 6; depth++) {
    const keys = Object.keys(node);
    if (!keys.length) break;
    const key = keys[Math.floor(random() * keys.length)]!;
    const child = node[key];
    if (child && typeof child === 'object' && random() < 0.7) {
      node = child as Record<string, unknown>;
      continue;
    }
    node[key] = hostileValue(random);
    return;
  }
  node.extra = hostileValue(random);
}

function payloadFor(channel: CallName, random: () => number): unknown {
  const r = random();
  if (r < 0.12) return hostileValue(random);
  const input = example(channel);
  if (channel === 'project.save' && random() < 0.8) {
    mutateDeep(input.document as Record<string, unknown>, random);
    return input;
  }
  const keys = Object.keys(input);
  const key = keys.length && random() < 0.85 ? keys[Math.floor(random() * keys.length)]! : ['extra', 'constructor', '__proto__', 'dir', 'file'][Math.floor(random() * 5)]!;
  input[key] = hostileValue(random);
  return input;
}

async function post(channel: string, body: string): Promise<{ status: number; text: string }> {
  const limit = (CALL_NAMES as string[]).includes(channel) ? callTimeoutMs(channel as CallName) : 30_000;
  const response = await fetch(`${bridge.origin}/api/call/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${bridge.token}` },
    body,
    signal: AbortSignal.timeout(Math.min(limit, 60_000) + 5_000),
  });
  return { status: response.status, text: await response.text() };
}

describe('fuzzing every channel through the bridge', () => {
  it('answers every payload cleanly: never internal, never over the cap, always within its bound; the heap settles', async () => {
    const random = seededRandom(20);
    const perChannel = 70;
    const heap: number[] = [];
    const internal: string[] = [];
    let calls = 0;
    const spent = new Map<string, number>();
    const codes = new Map<string, number>();
    const round = async () => {
      for (const channel of CALL_NAMES) {
        for (let i = 0; i < perChannel / 2; i++) {
          const payload = payloadFor(channel, random);
          const started = Date.now();
          const { status, text } = await post(channel, JSON.stringify(payload) ?? 'null');
          spent.set(channel, (spent.get(channel) ?? 0) + Date.now() - started);
          calls++;
          expect(text.length, channel).toBeLessThanOrEqual(MAX_ANSWER_BYTES);
          const result = JSON.parse(text) as Result<unknown>;
          expect([200, 413], `${channel} → ${status}`).toContain(status);
          const code = result.ok ? 'ok' : result.error.code;
          codes.set(code, (codes.get(code) ?? 0) + 1);
          if (!result.ok && result.error.code === 'internal') internal.push(`${channel} ${JSON.stringify(payload).slice(0, 200)} → ${result.error.message}`);
          if (!result.ok) expect(result.error.message, channel).not.toMatch(/\bE[A-Z]{3,}\b: |at .*\.(ts|js):\d+|Unexpected error/);
        }
      }
      // Retained memory, not GC timing: a full collection before each reading.
      collectGarbage();
      heap.push(process.memoryUsage().heapUsed);
    };
    await round();
    await round();
    // Raw HTTP oddities: not JSON, odd channel names, a body over the cap.
    for (const [channel, body] of [
      ['project.list', '{not json'],
      ['constructor', '{}'],
      ['__proto__', '{}'],
      ['%E0%A4%A', '{}'],
      ['toString', 'null'],
      ['settings.set', JSON.stringify({ exportDir: 'x'.repeat(2 * 1024 * 1024) })],
    ] as const) {
      const { status, text } = await post(channel, body);
      calls++;
      expect([200, 400, 404, 413], channel).toContain(status);
      expect((JSON.parse(text) as Result<unknown>).ok).toBe(false);
    }
    const slowest = [...spent].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([c, ms]) => `${c} ${ms} ms`);
    console.log(`fuzz: answers ${[...codes].map(([c, n]) => `${c} ${n}`).join(', ')}; slowest channels ${slowest.join(', ')}`);
    console.log(`fuzz: ${calls} calls; heap after each round ${heap.map((h) => `${Math.round(h / 1e6)} MB`).join(', ')}`);
    expect(internal).toEqual([]);
    expect(calls).toBeGreaterThan(2000);
    // The second round of the same size must not keep what the first one left (40 MB of slack for GC timing).
    expect(heap[1]! - heap[0]!).toBeLessThan(40e6);
    expect(logs.filter((l) => /failed: .*\n\s+at /.test(l))).toEqual([]);
    // The core still answers, and nothing was polluted.
    expect((await post('project.list', '{}')).status).toBe(200);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  }, 120_000);
});
