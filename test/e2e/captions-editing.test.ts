/**
 * Captions and text in Chromium against `whatif web` (real core): pick a style in the caption gallery,
 * edit a caption's text (its word timing and highlight kept), split a caption, drag a word's end on
 * the timeline, drag a text on the preview, add a title from a template, and the TikTok safe-zone
 * warning appearing and going away. Results are read back from project.json; screenshots are kept.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeAssetBuffer } from '../../src-main/project/assets.js';
import { DEFAULT_TEXT_STYLE, type ProjectDocument } from '../../src-main/project/document.js';
import { writeProjectFile } from '../../src-main/project/project-file.js';
import { imageClip, patternImage } from '../media/fixtures.js';
import { ARTIFACTS, callInPage, startApp, type AppSession } from './bridge-harness.js';
import { imagesOf } from '../helpers/tracks.js';

let app: AppSession;
let dir: string;
let projectId: string;
const pageErrors: string[] = [];
// Timeline drawing constants (src-renderer/src/panels/timeline/layout.ts, geometry.ts DEFAULT_ZOOM).
const ZOOM = 60;
const trackTop = (i: number) => 26 + 4 + i * 50;
/** Lanes top to bottom: text, captions, overlays, main, sound tracks. */
const CAPTIONS_LANE = 1;

beforeAll(async () => {
  app = await startApp({ viewport: { width: 1440, height: 1000 } });
  app.page.on('pageerror', (error) => pageErrors.push(error.message));
  await app.page.goto(app.url);
  await app.page.getByRole('combobox', { name: /^(Language|Idioma)$/ }).selectOption('en');
}, 240_000);
afterAll(async () => {
  await app?.close();
});

const onDisk = (): ProjectDocument => JSON.parse(fs.readFileSync(path.join(dir, 'project.json'), 'utf8')) as ProjectDocument;
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(ARTIFACTS, `captions-${name}.png`) });

async function stageBox(page: Page) {
  const box = await page.getByRole('application', { name: /Timeline tracks/ }).boundingBox();
  if (!box) throw new Error('no timeline canvas');
  return box;
}

async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 10 });
  await page.mouse.up();
}

/** Pixels of the preview's own frame at t within `tolerance` of a colour. */
async function previewPixels(page: Page, t: number, hex: string, tolerance = 60, doc: ProjectDocument = onDisk()): Promise<number> {
  const url = await page.evaluate(([d, id, time]) => (window as unknown as { whatifPreview: { renderPng(d: unknown, id: string, t: number): Promise<string> } }).whatifPreview.renderPng(d, id, time), [doc, projectId, t] as const);
  const { data } = await sharp(Buffer.from(url.split(',')[1]!, 'base64')).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
  let n = 0;
  for (let i = 0; i < data.length; i += 3) if (Math.abs(data[i]! - r!) + Math.abs(data[i + 1]! - g!) + Math.abs(data[i + 2]! - b!) <= tolerance) n++;
  return n;
}

