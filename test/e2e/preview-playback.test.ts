/**
 * The live preview's playback path in Chromium against `whatif web` (real core): pictures drawn from
 * the bitmaps prepared at the preview's size look like the full-size still the parity test checks
 * against the export (and unlike the frame a second later), and playing presents whole frames of the
 * project's grid, in order, on the narration's clock, with the playing video drawn from frames prepared off the main
 * thread.
 * No timing is asserted (bench:editor measures it).
 */
import path from 'node:path';
import fs from 'node:fs';
import os from 'node:os';
import sharp from 'sharp';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeAssetBuffer } from '../../src-main/project/assets.js';
import { DEFAULT_TEXT_STYLE, makeClip, type ProjectDocument } from '../../src-main/project/document.js';
import { writeProjectFile } from '../../src-main/project/project-file.js';
import { FRAME_MARK, type PresentedFrame } from '../../src-renderer/src/preview/playback-stats.js';
import { addAudio, imageClip, patternImage, toneFile } from '../media/fixtures.js';
import { addVideoAsset, counterVideo } from '../media/video-fixtures.js';
import { setClips } from '../helpers/tracks.js';
import { ARTIFACTS, callInPage, startApp, type AppSession } from './bridge-harness.js';

let app: AppSession;
let work: string;
const pageErrors: string[] = [];
beforeAll(async () => {
  app = await startApp({ viewport: { width: 1440, height: 960 } });
  app.page.on('pageerror', (error) => pageErrors.push(error.message));
  await app.page.goto(app.url);
  await app.page.getByRole('combobox', { name: /^(Language|Idioma)$/ }).selectOption('en');
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'whatif-playback-'));
}, 240_000);
afterAll(async () => {
  await app?.close();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

const FPS = 25;

interface Hooks {
  whatifPreview: { renderPng(doc: ProjectDocument, projectId: string, t: number): Promise<string> };
  whatifTimeline: { getState(): { playhead: number; setPlayhead(t: number): void } };
}

async function livePng(page: Page): Promise<Buffer> {
  const url = await page.evaluate(() => (document.querySelector('canvas.preview-canvas') as HTMLCanvasElement).toDataURL('image/png'));
  return Buffer.from(url.split(',')[1]!, 'base64');
}

/** PSNR (dB, RGB) of the live canvas against the still renderer's full-size frame scaled to it. */
async function psnrAgainstStill(live: Buffer, still: Buffer): Promise<number> {
  const a = sharp(live).removeAlpha();
  const { width, height } = await a.metadata();
  const [x, y] = await Promise.all([a.raw().toBuffer(), sharp(still).removeAlpha().resize(width, height, { fit: 'fill' }).raw().toBuffer()]);
  let sum = 0;
  for (let i = 0; i < x.length; i++) sum += (x[i]! - y[i]!) ** 2;
  const mse = sum / x.length;
  return mse === 0 ? 99 : 10 * Math.log10((255 * 255) / mse);
}

describe('the live preview while playing', () => {
  let doc: ProjectDocument;
  let projectId: string;

  it('draws prepared pictures that look like the full-size still, and unlike the frame a second later', async () => {
    const { page } = app;
    const summary = await callInPage<{ id: string; dir: string }>(page, 'project.create', { name: 'Preview playback' });
    projectId = summary.id;
    const { document } = await callInPage<{ document: ProjectDocument }>(page, 'project.open', { id: summary.id });
    doc = structuredClone(document);
    doc.output = { preset: '9:16', width: 540, height: 960, fps: FPS, quality: 'draft' };
    const photo = await storeAssetBuffer(summary.dir, await patternImage(1600, 2400, 30, { cx: 700, cy: 900, r: 260 }), 'jpg', { kind: 'image', width: 1600, height: 2400, source: 'generated' });
    doc.assets[photo.id] = photo;
    const sources = path.join(work, 'sources');
    const video = await addVideoAsset(summary.dir, doc, await counterVideo(sources, 'clip.mp4', { width: 360, height: 640, fps: 30, seconds: 4 }));
    setClips(doc, 'main', [
      imageClip('photo', photo.id, 0, 2, { kenBurns: { from: { zoom: 1, x: 0.3, y: 0.3 }, to: { zoom: 1.6, x: 0.6, y: 0.6 }, easing: 'linear' } }),
      makeClip({ id: 'video', assetId: video, start: 2, duration: 3, sourceIn: 0.5 }),
    ]);
    doc.tracks.text = [{ id: 'title', text: 'What if?', start: 0, duration: 5, style: { ...DEFAULT_TEXT_STYLE, size: 48 }, position: { preset: 'top', x: 0.5, y: 0.5 }, align: 'center', maxWidth: 0.8, fadeIn: 0, fadeOut: 0 }];
    doc.tracks.captions = { ...doc.tracks.captions, cues: [] };
    await addAudio(summary.dir, doc, await toneFile(sources, 'narration.wav', 220, 5, 0.2), 'narration', 0, 5);
    writeProjectFile(summary.dir, doc);

    await page.getByRole('navigation').getByRole('button', { name: 'Projects', exact: true }).click();
    await page.getByRole('listitem').filter({ hasText: 'Preview playback' }).getByRole('button', { name: 'Open', exact: true }).click();
    await page.getByRole('navigation').getByRole('button', { name: 'Timeline', exact: true }).click();
    await page.getByRole('img', { name: 'Live preview' }).waitFor();
    await page.evaluate(() => (window as unknown as Hooks).whatifTimeline.getState().setPlayhead(1));

    const still = async (t: number) => Buffer.from((await page.evaluate(([d, id, time]) => (window as unknown as Hooks).whatifPreview.renderPng(d, id, time), [doc, projectId, t] as const)).split(',')[1]!, 'base64');
    const [now, later] = [await still(1), await still(1.96)];
    // The picture is prepared in the background: poll until the canvas shows it (bounded).
    let right = 0;
    let live = await livePng(page);
    for (let i = 0; i < 50 && right < 30; i++) {
      live = await livePng(page);
      right = await psnrAgainstStill(live, now);
      if (right < 30) await page.waitForTimeout(100);
    }
    const wrong = await psnrAgainstStill(live, later);
    fs.writeFileSync(path.join(ARTIFACTS, 'preview-playback-live.png'), live);
    console.log(`live preview vs still (dB): same time ${right.toFixed(2)}, 0.96 s later ${wrong.toFixed(2)}`);
    expect(right).toBeGreaterThanOrEqual(30);
    expect(right - wrong).toBeGreaterThan(3);
  }, 240_000);

  it('presents whole frames of the grid in order while playing, the video from prepared frames', async () => {
    const { page } = app;
    await page.evaluate((mark) => {
      performance.clearMarks(mark);
      window.whatifPlaybackProbe = true;
    }, FRAME_MARK);
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    // Until the playhead is well into the video clip (bounded: a slow machine just takes longer).
    for (let i = 0; i < 200; i++) {
      if ((await page.evaluate(() => (window as unknown as Hooks).whatifTimeline.getState().playhead)) > 3.5) break;
      await page.waitForTimeout(100);
    }
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    const frames = await page.evaluate((mark) => {
      window.whatifPlaybackProbe = false;
      return performance.getEntriesByName(mark).map((e) => (e as PerformanceMark).detail as PresentedFrame);
    }, FRAME_MARK);
    const playing = frames.filter((f) => f.playing);
    expect(playing.length).toBeGreaterThan(5);
    const ks = playing.map((f) => f.t * FPS);
    for (const k of ks) expect(Math.abs(k - Math.round(k))).toBeLessThan(1e-6);
    for (let i = 1; i < ks.length; i++) expect(ks[i]!).toBeGreaterThanOrEqual(ks[i - 1]!);
    expect(ks.at(-1)! / FPS).toBeGreaterThan(3);
    // The narration plays under the whole project: the clock follows it (once it has started).
    expect(playing.filter((f) => f.sound).length).toBeGreaterThan(playing.length / 2);
    // Frames in the video clip: after its first, drawn from frames the worker prepared.
    const inVideo = playing.filter((f) => f.t >= 2);
    expect(inVideo.some((f) => (f.video?.prepared ?? 0) > 0)).toBe(true);
    expect(pageErrors).toEqual([]);
  }, 240_000);
});
