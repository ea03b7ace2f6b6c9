/**
 * Every caption style of the gallery, exported and previewed: a short project is exported per style
 * and the frame at a chosen word's time is read back. The spoken word is drawn in the style's
 * highlight colour (for "bold pop" also larger than its neighbours) and the preview's frame at the
 * same time (the renderer's own drawing code in Chromium) matches the export: PSNR ≥ 35 dB in yuv420p,
 * also 40 ms into a word's pop/bounce/fade. For bold pop the CLI's render of the folder is compared too.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CAPTION_PRESET_IDS, presetFor, withCaptionStyle } from '../../src-main/media/captions/look.js';
import { exportProject } from '../../src-main/media/export/export-project.js';
import { storeAssetBuffer } from '../../src-main/project/assets.js';
import type { ProjectDocument } from '../../src-main/project/document.js';
import { writeProjectFile } from '../../src-main/project/project-file.js';
import { resolveBinary } from '../../src-main/platform/binaries.js';
import { clipFromTemplate, TEXT_TEMPLATES } from '../../src-renderer/src/timeline/text-templates.js';
import { imageClip } from '../media/fixtures.js';
import { ARTIFACTS, callInPage, startApp, type AppSession } from './bridge-harness.js';
import { setClips } from '../helpers/tracks.js';

interface PreviewHook {
  whatifPreview: { renderPng(doc: ProjectDocument, projectId: string, t: number): Promise<string> };
}

let app: AppSession;
let work: string;
beforeAll(async () => {
  app = await startApp();
  await app.page.goto(app.url);
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'whatif-caption-styles-'));
}, 240_000);
afterAll(async () => {
  await app?.close();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

async function psnr(a: string, b: string): Promise<number> {
  const { stderr } = await execa(resolveBinary('ffmpeg'), ['-hide_banner', '-i', a, '-i', b, '-lavfi', '[0:v]format=yuv420p[a];[1:v]format=yuv420p[b];[a][b]psnr', '-f', 'null', '-'], { reject: false });
  const match = /average:(inf|[\d.]+)/.exec(stderr);
  if (!match) throw new Error(`no PSNR in ffmpeg output:\n${stderr}`);
  return match[1] === 'inf' ? 99 : Number(match[1]);
}

const rgb = (hex: string) => [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));

/** Bounding box of the pixels near `hex` (sum of channel differences under `tolerance`), or null. */
async function colourBox(png: string, hex: string, tolerance: number): Promise<{ count: number; top: number; bottom: number; left: number; right: number } | null> {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const [r, g, b] = rgb(hex);
  let count = 0;
  let top = Infinity;
  let bottom = -1;
  let left = Infinity;
  let right = -1;
  for (let y = 0; y < info.height; y++) {
    for (let x = 0; x < info.width; x++) {
      const i = (y * info.width + x) * 3;
      if (Math.abs(data[i]! - r!) + Math.abs(data[i + 1]! - g!) + Math.abs(data[i + 2]! - b!) > tolerance) continue;
      count++;
      top = Math.min(top, y);
      bottom = Math.max(bottom, y);
      left = Math.min(left, x);
      right = Math.max(right, x);
    }
  }
  return count > 0 ? { count, top, bottom, left, right } : null;
}

