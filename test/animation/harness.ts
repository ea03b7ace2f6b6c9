/** Projects whose scenes already have images (as if generated), for the Animate tests. */
import sharp from 'sharp';
import type { Core } from '../../src-main/core.js';
import { placeSceneImage } from '../../src-main/images/timeline-place.js';
import { storeAssetBuffer } from '../../src-main/project/assets.js';
import { readProjectFile } from '../../src-main/project/project-file.js';
import type { ProjectDocument } from '../../src-main/project/document.js';
import { createProjectWith, makeScenes } from '../images/harness.js';

export async function projectWithImages(core: Core, prompts: string[], options: { withoutImage?: number[] } = {}): Promise<string> {
  const projectId = createProjectWith(core, makeScenes(prompts), 'Animate');
  const dir = core.projects.dirOf(projectId);
  const doc = readProjectFile(dir);
  for (const [i, scene] of doc.scenes.entries()) {
    if (options.withoutImage?.includes(i)) continue;
    const png = await sharp({ create: { width: 288, height: 512, channels: 3, background: { r: 20 * i, g: 100, b: 200 - 10 * i } } }).png().toBuffer();
    const asset = await storeAssetBuffer(dir, png, 'png', { kind: 'image', source: 'kie', mime: 'image/png', width: 288, height: 512 });
    core.projects.update(projectId, (d) => placeSceneImage(d, scene.id, asset));
  }
  return projectId;
}

export function mainClipOf(doc: ProjectDocument, sceneId: string) {
  const main = doc.tracks.media.find((t) => t.role === 'main')!;
  return main.clips.find((c) => c.sceneId === sceneId)!;
}

export async function until(check: () => boolean, what: string, tries = 2000): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}
