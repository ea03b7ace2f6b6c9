/**
 * The live preview with video clips in Chromium against `whatif web` (real core): a main-track video
 * and a picture-in-picture video on an overlay track. Paused at a time set with the keyboard, the
 * preview canvas shows exactly the source frames the export shows at that frame (the burned-in
 * counters are read from the canvas pixels); after playing and pausing again, both videos show the
 * frames of one same output frame (they follow one clock). Screenshots in test/artifacts.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { overlayBox } from '../../src-main/media/render/overlay-layout.js';
import { makeClip, type ProjectDocument } from '../../src-main/project/document.js';
import { writeProjectFile } from '../../src-main/project/project-file.js';
import { addVideoAsset, counterAt, counterVideo, frameTimes, GRID } from '../media/video-fixtures.js';
import { ARTIFACTS, callInPage, startApp, type AppSession } from './bridge-harness.js';
import { setClips } from '../helpers/tracks.js';

let app: AppSession;
const pageErrors: string[] = [];
beforeAll(async () => {
  app = await startApp({ viewport: { width: 1440, height: 960 } });
  app.page.on('pageerror', (error) => pageErrors.push(error.message));
  await app.page.goto(app.url);
  await app.page.getByRole('combobox', { name: /^(Language|Idioma)$/ }).selectOption('en');
}, 240_000);
afterAll(async () => {
  await app?.close();
});

const FPS = 25;
const FRAME = { width: 270, height: 480 };
const PIP = { x: 0.7, y: 0.72, scale: 0.4, rotation: 0 };

/** Reads a counter (test/media/video-fixtures.ts) from the preview canvas inside a rect of the output frame. */
async function canvasCounter(page: Page, rect: { x: number; y: number; w: number; h: number }): Promise<number> {
  return page.evaluate(
    ([r, grid, frame]) => {
      const canvas = document.querySelector('canvas.preview-canvas') as HTMLCanvasElement;
      const ctx = canvas.getContext('2d')!;
      const k = canvas.width / frame.width;
      let value = 0;
      for (let bit = 0; bit < grid.cols * grid.rows; bit++) {
        const col = bit % grid.cols;
        const row = Math.floor(bit / grid.cols);
        const u = grid.x0 + ((col + 0.5) * (grid.x1 - grid.x0)) / grid.cols;
        const v = grid.y0 + ((row + 0.5) * (grid.y1 - grid.y0)) / grid.rows;
        const [red, green, blue] = ctx.getImageData(Math.round((r.x + u * r.w) * k), Math.round((r.y + v * r.h) * k), 1, 1).data;
        const level = (red! + green! + blue!) / 3;
        if (level > 90 && level < 160) return -1;
        if (level >= 160) value |= 1 << bit;
      }
      return value;
    },
    [rect, GRID, FRAME] as const,
  );
}

describe('the live preview with video clips', () => {
  it('shows the exact frames when paused, both videos on one clock after playing', async () => {
    const { page } = app;
    const summary = await callInPage<{ id: string; dir: string }>(page, 'project.create', { name: 'Preview video' });
    const { document } = await callInPage<{ document: ProjectDocument }>(page, 'project.open', { id: summary.id });
    const doc = structuredClone(document);
    doc.output = { preset: '9:16', ...FRAME, fps: FPS, quality: 'draft' };
    doc.tracks.captions = { ...doc.tracks.captions, cues: [] };
    const sources = path.join(summary.dir, 'sources');
    const main = await counterVideo(sources, 'main.mp4', { ...FRAME, fps: 30, seconds: 5, audio: true });
    const pip = await counterVideo(sources, 'pip.mp4', { ...FRAME, fps: 60, seconds: 5 });
    const [mainTimes, pipTimes] = [await frameTimes(main), await frameTimes(pip)];
    setClips(doc, 'main', [makeClip({ id: 'v1', assetId: await addVideoAsset(summary.dir, doc, main), start: 0, duration: 4.4, sourceIn: 0.5 })]);
    setClips(doc, 'overlay', [makeClip({ id: 'pip', assetId: await addVideoAsset(summary.dir, doc, pip), start: 0.5, duration: 3.9, sourceIn: 0.2, transform: PIP })]);
    writeProjectFile(summary.dir, doc);
    fs.rmSync(sources, { recursive: true, force: true });

    await page.getByRole('navigation').getByRole('button', { name: 'Projects', exact: true }).click();
    await page.getByRole('listitem').filter({ hasText: 'Preview video' }).getByRole('button', { name: 'Open', exact: true }).click();
    await page.getByRole('navigation').getByRole('button', { name: 'Timeline', exact: true }).click();
    await page.getByRole('img', { name: 'Live preview' }).waitFor();

    const box = overlayBox(PIP, FRAME, FRAME);
    const pipRect = { x: box.cx - box.width / 2, y: box.cy - box.height / 2, w: box.width, h: box.height };
    const full = { x: 0, y: 0, w: FRAME.width, h: FRAME.height };
    // The export's frames at output frame k (frame.ts / video-decode.ts retiming).
    const expected = (k: number) => ({ main: counterAt(mainTimes, 0.5 + k / FPS), pip: counterAt(pipTimes, 0.2 + (k - Math.round(0.5 * FPS)) / FPS) });
    const read = async () => ({ main: await canvasCounter(page, full), pip: await canvasCounter(page, pipRect) });
    const settle = async (want: { main: number; pip: number }) => {
      for (let i = 0; i < 50; i++) {
        const got = await read();
        if (got.main === want.main && got.pip === want.pip) return got;
        await page.waitForTimeout(100);
      }
      return read();
    };

    // Paused at 1.3 s (Home, Shift+Right, Right x3): output frame 32.
    await page.keyboard.press('Home');
    await page.keyboard.press('Shift+ArrowRight');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    const k = Math.floor(1.3 * FPS + 1e-6);
    expect(await settle(expected(k))).toEqual(expected(k));
    await page.screenshot({ path: path.join(ARTIFACTS, 'preview-video-paused.png') });

    // Play a moment, pause: both videos show one output frame's source frames.
    await page.keyboard.press(' ');
    await page.getByRole('button', { name: 'Pause', exact: true }).waitFor();
    await page.waitForTimeout(700);
    await page.screenshot({ path: path.join(ARTIFACTS, 'preview-video-playing.png') });
    await page.keyboard.press(' ');
    await page.getByRole('button', { name: 'Play', exact: true }).waitFor();
    let matched = -1;
    for (let i = 0; i < 50 && matched < 0; i++) {
      const got = await read();
      for (let f = k + 1; f < 4.4 * FPS && matched < 0; f++) if (got.main === expected(f).main && got.pip === expected(f).pip) matched = f;
      if (matched < 0) await page.waitForTimeout(100);
    }
    expect(matched).toBeGreaterThan(k);
    expect(pageErrors).toEqual([]);
  }, 240_000);
});
