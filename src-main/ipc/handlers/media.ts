import path from 'node:path';
import type { Core } from '../../core.js';
import { appError } from '../../errors.js';
import { formatSrt } from '../../media/captions/srt.js';
import { startImport } from '../../media/import/import-job.js';
import { removeUnusedAssets } from '../../media/import/remove-unused.js';
import { appendUpload, beginUpload } from '../../media/import/uploads.js';
import { videoStrip } from '../../media/import/video-strip.js';
import { assetPath } from '../../project/assets.js';
import { folderNameFor } from '../../project/project-service.js';
import type { mediaCalls } from '../contract/media.js';
import type { HandlersFor } from '../handle.js';

export function mediaHandlers(core: Core): HandlersFor<keyof typeof mediaCalls> {
  return {
    'media.import': ({ projectId, files, uploads, place }) => ({ job: startImport(core, { projectId, files, uploads, place }) }),
    'media.uploadBegin': ({ name, bytes }) => beginUpload(core.paths.cache, name, bytes),
    'media.uploadChunk': ({ uploadId, offset, dataBase64 }) => appendUpload(core.paths.cache, uploadId, offset, Buffer.from(dataBase64, 'base64')),
    'media.strip': async ({ projectId, assetId }, ctx) => {
      const { document } = core.projects.open(projectId);
      const asset = Object.hasOwn(document.assets, assetId) ? document.assets[assetId]! : null;
      if (!asset) throw appError('not_found', 'project.noSuchMedia', { name: document.name });
      if (asset.kind !== 'video') throw appError('invalid_input', 'media.notAVideo', { name: asset.originalName ?? path.basename(asset.file) });
      const dir = core.projects.dirOf(projectId);
      return videoStrip(assetPath(dir, asset), asset, core.paths.cache, asset.originalName ?? path.basename(asset.file), ctx.signal);
    },
    'media.removeUnused': ({ projectId, assetIds }) => removeUnusedAssets(core, projectId, assetIds),
    'captions.exportSrt': ({ projectId }) => {
      const { document } = core.projects.open(projectId);
      const cues = document.tracks.captions.cues;
      if (cues.length === 0) throw appError('invalid_input', 'project.noCaptions', { name: document.name });
      return { srt: formatSrt(cues), cues: cues.length, fileName: `${folderNameFor(document.name, () => false)}.srt` };
    },
  };
}
