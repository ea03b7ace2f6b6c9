/** Small real projects for export tests: generated images (sharp) and tones (ffmpeg), written as a project folder. */
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { execa } from 'execa';
import { storeAssetBuffer, storeAssetFile } from '../../src-main/project/assets.js';
import { createEmptyDocument, gainToDb, makeClip, type Asset, type MediaClip, type MediaClipInput, type ProjectDocument } from '../../src-main/project/document.js';
import { writeProjectFile } from '../../src-main/project/project-file.js';
import { resolveBinary } from '../../src-main/platform/binaries.js';
import { imagesOf, musicOf, narrationOf } from '../helpers/tracks.js';

/** A test image: gradient background and a white disc (a trackable feature) at (cx, cy). */
export async function patternImage(width: number, height: number, hue = 200, disc?: { cx: number; cy: number; r: number }): Promise<Buffer> {
  const d = disc ?? { cx: width / 2, cy: height / 2, r: Math.min(width, height) / 10 };
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${hue},70%,25%)"/><stop offset="1" stop-color="hsl(${(hue + 60) % 360},70%,45%)"/></linearGradient>
    <radialGradient id="b"><stop offset="0" stop-color="#fff"/><stop offset="1" stop-color="#fff" stop-opacity="0"/></radialGradient></defs>
    <rect width="100%" height="100%" fill="url(#g)"/><circle cx="${d.cx}" cy="${d.cy}" r="${d.r}" fill="url(#b)"/></svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 92 }).toBuffer();
}

export async function toneFile(dir: string, name: string, freq: number, seconds: number, volume = 0.5): Promise<string> {
  const file = path.join(dir, name);
  await execa(resolveBinary('ffmpeg'), ['-v', 'error', '-y', '-f', 'lavfi', '-i', `sine=f=${freq}:r=48000:d=${seconds}`, '-af', `volume=${volume}`, '-ac', '1', file]);
  return file;
}

export function imageClip(id: string, assetId: string, start: number, duration: number, extra: Partial<MediaClipInput> = {}): MediaClip {
  return makeClip({
    id,
    assetId,
    start,
    duration,
    kenBurns: { from: { zoom: 1, x: 0.5, y: 0.5 }, to: { zoom: 1.15, x: 0.5, y: 0.5 }, easing: 'linear' },
    transitionIn: { kind: 'cut', duration: 0 },
    ...extra,
  });
}

/** A project folder with `count` images of `seconds` each (small output size unless given). */
export async function makeProject(dir: string, opts: { count?: number; seconds?: number; width?: number; height?: number; fps?: 24 | 25 | 30 | 60 } = {}): Promise<{ dir: string; doc: ProjectDocument; images: Asset[] }> {
  fs.mkdirSync(dir, { recursive: true });
  const doc = createEmptyDocument({ id: `test-${path.basename(dir)}`, name: 'Export test', now: new Date(0).toISOString() });
  doc.output = { ...doc.output, width: opts.width ?? 180, height: opts.height ?? 320, fps: opts.fps ?? 30, quality: 'draft' };
  const count = opts.count ?? 2;
  const seconds = opts.seconds ?? 1;
  const images: Asset[] = [];
  for (let i = 0; i < count; i++) {
    const asset = await storeAssetBuffer(dir, await patternImage(400, 600, (i * 70) % 360), 'jpg', { kind: 'image', width: 400, height: 600, source: 'generated' });
    doc.assets[asset.id] = asset;
    images.push(asset);
    imagesOf(doc).push(imageClip(`clip-${i + 1}`, asset.id, i * seconds, seconds));
  }
  doc.tracks.captions.cues = [];
  writeProjectFile(dir, doc);
  return { dir, doc, images };
}

export async function addAudio(dir: string, doc: ProjectDocument, file: string, track: 'narration' | 'music', start: number, duration: number, extra: { duck?: boolean; volume?: number } = {}): Promise<void> {
  const asset = await storeAssetFile(dir, file, path.extname(file), { kind: 'audio', duration, source: 'generated', originalName: path.basename(file) });
  doc.assets[asset.id] = asset;
  const clips = track === 'music' ? musicOf(doc) : narrationOf(doc);
  const volume = extra.volume ?? 1;
  clips.push(makeClip({ id: `${track}-${clips.length + 1}`, assetId: asset.id, start, duration, gainDb: gainToDb(volume), muted: volume <= 0, duck: track === 'music' ? (extra.duck ?? true) : false }));
}
