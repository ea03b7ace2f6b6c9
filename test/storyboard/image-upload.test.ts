import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import type { ProjectDocument } from '../../src-main/project/document.js';
import { call, makeTestCore } from '../helpers/temp-core.js';
import { imagesOf } from '../helpers/tracks.js';

const cores: ReturnType<typeof makeTestCore>[] = [];
afterEach(async () => {
  for (const core of cores.splice(0)) await core.cleanup();
});

async function projectWithScene() {
  const core = makeTestCore();
  cores.push(core);
  const summary = await call<{ id: string; dir: string }>(core, 'project.create', { name: 'Upload test' });
  const { document } = await call<{ document: ProjectDocument }>(core, 'project.open', { id: summary.id });
  const scene = { id: 'scene-1', prompt: 'a lighthouse', negativePrompt: '', model: 'flux-kontext-pro', imageAssetId: null, duration: 3 };
  await call(core, 'project.save', { id: summary.id, document: { ...document, scenes: [scene] } });
  return { core, summary };
}

describe('images.importData (bytes from a drop or a file picker)', () => {
  it('stores a PNG sent as base64 as the scene image and places it on the timeline', async () => {
    const { core, summary } = await projectWithScene();
    const png = await sharp({ create: { width: 90, height: 160, channels: 3, background: '#3366cc' } }).png().toBuffer();
    const result = await call<{ asset: { id: string; file: string; width: number; originalName: string }; document: ProjectDocument }>(core, 'images.importData', {
      projectId: summary.id,
      sceneId: 'scene-1',
      name: 'mi faro.png',
      dataBase64: png.toString('base64'),
    });
    expect(result.asset.width).toBe(90);
    expect(result.asset.originalName).toBe('mi faro.png');
    expect(fs.existsSync(path.join(summary.dir, result.asset.file))).toBe(true);
    const { document } = await call<{ document: ProjectDocument }>(core, 'project.open', { id: summary.id });
    expect(document.scenes[0]!.imageAssetId).toBe(result.asset.id);
    expect(imagesOf(document).map((c) => c.assetId)).toEqual([result.asset.id]);
    // Nothing left behind in the upload area.
    expect(fs.readdirSync(path.join(core.paths.cache, 'uploads'))).toEqual([]);
  });

  it('refuses a corrupt file and a text file with a message naming the file, and changes nothing', async () => {
    const { core, summary } = await projectWithScene();
    for (const [name, bytes] of [
      ['broken.png', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(40, 7)])],
      ['notes.txt', Buffer.from('not a picture at all')],
    ] as const) {
      const result = await core.dispatch('images.importData', { projectId: summary.id, sceneId: 'scene-1', name, dataBase64: bytes.toString('base64') });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.message).toContain(name);
    }
    const { document } = await call<{ document: ProjectDocument }>(core, 'project.open', { id: summary.id });
    expect(document.scenes[0]!.imageAssetId).toBeNull();
    expect(Object.keys(document.assets)).toEqual([]);
  });
});
