/**
 * Editing like an editor (issue 15) in Chromium against `whatif web` (real core, real espeak-ng
 * narration): scene 2 dragged after scene 4 on the magnetic main track (the others make room), a
 * narrated scene made shorter in the storyboard, a caption edited and kept through narrating again
 * (and the narration undone and redone), a split half ripple-deleted with no gap left, scene 3's
 * image dragged onto an overlay track. Results are read back from project.json; screenshots looked at.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeAssetBuffer } from '../../src-main/project/assets.js';
import { DEFAULT_TEXT_STYLE, mainClips, type ProjectDocument } from '../../src-main/project/document.js';
import { writeProjectFile } from '../../src-main/project/project-file.js';
import { imageClip, patternImage } from '../media/fixtures.js';
import { ARTIFACTS, callInPage, startApp, type AppSession } from './bridge-harness.js';

let app: AppSession;
let dir: string;
const pageErrors: string[] = [];
const ZOOM = 60;
// Lanes top to bottom (state/document/clips.ts laneIds): text, captions, overlay 2, overlay 1, main, narration, music, effects.
const LANE = { text: 0, captions: 1, overlay1: 3, main: 4 } as const;
const laneCenter = (i: number) => 26 + 4 + i * 50 + 23;

const onDisk = (): ProjectDocument => JSON.parse(fs.readFileSync(path.join(dir, 'project.json'), 'utf8')) as ProjectDocument;
const sceneOrder = (doc: ProjectDocument) => mainClips(doc).map((c) => doc.scenes.findIndex((s) => s.id === c.sceneId) + 1);
const gaps = (doc: ProjectDocument) => {
  const clips = mainClips(doc);
  return clips.slice(1).map((c, i) => Math.round((c.start - (clips[i]!.start + clips[i]!.duration)) * 1000) / 1000 || 0); // no -0
};

async function stageBox(page: Page) {
  const box = await page.getByRole('application', { name: /Timeline tracks/ }).boundingBox();
  if (!box) throw new Error('no timeline canvas');
  return box;
}

async function narrate(page: Page, id: string): Promise<void> {
  const before = onDisk().tracks.media.find((t) => t.role === 'narration')!.clips[0]?.assetId ?? null;
  const before2 = onDisk().updatedAt;
  await callInPage(page, 'narration.synthesize', { projectId: id, applySceneDurations: false });
  await expect.poll(() => onDisk().updatedAt !== before2 && onDisk().tracks.media.find((t) => t.role === 'narration')!.clips.length === 1, { timeout: 60_000 }).toBe(true);
  void before;
}

beforeAll(async () => {
  app = await startApp({ viewport: { width: 1440, height: 1000 } });
  app.page.on('pageerror', (error) => pageErrors.push(error.message));
  await app.page.goto(app.url);
  await app.page.getByRole('combobox', { name: /^(Language|Idioma)$/ }).selectOption('en');
}, 240_000);
afterAll(async () => {
  await app?.close();
});

describe('editing like an editor', () => {
  let projectId = '';

  it('opens a four-scene project on the timeline', async () => {
    const { page } = app;
    const summary = await callInPage<{ id: string; dir: string }>(page, 'project.create', { name: 'Editing test' });
    projectId = summary.id;
    dir = summary.dir;
    const { document } = await callInPage<{ document: ProjectDocument }>(page, 'project.open', { id: summary.id });
    const doc = structuredClone(document);
    doc.narration = { ...doc.narration, engine: 'system', voiceId: null, language: 'en', script: 'What if the Moon vanished? The tides would stop. Nights would turn dark. Birds would lose their way.' };
    for (let i = 0; i < 4; i++) {
      const asset = await storeAssetBuffer(dir, await patternImage(270, 480, i * 70), 'jpg', { kind: 'image', width: 270, height: 480, source: 'generated' });
      doc.assets[asset.id] = asset;
      const scene = { id: `scene-${i + 1}`, prompt: `scene ${i + 1}`, negativePrompt: '', model: 'flux-kontext-pro', imageAssetId: asset.id, duration: 3 };
      doc.scenes.push(scene);
      doc.tracks.media.find((t) => t.role === 'main')!.clips.push(imageClip(`clip-${i + 1}`, asset.id, i * 3, 3, { sceneId: scene.id }));
    }
    doc.tracks.text = [{ id: 'txt-1', text: 'Scene two', start: 3.5, duration: 2, style: DEFAULT_TEXT_STYLE, position: { preset: 'center', x: 0.5, y: 0.5 }, align: 'center', maxWidth: 0.8, fadeIn: 0, fadeOut: 0 }];
    writeProjectFile(dir, doc);
    await page.getByRole('navigation').getByRole('button', { name: 'Projects', exact: true }).click();
    await page.getByRole('listitem').filter({ hasText: 'Editing test' }).getByRole('button', { name: 'Open', exact: true }).click();
    await page.getByRole('navigation').getByRole('button', { name: 'Timeline', exact: true }).click();
    await page.getByRole('application', { name: /Timeline tracks/ }).waitFor();
    await page.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor();
  });

  it('drags scene 2 after scene 4: the others make room, the scenes and the text follow', async () => {
    const { page } = app;
    const box = await stageBox(page);
    const y = box.y + laneCenter(LANE.main);
    await page.mouse.move(box.x + 4.5 * ZOOM, y);
    await page.mouse.down();
    await page.mouse.move(box.x + 11.6 * ZOOM, y, { steps: 14 });
    await page.waitForTimeout(200);
    await page.screenshot({ path: path.join(ARTIFACTS, 'editing-reorder-drag-en.png') });
    await page.mouse.up();
    await expect.poll(() => onDisk().scenes.map((s) => s.id), { timeout: 10_000 }).toEqual(['scene-1', 'scene-3', 'scene-4', 'scene-2']);
    const doc = onDisk();
    expect(sceneOrder(doc)).toEqual([1, 2, 3, 4]);
    expect(mainClips(doc).map((c) => [c.id, c.start])).toEqual([['clip-1', 0], ['clip-3', 3], ['clip-4', 6], ['clip-2', 9]]);
    expect(doc.tracks.text[0]!.start).toBeCloseTo(9.5, 3); // rode with scene 2
    await page.screenshot({ path: path.join(ARTIFACTS, 'editing-reorder-done-en.png') });
  });

  it('narrates, then shortens a narrated scene in the storyboard without a refusal', async () => {
    const { page } = app;
    await narrate(page, projectId);
    expect(onDisk().tracks.captions.cues.length).toBeGreaterThan(1);
    await page.getByRole('navigation').getByRole('button', { name: 'Storyboard', exact: true }).click();
    const field = page.getByRole('spinbutton', { name: 'Duration of scene 4 in seconds' });
    const scene2 = () => onDisk().scenes.find((s) => s.id === 'scene-2')!.duration;
    const card = page.getByRole('listitem', { name: 'Scene 4' });
    // Key by key, as a person types: the field keeps the draft (empty, "0") and says why it is not taken yet.
    await field.click();
    await page.keyboard.press('End');
    for (let i = 0; i < 3; i++) await page.keyboard.press('Backspace');
    expect(await field.inputValue()).toBe('');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    await page.keyboard.type('0');
    expect(await field.inputValue()).toBe('0');
    await card.getByText('A scene lasts between 0.5 and 60 seconds.', { exact: false }).waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'editing-scene-length-typing-en.png') });
    await page.keyboard.type('.8');
    expect(await field.inputValue()).toBe('0.8');
    expect(await field.getAttribute('aria-invalid')).toBeNull();
    await page.keyboard.press('Enter');
    await expect.poll(scene2, { timeout: 10_000 }).toBe(0.8);
    // Out of range: shown as invalid, Escape puts the last value back and nothing is sent.
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('99');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    await page.keyboard.press('Escape');
    expect(await field.inputValue()).toBe('0.8');
    expect(await field.getAttribute('aria-invalid')).toBeNull();
    expect(scene2()).toBe(0.8);
    // Leaving the field commits a valid draft.
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('1.5');
    await page.keyboard.press('Tab');
    await expect.poll(scene2, { timeout: 10_000 }).toBe(1.5);
    const doc = onDisk();
    expect(gaps(doc).every((g) => g === 0)).toBe(true);
    expect(await page.getByRole('alert').filter({ hasText: /not applied|starts after/ }).count()).toBe(0);
    await page.screenshot({ path: path.join(ARTIFACTS, 'editing-scene-length-en.png') });
  });

  it('keeps an edited caption through narrating again from the Voice panel, and the narration is one undo step', async () => {
    const { page } = app;
    await page.getByRole('navigation').getByRole('button', { name: 'Timeline', exact: true }).click();
    const cue = page.getByRole('navigation', { name: 'Clips' }).getByRole('button', { name: /^Captions clip 1,/ });
    await cue.focus();
    await page.keyboard.press('Enter');
    const text = page.getByRole('complementary', { name: 'Inspector' }).getByRole('textbox', { name: 'Text' });
    await text.fill('WHAT IF the Moon');
    await text.press('Tab');
    await expect.poll(() => onDisk().tracks.captions.cues[0], { timeout: 10_000 }).toMatchObject({ text: 'WHAT IF the Moon', edited: true });
    const editedCues = onDisk().tracks.captions.cues;
    // Narrate again as a person does: the Voice panel's button with its default options (scene lengths follow the sentences).
    await page.getByRole('navigation').getByRole('button', { name: 'Voice', exact: true }).click();
    const voice = page.getByRole('combobox', { name: 'Voice', exact: true });
    if (!(await voice.inputValue())) {
      const [picked] = await voice.selectOption({ index: 1 });
      await expect.poll(() => onDisk().narration.voiceId, { timeout: 10_000 }).toBe(picked);
    }
    expect(await page.getByRole('checkbox', { name: 'Scene lengths follow the sentences' }).isChecked()).toBe(true);
    const before = onDisk();
    const beforeEdit = { scenes: before.scenes, tracks: before.tracks, narration: before.narration };
    await page.getByRole('button', { name: 'Generate narration', exact: true }).click();
    // The voice is content-addressed (same script, same WAV): the scene lengths show the narration landed.
    const durations = () => onDisk().scenes.map((s) => s.duration);
    await expect.poll(durations, { timeout: 60_000 }).not.toEqual(before.scenes.map((s) => s.duration));
    // ...and the page took it in (its undo history holds the step), not only the disk.
    const pageDurations = () => page.evaluate(() => (window as unknown as { whatifDocument: { getState(): { doc: ProjectDocument } } }).whatifDocument.getState().doc.scenes.map((s) => s.duration));
    await expect.poll(pageDurations, { timeout: 10_000 }).toEqual(durations());
    await page.getByRole('status', { name: 'Narration status' }).filter({ hasText: /^Done/ }).waitFor();
    expect(onDisk().tracks.captions.cues.map((c) => c.text)).toContain('WHAT IF the Moon');
    expect(onDisk().tracks.text[0]!.start + onDisk().tracks.text[0]!.duration).toBeLessThanOrEqual(durations().reduce((a, b) => a + b) + 1e-6); // the text rode along
    await page.screenshot({ path: path.join(ARTIFACTS, 'editing-renarrate-voice-en.png') });
    // One undo takes the whole narration back (captions, scene lengths, the voice clip); redo brings it again.
    const narrated = onDisk().tracks.captions.cues;
    await page.getByRole('navigation').getByRole('button', { name: 'Timeline', exact: true }).click();
    await page.getByRole('toolbar', { name: 'Timeline tools' }).getByRole('button', { name: 'Undo', exact: true }).click();
    const saved = () => {
      const d = onDisk();
      return { scenes: d.scenes, tracks: d.tracks, narration: d.narration };
    };
    await expect.poll(saved, { timeout: 10_000 }).toEqual(beforeEdit);
    expect(onDisk().tracks.captions.cues).toEqual(editedCues);
    await page.getByRole('toolbar', { name: 'Timeline tools' }).getByRole('button', { name: 'Redo', exact: true }).click();
    await expect.poll(() => onDisk().tracks.captions.cues, { timeout: 10_000 }).toEqual(narrated);
  });

  it('reordering narrated scenes says the narration no longer follows the pictures, offers to narrate again; undo takes the note away', async () => {
    const { page } = app;
    const order = onDisk().scenes.map((s) => s.id);
    await page.getByRole('navigation').getByRole('button', { name: 'Storyboard', exact: true }).click();
    const note = page.getByRole('note').filter({ hasText: 'no longer follow the pictures' });
    expect(await note.count()).toBe(0);
    await page.getByRole('button', { name: 'Move scene 1 down', exact: true }).click();
    await note.waitFor();
    await expect.poll(() => onDisk().scenes.map((s) => s.id), { timeout: 10_000 }).toEqual([order[1], order[0], ...order.slice(2)]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'editing-narration-order-en.png') });
    await note.getByRole('button', { name: 'Narrate again…' }).click();
    await page.getByRole('heading', { name: 'Voice', level: 1 }).waitFor();
    await page.getByRole('navigation').getByRole('button', { name: 'Timeline', exact: true }).click();
    await note.waitFor(); // the timeline says it too
    await page.getByRole('toolbar', { name: 'Timeline tools' }).getByRole('button', { name: 'Undo', exact: true }).click();
    await expect.poll(() => onDisk().scenes.map((s) => s.id), { timeout: 10_000 }).toEqual(order);
    expect(await note.count()).toBe(0);
  });

  it('splits scene 1 at the playhead and ripple-deletes the second half: no gap', async () => {
    const { page } = app;
    const box = await stageBox(page);
    const before = mainClips(onDisk());
    await page.mouse.click(box.x + 0.5 * ZOOM, box.y + laneCenter(LANE.main)); // select scene 1's clip
    await page.mouse.click(box.x + 1.5 * ZOOM, box.y + 10); // the playhead to 0:01.5
    await page.keyboard.press('s');
    await expect.poll(() => mainClips(onDisk()).length, { timeout: 10_000 }).toBe(before.length + 1);
    const half = mainClips(onDisk())[1]!; // the second half, right after clip-1
    await page.mouse.click(box.x + (half.start + half.duration / 2) * ZOOM, box.y + laneCenter(LANE.main));
    await page.keyboard.press('Delete');
    await expect.poll(() => mainClips(onDisk()).length, { timeout: 10_000 }).toBe(before.length);
    const doc = onDisk();
    expect(gaps(doc)).toEqual([0, 0, 0]);
    expect(mainClips(doc)[0]).toMatchObject({ id: 'clip-1', start: 0, duration: 1.5 });
    expect(mainClips(doc)[1]!.start).toBe(1.5);
    await page.screenshot({ path: path.join(ARTIFACTS, 'editing-ripple-en.png') });
  });

  it("drags scene 3's image onto an overlay track; the main track closes up", async () => {
    const { page } = app;
    const box = await stageBox(page);
    const clip3 = mainClips(onDisk()).find((c) => c.id === 'clip-3')!;
    const x = box.x + (clip3.start + clip3.duration / 2) * ZOOM;
    await page.mouse.move(x, box.y + laneCenter(LANE.main));
    await page.mouse.down();
    await page.mouse.move(x + 10, box.y + laneCenter(LANE.overlay1), { steps: 10 });
    await page.mouse.up();
    await expect.poll(() => onDisk().tracks.media.find((t) => t.id === 'overlay-1')!.clips.map((c) => c.id), { timeout: 10_000 }).toEqual(['clip-3']);
    const doc = onDisk();
    expect(mainClips(doc).map((c) => c.id)).toEqual(['clip-1', 'clip-4', 'clip-2']);
    expect(gaps(doc)).toEqual([0, 0]);
    // A picture cannot go on the music track: refused in place, nothing changes.
    const music = 6;
    const clip4 = mainClips(doc).find((c) => c.id === 'clip-4')!;
    const x4 = box.x + (clip4.start + clip4.duration / 2) * ZOOM;
    await page.mouse.move(x4, box.y + laneCenter(LANE.main));
    await page.mouse.down();
    await page.mouse.move(x4, box.y + laneCenter(music), { steps: 10 });
    await page.mouse.up();
    await expect.poll(() => page.locator('.tl-notice').textContent()).toMatch(/Only sound goes on a sound track/);
    expect(mainClips(onDisk()).map((c) => c.id)).toEqual(['clip-1', 'clip-4', 'clip-2']);
    await page.screenshot({ path: path.join(ARTIFACTS, 'editing-overlay-en.png') });
    expect(pageErrors).toEqual([]);
  });

  it('zooms to fit with Shift+Z and never scrolls past the end; the playhead stays inside the project', async () => {
    const { page } = app;
    const view = () => page.evaluate(() => {
      const s = (window as unknown as { whatifTimeline: { getState(): { zoom: number; scroll: number; playhead: number } } }).whatifTimeline.getState();
      return { zoom: s.zoom, scroll: s.scroll, playhead: s.playhead };
    });
    await page.keyboard.press('Shift+Z');
    const box = await stageBox(page);
    const length = mainClips(onDisk()).reduce((e, c) => Math.max(e, c.start + c.duration), 0);
    await expect.poll(async () => (await view()).zoom).toBeCloseTo((box.width * 0.95) / length, 0);
    for (let i = 0; i < 30; i++) await page.keyboard.press('-');
    for (let i = 0; i < 3; i++) await page.keyboard.press('+');
    expect((await view()).scroll).toBe(0);
    await page.keyboard.press('End');
    expect((await view()).playhead).toBeCloseTo(length, 3);
    await page.mouse.click(box.x + box.width - 5, box.y + 10);
    expect((await view()).playhead).toBeLessThanOrEqual(length + 1e-6);
    await page.screenshot({ path: path.join(ARTIFACTS, 'editing-fit-en.png') });
  });

  it('the clips are reachable from the keyboard in lane order; the light theme reaches the timeline (en and es)', async () => {
    const { page } = app;
    const names = await page.getByRole('navigation', { name: 'Clips' }).getByRole('button').allTextContents();
    const lanes = names.map((n) => n.replace(/ clip \d+,.*$/, ''));
    const order = ['Text', 'Captions', 'Overlay 2', 'Overlay 1', 'Main', 'Narration', 'Music', 'Effects'];
    expect(lanes.filter((l, i) => lanes.indexOf(l) === i)).toEqual(order.filter((l) => lanes.includes(l)));
    const first = page.getByRole('navigation', { name: 'Clips' }).getByRole('button').first();
    await first.focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(names[1]);
    await callInPage(page, 'settings.set', { theme: 'light' });
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'light');
    await page.keyboard.press('Escape');
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(ARTIFACTS, 'editing-light-en.png') });
    await page.getByRole('combobox', { name: 'Language' }).selectOption('es');
    await page.getByRole('toolbar', { name: 'Herramientas de la línea de tiempo' }).waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(ARTIFACTS, 'editing-light-es.png') });
    await callInPage(page, 'settings.set', { theme: 'dark' });
    expect(pageErrors).toEqual([]);
  });
});
