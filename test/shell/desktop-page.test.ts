/**
 * The real renderer under the desktop shell's rules, in real Chromium: every file comes from the
 * shell's app:// handler (serveApp, with its strict CSP), and `window.whatif` is shaped exactly like
 * the preload's API and forwarded to the shell's IPC handler (registerIpc, sender check included) on a
 * real core. What only Electron adds (the app:// origin itself, the sandboxed preload process) cannot
 * run here; everything the page sees from the shell does.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ensureRendererBuilt } from '../../src-main/bridge/renderer-build.js';
import { IPC_CALL, IPC_CHANNELS, IPC_EVENT } from '../../src-preload/channels.js';
import { ARTIFACTS, chromiumPath, CHROMIUM_ARGS } from '../e2e/bridge-harness.js';
import { makeTestCore } from '../helpers/temp-core.js';
import { SafeStorageSecretStore } from '../../src-main/shell/keychain.js';
import { FakeSafeStorage, MemoryKeyValue } from './fake-safe-storage.js';

vi.mock('electron', () => import('./stand-in/electron.js'));

const { BrowserWindow, ipcMain } = await import('./stand-in/electron.js');
const { registerIpc } = await import('../../src-main/shell/ipc.js');
const { serveApp } = await import('../../src-main/shell/schemes.js');

const root = path.resolve(import.meta.dirname, '../..');
const APP_PAGE = { url: 'app://whatif/index.html', parent: null };
// Linux without a keyring: safeStorage falls back to basic_text, and Settings must say so.
const safeStorage = Object.assign(new FakeSafeStorage(), { backend: 'basic_text' });
const core = makeTestCore({ mode: 'desktop', secrets: new SafeStorageSecretStore(safeStorage, new MemoryKeyValue(), 'linux') });
let server: http.Server;
let browser: Browser;
let page: Page;
let origin = '';
const violations: string[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  const rendererDir = await ensureRendererBuilt(root, () => {});
  registerIpc(core, () => {});
  server = http.createServer((req, res) => {
    const reply = serveApp(rendererDir, `app://whatif${req.url ?? '/'}`, req.method);
    const headers: Record<string, string> = {};
    reply.headers.forEach((value, name) => (headers[name] = value));
    res.writeHead(reply.status, headers);
    void reply.arrayBuffer().then((body) => res.end(Buffer.from(body)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  // The preload's side: contract names from main, invoke through IPC_CALL, events from IPC_EVENT.
  const names = ipcMain.sendSyncFrom(APP_PAGE, IPC_CHANNELS) as { calls: string[]; events: string[] };
  await page.exposeFunction('__shellInvoke', (channel: string, input: unknown) => ipcMain.invokeFrom(APP_PAGE, IPC_CALL, channel, input));
  await page.addInitScript((contract: { calls: string[]; events: string[] }) => {
    const listeners = new Map<string, Set<(payload: unknown) => void>>();
    const w = window as unknown as Record<string, unknown>;
    w.__shellEvent = (name: string, payload: unknown) => listeners.get(name)?.forEach((handler) => handler(payload));
    w.whatif = Object.freeze({
      invoke(channel: string, input: unknown) {
        if (!contract.calls.includes(channel)) return Promise.resolve({ ok: false, error: { code: 'not_found', message: `Unknown channel "${channel}".` } });
        return (w.__shellInvoke as (c: string, i: unknown) => Promise<unknown>)(channel, input ?? {});
      },
      on(event: string, handler: (payload: unknown) => void) {
        if (!contract.events.includes(event)) return () => {};
        if (!listeners.has(event)) listeners.set(event, new Set());
        listeners.get(event)!.add(handler);
        return () => listeners.get(event)!.delete(handler);
      },
    });
  }, names);
  // The window the shell pushes events to: forward what it is sent into the page.
  const window = new BrowserWindow({});
  await window.loadURL('app://whatif/index.html');
  window.webContents.send = (channel: string, ...args: unknown[]) => {
    if (channel === IPC_EVENT) void page.evaluate(([name, payload]) => (window as unknown as { __shellEvent(n: unknown, p: unknown): void }).__shellEvent(name, payload), args).catch(() => {});
  };
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await core.cleanup();
});

describe('the editor under the desktop shell', () => {
  it('loads under the app:// CSP with no violation and talks to the core through the preload-shaped API', async () => {
    await core.dispatch('project.create', { name: 'Desde el escritorio' });
    const response = await page.goto(`${origin}/index.html`);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    const list = page.getByRole('list', { name: /^(Projects|Proyectos)$/ });
    await expect.poll(async () => list.getByRole('listitem').filter({ hasText: 'Desde el escritorio' }).count(), { timeout: 20_000 }).toBe(1);
    await page.screenshot({ path: path.join(ARTIFACTS, 'desktop-shell-projects.png') });
    expect(violations).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('carries out a menu command pushed by the shell (app.menu → Settings), where basic_text keys are flagged', async () => {
    await core.secrets.set('kie', 'kie-key-typed-in-settings-42');
    core.events.emit('app.menu', { action: 'settings' });
    await expect.poll(async () => page.getByRole('heading', { level: 1, name: /^(Settings|Ajustes)$/ }).count(), { timeout: 10_000 }).toBe(1);
    const warning = page.getByRole('note').filter({ hasText: 'basic_text' });
    await expect.poll(async () => warning.count(), { timeout: 10_000 }).toBe(1);
    await page.screenshot({ path: path.join(ARTIFACTS, 'desktop-shell-settings-basic-text.png') });
    expect(await page.content()).not.toContain('kie-key-typed-in-settings-42');
    expect(violations).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
