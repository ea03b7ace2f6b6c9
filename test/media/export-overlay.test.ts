/**
 * Overlay tracks, contained video and bad video input through the real export: a PNG with alpha at
 * half opacity (its transparent parts leave the picture as it was), a picture-in-picture video whose
 * counter is read back inside its box, fades, track order, a landscape video contained over a
 * blurred fill, and files that are missing, not video, truncated or too short, refused before
 * encoding with the clip and the file named.
 */
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { exportProject } from '../../src-main/media/export/export-project.js';
import { overlayBox } from '../../src-main/media/render/overlay-layout.js';
import { containRect } from '../../src-main/media/render/video-decode.js';
import { storeAssetBuffer, storeAssetFile } from '../../src-main/project/assets.js';
import { makeClip, type MediaClipInput, type ProjectDocument } from '../../src-main/project/document.js';
import { tempDirsForThisFile } from '../helpers/temp-core.js';
import { imagesOf } from '../helpers/tracks.js';
import { grayFrames } from './decode.js';
import { imageClip } from './fixtures.js';
import { addVideoAsset, counterAt, counterVideo, emptyProject, frameTimes, readCounter } from './video-fixtures.js';

const dir = tempDirsForThisFile('whatif-export-overlay-');
const W = 180;
const H = 320;

async function flatImage(project: string, doc: ProjectDocument, level: number): Promise<string> {
  const png = await sharp({ create: { width: 90, height: 160, channels: 3, background: { r: level, g: level, b: level } } }).png().toBuffer();
  const asset = await storeAssetBuffer(project, png, 'png', { kind: 'image', width: 90, height: 160, source: 'generated' });
  doc.assets[asset.id] = asset;
  return asset.id;
}

