import type { Core } from '../../core.js';
import { generateScenes, planBatch } from '../../images/batch.js';
import { importImage } from '../../images/import-image.js';
import { CREDITS_TABLE_DATE, KIE_MODELS } from '../../providers/kie/models.js';
import type { imageCalls } from '../contract/images.js';
import type { HandlersFor } from '../handle.js';
import { pageFile } from '../../files/page-paths.js';

export function imageHandlers(core: Core): HandlersFor<keyof typeof imageCalls> {
  return {
    'images.models': () => ({
      models: Object.values(KIE_MODELS).map((m) => ({ id: m.id, label: m.label, creditsPerImage: m.creditsPerImage, negativePrompt: m.negativePrompt, reference: m.reference, maxReferences: m.maxReferences, framed: m.framed })),
      tableDate: CREDITS_TABLE_DATE,
    }),
    'scenes.estimate': ({ projectId, sceneIds }) => planBatch(core, projectId, sceneIds).estimate,
    'scenes.generate': ({ projectId, sceneIds }) => generateScenes(core, projectId, sceneIds),
    'images.import': (input) => importImage(core, { ...input, file: pageFile(core, 'file', input.file) }),
  };
}
