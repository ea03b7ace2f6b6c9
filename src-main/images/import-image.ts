/**
 * Own images: JPEG, PNG or WebP copied into the project (EXIF rotation applied, stored by content hash
 * so the same picture is stored once), optionally set as a scene's image and put on the timeline.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '../core.js';
import { appError, toAppError } from '../errors.js';
import { storeAssetBuffer } from '../project/assets.js';
import type { Asset, ProjectDocument } from '../project/document.js';
import { decodeImage, uprightImage } from './decode.js';
import { placeSceneImage } from './timeline-place.js';

const MAX_IMPORT_BYTES = 80 * 1024 * 1024;

export async function importImage(core: Core, input: { projectId: string; file: string; sceneId?: string | undefined }): Promise<{ asset: Asset; document: ProjectDocument }> {
  const file = path.resolve(input.file);
  const name = path.basename(file);
  let data: Buffer;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) throw appError('invalid_input', 'import.notAFile', { name });
    if (stat.size > MAX_IMPORT_BYTES) throw appError('invalid_input', 'import.imageTooLarge', { name });
    data = fs.readFileSync(file);
  } catch (error) {
    throw toAppError(error);
  }
  const image = await uprightImage(await decodeImage(data, name));
  const dir = core.projects.dirOf(input.projectId);
  const asset = await storeAssetBuffer(dir, image.data, image.ext, { kind: 'image', source: 'import', mime: image.mime, width: image.width, height: image.height, originalName: name });
  const document = core.projects.update(
    input.projectId,
    (doc) => {
      if (input.sceneId && !doc.scenes.some((s) => s.id === input.sceneId)) throw appError('not_found', 'project.noSuchScene', { name: doc.name });
      const withAsset = { ...doc, assets: { ...doc.assets, [asset.id]: { ...asset, ...(doc.assets[asset.id]?.originalName ? { originalName: doc.assets[asset.id]!.originalName } : {}) } } };
      return input.sceneId ? placeSceneImage(withAsset, input.sceneId, withAsset.assets[asset.id]!) : withAsset;
    },
    'saved',
  );
  return { asset: document.assets[asset.id]!, document };
}