/** A white square in the middle of a transparent PNG. */
async function alphaSquare(project: string, doc: ProjectDocument): Promise<string> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><rect x="25" y="25" width="50" height="50" fill="#fff"/></svg>`;
  const png = await sharp(Buffer.from(svg)).png().toBuffer();
  const asset = await storeAssetBuffer(project, png, 'png', { kind: 'image', width: 100, height: 100, source: 'generated', originalName: 'logo.png' });
  doc.assets[asset.id] = { ...asset, originalName: 'logo.png' };
  return asset.id;
}

function overlay(doc: ProjectDocument, n: 1 | 2, input: MediaClipInput): void {
  doc.tracks.media.find((t) => t.id === `overlay-${n}`)!.clips.push(makeClip(input));
}

const lumaAt = (frame: Uint8Array, x: number, y: number) => frame[Math.round(y) * W + Math.round(x)]!;

async function run(project: string, doc: ProjectDocument) {
  const out = path.join(project, 'out.mp4');
  await exportProject({ projectDir: project, doc, output: doc.output, destination: out });
  return grayFrames(out, W, H);
}

describe('overlay tracks', () => {
  it('a PNG with alpha at half opacity, faded in, over a flat picture; a second track on top', async () => {
    const project = dir();
    const doc = emptyProject(project);
    imagesOf(doc).push(imageClip('bg', await flatImage(project, doc, 40), 0, 4, { kenBurns: undefined }));
    const logo = await alphaSquare(project, doc);
    overlay(doc, 1, { id: 'logo', assetId: logo, start: 1, duration: 2, transform: { x: 0.5, y: 0.25, scale: 0.5, rotation: 0 }, opacity: 0.5, fadeIn: 0.5 });
    const top = await flatImage(project, doc, 230);
    overlay(doc, 2, { id: 'top', assetId: top, start: 2, duration: 1, transform: { x: 0.5, y: 0.25, scale: 0.2, rotation: 0 } });
    const frames = await run(project, doc);
    expect(frames.length).toBe(120);
    const box = overlayBox(doc.tracks.media[1]!.clips[0]!.transform, { width: 100, height: 100 }, { width: W, height: H });
    const square = { x: box.cx, y: box.cy }; // the white square's centre
    const corner = { x: box.cx - box.width * 0.4, y: box.cy - box.height * 0.4 }; // transparent part
    const bg = lumaAt(frames[10]!, square.x, square.y);
    expect(Math.abs(bg - lumaAt(frames[10]!, corner.x, corner.y))).toBeLessThan(4);
    // Fully in after the fade (frame 50 = 1.67 s): half way from the background to white.
    const half = lumaAt(frames[50]!, square.x, square.y);
    expect(half).toBeGreaterThan(bg + 70);
    expect(half).toBeLessThan(235 - 50);
    expect(Math.abs(lumaAt(frames[50]!, corner.x, corner.y) - bg)).toBeLessThan(4);
    // Mid-fade (frame 37 = 1.23 s, ~47 % in): between the two.
    const fading = lumaAt(frames[37]!, square.x, square.y);
    expect(fading).toBeGreaterThan(bg + 15);
    expect(fading).toBeLessThan(half - 15);
    // The second track's clip is drawn over the first (2 s to 3 s), not under it.
    expect(lumaAt(frames[75]!, square.x, square.y)).toBeGreaterThan(200);
    // Gone after 3 s.
    expect(Math.abs(lumaAt(frames[100]!, square.x, square.y) - bg)).toBeLessThan(4);
  }, 120_000);

  it('a picture-in-picture video shows its own frames inside its box, rotated overlays stay centred', async () => {
    const project = dir();
    const doc = emptyProject(project);
    imagesOf(doc).push(imageClip('bg', await flatImage(project, doc, 40), 0, 3, { kenBurns: undefined }));
    const source = await counterVideo(project, 'pip.mp4', { seconds: 3, fps: 60 });
    const times = await frameTimes(source);
    const pip = await addVideoAsset(project, doc, source);
    overlay(doc, 1, { id: 'pip', assetId: pip, start: 0.5, duration: 2, sourceIn: 0.25, transform: { x: 0.5, y: 0.5, scale: 0.8, rotation: 0 } });
    overlay(doc, 2, { id: 'tilt', assetId: await flatImage(project, doc, 230), start: 0, duration: 3, transform: { x: 0.5, y: 0.1, scale: 0.2, rotation: 30 } });
    const frames = await run(project, doc);
    const box = overlayBox(doc.tracks.media[1]!.clips[0]!.transform, { width: 180, height: 320 }, { width: W, height: H });
    const rect = { x: box.cx - box.width / 2, y: box.cy - box.height / 2, w: box.width, h: box.height };
    for (const k of [15, 30, 60, 74]) expect([k, readCounter(frames[k]!, W, rect)]).toEqual([k, counterAt(times, 0.25 + (k - 15) / 30)]);
    expect(lumaAt(frames[0]!, W / 2, H / 2)).toBeLessThan(60); // not yet
    expect(lumaAt(frames[80]!, W / 2, H / 2)).toBeLessThan(60); // gone
    expect(lumaAt(frames[40]!, W / 2, H * 0.1)).toBeGreaterThan(200); // the turned still's centre
  }, 120_000);
});

describe('contained video', () => {
  it('a landscape video shows whole, centred, over a blurred fill', async () => {
    const project = dir();
    const doc = emptyProject(project);
    const source = await counterVideo(project, 'wide.mp4', { seconds: 2, width: 320, height: 180 });
    const times = await frameTimes(source);
    imagesOf(doc).push(makeClip({ id: 'wide', assetId: await addVideoAsset(project, doc, source), start: 0, duration: 1.5, fit: 'contain' }));
    const frames = await run(project, doc);
    const rect = containRect({ width: 320, height: 180 }, { width: W, height: H });
    for (const k of [0, 20, 44]) expect(readCounter(frames[k]!, W, rect)).toBe(counterAt(times, k / 30));
    // Above the picture: the blurred fill (testsrc's colours, not black).
    const fill = frames[20]!.subarray(10 * W, 40 * W);
    expect(fill.reduce((a, b) => a + b, 0) / fill.length).toBeGreaterThan(40);
  }, 120_000);
});

describe('bad video input, before encoding', () => {
  async function withVideo(make: (project: string) => Promise<string>, clip: Partial<MediaClipInput> = {}): Promise<{ project: string; doc: ProjectDocument; out: string }> {
    const project = dir();
    const doc = emptyProject(project);
    const good = await counterVideo(project, 'good.mp4', { seconds: 2 });
    const id = await addVideoAsset(project, doc, good, 'beach.mp4');
    // The bad bytes stored under their own content address (a file changed after import is refused
    // earlier, by its address: user-media.test.ts), keeping the good file's probed fields.
    const bad = await storeAssetFile(project, await make(project), '.mp4', { kind: 'video', source: 'import' });
    doc.assets[bad.id] = { ...doc.assets[id]!, id: bad.id, file: bad.file, bytes: bad.bytes };
    if (bad.id !== id) delete doc.assets[id];
    imagesOf(doc).push(makeClip({ id: 'v1', assetId: bad.id, start: 0, duration: 1, ...clip }));
    return { project, doc, out: path.join(project, 'out.mp4') };
  }
  const expectRefused = async (c: { project: string; doc: ProjectDocument; out: string }, message: RegExp) => {
    await expect(exportProject({ projectDir: c.project, doc: c.doc, output: c.doc.output, destination: c.out })).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringMatching(message) });
    expect(fs.existsSync(c.out)).toBe(false);
  };

  it('a file that is not a video names the clip and the file', async () => {
    const c = await withVideo(async (p) => {
      fs.writeFileSync(path.join(p, 'junk.mp4'), Buffer.alloc(5000, 7));
      return path.join(p, 'junk.mp4');
    });
    await expectRefused(c, /clip 1 \("beach\.mp4"\) of Main is not a video file/s);
  }, 60_000);

  it('a truncated video (its index says more than the file holds)', async () => {
    const c = await withVideo(async (p) => {
      const whole = await counterVideo(p, 'long.mp4', { seconds: 6 });
      const faststart = path.join(p, 'fs.mp4');
      const { execa } = await import('execa');
      await execa('ffmpeg', ['-v', 'error', '-y', '-i', whole, '-c', 'copy', '-movflags', '+faststart', faststart]);
      const bytes = fs.readFileSync(faststart);
      fs.writeFileSync(faststart, bytes.subarray(0, Math.floor(bytes.length * 0.4)));
      return faststart;
    }, { sourceIn: 4, duration: 1.5 });
    c.doc.assets[c.doc.tracks.media[0]!.clips[0]!.assetId]!.duration = 6;
    await expectRefused(c, /clip 1 \("beach\.mp4"\) of Main.*cannot be decoded.*truncated or damaged/s);
  }, 60_000);

  it('a clip using more of the file than it has', async () => {
    const c = await withVideo(async (p) => counterVideo(p, 'short.mp4', { seconds: 2 }), { sourceIn: 1.5, duration: 1 });
    delete c.doc.assets[c.doc.tracks.media[0]!.clips[0]!.assetId]!.duration; // the export probes it itself
    await expectRefused(c, /Clip 1 \("beach\.mp4"\) of Main uses 1\.50–2\.50 s of .*only 2\.00 s long/);
  }, 60_000);

  it('a missing file', async () => {
    const c = await withVideo(async (p) => counterVideo(p, 'x.mp4', { seconds: 2 }));
    fs.rmSync(path.join(c.project, c.doc.assets[c.doc.tracks.media[0]!.clips[0]!.assetId]!.file));
    await expectRefused(c, /The video of clip 1 \("beach\.mp4"\) of Main is missing/);
  }, 60_000);
});
