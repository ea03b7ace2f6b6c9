/**
 * The timeline editor in Chromium against `whatif web` (real core): a generated project with images,
 * text, captions, narration and music; drag, trim, split at the playhead, undo/redo, delete, a drag past
 * the end refused in place, a text overlay edited in the inspector (empty text refused), safe zones,
 * the export dialog. Results are read back from project.json on disk; screenshots in en and es.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeAssetBuffer } from '../../src-main/project/assets.js';
import { DEFAULT_TEXT_STYLE, type ProjectDocument } from '../../src-main/project/document.js';
import { writeProjectFile } from '../../src-main/project/project-file.js';
import { addAudio, imageClip, patternImage, toneFile } from '../media/fixtures.js';
import { ARTIFACTS, callInPage, startApp, type AppSession } from './bridge-harness.js';
import { imagesOf } from '../helpers/tracks.js';

let app: AppSession;
let dir: string;
const pageErrors: string[] = [];
// Timeline drawing constants (src-renderer/src/panels/timeline/layout.ts, geometry.ts DEFAULT_ZOOM).
const ZOOM = 60;
const trackCenter = (i: number) => 26 + 4 + i * 50 + 23;
/** Lane rows of a new project, top to bottom: text, captions, overlay 2, overlay 1, main, narration, music, effects. */
const LANE = { text: 0, captions: 1, main: 4 } as const;

beforeAll(async () => {
  app = await startApp({ viewport: { width: 1440, height: 960 } });
  app.page.on('pageerror', (error) => pageErrors.push(error.message));
  await app.page.goto(app.url);
  await app.page.getByRole('combobox', { name: /^(Language|Idioma)$/ }).selectOption('en');
}, 240_000);
afterAll(async () => {
  await app?.close();
});

const api = callInPage;

const onDisk = (): ProjectDocument => JSON.parse(fs.readFileSync(path.join(dir, 'project.json'), 'utf8')) as ProjectDocument;

async function stageBox(page: Page) {
  const box = await page.getByRole('application', { name: /Timeline tracks|Pistas de la línea/ }).boundingBox();
  if (!box) throw new Error('no timeline canvas');
  return box;
}

async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 12 });
  await page.mouse.up();
}

