import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { exportProject } from '../../src-main/media/export/export-project.js';
import { kenBurnsRect } from '../../src-main/media/kenburns/path.js';
import { jitterRms, trackBlob } from '../../src-main/media/kenburns/jitter.js';
import { storeAssetBuffer } from '../../src-main/project/assets.js';
import { createEmptyDocument } from '../../src-main/project/document.js';
import { tempDirsForThisFile } from '../helpers/temp-core.js';
import { grayFrames } from './decode.js';
import { imageClip } from './fixtures.js';
import { imagesOf } from '../helpers/tracks.js';

const freshDir = tempDirsForThisFile('whatif-kb-');

/** A dark image with one soft bright blob at (bx, by). */
async function blobImage(w: number, h: number, bx: number, by: number): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><defs><radialGradient id="b"><stop offset="0" stop-color="#fff"/><stop offset="0.5" stop-color="#fff" stop-opacity="0.5"/><stop offset="1" stop-color="#fff" stop-opacity="0"/></radialGradient></defs><rect width="100%" height="100%" fill="#101010"/><circle cx="${bx}" cy="${by}" r="30" fill="url(#b)"/></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

describe('Ken Burns motion', () => {
  it('follows the eased path with sub-pixel precision (jitter well under 0.1 px)', async () => {
    const dir = freshDir();
    const image = { width: 1080, height: 1920 };
    const blob = { x: 640, y: 820 };
    const asset = await storeAssetBuffer(dir, await blobImage(image.width, image.height, blob.x, blob.y), 'png', { kind: 'image', ...image, source: 'generated' });
    const doc = createEmptyDocument({ id: 'kb', name: 'kb', now: new Date(0).toISOString() });
    doc.output = { preset: '9:16', width: 360, height: 640, fps: 30, quality: 'high' };
    doc.assets[asset.id] = asset;
    const clip = imageClip('slow', asset.id, 0, 3, { kenBurns: { from: { zoom: 1, x: 0.5, y: 0.5 }, to: { zoom: 1.08, x: 0.53, y: 0.48 }, easing: 'easeInOut' } });
    imagesOf(doc).push(clip);
    const out = path.join(dir, 'kb.mp4');
    await exportProject({ projectDir: dir, doc, output: doc.output, destination: out });
    const frames = await grayFrames(out, 360, 640);
    expect(frames.length).toBe(90);
    const ideal = frames.map((_, n) => {
      const r = kenBurnsRect(clip.kenBurns, image, { width: 360, height: 640 }, n / 30, 3);
      return { x: ((blob.x - r.x) * 360) / r.w - 0.5, y: ((blob.y - r.y) * 640) / r.h - 0.5 };
    });
    const measured = trackBlob(frames, 360, 640, ideal);
    // The blob really moves (several px), and follows the path.
    expect(Math.abs(measured[89]!.x - measured[0]!.x)).toBeGreaterThan(5);
    const jitter = jitterRms(measured, ideal);
    expect(jitter).toBeLessThan(0.1);
  }, 60_000);
});
