/**
 * What one scene asks KIE for, resolved from the document (pure): the model, the prompt with the
 * project's shared style, the negative prompt, the aspect of the output, the seed and the reference
 * image (another scene's image or an imported character), plus the cache key of all of it.
 */
import crypto from 'node:crypto';
import { appError } from '../errors.js';
import type { AspectPreset, ProjectDocument, Scene } from '../project/document.js';
import { kieModel, requestWarnings, type KieImageModel } from '../providers/kie/models.js';

export interface SceneRequest {
  sceneId: string;
  index: number;
  model: KieImageModel;
  prompt: string;
  negativePrompt: string;
  aspect: AspectPreset;
  seed: number | undefined;
  /** Asset id (content hash) of the reference image, when it exists. */
  referenceAssetId: string | null;
  /** The scene whose image is the reference but has none yet (wait for it or fail). */
  waitingForSceneId: string | null;
  cacheKey: string;
  warnings: string[];
}

/** A scene's number as the storyboard shows it (from 1); 0 when the scene is gone. */
export function sceneNumber(doc: Pick<ProjectDocument, 'scenes'>, sceneId: string): number {
  return doc.scenes.findIndex((s) => s.id === sceneId) + 1;
}

/** sha256 over exactly the inputs that change the picture. */
export function imageCacheKey(parts: { model: string; prompt: string; negativePrompt: string; aspect: string; seed: number | undefined; reference: string | null }): string {
  const canonical = JSON.stringify([parts.model, parts.prompt, parts.negativePrompt, parts.aspect, parts.seed ?? null, parts.reference]);
  return crypto.createHash('sha256').update(canonical).digest('hex');
}

export function resolveSceneRequest(doc: ProjectDocument, scene: Scene, defaultModel: string): SceneRequest {
  const index = doc.scenes.findIndex((s) => s.id === scene.id);
  const modelId = scene.model || defaultModel;
  const model = kieModel(modelId);
  if (!model) throw appError('invalid_input', 'images.unknownModel', { model: modelId, scene: index + 1 });
  if (!scene.prompt.trim()) throw appError('invalid_input', 'images.noPrompt', { scene: index + 1 });
  const style = doc.style.style.trim();
  const prompt = style ? `${scene.prompt.trim()}. ${style}` : scene.prompt.trim();
  const negativePrompt = (scene.negativePrompt || doc.style.negativePrompt).trim();
  let referenceAssetId: string | null = null;
  let waitingForSceneId: string | null = null;
  if (scene.referenceAssetId) {
    if (!doc.assets[scene.referenceAssetId]) throw appError('invalid_input', 'images.referenceGone', { scene: index + 1 });
    referenceAssetId = scene.referenceAssetId;
  } else if (scene.referenceSceneId) {
    const ref = doc.scenes.find((s) => s.id === scene.referenceSceneId);
    if (!ref) throw appError('invalid_input', 'images.referenceSceneDeleted', { scene: index + 1 });
    if (ref.id === scene.id) throw appError('invalid_input', 'images.ownReference', { scene: index + 1 });
    if (ref.imageAssetId) referenceAssetId = ref.imageAssetId;
    else waitingForSceneId = ref.id;
  }
  const warnings = requestWarnings(model, { negativePrompt, hasReference: Boolean(referenceAssetId || waitingForSceneId), aspect: doc.output.preset }).map((w) => `Scene ${index + 1}: ${w}`);
  return {
    sceneId: scene.id,
    index,
    model,
    prompt,
    negativePrompt,
    aspect: doc.output.preset,
    seed: scene.seed,
    referenceAssetId,
    waitingForSceneId,
    cacheKey: imageCacheKey({ model: model.id, prompt, negativePrompt, aspect: doc.output.preset, seed: scene.seed, reference: referenceAssetId }),
    warnings,
  };
}
