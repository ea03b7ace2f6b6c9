/**
 * Preview parity: the same project frame drawn by the live preview (the renderer's own drawing code in
 * Chromium) and rendered by the export (ffmpeg), compared at five times: Ken Burns in motion, a text
 * overlay fading in, a word-highlighted caption, and crossfade, slide and wipe transitions. Both frames
 * are compared in the MP4's pixel format (yuv420p, ffmpeg's psnr filter, Y/U/V-weighted average).
 * PSNR is printed and must be ≥ 35 dB.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportProject } from '../../src-main/media/export/export-project.js';
import { storeAssetBuffer } from '../../src-main/project/assets.js';
import { DEFAULT_TEXT_STYLE, type ProjectDocument } from '../../src-main/project/document.js';
import { writeProjectFile } from '../../src-main/project/project-file.js';
import { resolveBinary } from '../../src-main/platform/binaries.js';
import { imageClip, patternImage } from '../media/fixtures.js';
import { ARTIFACTS, callInPage, startApp, type AppSession } from './bridge-harness.js';
import { setClips } from '../helpers/tracks.js';
import { makeClip } from '../../src-main/project/document.js';
import sharp from 'sharp';
import { addVideoAsset, counterVideo } from '../media/video-fixtures.js';
import { toneFile, addAudio } from '../media/fixtures.js';

/** The hook src-renderer/src/preview/render-still.ts puts on the page. */
interface PreviewHook {
  whatifPreview: { renderPng(doc: ProjectDocument, projectId: string, t: number): Promise<string> };
}

