/**
 * axe-core over every panel and the states a user reaches (STATES below: a clip selected with the
 * inspector, the export dialog's form and, once, its running and done views, the shortcut sheet, the
 * Animate dialog, the caption styles, Settings with the voice catalogue, the Voice panel's install
 * form, Jobs with rows, "New from an idea" open...), in both themes and both languages (dark in
 * English, light in Spanish), against the
 * real core with the demo project open: 0 violations. No rule is turned off and no region left out.
 * Contrast is also measured without axe (test/renderer/contrast.test.ts). A screenshot of every state
 * goes to test/artifacts/axe-<theme>-<language>-<state>.png. docs/accessibility.md has the rest.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestVoice } from '../../scripts/voices/make-test-voice.js';
import { startFakeKie, type FakeKie } from '../fakes/kie-server.js';
import { startFakeVoiceHub } from '../fakes/voice-hub-server.js';
import { axeViolations } from './axe-run.js';
import { closeDialogs, either, go, selectClip, STATES } from './axe-states.js';
import { ARTIFACTS, callInPage, startApp, type AppSession } from './bridge-harness.js';

/** Each theme once and each language once: contrast follows the theme, names and lang the language (all
 * four pairs took two minutes of a ten-minute suite and never differed). */
const PAIRS = [['dark', 'en'], ['light', 'es']] as const;

describe('axe-core on every panel and state, both themes', () => {
  let app: AppSession;
  let kie: FakeKie;
  let hub: Awaited<ReturnType<typeof startFakeVoiceHub>>;
  let gen: string;
  beforeAll(async () => {
    gen = fs.mkdtempSync(path.join(os.tmpdir(), 'whatif-axe-'));
    kie = await startFakeKie();
    hub = await startFakeVoiceHub([
      { name: 'en_US-test-medium', onnx: makeTestVoice(gen, { name: 'en_US-test-medium', espeakVoice: 'en-us' }) },
      { name: 'es_MX-broken-low', onnx: makeTestVoice(gen, { name: 'es_MX-broken-low', espeakVoice: 'es-419' }), fault: 'corrupt' },
    ]);
    app = await startApp({ env: { WHATIF_KIE_BASE_URL: kie.url, WHATIF_KIE_API_KEY: kie.apiKey, WHATIF_VOICES_BASE_URL: hub.baseUrl }, viewport: { width: 1440, height: 960 } });
    const { page } = app;
    await page.goto(app.url);
    // Two cheap jobs for the Jobs panel: a voice installed, and one refused (a damaged download).
    for (const name of ['en_US-test-medium', 'es_MX-broken-low']) {
      const { job } = await callInPage<{ job: { id: string } }>(page, 'voices.download', { name });
      const ended = async (id: string) => {
        const reply = await (await fetch('/api/call/jobs.get', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ id }) })).json();
        return reply.ok && (reply.data.state === 'done' || reply.data.state === 'error');
      };
      await page.waitForFunction(ended, job.id, { timeout: 60_000, polling: 200 });
    }
    const demo = await callInPage<{ id: string }>(page, 'project.createDemo', {});
    await page.evaluate((id) => localStorage.setItem('whatif.session', JSON.stringify({ route: 'timeline', projectId: id })), demo.id);
    await page.reload();
    await page.getByRole('application').waitFor();
  }, 240_000);
  afterAll(async () => {
    await app?.close();
    await kie?.close();
    await hub?.close();
    if (gen) fs.rmSync(gen, { recursive: true, force: true });
  });

  for (const [theme, language] of PAIRS) {
    it(`${theme} theme, ${language}: no violation in any panel or state`, async () => {
      const { page } = app;
      await callInPage(page, 'settings.set', { theme });
      await page.getByRole('combobox', { name: /^(Language|Idioma)$/ }).first().selectOption(language);
      await page.waitForFunction(([t, l]) => document.documentElement.dataset.theme === t && document.documentElement.lang === l, [theme, language] as const);
      const found: string[] = [];
      for (const state of STATES) {
        await state.reach(page, language);
        for (const v of await axeViolations(page)) found.push(`${state.name}: ${v}`);
        await page.screenshot({ path: path.join(ARTIFACTS, `axe-${theme}-${language}-${state.name}.png`) });
        if (state.leave) await state.leave(page, language);
        await closeDialogs(page);
      }
      expect(found).toEqual([]);
    }, 240_000);
  }

  it('the export dialog while the export runs and when it is done: no violation (both themes and languages)', async () => {
    const { page } = app;
    await page.getByRole('combobox', { name: /^(Language|Idioma)$/ }).first().selectOption('en');
    await callInPage(page, 'settings.set', { theme: 'dark' });
    await go(page, 'timeline', 'en');
    await page.getByRole('button', { name: 'Export to MP4' }).click();
    const dialog = page.getByRole('dialog', { name: either(['Export to MP4', 'Exportar a MP4']) });
    await dialog.getByRole('combobox', { name: 'Quality' }).selectOption('draft');
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    // The progress view shows at once (the job is queued before the dialog switches); a machine fast
    // enough to finish before axe has run sees the done view here instead, which is checked below anyway.
    await dialog.locator('progress, .export-done').first().waitFor();
    const found = (await axeViolations(page)).map((v) => `export running, dark, en: ${v}`);
    await page.screenshot({ path: path.join(ARTIFACTS, 'axe-dark-en-export-running.png') });
    await dialog.locator('.export-done').waitFor({ timeout: 300_000 });
    for (const [theme, language] of PAIRS) {
      await callInPage(page, 'settings.set', { theme });
      await page.getByRole('combobox', { name: /^(Language|Idioma)$/ }).first().selectOption(language);
      await page.waitForFunction(([t, l]) => document.documentElement.dataset.theme === t && document.documentElement.lang === l, [theme, language] as const);
      for (const v of await axeViolations(page)) found.push(`export done, ${theme}, ${language}: ${v}`);
      await page.screenshot({ path: path.join(ARTIFACTS, `axe-${theme}-${language}-export-done.png`) });
    }
    expect(found).toEqual([]);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  }, 420_000);

  it('keeps a dialog\'s keys to it: Delete in the shortcut sheet or the export dialog leaves the selected clip; focus comes back', async () => {
    const { page } = app;
    await page.getByRole('combobox', { name: /^(Language|Idioma)$/ }).first().selectOption('en');
    await selectClip(page, /^Main clip 1,/);
    const mainClips = page.getByRole('navigation', { name: 'Clips' }).getByRole('button', { name: /^Main clip/ });
    const before = await mainClips.count();

    await page.keyboard.press('?');
    const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await sheet.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Close');
    await page.keyboard.press('Delete');
    await page.keyboard.press('Escape');
    await sheet.waitFor({ state: 'detached' });

    const exportButton = page.getByRole('button', { name: 'Export to MP4' });
    await exportButton.click();
    const dialog = page.getByRole('dialog', { name: 'Export to MP4' });
    await dialog.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('dialog') !== null)).toBe(true);
    await dialog.getByRole('button', { name: 'Close' }).focus();
    await page.keyboard.press('Delete');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Export to MP4');

    expect(await mainClips.count()).toBe(before);
    // The same key outside a dialog does delete it (the check above can fail).
    await page.keyboard.press('Delete');
    await expect.poll(() => mainClips.count()).toBe(before - 1);
    await page.keyboard.press('Control+z');
    await expect.poll(() => mainClips.count()).toBe(before);
  }, 60_000);
});
