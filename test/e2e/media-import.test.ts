/**
 * Any media in, in Chromium against `whatif web` (real core, real ffmpeg): an MP3 and a video file
 * dropped on the timeline land where they were dropped, an SRT imported from the media bin becomes
 * the captions, the inspector edits the video clip, and the export gives H.264/AAC at the project
 * length with the music measurably quieter under the narration than without it. Read back from
 * project.json and the MP4; screenshots in test/artifacts.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeAssetBuffer } from '../../src-main/project/assets.js';
import { projectDuration, type ProjectDocument } from '../../src-main/project/document.js';
import { writeProjectFile } from '../../src-main/project/project-file.js';
import { resolveBinary } from '../../src-main/platform/binaries.js';
import { addAudio, imageClip, patternImage, toneFile } from '../media/fixtures.js';
import { pcm, toneLevel } from '../media/decode.js';
import { imagesOf } from '../helpers/tracks.js';
import { laneIds } from '../../src-renderer/src/state/document/clips.js';
import { trackY, TRACK_H } from '../../src-renderer/src/panels/timeline/layout.js';
import { ARTIFACTS, callInPage, startApp, type AppSession } from './bridge-harness.js';

let app: AppSession;
let dir: string;
let media: string;
const pageErrors: string[] = [];
const ZOOM = 60; // px per second at the default zoom (timeline/geometry.ts)
const MUSIC_HZ = 880;
const onDisk = (): ProjectDocument => JSON.parse(fs.readFileSync(path.join(dir, 'project.json'), 'utf8')) as ProjectDocument;
const track = (doc: ProjectDocument, id: string) => doc.tracks.media.find((t) => t.id === id)!;

async function ffmpeg(args: string[]) {
  await execa(resolveBinary('ffmpeg'), ['-v', 'error', '-y', ...args], { timeout: 60_000 });
}

/** Drops a file from disk on the timeline canvas at (x, y) inside it, as the OS would. */
async function dropFile(page: Page, file: string, mime: string, x: number, y: number) {
  const b64 = fs.readFileSync(file).toString('base64');
  await page.evaluate(
    ({ name, b64, mime, x, y }) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const data = new DataTransfer();
      data.items.add(new File([bytes], name, { type: mime }));
      const stage = document.querySelector('.tl-stage')!;
      const box = stage.getBoundingClientRect();
      for (const type of ['dragenter', 'dragover', 'drop']) {
        stage.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: data, clientX: box.left + x, clientY: box.top + y }));
      }
    },
    { name: path.basename(file), b64, mime, x, y },
  );
}

/** Drags a media bin tile (by file name) onto the timeline canvas at (x, y) inside it. */
async function dragTileToTimeline(page: Page, name: string, x: number, y: number) {
  await page.evaluate(
    ({ name, x, y }) => {
      const tile = Array.from(document.querySelectorAll('.bin-tile')).find((el) => el.getAttribute('title') === name)!;
      const data = new DataTransfer();
      tile.dispatchEvent(new DragEvent('dragstart', { bubbles: true, cancelable: true, dataTransfer: data }));
      const stage = document.querySelector('.tl-stage')!;
      const box = stage.getBoundingClientRect();
      for (const type of ['dragenter', 'dragover', 'drop']) {
        stage.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: data, clientX: box.left + x, clientY: box.top + y }));
      }
      tile.dispatchEvent(new DragEvent('dragend', { bubbles: true, dataTransfer: data }));
    },
    { name, x, y },
  );
}

