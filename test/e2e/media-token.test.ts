/**
 * The bridge's media in real Chromium, against this checkout's renderer: the editor's images carry the
 * media token and load; a page served from another 127.0.0.1 port (which shares the token cookie,
 * cookies ignore ports) cannot display the same media.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureRendererBuilt } from '../../src-main/bridge/renderer-build.js';
import { startBridge, type Bridge } from '../../src-main/bridge/server.js';
import { makeTestCore } from '../helpers/temp-core.js';
import { patternImage } from '../media/fixtures.js';
import { ARTIFACTS, CHROMIUM_ARGS, chromiumPath } from './bridge-harness.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
let core: ReturnType<typeof makeTestCore>;
let bridge: Bridge;
let browser: Browser;
let other: http.Server;
let projectId = '';
let assetId = '';

beforeAll(async () => {
  const rendererDir = await ensureRendererBuilt(ROOT, () => {});
  core = makeTestCore({ mode: 'bridge' });
  core.settings.set({ uiLanguage: 'en' });
  const { id } = core.projects.create({ name: 'Media check' }, (doc) => ({ ...doc, scenes: [{ id: 's1', prompt: 'a cat', negativePrompt: '', model: 'flux-kontext-pro', imageAssetId: null, duration: 3 }] }));
  projectId = id;
  const imported = await core.dispatch('images.importData', { projectId, sceneId: 's1', name: 'cat.png', dataBase64: (await patternImage(90, 160)).toString('base64') });
  if (!imported.ok) throw new Error(imported.error.message);
  assetId = (imported.data as { asset: { id: string } }).asset.id;
  bridge = await startBridge({ core, rendererDir });
  // Another local site on another port, as an attacker's page would be.
  other = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(`<!doctype html><img id="stolen" src="${bridge.origin}/media/${projectId}/${assetId}">`);
  });
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
  browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
}, 240_000);
afterAll(async () => {
  await browser?.close();
  other?.close();
  await bridge?.close();
  await core?.cleanup();
});

describe('media over the bridge', () => {
  it('loads the storyboard image with the media token; another port cannot show it through the cookie', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(bridge.url);
    await page.getByRole('listitem').filter({ hasText: 'Media check' }).getByRole('button', { name: 'Open', exact: true }).click();
    await page.getByRole('navigation').getByRole('button', { name: 'Storyboard', exact: true }).click();
    const image = page.getByRole('img', { name: /scene 1/i }).first();
    await image.waitFor();
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(90);
    expect(await image.getAttribute('src')).toMatch(new RegExp(`^/media/${projectId}/${assetId}\\?t=[A-Za-z0-9_-]{40,}$`));
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'media-token-storyboard.png') });

    // Same browser, cookie set: the other port's page still gets nothing.
    const attacker = await context.newPage();
    await attacker.goto(`http://127.0.0.1:${(other.address() as AddressInfo).port}/`);
    await expect.poll(() => attacker.locator('#stolen').evaluate((img: HTMLImageElement) => img.complete)).toBe(true);
    expect(await attacker.locator('#stolen').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(0);
    await context.close();
  }, 120_000);
});