describe('captions and text in the editor', () => {
  it('opens a project with captions and a text', async () => {
    const { page } = app;
    const summary = await callInPage<{ id: string; dir: string }>(page, 'project.create', { name: 'Captions test' });
    dir = summary.dir;
    projectId = summary.id;
    const { document } = await callInPage<{ document: ProjectDocument }>(page, 'project.open', { id: summary.id });
    const doc = structuredClone(document);
    doc.output = { preset: '9:16', width: 540, height: 960, fps: 25, quality: 'draft' };
    for (let i = 0; i < 3; i++) {
      const asset = await storeAssetBuffer(dir, await patternImage(540, 960, 200 + i * 40), 'jpg', { kind: 'image', width: 540, height: 960, source: 'generated' });
      doc.assets[asset.id] = asset;
      imagesOf(doc).push(imageClip(`img-${i + 1}`, asset.id, i * 4, 4));
    }
    doc.tracks.text = [{ id: 'txt-1', text: 'What if?', start: 1, duration: 3, style: { ...DEFAULT_TEXT_STYLE, size: 48 }, position: { preset: 'center', x: 0.5, y: 0.5 }, align: 'center', maxWidth: 0.8, fadeIn: 0, fadeOut: 0 }];
    doc.tracks.captions.cues = [
      { id: 'cue-1', start: 0, end: 3, text: 'What if the Moon', words: [{ text: 'What', start: 0, end: 0.5 }, { text: 'if', start: 0.5, end: 1 }, { text: 'the', start: 1, end: 1.5 }, { text: 'Moon', start: 1.5, end: 3 }] },
      { id: 'cue-2', start: 4, end: 6, text: 'vanished tonight', words: [{ text: 'vanished', start: 4, end: 5 }, { text: 'tonight', start: 5, end: 6 }] },
    ];
    writeProjectFile(dir, doc);
    await page.getByRole('navigation').getByRole('button', { name: 'Projects', exact: true }).click();
    await page.getByRole('listitem').filter({ hasText: 'Captions test' }).getByRole('button', { name: 'Open', exact: true }).click();
    await page.getByRole('navigation').getByRole('button', { name: 'Timeline', exact: true }).click();
    await page.getByRole('application', { name: /Timeline tracks/ }).waitFor();
    await page.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor();
  });

  it('picks "Bold pop" in the caption style gallery', async () => {
    const { page } = app;
    await page.getByRole('toolbar').getByRole('button', { name: 'Caption style' }).click();
    const gallery = page.getByRole('group', { name: 'Caption styles' });
    await gallery.getByRole('button', { name: 'Bold pop' }).click();
    await expect.poll(() => onDisk().tracks.captions.preset, { timeout: 10_000 }).toBe('boldPop');
    const captions = onDisk().tracks.captions;
    expect([captions.uppercase, captions.wordsPerCue, captions.animation, captions.style.font]).toEqual([true, 3, 'pop', 'Inter Black']);
    expect(await gallery.getByRole('button', { name: 'Bold pop' }).getAttribute('aria-pressed')).toBe('true');
    await page.waitForTimeout(300);
    await shot(page, 'gallery');
  });

  it('edits a caption\'s text and keeps its word timing and highlight', async () => {
    const { page } = app;
    const box = await stageBox(page);
    await page.mouse.click(box.x + 2.4 * ZOOM, box.y + trackTop(CAPTIONS_LANE) + 38); // lower half of cue-1 selects it
    const inspector = page.getByRole('complementary', { name: 'Inspector' });
    const text = inspector.getByRole('textbox', { name: 'Text' });
    await text.fill('What if the Sun');
    await text.blur();
    await expect.poll(() => onDisk().tracks.captions.cues.find((c) => c.id === 'cue-1')!.text, { timeout: 10_000 }).toBe('What if the Sun');
    const cue = onDisk().tracks.captions.cues.find((c) => c.id === 'cue-1')!;
    expect(cue.words!.map((w) => [w.text, w.start, w.end])).toEqual([['What', 0, 0.5], ['if', 0.5, 1], ['the', 1, 1.5], ['Sun', 1.5, 3]]);
    // The spoken word is still drawn in the highlight colour (bold pop green) at "Sun"'s time.
    expect(await previewPixels(page, 2, onDisk().tracks.captions.style.highlightColor)).toBeGreaterThan(200);
    await inspector.getByRole('button', { name: 'Emphasise "the"' }).click();
    await expect.poll(() => onDisk().tracks.captions.cues.find((c) => c.id === 'cue-1')!.emphasis, { timeout: 10_000 }).toEqual([2]);
    await shot(page, 'cue-edited');
  });

  it('splits a caption at the playhead between its words', async () => {
    const { page } = app;
    const box = await stageBox(page);
    await page.mouse.click(box.x + 1.2 * ZOOM, box.y + 10); // ruler: playhead to 0:01.2
    await page.getByRole('complementary', { name: 'Inspector' }).getByRole('button', { name: 'Split at playhead' }).click();
    await expect.poll(() => onDisk().tracks.captions.cues.length, { timeout: 10_000 }).toBe(3);
    const cues = onDisk().tracks.captions.cues.sort((a, b) => a.start - b.start);
    expect(cues.map((c) => [c.text, c.start, c.end])).toEqual([['What if the', 0, 1.2], ['Sun', 1.2, 3], ['vanished tonight', 4, 6]]);
    expect(cues[1]!.words!.map((w) => w.text)).toEqual(['Sun']);
  });

  it('drags a word\'s end on the timeline', async () => {
    const { page } = app;
    const box = await stageBox(page);
    // "vanished" ends at 5 s: its edge's grip is in the upper half of the caption clip.
    await drag(page, { x: box.x + 5 * ZOOM, y: box.y + trackTop(CAPTIONS_LANE) + 8 }, { x: box.x + 5.5 * ZOOM, y: box.y + trackTop(CAPTIONS_LANE) + 8 });
    await expect.poll(() => onDisk().tracks.captions.cues.find((c) => c.id === 'cue-2')!.words![0]!.end, { timeout: 10_000 }).toBeCloseTo(5.5, 1);
    const words = onDisk().tracks.captions.cues.find((c) => c.id === 'cue-2')!.words!;
    expect(words[1]!.start).toBeCloseTo(words[0]!.end, 3);
    expect(onDisk().tracks.captions.cues.find((c) => c.id === 'cue-2')!.start).toBe(4); // the clip itself did not move
    await shot(page, 'word-dragged');
  });

  it('drags a text on the preview, and warns while it is outside the TikTok safe zone', async () => {
    const { page } = app;
    const box = await stageBox(page);
    await page.mouse.click(box.x + 1.5 * ZOOM, box.y + 10); // playhead on the text (1 s to 4 s)
    await page.getByRole('combobox', { name: 'Safe zone' }).selectOption('tiktok');
    const handle = page.getByRole('button', { name: /Text "What if\?" on the preview/ });
    const canvas = (await page.getByRole('img', { name: 'Live preview' }).boundingBox())!;
    const h = (await handle.boundingBox())!;
    const warning = page.getByRole('alert', { name: /Outside the TikTok safe zone/ }).getByText(/Text "What if\?" is outside/);
    expect(await warning.count()).toBe(0);
    // Up to 3% of the frame height: under TikTok's top tabs.
    await drag(page, { x: h.x + h.width / 2, y: h.y + h.height / 2 }, { x: h.x + h.width / 2, y: canvas.y + canvas.height * 0.03 });
    await expect.poll(() => onDisk().tracks.text.find((c) => c.id === 'txt-1')!.position.preset, { timeout: 10_000 }).toBe('free');
    expect(onDisk().tracks.text.find((c) => c.id === 'txt-1')!.position.y).toBeLessThan(0.1);
    await warning.waitFor();
    await shot(page, 'text-outside-tiktok');
    const h2 = (await handle.boundingBox())!;
    await drag(page, { x: h2.x + h2.width / 2, y: h2.y + h2.height / 2 }, { x: h2.x + h2.width / 2, y: canvas.y + canvas.height * 0.4 });
    await expect.poll(() => onDisk().tracks.text.find((c) => c.id === 'txt-1')!.position.y, { timeout: 10_000 }).toBeGreaterThan(0.3);
    await expect.poll(() => warning.count(), { timeout: 10_000 }).toBe(0);
  });

  it('warns about a caption under TikTok\'s bottom caption area until it is dragged up', async () => {
    const { page } = app;
    const warnings = page.getByRole('alert', { name: /Outside the TikTok safe zone/ });
    // Caption 2 "Sun": the bottom preset puts it 20% from the bottom, TikTok covers 23%.
    await warnings.getByText(/^Caption 2 "Sun" is outside the TikTok safe zone \(bottom\)/).waitFor();
    // Dragged up on the preview to 45% of the frame height.
    const handle = page.getByRole('button', { name: /^Captions on the preview/ });
    const canvas = (await page.getByRole('img', { name: 'Live preview' }).boundingBox())!;
    const h = (await handle.boundingBox())!;
    await drag(page, { x: h.x + h.width / 2, y: h.y + h.height / 2 }, { x: h.x + h.width / 2, y: canvas.y + canvas.height * 0.45 });
    await expect.poll(() => onDisk().tracks.captions.position.preset, { timeout: 10_000 }).toBe('free');
    expect(onDisk().tracks.captions.position.y).toBeCloseTo(0.45, 1);
    await expect.poll(() => warnings.getByText(/^Caption 2 /).count(), { timeout: 10_000 }).toBe(0);
    // The gallery's position field shows where it went.
    await page.getByRole('toolbar').getByRole('button', { name: 'Caption style' }).click();
    expect(await page.getByRole('complementary', { name: 'Inspector' }).getByRole('combobox', { name: 'Place' }).inputValue()).toBe('free');
    await shot(page, 'caption-moved-inside');
  });

  it('adds a title from a template, visible at the moment it is added', async () => {
    const { page } = app;
    const playhead = await page.evaluate(() => (window as unknown as { whatifTimeline: { getState(): { playhead: number } } }).whatifTimeline.getState().playhead);
    await page.getByRole('combobox', { name: 'Add from template' }).selectOption('title');
    await expect.poll(() => onDisk().tracks.text.length, { timeout: 10_000 }).toBe(2);
    const title = onDisk().tracks.text.find((c) => c.id !== 'txt-1')!;
    expect([title.text, title.style.font, title.fadeIn]).toEqual(['What if…?', 'Inter Black', 0]);
    expect(title.start).toBeCloseTo(playhead, 2);
    expect(title.style.size).toBe(64); // 128 px at 1080x1920, this project is 540x960
    // Drawn at full opacity at the playhead: white title pixels in the preview's frame.
    const withTitle = await previewPixels(page, playhead, '#FFFFFF', 30);
    const without = onDisk();
    without.tracks.text = without.tracks.text.filter((c) => c.id === 'txt-1');
    expect(withTitle - (await previewPixels(page, playhead, '#FFFFFF', 30, without))).toBeGreaterThan(500);
    await page.waitForTimeout(300);
    await shot(page, 'title-template');
    // The gallery in Spanish.
    await page.getByRole('combobox', { name: 'Language' }).selectOption('es');
    await page.getByRole('toolbar').getByRole('button', { name: 'Estilo de subtítulos' }).click();
    await page.getByRole('group', { name: 'Estilos de subtítulos' }).getByRole('button', { name: 'Impacto' }).waitFor();
    await page.waitForTimeout(300);
    await shot(page, 'gallery-es');
    expect(pageErrors).toEqual([]);
  });
});