beforeAll(async () => {
  // A worktree's node_modules is a symlink to the main checkout's; without this the compiled core
  // resolves its install root (and the renderer it serves) through the link, to the main checkout.
  app = await startApp({ viewport: { width: 1500, height: 980 }, env: { NODE_OPTIONS: '--preserve-symlinks' } });
  app.page.on('pageerror', (error) => pageErrors.push(error.message));
  await app.page.goto(app.url);
  await app.page.getByRole('combobox', { name: /^(Language|Idioma)$/ }).selectOption('en');
  media = fs.mkdtempSync(path.join(app.home, 'media-'));
  await Promise.all([
    ffmpeg(['-f', 'lavfi', '-i', `sine=f=${MUSIC_HZ}:r=44100:d=6`, '-af', 'volume=0.4', '-c:a', 'libmp3lame', path.join(media, 'song.mp3')]),
    ffmpeg(['-f', 'lavfi', '-i', 'testsrc2=s=320x240:r=30:d=3', '-f', 'lavfi', '-i', 'sine=f=330:d=3', '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', path.join(media, 'beach.mp4')]),
  ]);
  fs.writeFileSync(path.join(media, 'captions.srt'), '1\n00:00:00,500 --> 00:00:02,000\nWhat if the Moon\n\n2\n00:00:02,500 --> 00:00:04,000\nvanished tonight?\n');
}, 240_000);
afterAll(async () => {
  await app?.close();
});