describe('caption styles: export and preview', () => {
  it('draws the spoken word in each style, the same in the preview (PSNR ≥ 35 dB)', async () => {
    const summary = await callInPage<{ id: string; dir: string }>(app.page, 'project.create', { name: 'Caption styles' });
    const { document } = await callInPage<{ document: ProjectDocument }>(app.page, 'project.open', { id: summary.id });
    const background = await sharp({ create: { width: 540, height: 960, channels: 3, background: '#1d2a4a' } }).jpeg({ quality: 95 }).toBuffer();
    const asset = await storeAssetBuffer(summary.dir, background, 'jpg', { kind: 'image', width: 540, height: 960, source: 'generated' });
    const words = ['What', 'if', 'the', 'Moon', 'vanished'];
    const results: string[] = [];
    const checks: (() => void)[] = [];
    for (const id of CAPTION_PRESET_IDS) {
      const doc: ProjectDocument = structuredClone(document);
      doc.output = { preset: '9:16', width: 540, height: 960, fps: 25, quality: 'high' };
      doc.assets = { [asset.id]: asset };
      setClips(doc, 'main', [imageClip('bg', asset.id, 0, 2.4, { kenBurns: { from: { zoom: 1, x: 0.5, y: 0.5 }, to: { zoom: 1, x: 0.5, y: 0.5 }, easing: 'linear' } })]);
      // Half of 1080x1920: the style's sizes halved, as the gallery applies it to this output.
      const preset = presetFor(id, doc.output.height);
      const style = preset.style;
      doc.tracks.captions = withCaptionStyle(doc.tracks.captions, preset);
      doc.tracks.captions.position = { preset: 'free', x: 0.5, y: 0.5 };
      doc.tracks.captions.cues = [{ id: 'q1', start: 0, end: 2.2, text: words.join(' '), words: words.map((text, i) => ({ text, start: i * 0.4, end: i * 0.4 + 0.4 })), emphasis: [4] }];
      writeProjectFile(summary.dir, doc);
      const mp4 = path.join(work, `${id}.mp4`);
      await exportProject({ projectDir: summary.dir, doc, output: doc.output, destination: mp4 });
      // Frame 6 = 0.24 s: "What" is spoken (0 to 0.4 s), its animation over (at most 160 ms).
      const k = 6;
      const exported = path.join(work, `${id}-export.png`);
      await execa(resolveBinary('ffmpeg'), ['-v', 'error', '-y', '-i', mp4, '-vf', `select=eq(n\\,${k})`, '-frames:v', '1', exported]);
      const dataUrl = await app.page.evaluate(([d, pid, time]) => (window as unknown as PreviewHook).whatifPreview.renderPng(d, pid, time), [doc, summary.id, k / 25] as const);
      const preview = path.join(work, `${id}-preview.png`);
      fs.writeFileSync(preview, Buffer.from(dataUrl.split(',')[1]!, 'base64'));
      fs.copyFileSync(preview, path.join(ARTIFACTS, `caption-style-${id}-preview.png`));
      fs.copyFileSync(exported, path.join(ARTIFACTS, `caption-style-${id}-export.png`));
      const db = await psnr(preview, exported);
      // Frame 11 = 0.44 s: 40 ms into "if", its pop/bounce/fade half done: the motion matches too.
      const mid = path.join(work, `${id}-export-mid.png`);
      await execa(resolveBinary('ffmpeg'), ['-v', 'error', '-y', '-i', mp4, '-vf', 'select=eq(n\\,11)', '-frames:v', '1', mid]);
      const midUrl = await app.page.evaluate(([d, pid, time]) => (window as unknown as PreviewHook).whatifPreview.renderPng(d, pid, time), [doc, summary.id, 11 / 25] as const);
      const midPreview = path.join(work, `${id}-preview-mid.png`);
      fs.writeFileSync(midPreview, Buffer.from(midUrl.split(',')[1]!, 'base64'));
      const midDb = await psnr(midPreview, mid);
      results.push(`${id} mid-animation ${midDb.toFixed(2)} dB`);
      checks.push(() => expect(midDb, `${id} PSNR mid-animation`).toBeGreaterThanOrEqual(35));
      if (id === 'boldPop') {
        // The CLI renders the project folder (its caption style saved in project.json) the same way.
        const cliMp4 = path.join(work, 'cli-boldPop.mp4');
        const cli = await execa(process.execPath, [path.resolve('bin/whatif.mjs'), 'render', summary.dir, '-o', cliMp4, '--quality', 'high'], { env: { WHATIF_HOME: app.home }, reject: false });
        expect(cli.exitCode, cli.stderr).toBe(0);
        const cliFrame = path.join(work, 'cli-boldPop.png');
        await execa(resolveBinary('ffmpeg'), ['-v', 'error', '-y', '-i', cliMp4, '-vf', `select=eq(n\\,${k})`, '-frames:v', '1', cliFrame]);
        const cliDb = await psnr(cliFrame, exported);
        results.push(`boldPop from the CLI vs the export: ${cliDb.toFixed(2)} dB`);
        checks.push(() => expect(cliDb, 'CLI frame').toBeGreaterThanOrEqual(45));
      }
      const spoken = await colourBox(exported, style.highlightColor, 60);
      const others = await colourBox(exported, style.color, 24);
      results.push(`${id} ${db.toFixed(2)} dB, spoken word ${spoken?.count ?? 0} px (${spoken ? spoken.bottom - spoken.top + 1 : 0} tall), others ${others ? others.bottom - others.top + 1 : 0} tall`);
      checks.push(() => {
      expect(db, `${id} PSNR`).toBeGreaterThanOrEqual(35);
      expect(spoken?.count ?? 0, `${id}: pixels in the highlight colour`).toBeGreaterThan(25);
      // The spoken word sits between the others: its colour is inside the caption, not all over the frame.
      expect(spoken!.right - spoken!.left, `${id}: the highlighted area is one word`).toBeLessThan(120);
      if (id === 'boldPop') expect(spoken!.bottom - spoken!.top).toBeGreaterThan((others!.bottom - others!.top) * 1.15);
      });
    }
    console.log(`caption styles:\n${results.join('\n')}`);
    for (const check of checks) check();
  });

  it('draws the text templates (title, boxed lower third, end card) the same in the preview', async () => {
    const summary = await callInPage<{ id: string; dir: string }>(app.page, 'project.create', { name: 'Text templates' });
    const { document } = await callInPage<{ document: ProjectDocument }>(app.page, 'project.open', { id: summary.id });
    const doc: ProjectDocument = structuredClone(document);
    doc.output = { preset: '9:16', width: 540, height: 960, fps: 25, quality: 'high' };
    const background = await sharp({ create: { width: 540, height: 960, channels: 3, background: '#3a5a40' } }).jpeg({ quality: 95 }).toBuffer();
    const asset = await storeAssetBuffer(summary.dir, background, 'jpg', { kind: 'image', width: 540, height: 960, source: 'generated' });
    doc.assets = { [asset.id]: asset };
    setClips(doc, 'main', [imageClip('bg', asset.id, 0, 4, { kenBurns: { from: { zoom: 1, x: 0.5, y: 0.5 }, to: { zoom: 1, x: 0.5, y: 0.5 }, easing: 'linear' } })]);
    doc.tracks.captions = { ...doc.tracks.captions, cues: [] };
    const place = (id: 'title' | 'lowerThird' | 'endCard', text: string) => clipFromTemplate(TEXT_TEMPLATES[id], { id, text, playhead: 0, length: 4, height: 960 })!;
    doc.tracks.text = [place('title', 'What if the Moon vanished?'), place('lowerThird', 'Dr. Ana Ruiz · astronomer'), place('endCard', 'Follow for part 2')];
    writeProjectFile(summary.dir, doc);
    const mp4 = path.join(work, 'templates.mp4');
    await exportProject({ projectDir: summary.dir, doc, output: doc.output, destination: mp4 });
    const k = 40; // 1.6 s: all three on screen, no fade
    const exported = path.join(work, 'templates-export.png');
    await execa(resolveBinary('ffmpeg'), ['-v', 'error', '-y', '-i', mp4, '-vf', `select=eq(n\\,${k})`, '-frames:v', '1', exported]);
    const dataUrl = await app.page.evaluate(([d, pid, time]) => (window as unknown as PreviewHook).whatifPreview.renderPng(d, pid, time), [doc, summary.id, k / 25] as const);
    const preview = path.join(work, 'templates-preview.png');
    fs.writeFileSync(preview, Buffer.from(dataUrl.split(',')[1]!, 'base64'));
    fs.copyFileSync(preview, path.join(ARTIFACTS, 'text-templates-preview.png'));
    fs.copyFileSync(exported, path.join(ARTIFACTS, 'text-templates-export.png'));
    const db = await psnr(preview, exported);
    console.log(`text templates: ${db.toFixed(2)} dB`);
    expect(db).toBeGreaterThanOrEqual(35);
  });
});
