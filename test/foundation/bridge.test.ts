import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startBridge, type Bridge } from '../../src-main/bridge/server.js';
import { tokensEqual } from '../../src-main/bridge/auth.js';
import type { ProjectSummary } from '../../src-main/ipc/contract/index.js';
import { call, makeTestCore, tempDir } from '../helpers/temp-core.js';

let core: ReturnType<typeof makeTestCore>;
let bridge: Bridge;
let rendererDir: string;

beforeAll(async () => {
  core = makeTestCore({ mode: 'bridge' });
  rendererDir = tempDir();
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>WhatIf</title>');
  fs.mkdirSync(path.join(rendererDir, 'assets'));
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  bridge = await startBridge({ core, rendererDir });
});
afterAll(async () => {
  await bridge.close();
  await core.cleanup();
  fs.rmSync(rendererDir, { recursive: true, force: true });
});

const api = (channel: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${bridge.origin}/api/call/${channel}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('loopback bridge', () => {
  it('listens on 127.0.0.1 and prints a URL carrying a long random token', () => {
    expect(bridge.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{40,}$/);
  });

  it('refuses requests without the token (401) and with a wrong one', async () => {
    expect((await fetch(`${bridge.origin}/`)).status).toBe(401);
    expect((await fetch(`${bridge.origin}/assets/app.js`)).status).toBe(401);
    expect((await api('project.list', {})).status).toBe(401);
    expect((await api('project.list', {}, { Authorization: 'Bearer nope' })).status).toBe(401);
    expect((await fetch(`${bridge.origin}/?token=${bridge.token.slice(0, -1)}x`)).status).toBe(401);
  });

  it('refuses a foreign Origin (403) even with the token', async () => {
    const response = await api('project.list', {}, { Authorization: `Bearer ${bridge.token}`, Origin: 'http://evil.example' });
    expect(response.status).toBe(403);
  });

  it('trades the URL token for a strict HttpOnly cookie and serves the page with a CSP', async () => {
    const first = await fetch(bridge.url, { redirect: 'manual' });
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe('/');
    const cookie = first.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const page = await fetch(`${bridge.origin}/`, { headers: { Cookie: cookie.split(';')[0]! } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    expect(await page.text()).toContain('<title>WhatIf</title>');
  });

  it('serves the same contract: calls, validation errors and unknown channels', async () => {
    const auth = { Authorization: `Bearer ${bridge.token}`, Origin: bridge.origin };
    const created = (await (await api('project.create', { name: 'Over the bridge' }, auth)).json()) as { ok: true; data: ProjectSummary };
    expect(created.ok).toBe(true);
    expect((await call<ProjectSummary[]>(core, 'project.list', {})).map((p) => p.name)).toContain('Over the bridge');
    const bad = await (await api('project.create', { name: 5 }, auth)).json();
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const unknown = await (await api('shell.exec', {}, auth)).json();
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('pushes events over an authorised WebSocket and refuses others', async () => {
    const refused = new WebSocket(`ws://127.0.0.1:${bridge.port}/api/events`);
    const refusal = await new Promise<string>((resolve) => {
      refused.on('unexpected-response', (_req, res) => resolve(String(res.statusCode)));
      refused.on('error', () => resolve('error'));
    });
    expect(refusal).toBe('401');
    const foreign = new WebSocket(`ws://127.0.0.1:${bridge.port}/api/events?token=${bridge.token}`, { origin: 'http://evil.example' });
    expect(await new Promise<string>((resolve) => foreign.on('unexpected-response', (_req, res) => resolve(String(res.statusCode))))).toBe('403');

    const socket = new WebSocket(`ws://127.0.0.1:${bridge.port}/api/events?token=${bridge.token}`);
    await new Promise((resolve) => socket.on('open', resolve));
    const message = new Promise<{ event: string; payload: { reason: string } }>((resolve) => socket.on('message', (data) => resolve(JSON.parse(String(data)))));
    await call(core, 'project.create', { name: 'Evented' });
    expect(await message).toMatchObject({ event: 'project.changed', payload: { reason: 'created' } });
    socket.close();
  });

  it('serves project media by asset id with Range support, confined to the project', async () => {
    const created = await call<ProjectSummary>(core, 'project.create', { name: 'With media' });
    const { storeAssetBuffer } = await import('../../src-main/project/assets.js');
    const bytes = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 256));
    const asset = await storeAssetBuffer(created.dir, bytes, 'wav', { kind: 'audio', source: 'import' });
    const opened = await call<{ document: Record<string, unknown> & { assets: Record<string, unknown> } }>(core, 'project.open', { id: created.id });
    await call(core, 'project.save', { id: created.id, document: { ...opened.document, assets: { [asset.id]: asset } } });
    const url = `${bridge.origin}/media/${created.id}/${asset.id}?token=${bridge.token}`;
    const whole = await fetch(url);
    expect(whole.status).toBe(200);
    expect(Buffer.from(await whole.arrayBuffer()).equals(bytes)).toBe(true);
    const part = await fetch(url, { headers: { Range: 'bytes=10-19' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe('bytes 10-19/1000');
    expect([...Buffer.from(await part.arrayBuffer())]).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
    const escape = await fetch(`${bridge.origin}/media/${created.id}/..%2F..%2Fwhatif.sqlite?token=${bridge.token}`);
    expect([400, 403, 404]).toContain(escape.status);
    expect((await fetch(`${bridge.origin}/media/${created.id}/${asset.id}`)).status).toBe(401);
  });

  it('compares tokens in constant time over equal-length digests', () => {
    expect(tokensEqual('abc', 'abc')).toBe(true);
    expect(tokensEqual('abc', 'abcd')).toBe(false);
    expect(tokensEqual('abc', null)).toBe(false);
  });
});