describe('media in: the bin, timeline drops, the inspector, the export', () => {
  it('opens a project with pictures and a narration', async () => {
    const { page } = app;
    const summary = await callInPage<{ id: string; dir: string }>(page, 'project.create', { name: 'Media test' });
    dir = summary.dir;
    const { document } = await callInPage<{ document: ProjectDocument }>(page, 'project.open', { id: summary.id });
    const doc = structuredClone(document);
    doc.output = { preset: '9:16', width: 270, height: 480, fps: 25, quality: 'draft' };
    for (let i = 0; i < 3; i++) {
      const asset = await storeAssetBuffer(dir, await patternImage(540, 960, i * 80), 'jpg', { kind: 'image', width: 540, height: 960, source: 'generated' });
      doc.assets[asset.id] = asset;
      imagesOf(doc).push(imageClip(`img-${i + 1}`, asset.id, i * 4, 4));
    }
    await addAudio(dir, doc, await toneFile(dir, 'voice.wav', 220, 5, 0.6), 'narration', 0, 5);
    fs.rmSync(path.join(dir, 'voice.wav'));
    writeProjectFile(dir, doc);
    await page.getByRole('navigation').getByRole('button', { name: 'Projects', exact: true }).click();
    await page.getByRole('listitem').filter({ hasText: 'Media test' }).getByRole('button', { name: 'Open', exact: true }).click();
    await page.getByRole('navigation').getByRole('button', { name: 'Timeline', exact: true }).click();
    await page.getByRole('region', { name: 'Media' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor();
  });

  it('drops an MP3 and a video on the timeline: each lands where it was dropped', async () => {
    const { page } = app;
    const lanes = laneIds(onDisk());
    const rowY = (lane: string) => trackY(lanes.indexOf(lane)) + TRACK_H / 2;
    await dropFile(page, path.join(media, 'song.mp3'), 'audio/mpeg', 2 * ZOOM, rowY('music'));
    await expect.poll(() => track(onDisk(), 'music').clips.length, { timeout: 60_000 }).toBe(1);
    await dropFile(page, path.join(media, 'beach.mp4'), 'video/mp4', 12 * ZOOM + 3, rowY('main'));
    await expect.poll(() => track(onDisk(), 'main').clips.length, { timeout: 60_000 }).toBe(4);
    const doc = onDisk();
    const song = track(doc, 'music').clips[0]!;
    expect(song).toMatchObject({ start: 2, sourceIn: 0, duck: true });
    expect(song.duration).toBeCloseTo(6, 1);
    expect(doc.assets[song.assetId]).toMatchObject({ kind: 'audio', originalName: 'song.mp3', codec: 'mp3' });
    const video = track(doc, 'main').clips.find((c) => doc.assets[c.assetId]!.kind === 'video')!;
    expect(video.start).toBe(12); // at the pointer, snapped to the end of the pictures (3 px away)
    expect(doc.assets[video.assetId]).toMatchObject({ kind: 'video', originalName: 'beach.mp4', width: 320, height: 240, hasAudio: true, codec: 'h264' });
    // Both show in the bin as used, with their kind and length.
    const bin = page.getByRole('list', { name: 'Media files of this project' });
    await bin.getByRole('listitem', { name: /^song\.mp3: Sound, 0:06\.0, Used once/ }).waitFor();
    await bin.getByRole('listitem', { name: /^beach\.mp4: Video, 0:03\.0, Used once/ }).waitFor();
    await page.waitForTimeout(500); // the filmstrip arrives
    await page.screenshot({ path: path.join(ARTIFACTS, 'media-dropped-en.png') });
  });

  it('imports an SRT from the media bin as the captions', async () => {
    const { page } = app;
    await page.getByLabel('Import files…', { exact: true }).setInputFiles(path.join(media, 'captions.srt'));
    await expect.poll(() => onDisk().tracks.captions.cues.map((c) => c.text), { timeout: 30_000 }).toEqual(['What if the Moon', 'vanished tonight?']);
    await page.getByRole('status').filter({ hasText: 'Imported captions.srt.' }).waitFor();
    // A broken SRT is refused naming the line; the captions stay.
    fs.writeFileSync(path.join(media, 'broken.srt'), '1\n00:00:01,000 --> 00:00:02,000\nfine\n\n2\n00:00:03,000 to 00:00:04,000\nbroken\n');
    await page.getByLabel('Import files…', { exact: true }).setInputFiles(path.join(media, 'broken.srt'));
    await page.getByRole('alert').filter({ hasText: 'Nothing imported. broken.srt line 6: expected a time line' }).waitFor({ timeout: 30_000 });
    expect(onDisk().tracks.captions.cues).toHaveLength(2);
  });

  it('takes a file dropped on the bin into the project only, and removes it again as unused', async () => {
    const { page } = app;
    await ffmpeg(['-f', 'lavfi', '-i', 'sine=f=660:d=1', path.join(media, 'ping.wav')]);
    const b64 = fs.readFileSync(path.join(media, 'ping.wav')).toString('base64');
    await page.evaluate((b64) => {
      const data = new DataTransfer();
      data.items.add(new File([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], 'ping.wav', { type: 'audio/wav' }));
      const bin = document.querySelector('.media-bin')!;
      for (const type of ['dragenter', 'dragover', 'drop']) bin.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: data }));
    }, b64);
    await page.getByRole('listitem', { name: /^ping\.wav: Sound, 0:01\.0, Not used/ }).waitFor({ timeout: 30_000 });
    const ping = Object.values(onDisk().assets).find((a) => a.originalName === 'ping.wav')!;
    expect(onDisk().tracks.media.some((t) => t.clips.some((c) => c.assetId === ping.id))).toBe(false);
    expect(fs.existsSync(path.join(dir, ping.file))).toBe(true);
    await page.getByRole('button', { name: 'Remove unused (1)' }).click();
    await page.getByRole('status').filter({ hasText: 'Removed 1 unused files from the project.' }).waitFor();
    expect(Object.hasOwn(onDisk().assets, ping.id)).toBe(false);
    expect(fs.existsSync(path.join(dir, ping.file))).toBe(false);
  });

  it('edits the video clip and an overlay track in the inspector', async () => {
    const { page } = app;
    const doc = onDisk();
    const video = track(doc, 'main').clips.find((c) => doc.assets[c.assetId]!.kind === 'video')!;
    await page.evaluate((id) => (window as unknown as { whatifTimeline: { getState(): { select(id: string): void } } }).whatifTimeline.getState().select(id), video.id);
    const inspector = page.getByRole('complementary', { name: 'Inspector' });
    await inspector.getByRole('heading', { name: 'Video clip' }).waitFor();
    await inspector.getByRole('combobox', { name: 'Fit' }).selectOption('contain');
    await expect.poll(() => track(onDisk(), 'main').clips.find((c) => c.id === video.id)!.fit, { timeout: 10_000 }).toBe('contain');
    await page.screenshot({ path: path.join(ARTIFACTS, 'media-video-inspector-en.png') });
    await page.getByRole('button', { name: 'Add overlay track' }).click();
    await expect.poll(() => onDisk().tracks.media.filter((t) => t.role === 'overlay').length, { timeout: 10_000 }).toBe(3);
  });

  it('exports: H.264/AAC at the project length, the music lower under the narration (measured)', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Export to MP4' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export to MP4' });
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    // The dropped video clip is in the export (its picture and its sound).
    const saved = dialog.getByRole('button', { name: 'Show in folder' });
    await saved.waitFor({ timeout: 240_000 });
    expect(track(onDisk(), 'main').clips.some((c) => onDisk().assets[c.assetId]!.kind === 'video')).toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS, 'media-export-done-en.png') });
    const file = (await dialog.getByRole('status').textContent())!.replace(/^Saved /, '').trim();
    const probe = await callInPage<{ durationSeconds: number; video: { codec: string } | null; audio: { codec: string } | null }>(page, 'export.probe', { file });
    expect(probe.video?.codec).toBe('h264');
    expect(probe.audio?.codec).toBe('aac');
    expect(probe.durationSeconds).toBeCloseTo(projectDuration(onDisk()), 0);
    // The music (880 Hz, 2 s to 8 s) under the narration (0 to 5 s) against after it.
    const samples = await pcm(file, 8000);
    const under = toneLevel(samples, 8000, MUSIC_HZ, 2.5, 4.5);
    const alone = toneLevel(samples, 8000, MUSIC_HZ, 6, 7.8);
    const dipDb = 20 * Math.log10(under / alone);
    console.log(`music under narration vs alone: ${dipDb.toFixed(1)} dB`);
    expect(dipDb).toBeLessThan(-6);
    await dialog.getByRole('button', { name: 'Close' }).click();
    expect(pageErrors).toEqual([]);
  }, 300_000);

  it('in Spanish: a bin tile dragged onto an overlay goes to the nearest sound track if it is a sound; a video lands on the overlay and its inspector shows', async () => {
    const { page } = app;
    await page.getByRole('combobox', { name: 'Language' }).selectOption('es');
    await page.getByRole('region', { name: 'Medios' }).getByRole('button', { name: 'Importar archivos…' }).waitFor();
    const doc = onDisk();
    const song = Object.values(doc.assets).find((a) => a.originalName === 'song.mp3')!;
    // A bin tile dragged onto Overlay 1 (a sound file): it goes to the nearest sound track, Narration.
    const lanes = laneIds(doc);
    await dragTileToTimeline(page, 'song.mp3', 9 * ZOOM, trackY(lanes.indexOf('overlay-1')) + TRACK_H / 2);
    await expect.poll(() => track(onDisk(), 'narration').clips.filter((c) => c.assetId === song.id).map((c) => c.start), { timeout: 10_000 }).toEqual([9]);
    await page.getByRole('listitem', { name: /^song\.mp3: Sonido, 0:06\.0, Usado 2 veces/ }).waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'media-bin-es.png') });
    await dragTileToTimeline(page, 'beach.mp4', 1 * ZOOM, trackY(lanes.indexOf('overlay-1')) + TRACK_H / 2);
    await expect.poll(() => track(onDisk(), 'overlay-1').clips.map((c) => c.start), { timeout: 10_000 }).toEqual([1]);
    const inspector = page.getByRole('complementary', { name: 'Inspector' });
    await inspector.getByRole('heading', { name: 'Vídeo superpuesto' }).waitFor();
    const opacity = inspector.locator('label', { hasText: /^Opacidad/ }).locator('input[type=range]');
    await opacity.focus();
    for (let i = 0; i < 25; i++) await page.keyboard.press('ArrowLeft');
    await expect.poll(() => track(onDisk(), 'overlay-1').clips[0]!.opacity, { timeout: 10_000 }).toBe(0.75);
    await page.screenshot({ path: path.join(ARTIFACTS, 'media-overlay-inspector-es.png') });
    await page.getByRole('combobox', { name: 'Idioma' }).selectOption('en');
  });
});