let app: AppSession;
let work: string;
beforeAll(async () => {
  app = await startApp();
  await app.page.goto(app.url);
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'whatif-parity-'));
}, 240_000);
afterAll(async () => {
  await app?.close();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

const api = <T>(channel: string, input: unknown): Promise<T> => callInPage<T>(app.page, channel, input);

async function psnr(a: string, b: string): Promise<number> {
  const { stderr } = await execa(resolveBinary('ffmpeg'), ['-hide_banner', '-i', a, '-i', b, '-lavfi', '[0:v]format=yuv420p[a];[1:v]format=yuv420p[b];[a][b]psnr', '-f', 'null', '-'], { reject: false });
  const match = /average:(inf|[\d.]+)/.exec(stderr);
  if (!match) throw new Error(`no PSNR in ffmpeg output:\n${stderr}`);
  return match[1] === 'inf' ? 99 : Number(match[1]);
}

describe('preview parity with the export', () => {
  it('draws the same frames as the MP4 (PSNR ≥ 35 dB at five times)', async () => {
    const summary = await api<{ id: string; dir: string }>('project.create', { name: 'Parity' });
    const { document } = await api<{ document: ProjectDocument }>('project.open', { id: summary.id });
    const doc: ProjectDocument = structuredClone(document);
    // Half of 1080x1920 with the default text proportions (72 px text, 64 px captions at full size).
    doc.output = { preset: '9:16', width: 540, height: 960, fps: 25, quality: 'high' };
    const a = await storeAssetBuffer(summary.dir, await patternImage(600, 800, 200, { cx: 220, cy: 300, r: 90 }), 'jpg', { kind: 'image', width: 600, height: 800, source: 'generated' });
    const b = await storeAssetBuffer(summary.dir, await patternImage(800, 600, 20, { cx: 500, cy: 350, r: 80 }), 'jpg', { kind: 'image', width: 800, height: 600, source: 'generated' });
    doc.assets = { [a.id]: a, [b.id]: b };
    setClips(doc, 'main', [
      imageClip('c1', a.id, 0, 2, { kenBurns: { from: { zoom: 1, x: 0.4, y: 0.4 }, to: { zoom: 1.4, x: 0.6, y: 0.5 }, easing: 'easeInOut' } }),
      imageClip('c2', b.id, 2, 2, { kenBurns: { from: { zoom: 1.3, x: 0.3, y: 0.5 }, to: { zoom: 1, x: 0.5, y: 0.5 }, easing: 'linear' }, transitionIn: { kind: 'crossfade', duration: 0.5 } }),
      imageClip('c3', a.id, 4, 1, { transitionIn: { kind: 'slide', duration: 0.4 } }),
      imageClip('c4', b.id, 5, 1, { transitionIn: { kind: 'wipe', duration: 0.4 } }),
    ]);
    doc.tracks.text = [
      { id: 't1', text: 'What if the Moon vanished?', start: 0.4, duration: 3, style: { ...DEFAULT_TEXT_STYLE, size: 36, outlineWidth: 2 }, position: { preset: 'top', x: 0.5, y: 0.5 }, align: 'center', maxWidth: 0.8, fadeIn: 0.2, fadeOut: 0.2 },
    ];
    doc.tracks.captions = {
      ...doc.tracks.captions,
      style: { ...doc.tracks.captions.style, size: 32, outlineWidth: 2 },
      cues: [
        { id: 'q1', start: 0, end: 1.8, text: 'Tides would fade', words: [{ text: 'Tides', start: 0, end: 0.5 }, { text: 'would', start: 0.5, end: 1 }, { text: 'fade', start: 1, end: 1.8 }] },
        { id: 'q2', start: 2.2, end: 3.8, text: 'and nights grow dark' },
      ],
    };
    writeProjectFile(summary.dir, doc);
    const mp4 = path.join(work, 'parity.mp4');
    await exportProject({ projectDir: summary.dir, doc, output: doc.output, destination: mp4 });

    // At 25 fps: 14 text fading in + highlighted word, 50 mid-crossfade, 65 Ken Burns + plain caption, 101 slide, 126 wipe.
    await compareFrames(doc, summary.id, mp4, [14, 50, 65, 101, 126], 'parity');
  });

  it('video clips, overlays and music: the same frames as the MP4 (PSNR ≥ 35 dB at five times)', async () => {
    const summary = await api<{ id: string; dir: string }>('project.create', { name: 'Parity video' });
    const { document } = await api<{ document: ProjectDocument }>('project.open', { id: summary.id });
    const doc: ProjectDocument = structuredClone(document);
    doc.output = { preset: '9:16', width: 540, height: 960, fps: 25, quality: 'high' };
    doc.tracks.captions = { ...doc.tracks.captions, cues: [] };
    const sources = path.join(work, 'sources');
    const tall = await counterVideo(sources, 'tall.mp4', { width: 360, height: 640, fps: 30, seconds: 4, bt709: true, audio: true });
    const wide = await counterVideo(sources, 'wide.mp4', { width: 640, height: 360, fps: 60, seconds: 4 });
    const tallId = await addVideoAsset(summary.dir, doc, tall);
    const wideId = await addVideoAsset(summary.dir, doc, wide);
    const logoSvg = `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="120"><rect x="10" y="10" width="180" height="100" rx="30" fill="#ffcc00"/><circle cx="100" cy="60" r="35" fill="#2040ff"/></svg>`;
    const logo = await storeAssetBuffer(summary.dir, await sharp(Buffer.from(logoSvg)).png().toBuffer(), 'png', { kind: 'image', width: 200, height: 120, source: 'generated' });
    doc.assets[logo.id] = logo;
    setClips(doc, 'main', [
      makeClip({ id: 'v1', assetId: tallId, start: 0, duration: 2.4, sourceIn: 0.5, kenBurns: { from: { zoom: 1, x: 0.5, y: 0.5 }, to: { zoom: 1.2, x: 0.45, y: 0.5 }, easing: 'linear' } }),
      makeClip({ id: 'v2', assetId: wideId, start: 2.4, duration: 2.6, sourceIn: 0.2, speed: 0.5, transitionIn: { kind: 'crossfade', duration: 0.4 } }),
    ]);
    setClips(doc, 'overlay', [makeClip({ id: 'logo', assetId: logo.id, start: 0.5, duration: 4, transform: { x: 0.3, y: 0.15, scale: 0.4, rotation: 10 }, opacity: 0.8, fadeIn: 0.5 })]);
    doc.tracks.media.filter((t) => t.role === 'overlay')[1]!.clips = [makeClip({ id: 'pip', assetId: tallId, start: 1, duration: 3, sourceIn: 1, transform: { x: 0.7, y: 0.72, scale: 0.35, rotation: 0 } })];
    await addAudio(summary.dir, doc, await toneFile(sources, 'music.wav', 330, 5, 0.3), 'music', 0, 5);
    writeProjectFile(summary.dir, doc);
    const mp4 = path.join(work, 'parity-video.mp4');
    await exportProject({ projectDir: summary.dir, doc, output: doc.output, destination: mp4 });
    // At 25 fps: 10 Ken Burns on a video, 20 the logo fading in, 40 logo + PiP, 60 mid-crossfade between videos, 100 the slowed wide video.
    await compareFrames(doc, summary.id, mp4, [10, 20, 40, 60, 100], 'parity-video');
  }, 240_000);
});

async function compareFrames(doc: ProjectDocument, projectId: string, mp4: string, frames: number[], name: string): Promise<void> {
  {
    const results: { t: number; psnr: number }[] = [];
    for (const k of frames) {
      const t = k / doc.output.fps;
      const exported = path.join(work, `${name}-export-${k}.png`);
      await execa(resolveBinary('ffmpeg'), ['-v', 'error', '-y', '-i', mp4, '-vf', `select=eq(n\\,${k})`, '-frames:v', '1', exported]);
      const dataUrl = await app.page.evaluate(([d, id, time]) => (window as unknown as PreviewHook).whatifPreview.renderPng(d, id, time), [doc, projectId, t] as const);
      const preview = path.join(work, `${name}-preview-${k}.png`);
      fs.writeFileSync(preview, Buffer.from(dataUrl.split(',')[1]!, 'base64'));
      results.push({ t, psnr: await psnr(preview, exported) });
      fs.copyFileSync(preview, path.join(ARTIFACTS, `${name}-preview-${k}.png`));
      fs.copyFileSync(exported, path.join(ARTIFACTS, `${name}-export-${k}.png`));
    }
    console.log(`${name} PSNR (dB): ${results.map((r) => `t=${r.t.toFixed(2)}s ${r.psnr.toFixed(2)}`).join(', ')}`);
    for (const r of results) expect(r.psnr, `PSNR at ${r.t}s`).toBeGreaterThanOrEqual(35);
  }
}