describe('the timeline editor', () => {
  it('opens a project with every track filled', async () => {
    const { page } = app;
    const summary = await api<{ id: string; dir: string }>(page, 'project.create', { name: 'Timeline test' });
    dir = summary.dir;
    const { document } = await api<{ document: ProjectDocument }>(page, 'project.open', { id: summary.id });
    const doc = structuredClone(document);
    doc.output = { preset: '9:16', width: 270, height: 480, fps: 25, quality: 'draft' }; // a quick export
    for (let i = 0; i < 3; i++) {
      const asset = await storeAssetBuffer(dir, await patternImage(540, 960, i * 80), 'jpg', { kind: 'image', width: 540, height: 960, source: 'generated' });
      doc.assets[asset.id] = asset;
      imagesOf(doc).push(imageClip(`img-${i + 1}`, asset.id, i * 4, 4));
    }
    doc.tracks.text = [{ id: 'txt-1', text: 'What if?', start: 1, duration: 2, style: DEFAULT_TEXT_STYLE, position: { preset: 'center', x: 0.5, y: 0.5 }, align: 'center', maxWidth: 0.8, fadeIn: 0, fadeOut: 0 }];
    doc.tracks.captions.cues = [
      { id: 'cue-1', start: 0, end: 2, text: 'What if the Moon', words: [{ text: 'What', start: 0, end: 0.4 }, { text: 'if', start: 0.4, end: 0.7 }, { text: 'the', start: 0.7, end: 1 }, { text: 'Moon', start: 1, end: 2 }] },
      { id: 'cue-2', start: 2.5, end: 4, text: 'vanished?' },
    ];
    await addAudio(dir, doc, await toneFile(dir, 'voice.wav', 220, 10, 0.6), 'narration', 0, 10);
    // The song is 10 s and its clip 12 s, the project ~11 s after the edits below: the export says so.
    await addAudio(dir, doc, await toneFile(dir, 'song.wav', 440, 10, 0.3), 'music', 0, 12);
    for (const f of ['voice.wav', 'song.wav']) fs.rmSync(path.join(dir, f));
    writeProjectFile(dir, doc);

    await page.getByRole('navigation').getByRole('button', { name: 'Projects', exact: true }).click();
    await page.getByRole('listitem').filter({ hasText: 'Timeline test' }).getByRole('button', { name: 'Open', exact: true }).click();
    await page.getByRole('navigation').getByRole('button', { name: 'Timeline', exact: true }).click();
    await page.getByRole('application', { name: /Timeline tracks/ }).waitFor();
    await page.getByRole('img', { name: 'Live preview' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor();
  });

  it('drags a clip (saved to disk), trims one with its handle', async () => {
    const { page } = app;
    const box = await stageBox(page);
    const renders = () => page.evaluate(() => ({ ...(window as unknown as { whatifTrackRenders: Record<string, number> }).whatifTrackRenders }));
    const rendersBefore = await renders();
    await drag(page, { x: box.x + 2 * ZOOM, y: box.y + trackCenter(LANE.text) }, { x: box.x + 4 * ZOOM, y: box.y + trackCenter(LANE.text) });
    await expect.poll(() => Math.abs(onDisk().tracks.text[0]!.start - 3), { timeout: 10_000 }).toBeLessThan(0.1);
    // The drag and its drop re-rendered the text track only (selectors + memo), never the others.
    const rendersAfter = await renders();
    for (const track of ['main', 'captions', 'narration', 'music']) expect(rendersAfter[track], track).toBe(rendersBefore[track]);
    expect(rendersAfter.text).toBeGreaterThan(rendersBefore.text!);
    await drag(page, { x: box.x + 12 * ZOOM - 3, y: box.y + trackCenter(LANE.main) }, { x: box.x + 11 * ZOOM, y: box.y + trackCenter(LANE.main) });
    await expect.poll(() => Math.abs(imagesOf(onDisk()).find((c) => c.id === 'img-3')!.duration - 3), { timeout: 10_000 }).toBeLessThan(0.1);
  });

  it('splits at the playhead with S, undoes and redoes with the keyboard', async () => {
    const { page } = app;
    const box = await stageBox(page);
    await page.mouse.click(box.x + 6 * ZOOM, box.y + 10); // the ruler: playhead to 0:06
    await page.keyboard.press('s');
    await expect.poll(() => imagesOf(onDisk()).length, { timeout: 10_000 }).toBe(4);
    await page.keyboard.press('Control+z');
    await expect.poll(() => imagesOf(onDisk()).length, { timeout: 10_000 }).toBe(3);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => imagesOf(onDisk()).length, { timeout: 10_000 }).toBe(4);
    const split = imagesOf(onDisk()).filter((c) => c.start >= 3.9 && c.start < 8).sort((a, b) => a.start - b.start);
    expect(split.map((c) => [c.start, c.duration])).toEqual([
      [4, 2],
      [6, 2],
    ]);
  });

  it('refuses a clip dragged past the end with a message in place, and deletes a selected caption', async () => {
    const { page } = app;
    const box = await stageBox(page);
    const before = onDisk();
    await drag(page, { x: box.x + 3.5 * ZOOM, y: box.y + trackCenter(LANE.text) }, { x: box.x + 13 * ZOOM, y: box.y + trackCenter(LANE.text) });
    await expect.poll(() => page.locator('.tl-notice').textContent()).toMatch(/ends after the project/);
    await page.waitForTimeout(1200); // autosave would have run by now; nothing must have changed
    expect(onDisk().tracks.text).toEqual(before.tracks.text);
    // The clip list is the keyboard/screen-reader way in (shown when focused).
    const cue = page.getByRole('navigation', { name: 'Clips' }).getByRole('button', { name: /^Captions clip 2,/ });
    await cue.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => cue.getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.press('Delete');
    await expect.poll(() => onDisk().tracks.captions.cues.map((c) => c.id), { timeout: 10_000 }).toEqual(['cue-1']);
  });

  it('multi-selects with Shift+click on the canvas and nudges both with the arrow key', async () => {
    const { page } = app;
    const box = await stageBox(page);
    const before = onDisk();
    const textStart = before.tracks.text[0]!.start;
    await page.mouse.click(box.x + (textStart + 1) * ZOOM, box.y + trackCenter(LANE.text));
    await page.keyboard.down('Shift');
    await page.mouse.click(box.x + 1 * ZOOM, box.y + trackCenter(LANE.captions));
    await page.keyboard.up('Shift');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => onDisk().tracks.captions.cues[0]!.start, { timeout: 10_000 }).toBeCloseTo(0.1, 3);
    expect(onDisk().tracks.text[0]!.start).toBeCloseTo(textStart + 0.1, 3);
    expect(onDisk().tracks.captions.cues[0]!.words![0]!.start).toBeCloseTo(0.1, 3);
    await page.keyboard.press('Escape');
  });

  it('adds a text overlay and edits it in the inspector; an empty text is refused in place', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Add text' }).click();
    const text = page.getByRole('complementary', { name: 'Inspector' }).getByRole('textbox', { name: 'Text' });
    await text.fill('');
    await expect.poll(() => page.getByRole('complementary', { name: 'Inspector' }).getByRole('alert').textContent()).toMatch(/needs some text/);
    await text.fill('The tides stop');
    await expect.poll(() => onDisk().tracks.text.map((c) => c.text).sort(), { timeout: 10_000 }).toEqual(['The tides stop', 'What if?']);
    await page.getByRole('combobox', { name: 'Safe zone' }).selectOption('tiktok');
    await page.getByRole('img', { name: /TikTok safe zone shown/ }).waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(ARTIFACTS, 'timeline-en.png') });
  });

  it('edits Ken Burns frames by dragging them on the preview, and plays', async () => {
    const { page } = app;
    const clip = page.getByRole('navigation', { name: 'Clips' }).getByRole('button', { name: /^Main clip 1,/ });
    await clip.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Edit Ken Burns frames on the preview' }).click();
    const frameA = page.getByRole('slider', { name: /^Start frame A/ });
    const box = (await frameA.boundingBox())!;
    // Frame A (zoom 1) is the larger one: grab it near its corner, outside frame B.
    await drag(page, { x: box.x + 12, y: box.y + 12 }, { x: box.x + 52, y: box.y + 42 });
    await expect.poll(() => imagesOf(onDisk()).find((c) => c.id === 'img-1')!.kenBurns.from.y, { timeout: 10_000 }).toBeGreaterThan(0.52);
    await page.getByRole('slider', { name: /^End frame B/ }).focus();
    await page.keyboard.press('+');
    await expect.poll(() => imagesOf(onDisk()).find((c) => c.id === 'img-1')!.kenBurns.to.zoom, { timeout: 10_000 }).toBeCloseTo(1.2, 2);
    await page.screenshot({ path: path.join(ARTIFACTS, 'timeline-kenburns-en.png') });
    await page.getByRole('button', { name: 'Done editing frames' }).click();
    const time = page.locator('.play-time');
    const before = await time.textContent();
    await page.getByRole('toolbar', { name: 'Timeline tools' }).getByRole('button', { name: 'Play', exact: true }).click();
    await expect.poll(() => time.textContent(), { timeout: 5_000 }).not.toBe(before);
    await page.getByRole('toolbar', { name: 'Timeline tools' }).getByRole('button', { name: 'Pause', exact: true }).click();
  });

  it('shows the editor and the export dialog in Spanish', async () => {
    const { page } = app;
    await page.getByRole('combobox', { name: 'Language' }).selectOption('es');
    await page.getByRole('toolbar', { name: 'Herramientas de la línea de tiempo' }).waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(ARTIFACTS, 'timeline-es.png') });
    await page.getByRole('button', { name: 'Exportar a MP4' }).click();
    await page.getByRole('dialog', { name: 'Exportar a MP4' }).waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'export-dialog-es.png') });
    await page.getByRole('dialog').getByRole('button', { name: 'Cerrar' }).click();
  });

  it('exports to MP4 from the dialog: progress and cancel, then a finished export with show in folder and open', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Exportar a MP4' }).click();
    const dialog = page.getByRole('dialog', { name: 'Exportar a MP4' });
    // A long one first (16:9 full HD, high quality): progress shows, and cancel leaves no file.
    await dialog.getByRole('combobox', { name: 'Formato' }).selectOption('16:9');
    await dialog.getByRole('combobox', { name: 'Calidad' }).selectOption('high');
    await dialog.getByRole('button', { name: 'Exportar', exact: true }).click();
    await dialog.getByRole('progressbar', { name: 'Progreso de la exportación' }).waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'export-progress-es.png') });
    await dialog.getByRole('button', { name: 'Cancelar exportación' }).click();
    await dialog.getByText('Exportación cancelada. No quedó ningún archivo a medias.').waitFor({ timeout: 20_000 });
    const renders = path.join(dir, 'renders');
    expect(fs.existsSync(renders) ? fs.readdirSync(renders).filter((f) => f.endsWith('.mp4')) : []).toEqual([]);
    // Then the quick one at the project's own size.
    await dialog.getByRole('combobox', { name: 'Formato' }).selectOption('9:16');
    await dialog.getByRole('combobox', { name: 'Calidad' }).selectOption('draft');
    await dialog.getByRole('button', { name: 'Exportar', exact: true }).click();
    await dialog.getByRole('button', { name: 'Mostrar en la carpeta' }).waitFor({ timeout: 120_000 });
    const warnings = dialog.getByRole('note');
    await expect.poll(() => warnings.textContent()).toMatch(/^Exportado, pero revisa estos clips:El clip 1 de Música \("song\.wav"\) dura 1\.\d s más que su archivo \(10\.0 s\): el resto de su hueco queda en silencio\.$/);
    await page.screenshot({ path: path.join(ARTIFACTS, 'export-done-es.png') });
    const saved = (await dialog.getByRole('status').textContent())!.replace(/^Guardado /, '').trim();
    expect(fs.existsSync(saved)).toBe(true);
    const probe = await api<{ durationSeconds: number; video: { width: number; height: number } | null }>(page, 'export.probe', { file: saved });
    expect(probe.video).toMatchObject({ width: 270, height: 480 });
    expect(probe.durationSeconds).toBeCloseTo(11, 0);
    await dialog.getByRole('button', { name: 'Mostrar en la carpeta' }).click();
    await dialog.getByText(/El archivo está en/).waitFor(); // the bridge has no file manager: it says where
    expect(await dialog.getByRole('link', { name: 'Abrir' }).getAttribute('href')).toMatch(/^\/media\/.+\/renders\/.+\.mp4\?t=[A-Za-z0-9_-]{40,}$/);
    await dialog.getByRole('button', { name: 'Cerrar' }).click();
    expect(pageErrors).toEqual([]);
  });

  it('keeps the edits and says so in place when the bridge goes away', async () => {
    const { page } = app;
    await page.getByRole('combobox', { name: 'Idioma' }).selectOption('en');
    const before = onDisk().tracks.text.map((c) => c.start);
    app.server.kill('SIGTERM');
    await new Promise((resolve) => (app.server.exitCode === null ? app.server.once('exit', resolve) : resolve(null)));
    const clip = page.getByRole('navigation', { name: 'Clips' }).getByRole('button', { name: /^Text clip 1,/ });
    await clip.focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.locator('.tl-notice').textContent(), { timeout: 10_000 }).toMatch(/Not saved: The app core is not reachable/);
    await page.getByRole('alert').filter({ hasText: /Lost the connection/ }).waitFor();
    const state = await page.evaluate(() => {
      const s = (window as unknown as { whatifDocument: { getState(): { dirty: boolean; doc: ProjectDocument } } }).whatifDocument.getState();
      return { dirty: s.dirty, starts: s.doc.tracks.text.map((c) => c.start) };
    });
    expect(state.dirty).toBe(true);
    expect(state.starts).toContain(Math.round((Math.min(...before) + 0.1) * 1000) / 1000);
    await page.screenshot({ path: path.join(ARTIFACTS, 'timeline-offline-en.png') });
    expect(pageErrors).toEqual([]);
  });

  it('zooms with Ctrl+wheel around the pointer and with +/−, scrolls with the wheel', async () => {
    const { page } = app;
    const view = () => page.evaluate(() => {
      const s = (window as unknown as { whatifTimeline: { getState(): { zoom: number; scroll: number } } }).whatifTimeline.getState();
      return { zoom: s.zoom, scroll: s.scroll };
    });
    const box = await stageBox(page);
    const x = 5 * ZOOM;
    await page.mouse.move(box.x + x, box.y + trackCenter(LANE.main));
    // While the whole project fits in the view it stays pinned at 0:00; zoomed in further, the time
    // under the pointer stays under it.
    await page.keyboard.down('Control');
    for (let i = 0; i < 4; i++) await page.mouse.wheel(0, -100);
    await expect.poll(async () => (await view()).zoom).toBeGreaterThan(ZOOM * 1.7);
    const before = await view();
    const under = before.scroll + x / before.zoom;
    await page.mouse.wheel(0, -100);
    await page.keyboard.up('Control');
    await expect.poll(async () => (await view()).zoom).toBeGreaterThan(before.zoom);
    const zoomed = await view();
    expect(zoomed.scroll + x / zoomed.zoom).toBeCloseTo(under, 1);
    await page.mouse.wheel(0, 200);
    await expect.poll(async () => (await view()).scroll).toBeGreaterThan(zoomed.scroll);
    await page.keyboard.press('-');
    await expect.poll(async () => (await view()).zoom).toBeLessThan(zoomed.zoom);
  });
});
