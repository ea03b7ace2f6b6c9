/**
 * Hostile calls on the loopback bridge (the page is untrusted): special file systems, FIFOs, huge
 * settings, paths outside the granted folders, ids that are Object.prototype names, a foreign Host, and
 * media asked with the cookie alone. Each gets a clean, typed answer (a hang fails the request after
 * 5 s: no speed is asserted, times are logged), and the core keeps answering afterwards.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBridge, type Bridge } from '../../src-main/bridge/server.js';
import type { Result } from '../../src-main/ipc/contract/index.js';
import { call, makeTestCore, tempDir } from '../helpers/temp-core.js';

let core: ReturnType<typeof makeTestCore>;
let bridge: Bridge;
let outside: string;
let granted: string;
const times: string[] = [];

beforeAll(async () => {
  outside = tempDir('whatif-outside-');
  granted = tempDir('whatif-granted-');
  core = makeTestCore({ mode: 'bridge', allowedRoots: [granted] });
  const rendererDir = tempDir('whatif-renderer-');
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>WhatIf</title>');
  bridge = await startBridge({ core, rendererDir });
});
afterAll(async () => {
  console.log(`answer times: ${times.join(', ')}`);
  await bridge.close();
  await core.cleanup();
  for (const dir of [outside, granted]) fs.rmSync(dir, { recursive: true, force: true });
});

async function api(channel: string, body: unknown): Promise<{ result: Result<unknown>; ms: number; bytes: number }> {
  const started = Date.now();
  const response = await fetch(`${bridge.origin}/api/call/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${bridge.token}` },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(5000),
  });
  const text = await response.text();
  return { result: JSON.parse(text) as Result<unknown>, ms: Date.now() - started, bytes: text.length };
}

async function refused(channel: string, body: unknown, code: string, message: RegExp): Promise<void> {
  const { result, ms } = await api(channel, body);
  expect(result, channel).toMatchObject({ ok: false, error: { code, message: expect.stringMatching(message) } });
  times.push(`${channel} ${ms} ms`);
  expect((await api('project.list', {})).result.ok).toBe(true);
}

describe('hostile calls get clean answers within a second', () => {
  it('refuses /proc and other special file systems for every kind of path', async () => {
    const { id } = await call<{ id: string }>(core, 'project.create', { name: 'Victim' });
    core.grants.grantFolder('/proc');
    core.grants.grantFolder('/dev');
    await refused('project.create', { name: 'p', parentDir: '/proc/self' }, 'invalid_input', /^parentDir: .* is on a system folder \(\/proc\)/);
    await refused('project.exportCopy', { id, destDir: '/proc/self/copy' }, 'invalid_input', /^destDir: .* is on a system folder/);
    await refused('export.start', { projectId: id, destination: '/proc/self/out/x.mp4' }, 'invalid_input', /^destination: .* is on a system folder/);
    await refused('export.probe', { file: '/dev/zero' }, 'invalid_input', /^file: .* is on a system folder/);
  });

  it('refuses a FIFO as a media file without starting ffprobe on it', async () => {
    const fifo = path.join(granted, 'pipe.mp4');
    execFileSync('mkfifo', [fifo]);
    await refused('export.probe', { file: fifo }, 'invalid_input', /^file: "pipe\.mp4" is not a regular file/);
  });

  it('caps setting strings: a 10 MB exportDir is refused and later answers stay small', async () => {
    await refused('settings.set', { exportDir: `/${'a'.repeat(10 * 1024 * 1024)}` }, 'invalid_input', /^The request for settings\.set is larger than 1 MB\.$/);
    // Below the body cap, the schema caps each string.
    await refused('settings.set', { exportDir: `/${'a'.repeat(5000)}` }, 'invalid_input', /^Invalid input for settings\.set: exportDir: /);
    await refused('settings.set', { defaultImageModel: 'm'.repeat(500) }, 'invalid_input', /^Invalid input for settings\.set: defaultImageModel: /);
    const after = await api('settings.get', {});
    expect(after.bytes).toBeLessThan(2000);
  });

  it('answers a path outside the granted folders the same way whether it exists or not, and never reads it', async () => {
    const image = path.join(outside, 'secret.png');
    fs.writeFileSync(image, 'not really a png');
    const { id } = await call<{ id: string }>(core, 'project.create', { name: 'Importer' });
    const existing = await api('images.import', { projectId: id, file: image });
    const missing = await api('images.import', { projectId: id, file: path.join(outside, 'nothing.png') });
    expect(existing.result).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/^file: "secret\.png" is outside the folders this app may use/) } });
    expect(missing.result).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/^file: "nothing\.png" is outside the folders/) } });
    for (const [channel, body] of [
      ['export.probe', { file: image }],
      ['os.showInFolder', { path: image }],
      ['project.openFolder', { dir: outside }],
      ['project.create', { name: 'x', parentDir: outside }],
      ['project.exportCopy', { id, destDir: outside }],
      ['export.start', { projectId: id, destination: path.join(outside, 'x.mp4') }],
      ['voices.add', { file: image }],
      ['settings.set', { exportDir: outside }],
      ['make.start', { idea: 'What if?', language: 'en', seconds: 10, images: 'own', ownImagesDir: outside }],
      ['make.start', { idea: 'What if?', language: 'en', seconds: 10, images: 'own', ownImagesDir: path.join(outside, 'no-such-folder') }],
      ['make.batch', { ideas: ['What if?'], language: 'en', seconds: 10, images: 'own', ownImagesDir: outside }],
    ] as const) {
      await refused(channel, body, 'invalid_input', /is outside the folders this app may use/);
    }
    for (const [field, value] of [['parentDir', ''], ['parentDir', 'relative/dir'], ['parentDir', '/tmp/a\u0000b']] as const) {
      await refused('project.create', { name: 'x', [field]: value }, 'invalid_input', new RegExp(`^${field}: `));
    }
    // Inside a granted folder the same calls work.
    const made = await api('project.create', { name: 'Granted', parentDir: granted });
    expect(made.result).toMatchObject({ ok: true, data: { dir: path.join(granted, 'Granted') } });
  });

  it('maps file-system errors to typed messages without raw Node text', async () => {
    const file = path.join(granted, 'plain.txt');
    fs.writeFileSync(file, 'x');
    await refused('project.create', { name: 'x', parentDir: file }, 'invalid_input', /^parentDir: "plain\.txt" is a file, not a folder\.$/);
    fs.mkdirSync(path.join(granted, 'odd', 'project.json'), { recursive: true });
    await refused('project.openFolder', { dir: path.join(granted, 'odd') }, 'invalid_input', /project\.json is a folder, not a project file/);
    await refused('project.create', { name: 'x', parentDir: `${granted}/${'n'.repeat(300)}` }, 'invalid_input', /longer than 255 characters/);
  });

  it('looks asset ids up as own properties: /media/<project>/constructor is a 404', async () => {
    const { id } = await call<{ id: string }>(core, 'project.create', { name: 'Media' });
    const token = bridge.token;
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      const response = await fetch(`${bridge.origin}/media/${id}/${name}?token=${token}`);
      expect(response.status, name).toBe(404);
    }
    expect((await api('waveform.peaks', { projectId: id, assetId: 'constructor' })).result).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('checks the Host header and asks the media token of every media request (never the cookie alone)', async () => {
    const status = (headers: Record<string, string>, pathName = '/api/channels') =>
      new Promise<number>((resolve, reject) => {
        const req = http.request({ host: '127.0.0.1', port: bridge.port, path: pathName, headers }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end();
      });
    expect(await status({ Authorization: `Bearer ${bridge.token}` })).toBe(200);
    expect(await status({ Authorization: `Bearer ${bridge.token}`, Host: 'evil.example:80' })).toBe(421);
    expect(await status({ Authorization: `Bearer ${bridge.token}`, Host: `attacker.test:${bridge.port}` })).toBe(421);
    const { id } = await call<{ id: string }>(core, 'project.create', { name: 'Cookie' });
    const cookie = `whatif_token=${encodeURIComponent(bridge.token)}`;
    expect(await status({ Cookie: cookie }, `/media/${id}/renders/x.mp4`)).toBe(401);
    const media = (await (await fetch(`${bridge.origin}/api/media-token`, { headers: { Cookie: cookie } })).json()) as { mediaToken: string };
    expect(media.mediaToken).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(await status({ Cookie: cookie }, `/media/${id}/renders/x.mp4?t=${media.mediaToken}`)).toBe(404);
  });
});
