/**
 * "Animate" in Chromium against `whatif web` (the real core) and the loopback KIE: generate two scene
 * images, animate scene 1 (cost and balance shown first), see it on the card and the timeline, undo
 * puts the still back; "Animate all" over the cap stays off; Settings shows the balance. Screenshots
 * go to test/artifacts/animate-*.png.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProjectDocument } from '../../src-main/project/document.js';
import { startFakeKie, type FakeKie } from '../fakes/kie-server.js';
import { ARTIFACTS, startApp, type AppSession } from './bridge-harness.js';

let app: AppSession;
let kie: FakeKie;
const pageErrors: string[] = [];

beforeAll(async () => {
  kie = await startFakeKie();
  app = await startApp({ env: { WHATIF_KIE_BASE_URL: kie.url, WHATIF_KIE_API_KEY: kie.apiKey }, viewport: { width: 1440, height: 960 } });
  app.page.on('pageerror', (error) => pageErrors.push(error.message));
  await app.page.goto(app.url);
  await app.page.getByRole('combobox', { name: /^(Language|Idioma)$/ }).selectOption('en');
}, 240_000);
afterAll(async () => {
  await app?.close();
  await kie?.close();
});

function documentOnDisk(): ProjectDocument {
  const root = path.join(app.home, 'projects');
  const dir = fs.readdirSync(root).map((d) => path.join(root, d)).find((d) => fs.existsSync(path.join(d, 'project.json')))!;
  return JSON.parse(fs.readFileSync(path.join(dir, 'project.json'), 'utf8')) as ProjectDocument;
}
const mainKinds = (doc: ProjectDocument) => doc.tracks.media.find((t) => t.role === 'main')!.clips.map((c) => doc.assets[c.assetId]?.kind);

describe('Animate in the page', () => {
  it('animates scene 1 after showing the cost and the balance; the card and the timeline show the clip; undo puts the still back', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'New project' }).click();
    await page.getByRole('textbox', { name: 'Project name' }).fill('What if clouds were solid?');
    await page.getByRole('button', { name: 'Create', exact: true }).click(); // creating opens it
    await page.getByRole('heading', { name: 'Storyboard', level: 1 }).waitFor();
    await expect.poll(() => page.getByRole('combobox', { name: 'Template' }).locator('option').count()).toBeGreaterThan(0);
    await page.getByRole('spinbutton', { name: 'Scenes' }).fill('2');
    await page.getByRole('button', { name: 'Use template' }).click();
    await expect.poll(() => page.getByRole('list', { name: 'Scenes' }).getByRole('listitem').count(), { timeout: 15_000 }).toBe(2);
    expect(await page.getByRole('button', { name: 'Animate scene 1' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Generate all images' }).click();
    for (const n of [1, 2]) await page.getByRole('img', { name: `Image of scene ${n}` }).waitFor({ timeout: 90_000 });

    await page.getByRole('button', { name: 'Animate scene 1' }).click();
    const dialog = page.getByRole('dialog', { name: 'Animate scene 1' });
    await dialog.getByText('1 clip(s) × 50 credits = about 50 KIE credits. Your cap: 200. Prices as of 2026-12-01.').waitFor({ timeout: 15_000 });
    await dialog.getByText('Your KIE balance: 1234 credits.').waitFor();
    await dialog.getByRole('textbox', { name: 'Motion' }).fill('Clouds drift, the camera rises slowly');
    await dialog.getByRole('checkbox', { name: /End on the next scene's image/ }).check();
    await page.screenshot({ path: path.join(ARTIFACTS, 'animate-dialog-en.png') });
    await dialog.getByRole('button', { name: 'Animate', exact: true }).click();
    await page.getByText('Animated: 5 s clip').waitFor({ timeout: 90_000 });
    await expect.poll(() => mainKinds(documentOnDisk())).toEqual(['video', 'image']);
    const task = [...kie.tasks.values()].find((t) => t.duration !== null)!;
    expect(task).toMatchObject({ model: 'kling/v2-1-pro', prompt: 'Clouds drift, the camera rises slowly', duration: 5 });
    expect(task.lastFrame).toMatch(/\/uploads\//);
    await page.screenshot({ path: path.join(ARTIFACTS, 'animate-storyboard-en.png') });

    await page.getByRole('navigation').getByRole('button', { name: 'Timeline', exact: true }).click();
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => mainKinds(documentOnDisk()), { timeout: 15_000 }).toEqual(['image', 'image']);
    await page.getByRole('navigation').getByRole('button', { name: 'Storyboard', exact: true }).click();
    await page.getByRole('img', { name: 'Image of scene 1' }).waitFor();
    expect(await page.getByText('Animated: 5 s clip').count()).toBe(0);
  }, 240_000);

  it('"Animate all" over the cap says so and does not start; Settings shows the balance (Spanish too)', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Animate all' }).click();
    const dialog = page.getByRole('dialog', { name: 'Animate all scenes' });
    await dialog.getByRole('combobox', { name: 'Video model' }).selectOption('wan-2.5');
    await dialog.getByRole('combobox', { name: 'Length' }).selectOption('10');
    await dialog.getByRole('combobox', { name: 'Resolution' }).selectOption('1080p');
    await dialog.getByText('2 clip(s) × 200 credits = about 400 KIE credits. Your cap: 200. Prices as of 2026-12-01.').waitFor({ timeout: 15_000 });
    await dialog.getByText(/above your cap/).waitFor();
    expect(await dialog.getByRole('button', { name: 'Animate 2 scene(s)' }).isDisabled()).toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS, 'animate-all-over-cap-en.png') });
    await dialog.getByRole('button', { name: 'Close' }).click();

    await page.getByRole('navigation').getByRole('button', { name: 'Settings', exact: true }).click();
    await page.getByRole('status', { name: 'KIE balance' }).getByText('1234 credits').waitFor({ timeout: 15_000 });
    await page.getByRole('combobox', { name: 'Language' }).first().selectOption('es');
    await page.getByRole('status', { name: 'Saldo de KIE' }).getByText('1234 créditos').waitFor();
    await page.getByRole('navigation').getByRole('button', { name: 'Guion gráfico', exact: true }).click();
    await page.getByRole('button', { name: 'Animar todas' }).click();
    await page.getByRole('dialog', { name: 'Animar todas las escenas' }).getByText(/Tu saldo en KIE: 1234 créditos/).waitFor({ timeout: 15_000 });
    await page.screenshot({ path: path.join(ARTIFACTS, 'animate-all-es.png') });
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
