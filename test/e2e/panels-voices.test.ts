/**
 * Voices and keys in the UI against the real core with the loopback ElevenLabs and voice hub: an
 * ElevenLabs key saved and tested, its voices in the Voice panel's picker, a hub voice downloaded with a
 * progress bar into the list, a corrupt download refused in place. Also: no control on any panel
 * lacks an accessible name, and the light theme, screenshotted.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestVoice } from '../../scripts/voices/make-test-voice.js';
import { startFakeElevenLabs } from '../fakes/elevenlabs-server.js';
import { startFakeVoiceHub } from '../fakes/voice-hub-server.js';
import { ARTIFACTS, startApp, type AppSession } from './bridge-harness.js';

let app: AppSession;
let eleven: Awaited<ReturnType<typeof startFakeElevenLabs>>;
let hub: Awaited<ReturnType<typeof startFakeVoiceHub>>;
let gen: string;
const pageErrors: string[] = [];

beforeAll(async () => {
  gen = fs.mkdtempSync(path.join(os.tmpdir(), 'whatif-hub-'));
  eleven = await startFakeElevenLabs();
  hub = await startFakeVoiceHub([
    { name: 'es_ES-test-medium', onnx: makeTestVoice(gen, { name: 'es_ES-test-medium', espeakVoice: 'es' }) },
    { name: 'es_MX-broken-low', onnx: makeTestVoice(gen, { name: 'es_MX-broken-low', espeakVoice: 'es-419' }), fault: 'corrupt' },
  ]);
  app = await startApp({ env: { WHATIF_ELEVENLABS_BASE_URL: eleven.baseUrl, WHATIF_VOICES_BASE_URL: hub.baseUrl } });
  app.page.on('pageerror', (error) => pageErrors.push(error.message));
  await app.page.goto(app.url);
  await app.page.getByRole('combobox', { name: /^(Language|Idioma)$/ }).selectOption('en');
}, 240_000);
afterAll(async () => {
  await app?.close();
  await eleven?.close();
  await hub?.close();
  fs.rmSync(gen, { recursive: true, force: true });
});

async function go(page: Page, name: string) {
  const button = page.getByRole('navigation').getByRole('button', { name, exact: true });
  await button.click();
  await button.and(page.locator('[aria-current="page"]')).waitFor();
}

/** Controls in the page's accessibility tree that have no name (an aria snapshot line with none). */
async function unnamedControls(page: Page): Promise<string[]> {
  const snapshot = await page.locator('body').ariaSnapshot();
  // A named control reads `- button "Save key"`; an unnamed one `- button`, `- button [disabled]`, `- slider: "50"`.
  return snapshot.split('\n').filter((line) => /^\s*- (button|textbox|combobox|slider|checkbox|spinbutton|link|radio)\b(?!\s+")/.test(line));
}

describe('voices and keys', () => {
  it('saves and tests an ElevenLabs key; its voices appear in the Voice panel', async () => {
    const { page } = app;
    await go(page, 'Settings');
    await page.getByLabel('ElevenLabs API key').fill(eleven.apiKey);
    const row = page.locator('.key-row').filter({ has: page.getByLabel('ElevenLabs API key') });
    await row.getByRole('button', { name: 'Save key' }).click();
    await expect.poll(() => page.getByLabel('ElevenLabs key status').textContent()).toBe('Set');
    await page.getByRole('button', { name: 'Test connection to ElevenLabs' }).click();
    await expect.poll(() => row.getByRole('status').textContent(), { timeout: 20_000 }).toMatch(/ElevenLabs key works: 2 voices/);

    await go(page, 'Projects');
    await page.getByRole('button', { name: 'New project' }).click();
    await page.getByRole('textbox', { name: 'Project name' }).fill('Voices');
    await page.getByRole('button', { name: 'Create', exact: true }).click(); // creating opens it
    await page.getByRole('heading', { name: 'Storyboard', level: 1 }).waitFor();
    await go(page, 'Voice');
    await page.getByRole('combobox', { name: 'Engine' }).selectOption('elevenlabs');
    const voice = page.getByRole('combobox', { name: 'Voice', exact: true });
    await expect.poll(async () => (await voice.locator('option').allTextContents()).join('|')).toMatch(/Mateo.*Rachel|Rachel.*Mateo/);
  });

  it('downloads a hub voice with a progress bar; a corrupt one is refused in place', async () => {
    const { page } = app;
    await go(page, 'Settings');
    // Picked from the hub's catalogue (language, speaker, quality, size), never typed.
    await page.getByRole('button', { name: 'Browse the Piper voice catalogue' }).click();
    await page.getByRole('combobox', { name: 'Voice language' }).selectOption('es');
    const name = page.getByRole('combobox', { name: 'Voice to install' });
    expect(await name.locator('option').allTextContents()).toEqual(['Pick a voice…', expect.stringMatching(/^es-ES · test · medium quality · \d+(\.\d)? [KM]B$/), expect.stringMatching(/^es-MX · broken · low quality/)]);
    await name.selectOption('es_ES-test-medium');
    await page.getByRole('button', { name: 'Download voice' }).click();
    await page.getByRole('list', { name: 'Voices' }).getByText('es_ES').first().waitFor({ timeout: 60_000 });
    await expect.poll(() => page.getByRole('progressbar', { name: 'Voice download progress' }).getAttribute('aria-valuenow')).toBe('100');
    await name.selectOption('es_MX-broken-low');
    await page.getByRole('button', { name: 'Download voice' }).click();
    await expect.poll(() => page.locator('.voice-install .key-result').first().textContent(), { timeout: 60_000 }).toMatch(/md5|damaged|corrupt|check/i);
    await page.screenshot({ path: path.join(ARTIFACTS, 'panel-settings-voices-en.png') });
    // The failure is in the Monitor's recent errors, with its message.
    await go(page, 'Monitor');
    await page.getByRole('list', { name: 'Recent errors' }).getByText(/es_MX-broken-low/).first().waitFor({ timeout: 10_000 });
    await page.screenshot({ path: path.join(ARTIFACTS, 'panel-monitor-errors-en.png') });
  }, 150_000);

  it('names every control on every panel (en and es) and shows the light theme', async () => {
    const { page } = app;
    const routes: [string, string][] = [
      ['Projects', 'Proyectos'],
      ['Voice', 'Voz'],
      ['Storyboard', 'Guion gráfico'],
      ['Timeline', 'Línea de tiempo'],
      ['Jobs', 'Tareas'],
      ['Monitor', 'Monitor'],
      ['Settings', 'Ajustes'],
      ['Demo', 'Demo'],
    ];
    const unnamed: string[] = [];
    for (const [language, column] of [['en', 0], ['es', 1]] as const) {
      await page.getByRole('combobox', { name: /^(Language|Idioma)$/ }).selectOption(language);
      for (const route of routes) {
        await go(page, route[column]);
        for (const line of await unnamedControls(page)) unnamed.push(`${route[column]}: ${line.trim()}`);
      }
    }
    expect(unnamed).toEqual([]);

    await page.getByRole('combobox', { name: 'Idioma' }).selectOption('en');
    await go(page, 'Settings');
    await page.getByRole('combobox', { name: 'Theme' }).selectOption('light');
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    await page.screenshot({ path: path.join(ARTIFACTS, 'panel-settings-light-en.png') });
    await go(page, 'Voice');
    await page.screenshot({ path: path.join(ARTIFACTS, 'panel-voice-light-en.png') });
    await go(page, 'Settings');
    await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
