/**
 * The preview of the video kinds users bring, in Chromium against `whatif web` (real core): a rotated
 * (display matrix), a VFR, a 10-bit (H.264 High 10) and an odd-size source preview as they are, and an
 * HEVC source (Chromium cannot decode it) through its preview copy. The preview's own still renderer
 * (window.whatifPreview.renderPng) draws given times and the burned-in counters are read from its
 * pixels: each must be the source frame the export shows there. While the HEVC clip's copy is being
 * made, the preview says so in the page's language ("Preparing preview…" / "Preparando la vista
 * previa…", screenshots in test/artifacts); re-importing the file runs the real `media.proxy` job, after
 * which the live canvas shows the right frame.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { proxyFile } from '../../src-main/media/proxy/proxy-recipe.js';
import { makeClip, type ProjectDocument } from '../../src-main/project/document.js';
import { writeProjectFile } from '../../src-main/project/project-file.js';
import { addVideoAsset, counterAt, counterVideo, frameTimes, GRID, readCounter, type CounterVideo } from '../media/video-fixtures.js';
import { ARTIFACTS, callInPage, startApp, type AppSession } from './bridge-harness.js';
import { setClips } from '../helpers/tracks.js';

let app: AppSession;
const pageErrors: string[] = [];
beforeAll(async () => {
  app = await startApp({ viewport: { width: 1280, height: 860 } });
  app.page.on('pageerror', (error) => pageErrors.push(error.message));
  await app.page.goto(app.url);
  await app.page.getByRole('combobox', { name: /^(Language|Idioma)$/ }).selectOption('en');
}, 240_000);
afterAll(async () => {
  await app?.close();
});

const FPS = 30;
const FRAME = { width: 180, height: 320 };
const FULL = { x: 0, y: 0, w: FRAME.width, h: FRAME.height };
const KINDS: Array<[string, CounterVideo]> = [
  ['rotated.mp4', { rotated: true }],
  ['vfr.mp4', { vfr: true }],
  ['ten-bit.mp4', { tenBit: true }],
  ['odd-size.mp4', { width: 181, height: 321 }],
  ['phone-hevc.mp4', { hevc: true, audio: true }],
];
/** Times inside each 2 s clip (clip i starts at 2i s) where the counter is read. */
const LOCAL_TIMES = [0.2, 0.9, 1.6];

/** The hook src-renderer/src/preview/render-still.ts puts on the page. */
interface PreviewHook {
  whatifPreview: { renderPng(doc: ProjectDocument, projectId: string, t: number): Promise<string> };
}

/** The counter in the preview's still at t (its PNG decoded here). */
async function stillCounter(page: Page, doc: ProjectDocument, projectId: string, t: number): Promise<number> {
  const dataUrl = await page.evaluate(([d, id, at]) => (window as unknown as PreviewHook).whatifPreview.renderPng(d, id, at), [doc, projectId, t] as const);
  const { data, info } = await sharp(Buffer.from(dataUrl.split(',')[1]!, 'base64')).grayscale().raw().toBuffer({ resolveWithObject: true });
  expect(info.width).toBe(FRAME.width);
  return readCounter(new Uint8Array(data.buffer, data.byteOffset, info.width * info.height), info.width, FULL);
}

/** The counter on the live preview canvas (scaled to the frame). */
async function canvasCounter(page: Page): Promise<number> {
  return page.evaluate(
    ([grid, frame]) => {
      const canvas = document.querySelector('canvas.preview-canvas') as HTMLCanvasElement;
      const ctx = canvas.getContext('2d')!;
      const k = canvas.width / frame.width;
      let value = 0;
      for (let bit = 0; bit < grid.cols * grid.rows; bit++) {
        const u = grid.x0 + (((bit % grid.cols) + 0.5) * (grid.x1 - grid.x0)) / grid.cols;
        const v = grid.y0 + ((Math.floor(bit / grid.cols) + 0.5) * (grid.y1 - grid.y0)) / grid.rows;
        const [r, g, b] = ctx.getImageData(Math.round(u * frame.width * k), Math.round(v * frame.height * k), 1, 1).data;
        const level = (r! + g! + b!) / 3;
        if (level > 90 && level < 160) return -1;
        if (level >= 160) value |= 1 << bit;
      }
      return value;
    },
    [GRID, FRAME] as const,
  );
}

const readDoc = (dir: string) => JSON.parse(fs.readFileSync(path.join(dir, 'project.json'), 'utf8')) as ProjectDocument;

