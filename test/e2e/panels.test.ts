/**
 * Every panel in Chromium against the real core over the loopback bridge: screenshots in English and
 * Spanish under test/artifacts/, plus the bad-input paths of Settings (an empty key, a key that fails
 * its test against the loopback KIE) and the help sheet. Controls are found by role and name.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeKie, type FakeKie } from '../fakes/kie-server.js';
import { ARTIFACTS, callInPage, SIDEBAR, startApp, type AppSession } from './bridge-harness.js';

let app: AppSession;
let kie: FakeKie;
const pageErrors: string[] = [];

beforeAll(async () => {
  kie = await startFakeKie();
  app = await startApp({ env: { WHATIF_KIE_BASE_URL: kie.url } });
  app.page.on('pageerror', (error) => pageErrors.push(error.message));
  await app.page.goto(app.url);
}, 240_000);
afterAll(async () => {
  // The last test stops the server itself; close() would wait for an exit that already happened.
  if (app && (app.server.exitCode !== null || app.server.signalCode !== null)) {
    await app.browser.close().catch(() => {});
    fs.rmSync(app.home, { recursive: true, force: true });
  } else await app?.close();
  await kie?.close();
});

const NAV: Record<string, [string, string]> = SIDEBAR;

async function setLanguage(page: Page, language: 'en' | 'es') {
  await page.getByRole('combobox', { name: /^(Language|Idioma)$/ }).selectOption(language);
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(language);
}

async function go(page: Page, route: string, language: 'en' | 'es') {
  const name = NAV[route]![language === 'en' ? 0 : 1];
  const button = page.getByRole('navigation').getByRole('button', { name, exact: true });
  await button.click();
  await button.and(page.locator('[aria-current="page"]')).waitFor();
}

async function shot(page: Page, name: string) {
  const file = path.join(ARTIFACTS, `panel-${name}.png`);
  await page.screenshot({ path: file });
  expect(fs.statSync(file).size).toBeGreaterThan(10_000);
}

describe('panels in Chromium', () => {
  it('creates a project to work on', async () => {
    const { page } = app;
    await setLanguage(page, 'en');
    await page.getByRole('button', { name: 'New project' }).click();
    await page.getByRole('textbox', { name: 'Project name' }).fill('What if the sea were sweet?');
    await page.getByRole('button', { name: 'Create', exact: true }).click(); // creating opens it
    await page.getByRole('heading', { name: 'Storyboard', level: 1 }).waitFor();
  });

  it('Settings: an empty key cannot be saved, a wrong key says why in place, a good key tests ok', async () => {
    const { page } = app;
    await go(page, 'settings', 'en');
    const input = page.getByLabel('KIE API key');
    const section = page.locator('.key-row').filter({ has: input });
    await expect.poll(() => page.getByLabel('KIE key status').textContent()).toBe('Not set');
    await input.fill('   ');
    expect(await section.getByRole('button', { name: 'Save key' }).isDisabled()).toBe(true);
    await input.fill('wrong-key-0123456789');
    await section.getByRole('button', { name: 'Save key' }).click();
    await expect.poll(() => page.getByLabel('KIE key status').textContent()).toBe('Set');
    // The page never gets the key back.
    expect(await input.inputValue()).toBe('');
    await page.getByRole('button', { name: 'Test connection to KIE' }).click();
    const status = section.getByRole('status');
    await expect.poll(() => status.textContent(), { timeout: 20_000 }).toMatch(/key|401|unauthori|rejected/i);
    expect(await status.getAttribute('class')).toContain('error-text');
    await input.fill(kie.apiKey);
    await section.getByRole('button', { name: 'Save key' }).click();
    await page.getByRole('button', { name: 'Test connection to KIE' }).click();
    await expect.poll(() => status.textContent(), { timeout: 20_000 }).toMatch(/KIE key works/);
  });

  it('Settings: a number that is not one says so in place and keeps the saved value; a good one is saved (comma decimals in Spanish)', async () => {
    const { page } = app;
    await go(page, 'settings', 'en');
    const saved = async () => {
      const s = await callInPage<{ creditCap: number; scriptWriter: { costCapUsd: number } }>(page, 'settings.get', {});
      return { creditCap: s.creditCap, costCapUsd: s.scriptWriter.costCapUsd };
    };
    const before = await saved();
    const cap = page.getByRole('spinbutton', { name: 'Credit cap per image batch (KIE credits)' });
    await cap.fill('lots');
    const problem = page.getByText(/^Type a number of 0 or more\./);
    await problem.waitFor();
    expect(await cap.getAttribute('aria-invalid')).toBe('true');
    await page.keyboard.press('Tab'); // leaving the field puts the saved value back
    expect(await cap.inputValue()).toBe(String(before.creditCap));
    expect(await saved()).toEqual(before);
    await cap.fill('250');
    await cap.press('Enter');
    await expect.poll(async () => (await saved()).creditCap).toBe(250);
    await setLanguage(page, 'es');
    const usd = page.getByRole('spinbutton', { name: 'Límite por guion (USD)' });
    await usd.fill('0,75');
    await usd.press('Enter');
    await expect.poll(async () => (await saved()).costCapUsd).toBe(0.75);
    await usd.fill('500');
    await page.getByText(/^Escribe un número entre 0 y 100\./).waitFor();
    await shot(page, 'settings-number-invalid-es');
    await usd.press('Escape');
    expect(await usd.inputValue()).toBe('0,75');
    expect((await saved()).costCapUsd).toBe(0.75);
    await setLanguage(page, 'en');
  });

  it('Storyboard: template fills scene cards; a text file dropped is refused in place; own image and a generated image fill thumbnails; reorder', async () => {
    const { page } = app;
    await go(page, 'storyboard', 'en');
    await page.getByRole('button', { name: 'Use template' }).click();
    const cards = page.getByRole('list', { name: 'Scenes' }).getByRole('listitem');
    await expect.poll(() => cards.count(), { timeout: 15_000 }).toBeGreaterThan(1);
    const count = await cards.count();

    // A text file dropped on scene 1's picture: a clear message there, nothing imported.
    const first = page.getByRole('listitem', { name: 'Scene 1' });
    const dataTransfer = await page.evaluateHandle(() => {
      const dt = new DataTransfer();
      dt.items.add(new File(['just words'], 'notes.txt', { type: 'text/plain' }));
      return dt;
    });
    await first.locator('.thumb').dispatchEvent('drop', { dataTransfer });
    await expect.poll(() => first.getByRole('status').textContent()).toBe('notes.txt is not a JPEG, PNG or WebP image.');
    expect(await first.getByRole('img').count()).toBe(0);

    // A corrupt PNG picked: the core's message names the file.
    await page.getByLabel('Choose an image for scene 2').setInputFiles({ name: 'broken.png', mimeType: 'image/png', buffer: Buffer.from('89504e470d0a1a0a0000', 'hex') });
    const second = page.getByRole('listitem', { name: 'Scene 2' });
    await expect.poll(() => second.getByRole('status').textContent(), { timeout: 15_000 }).toContain('broken.png');

    // A real PNG picked for scene 2 shows as its thumbnail, served by the bridge.
    const png = await sharp({ create: { width: 90, height: 160, channels: 3, background: '#2a7' } }).png().toBuffer();
    await page.getByLabel('Choose an image for scene 2').setInputFiles({ name: 'mine.png', mimeType: 'image/png', buffer: png });
    const thumb = second.getByRole('img', { name: 'Image of scene 2' });
    await thumb.waitFor({ timeout: 15_000 });
    await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(90);

    // Generate scene 1 through the loopback KIE: per-scene progress, then its thumbnail and a toast.
    await page.getByRole('button', { name: 'Generate the image of scene 1' }).click();
    await first.getByRole('img', { name: 'Image of scene 1' }).waitFor({ timeout: 60_000 });
    await page.getByRole('status').filter({ hasText: /^Finished: / }).first().waitFor({ timeout: 10_000 });

    // Move scene 1 down: its prompt is now scene 2's.
    const prompt1 = await page.getByLabel('Prompt of scene 1', { exact: true }).inputValue();
    await page.getByRole('button', { name: 'Move scene 1 down' }).click();
    await expect.poll(() => page.getByLabel('Prompt of scene 2', { exact: true }).inputValue()).toBe(prompt1);
    expect(await cards.count()).toBe(count);
    // Scene 2's picture as everyone's character reference.
    await page.getByRole('button', { name: 'Use as character reference: the image of scene 2' }).click();
    await page.getByRole('listitem', { name: 'Scene 1', exact: true }).getByText('Character reference: scene 2').waitFor();
    await page.getByRole('listitem', { name: 'Scene 3', exact: true }).getByText('Character reference: scene 2').waitFor();
    // Drag scene 2's card onto scene 1's: it becomes scene 1.
    const prompt2 = await page.getByLabel('Prompt of scene 2', { exact: true }).inputValue();
    await page.getByRole('listitem', { name: 'Scene 1', exact: true }).scrollIntoViewIfNeeded();
    await page.getByRole('listitem', { name: 'Scene 2', exact: true }).locator('.scene-head').dragTo(page.getByRole('listitem', { name: 'Scene 1', exact: true }).locator('.scene-head'));
    await expect.poll(() => page.getByLabel('Prompt of scene 1', { exact: true }).inputValue()).toBe(prompt2);
    // Ctrl+Z (outside a text field) undoes the reorder; Shift+Ctrl+Z redoes it.
    await page.getByRole('heading', { name: 'Storyboard', level: 1 }).click();
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.getByLabel('Prompt of scene 2', { exact: true }).inputValue()).toBe(prompt2);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => page.getByLabel('Prompt of scene 1', { exact: true }).inputValue()).toBe(prompt2);
    await shot(page, 'storyboard-filled-en');
  }, 120_000);

  it('Monitor shows the queue and disk numbers from the core', async () => {
    const { page } = app;
    await setLanguage(page, 'en');
    await go(page, 'monitor', 'en');
    await page.getByRole('heading', { name: 'Jobs by state' }).waitFor();
    const diskRow = page.getByText(/^Projects \(1\)$/);
    await diskRow.waitFor();
    // The KIE key tests above went through the one rate gate.
    await expect.poll(async () => page.getByRole('meter', { name: 'Requests (20 per 10 s)' }).getAttribute('aria-valuenow')).not.toBe('0');
  });

  it('opens the shortcut sheet with "?" and closes it with Escape', async () => {
    const { page } = app;
    await page.getByRole('navigation').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('?');
    const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await sheet.waitFor();
    expect(await sheet.getByText('Split the selected clip at the playhead').count()).toBe(1);
    await shot(page, 'help-en');
    await page.keyboard.press('Escape');
    await sheet.waitFor({ state: 'detached' });
  });

  for (const language of ['en', 'es'] as const) {
    it(`every panel renders in ${language}`, async () => {
      const { page } = app;
      await setLanguage(page, language);
      for (const route of Object.keys(NAV)) {
        await go(page, route, language);
        await page.waitForTimeout(300);
        await shot(page, `${route}-${language}`);
      }
      if (language === 'es') {
        await page.getByRole('button', { name: 'Atajos' }).click();
        await page.getByRole('dialog', { name: 'Atajos de teclado' }).waitFor();
        await shot(page, 'help-es');
        await page.keyboard.press('Escape');
      }
    }, 120_000);
  }

  it('Demo: one click opens a copy of the bundled sample on the timeline, ready to play and export', async () => {
    const { page } = app;
    await setLanguage(page, 'en');
    await go(page, 'demo', 'en');
    await page.getByRole('button', { name: 'Open the demo project' }).click();
    await page.getByRole('status').filter({ hasText: 'Demo project ready.' }).waitFor({ timeout: 30_000 });
    await page.getByRole('application', { name: /Timeline tracks/ }).waitFor();
    await page.getByRole('button', { name: 'Export to MP4' }).waitFor();
    await go(page, 'storyboard', 'en');
    await expect.poll(() => page.getByRole('list', { name: 'Scenes' }).getByRole('listitem').count(), { timeout: 15_000 }).toBe(10);
    // A copy: the bundled sample is untouched, the copy is a second project folder.
    expect(fs.readdirSync(path.join(app.home, 'projects')).length).toBe(2);
  }, 60_000);

  it('threw no page errors', () => {
    expect(pageErrors).toEqual([]);
  });

  it('says so in place when the bridge goes away, keeping what is on screen', async () => {
    const { page } = app;
    await go(page, 'storyboard', 'en');
    const prompt = page.getByLabel('Prompt of scene 1', { exact: true });
    const before = await prompt.inputValue();
    app.server.kill('SIGKILL');
    await page.getByRole('alert').filter({ hasText: 'Lost the connection to the app core' }).waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: 'Generate the image of scene 1', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'The app core is not reachable' }).waitFor({ timeout: 15_000 });
    expect(await prompt.inputValue()).toBe(before);
    await page.screenshot({ path: path.join(ARTIFACTS, 'panel-bridge-gone-en.png') });
  });
});
