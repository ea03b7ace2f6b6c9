/**
 * What one scene asks KIE for, resolved from the document (pure): the model, the prompt with the
 * project's shared style, the negative prompt, the aspect of the output, the seed and the reference
 * image (another scene's image or an imported character), plus the cache key of all of it.
 */
import crypto from 'node:crypto';
import { AppError } from '../errors.js';
import type { AspectPreset, ProjectDocument, Scene } from '../project/document.js';
import { kieModel, requestWarnings, type KieModel } from '../providers/kie/models.js';

export interface SceneRequest {
  sceneId: string;
  index: number;
  model: KieModel;
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

export function sceneLabel(doc: Pick<ProjectDocument, 'scenes'>, sceneId: string): string {
  const index = doc.scenes.findIndex((s) => s.id === sceneId);
  return index >= 0 ? `scene ${index + 1}` : `scene ${sceneId}`;
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
  if (!model) throw new AppError('invalid_input', `Scene ${index + 1} uses the image model "${modelId}", which this version does not know.`);
  if (!scene.prompt.trim()) throw new AppError('invalid_input', `Scene ${index + 1} has no prompt. Write what the image should show.`);
  const style = doc.style.style.trim();
  const prompt = style ? `${scene.prompt.trim()}. ${style}` : scene.prompt.trim();
  const negativePrompt = (scene.negativePrompt || doc.style.negativePrompt).trim();
  let referenceAssetId: string | null = null;
  let waitingForSceneId: string | null = null;
  if (scene.referenceAssetId) {
    if (!doc.assets[scene.referenceAssetId]) throw new AppError('invalid_input', `Scene ${index + 1} uses a reference image that is no longer in the project.`);
    referenceAssetId = scene.referenceAssetId;
  } else if (scene.referenceSceneId) {
    const ref = doc.scenes.find((s) => s.id === scene.referenceSceneId);
    if (!ref) throw new AppError('invalid_input', `Scene ${index + 1} takes its look from a scene that was deleted.`);
    if (ref.id === scene.id) throw new AppError('invalid_input', `Scene ${index + 1} cannot be its own reference.`);
    if (ref.imageAssetId) referenceAssetId = ref.imageAssetId;
    else waitingForSceneId = ref.id;
  }
  const warnings = requestWarnings(model, { negativePrompt, hasReference: Boolean(referenceAssetId || waitingForSceneId) }).map((w) => `Scene ${index + 1}: ${w}`);
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