describe('previewing rotated, VFR, 10-bit, odd-size and HEVC videos', () => {
  it('shows the right source frames; a copy being made is announced, then previewed', async () => {
    const { page } = app;
    const summary = await callInPage<{ id: string; dir: string }>(page, 'project.create', { name: 'Preview kinds' });
    const { document } = await callInPage<{ document: ProjectDocument }>(page, 'project.open', { id: summary.id });
    const doc = structuredClone(document);
    doc.output = { preset: '9:16', ...FRAME, fps: FPS, quality: 'draft' };
    doc.tracks.captions = { ...doc.tracks.captions, cues: [] };
    const sources = path.join(path.dirname(summary.dir), `${path.basename(summary.dir)}-sources`);
    const files: string[] = [];
    const times: number[][] = [];
    const clips = [];
    for (const [i, [name, options]] of KINDS.entries()) {
      const file = await counterVideo(sources, name, { seconds: 2, ...options });
      files.push(file);
      times.push(await frameTimes(file));
      clips.push(makeClip({ id: `v${i}`, assetId: await addVideoAsset(summary.dir, doc, file), start: 2 * i, duration: 2, sourceIn: 0 }));
    }
    setClips(doc, 'main', clips);
    // The HEVC clip as the import leaves it: its copy not made yet.
    const hevc = doc.assets[clips[4]!.assetId]!;
    doc.assets[hevc.id] = { ...hevc, codec: 'hevc', proxy: { file: proxyFile(hevc), status: 'making' } };
    writeProjectFile(summary.dir, doc);

    await page.getByRole('navigation').getByRole('button', { name: 'Projects', exact: true }).click();
    await page.getByRole('listitem').filter({ hasText: 'Preview kinds' }).getByRole('button', { name: 'Open', exact: true }).click();
    await page.getByRole('navigation').getByRole('button', { name: 'Timeline', exact: true }).click();
    await page.getByRole('img', { name: 'Live preview' }).waitFor();

    // Rotated, VFR, 10-bit, odd size: previewed as they are, the export's frame at each time.
    const opened = readDoc(summary.dir);
    for (const [i, [name]] of KINDS.slice(0, 4).entries()) {
      for (const local of LOCAL_TIMES) {
        const want = counterAt(times[i]!, Math.round(local * FPS) / FPS);
        expect([name, local, await stillCounter(page, opened, summary.id, 2 * i + local)]).toEqual([name, local, want]);
      }
    }

    // On the HEVC clip while its copy is being made: the placeholder, in English and in Spanish.
    await page.keyboard.press('Home');
    for (let i = 0; i < 9; i++) await page.keyboard.press('Shift+ArrowRight');
    const notice = page.getByRole('status').filter({ hasText: 'Preparing preview…' });
    await notice.waitFor();
    expect(await notice.textContent()).toContain('phone-hevc.mp4');
    await page.screenshot({ path: path.join(ARTIFACTS, 'preview-proxy-preparing.png') });
    // The media bin tells which file is previewed from a copy, and its state.
    const badge = page.getByRole('listitem').filter({ hasText: 'phone-hevc.mp4' }).getByText('Preview copy: being made…');
    await badge.scrollIntoViewIfNeeded();
    await badge.waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'preview-proxy-bin.png') });
    await page.getByRole('combobox', { name: /^(Language|Idioma)$/ }).selectOption('es');
    await page.getByRole('status').filter({ hasText: 'Preparando la vista previa…' }).waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'preview-proxy-preparing-es.png') });
    await page.getByRole('combobox', { name: /^(Language|Idioma)$/ }).selectOption('en');

    // Imported again (same file, same asset): the import queues the real media.proxy job.
    await callInPage(page, 'media.import', { projectId: summary.id, files: [files[4]] });
    let ready: ProjectDocument | null = null;
    for (let i = 0; i < 300 && !ready; i++) {
      const now = readDoc(summary.dir);
      const status = now.assets[hevc.id]?.proxy?.status;
      if (status === 'failed') throw new Error('the preview copy failed');
      if (status === 'ready') ready = now;
      else await page.waitForTimeout(200);
    }
    expect(ready?.assets[hevc.id]?.proxy).toEqual({ file: proxyFile(hevc), status: 'ready' });
    await notice.waitFor({ state: 'detached' });
    await page.getByRole('listitem').filter({ hasText: 'phone-hevc.mp4' }).getByText('Previewed from a copy').waitFor();
    // The live canvas, paused at 9 s (1 s into the HEVC clip), shows the source frame of 1 s.
    const want = counterAt(times[4]!, 1);
    let got = -2;
    for (let i = 0; i < 50 && got !== want; i++) {
      got = await canvasCounter(page);
      if (got !== want) await page.waitForTimeout(100);
    }
    expect(got).toBe(want);
    await page.screenshot({ path: path.join(ARTIFACTS, 'preview-proxy-ready.png') });
    for (const local of LOCAL_TIMES) {
      expect(['phone-hevc.mp4', local, await stillCounter(page, ready!, summary.id, 8 + local)]).toEqual(['phone-hevc.mp4', local, counterAt(times[4]!, Math.round(local * FPS) / FPS)]);
    }
    fs.rmSync(sources, { recursive: true, force: true });
    expect(pageErrors).toEqual([]);
  }, 300_000);
});
