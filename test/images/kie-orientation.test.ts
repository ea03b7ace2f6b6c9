/** A KIE result stored sideways with EXIF orientation 6 lands in the project upright. */
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { generateScenes } from '../../src-main/images/batch.js';
import { readProjectFile } from '../../src-main/project/project-file.js';
import { createProjectWith, makeRig, makeScenes, type Rig } from './harness.js';

let rig: Rig | undefined;
afterEach(async () => {
  await rig?.cleanup();
  rig = undefined;
});

describe('KIE results', () => {
  it('an EXIF-rotated JPEG result is stored upright, with the size every viewer shows', async () => {
    rig = await makeRig();
    const { core } = rig;
    const [scene] = makeScenes(['A lighthouse [fault:exif6]']);
    const projectId = createProjectWith(core, [scene!]);
    core.jobs.start();
    const [job] = generateScenes(core, projectId).jobs;
    const done = await core.jobs.waitFor(job!.id);
    expect(done.state).toBe('done');
    const dir = core.projects.dirOf(projectId);
    const doc = readProjectFile(dir);
    const asset = doc.assets[doc.scenes[0]!.imageAssetId!]!;
    const stored = await sharp(path.join(dir, asset.file)).metadata();
    // 9:16 results are portrait: the sideways landscape file was turned upright before storing.
    expect(stored.height!).toBeGreaterThan(stored.width!);
    expect(stored.orientation ?? 1).toBe(1);
    expect([asset.width, asset.height]).toEqual([stored.width, stored.height]);
  }, 60_000);
});
