/**
 * The timeline's keys in one page session (Chromium against `whatif web`): J/K/L shuttle, the view
 * following the playhead while playing, the scrollbar, Ctrl+A, Ctrl+B split, N snapping, and
 * Shift+Delete lifting a clip (its place stays empty). Outcomes are read from the page's stores
 * (window.whatifTimeline, window.whatifDocument) and the toolbar; a screenshot is looked at.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeAssetBuffer } from '../../src-main/project/assets.js';
import { mainClips, type ProjectDocument } from '../../src-main/project/document.js';
import { writeProjectFile } from '../../src-main/project/project-file.js';
import { imageClip, patternImage } from '../media/fixtures.js';
import { ARTIFACTS, callInPage, startApp, type AppSession } from './bridge-harness.js';

let app: AppSession;
const pageErrors: string[] = [];
const MAIN_LANE = 4; // text, captions, overlay 2, overlay 1, main
const laneCenter = (i: number) => 26 + 4 + i * 50 + 23;

interface View { zoom: number; scroll: number; playhead: number; playing: boolean; rate: number; snapping: boolean; selected: number; width: number }
const view = (page: Page) =>
  page.evaluate((): View => {
    const s = (window as unknown as { whatifTimeline: { getState(): { zoom: number; scroll: number; playhead: number; playing: boolean; rate: number; snapping: boolean; selected: Set<string>; width: number } } }).whatifTimeline.getState();
    return { zoom: s.zoom, scroll: s.scroll, playhead: s.playhead, playing: s.playing, rate: s.rate, snapping: s.snapping, selected: s.selected.size, width: s.width };
  });
const setView = (page: Page, patch: { playhead?: number; scroll?: number }) =>
  page.evaluate((p) => {
    const s = (window as unknown as { whatifTimeline: { getState(): { setPlayhead(t: number): void; setView(v: { scroll?: number }): void } } }).whatifTimeline.getState();
    if (p.scroll !== undefined) s.setView({ scroll: p.scroll });
    if (p.playhead !== undefined) s.setPlayhead(p.playhead);
  }, patch);
const pageDoc = (page: Page) => page.evaluate(() => (window as unknown as { whatifDocument: { getState(): { doc: unknown } } }).whatifDocument.getState().doc as ProjectDocument);

async function clickClipAt(page: Page, t: number) {
  const box = await page.getByRole('application', { name: /Timeline tracks/ }).boundingBox();
  const v = await view(page);
  await page.mouse.click(box!.x + (t - v.scroll) * v.zoom, box!.y + laneCenter(MAIN_LANE));
}

beforeAll(async () => {
  app = await startApp({ viewport: { width: 1280, height: 900 } });
  app.page.on('pageerror', (error) => pageErrors.push(error.message));
  await app.page.goto(app.url);
  await app.page.getByRole('combobox', { name: /^(Language|Idioma)$/ }).selectOption('en');
}, 240_000);
afterAll(async () => {
  await app?.close();
});

describe('timeline keys', () => {
  it('shuttle, follow, scrollbar, select all, split, snapping and lift', async () => {
    const { page } = app;
    const summary = await callInPage<{ id: string; dir: string }>(page, 'project.create', { name: 'Keys test' });
    const { document } = await callInPage<{ document: ProjectDocument }>(page, 'project.open', { id: summary.id });
    const doc = structuredClone(document);
    for (let i = 0; i < 4; i++) {
      const asset = await storeAssetBuffer(summary.dir, await patternImage(180, 320, i * 70), 'jpg', { kind: 'image', width: 180, height: 320, source: 'generated' });
      doc.assets[asset.id] = asset;
      doc.scenes.push({ id: `scene-${i + 1}`, prompt: `scene ${i + 1}`, negativePrompt: '', model: 'flux-kontext-pro', imageAssetId: asset.id, duration: 8 });
      doc.tracks.media.find((t) => t.role === 'main')!.clips.push(imageClip(`clip-${i + 1}`, asset.id, i * 8, 8, { sceneId: `scene-${i + 1}` }));
    }
    writeProjectFile(summary.dir, doc);
    await page.getByRole('navigation').getByRole('button', { name: 'Projects', exact: true }).click();
    await page.getByRole('listitem').filter({ hasText: 'Keys test' }).getByRole('button', { name: 'Open', exact: true }).click();
    await page.getByRole('navigation').getByRole('button', { name: 'Timeline', exact: true }).click();
    await page.getByRole('application', { name: /Timeline tracks/ }).waitFor();
    await expect.poll(async () => (await pageDoc(page))?.scenes.length).toBe(4);
    await page.locator('body').click({ position: { x: 5, y: 5 } }); // keys go to the page, not a field

    // The scrollbar scrolls the view (the project is longer than the window at this zoom).
    const start = await view(page);
    expect(32 * start.zoom).toBeGreaterThan(start.width);
    const bar = page.getByRole('scrollbar', { name: 'Scroll the timeline' });
    const barBox = (await bar.boundingBox())!;
    await page.mouse.move(barBox.x + barBox.width / 2, barBox.y + barBox.height / 2);
    await page.mouse.wheel(400, 0);
    await expect.poll(async () => (await view(page)).scroll).toBeGreaterThan(0);
    await setView(page, { scroll: 0, playhead: 0 });

    // J/K/L: L plays, L again doubles, K stops, J plays backwards.
    await page.keyboard.press('l');
    expect(await view(page)).toMatchObject({ playing: true, rate: 1 });
    await page.keyboard.press('l');
    expect(await view(page)).toMatchObject({ playing: true, rate: 2 });
    await expect.poll(async () => (await view(page)).playhead).toBeGreaterThan(0);
    await page.keyboard.press('k');
    expect(await view(page)).toMatchObject({ playing: false, rate: 1 });
    // Backwards from well inside the project: from a playhead a few frames in, playback reaches
    // the start and stops before the state can be read on a slow machine.
    await setView(page, { playhead: 12 });
    await page.keyboard.press('j');
    expect(await view(page)).toMatchObject({ playing: true, rate: -1 });
    await page.keyboard.press('k');
    expect((await view(page)).playing).toBe(false);

    // While playing, the view pages along so the playhead stays in sight.
    const v = await view(page);
    await setView(page, { scroll: 0, playhead: (v.width * 0.9) / v.zoom });
    await page.keyboard.press('l');
    await expect.poll(async () => (await view(page)).scroll, { timeout: 10_000 }).toBeGreaterThan(0);
    await page.keyboard.press('k');
    const followed = await view(page);
    const x = (followed.playhead - followed.scroll) * followed.zoom;
    expect(x).toBeGreaterThanOrEqual(0);
    expect(x).toBeLessThanOrEqual(followed.width);
    await setView(page, { scroll: 0, playhead: 0 });

    // Ctrl+A selects every clip (as many as the clips list shows).
    await page.keyboard.press('Control+a');
    const listed = await page.getByRole('navigation', { name: 'Clips' }).getByRole('button').count();
    expect((await view(page)).selected).toBe(listed);
    await page.keyboard.press('Escape');
    expect((await view(page)).selected).toBe(0);

    // Ctrl+B splits the selected clip at the playhead.
    await clickClipAt(page, 1);
    await setView(page, { playhead: 4 });
    await page.keyboard.press('Control+b');
    await expect.poll(async () => mainClips(await pageDoc(page)).map((c) => [c.start, c.duration])).toEqual([[0, 4], [4, 4], [8, 8], [16, 8], [24, 8]]);

    // N turns snapping off and on (the toolbar's Snap button says so).
    const snap = page.getByRole('toolbar', { name: 'Timeline tools' }).getByRole('button', { name: /^Snap/ });
    expect(await snap.getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.press('n');
    expect((await view(page)).snapping).toBe(false);
    expect(await snap.getAttribute('aria-pressed')).toBe('false');
    await page.keyboard.press('n');
    expect((await view(page)).snapping).toBe(true);

    // Shift+Delete lifts the second half: the clip goes, its place stays empty (no ripple).
    await clickClipAt(page, 6);
    await page.keyboard.press('Shift+Delete');
    await expect.poll(async () => mainClips(await pageDoc(page)).map((c) => [c.start, c.duration])).toEqual([[0, 4], [8, 8], [16, 8], [24, 8]]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'shortcuts-lift-en.png') });
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
