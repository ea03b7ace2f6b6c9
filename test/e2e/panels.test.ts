/**
 * Every panel in Chromium against the real core over the loopback bridge: screenshots in English and
 * Spanish under test/artifacts/, plus the bad-input paths of Settings (an empty key, a key that fails
 * its test against the loopback KIE) and the help sheet. Controls are found by role and name.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeKie, type FakeKie } from '../fakes/kie-server.js';
import { ARTIFACTS, startApp, type AppSession } from './bridge-harness.js';

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
  await app?.close();
  await kie?.close();
});

const NAV: Record<string, [string, string]> = {
  projects: ['Projects', 'Proyectos'],
  voice: ['Voice', 'Voz'],
  storyboard: ['Storyboard', 'Guion gráfico'],
  timeline: ['Timeline', 'Línea de tiempo'],
  jobs: ['Jobs', 'Tareas'],
  monitor: ['Monitor', 'Monitor'],
  settings: ['Settings', 'Ajustes'],
  demo: ['Demo', 'Demo'],
};

async function setLanguage(page: Page, language: 'en' | 'es') {
  await page.getByRole('combobox', { name: /^(Language|Idioma)$/ }).selectOption(language);
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(language);
}

async function go(page: Page, route: string, language: 'en' | 'es') {
  const name = NAV[route]![language === 'en' ? 0 : 1];
  await page.getByRole('navigation').getByRole('button', { name, exact: true }).click();
  await page.getByRole('heading', { level: 1 }).first().waitFor();
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
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    await page.getByRole('listitem').filter({ hasText: 'What if the sea were sweet?' }).getByRole('button', { name: 'Open', exact: true }).click();
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
    await page.getByRole('button', { name: 'Test the KIE connection' }).click();
    const status = section.getByRole('status');
    await expect.poll(() => status.textContent(), { timeout: 20_000 }).toMatch(/key|401|unauthori|rejected/i);
    expect(await status.getAttribute('class')).toContain('error-text');
    await input.fill(kie.apiKey);
    await section.getByRole('button', { name: 'Save key' }).click();
    await page.getByRole('button', { name: 'Test the KIE connection' }).click();
    await expect.poll(() => status.textContent(), { timeout: 20_000 }).toMatch(/KIE key works/);
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

  it('threw no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
