/**
 * What "Animate" asks KIE for one scene, resolved from the document and the user's choices (pure):
 * the video model, a length and resolution the model makes, the motion prompt, the still to animate
 * (the scene's image) and, where the model takes two images and the user asked for it, the next
 * scene's image as the last frame. Plus the credits it costs and what the user must be told.
 */
import crypto from 'node:crypto';
import { appError } from '../errors.js';
import type { AspectPreset, ProjectDocument } from '../project/document.js';
import { defaultResolution, kieVideoModel, videoCredits, type KieVideoModel } from '../providers/kie/video-models.js';

export interface AnimateOptions {
  model: string;
  duration: number;
  resolution?: string | null | undefined;
  /** The motion (what moves, how the camera goes); empty = a gentle default from the scene prompt. */
  prompt?: string | undefined;
  /** Use the next scene's image as the last frame (models that take two images). */
  lastFrame?: boolean | undefined;
}

export interface AnimateRequest {
  sceneId: string;
  index: number;
  model: KieVideoModel;
  duration: number;
  resolution: string | null;
  prompt: string;
  negativePrompt: string;
  aspect: AspectPreset;
  /** The still (asset id) that becomes the first frame. */
  imageAssetId: string;
  lastFrameAssetId: string | null;
  credits: number;
  /** sha256 over every input that changes the clip: a checkpointed task is reused only for the same request. */
  key: string;
  warnings: string[];
}

export const DEFAULT_MOTION = 'Subtle natural motion, slow cinematic camera push-in.';

/** Checks a model / length / resolution choice before any scene is looked at. */
export function resolveVideoChoice(options: AnimateOptions): { model: KieVideoModel; duration: number; resolution: string | null; credits: number } {
  const model = kieVideoModel(options.model);
  if (!model) throw appError('invalid_input', 'animate.unknownModel', { model: options.model });
  if (!model.durations.includes(options.duration)) {
    const [last, ...before] = [...model.durations].reverse();
    const values = { duration: options.duration, label: model.label, last: last ?? 0 };
    throw before.length ? appError('invalid_input', 'animate.durations', { ...values, some: before.reverse().join(', ') }) : appError('invalid_input', 'animate.durationOnly', values);
  }
  const resolution = model.resolutions.length ? (options.resolution ?? defaultResolution(model)) : null;
  if (resolution !== null && !model.resolutions.includes(resolution)) {
    throw appError('invalid_input', 'animate.resolutions', { label: model.label, resolution, resolutions: model.resolutions.join(', ') });
  }
  const credits = videoCredits(model, options.duration, resolution);
  if (credits === null) throw appError('invalid_input', 'animate.durationAtResolution', { duration: options.duration, label: model.label, resolution: String(resolution) });
  return { model, duration: options.duration, resolution, credits };
}

export function resolveAnimateRequest(doc: ProjectDocument, sceneId: string, options: AnimateOptions): AnimateRequest {
  const index = doc.scenes.findIndex((s) => s.id === sceneId);
  if (index < 0) throw appError('not_found', 'project.noSuchScene', { name: doc.name });
  const scene = doc.scenes[index]!;
  const label = `Scene ${index + 1}`;
  const choice = resolveVideoChoice(options);
  if (!scene.imageAssetId || !Object.hasOwn(doc.assets, scene.imageAssetId)) {
    throw appError('invalid_input', 'animate.noImage', { scene: index + 1 });
  }
  const warnings: string[] = [];
  let lastFrameAssetId: string | null = null;
  if (options.lastFrame) {
    const next = doc.scenes[index + 1];
    if (!choice.model.lastFrame) warnings.push(`${label}: ${choice.model.label} takes one image only; the last frame is not sent.`);
    else if (!next?.imageAssetId || !Object.hasOwn(doc.assets, next.imageAssetId)) warnings.push(`${label}: there is no next scene image to end on; the clip starts from the still only.`);
    else lastFrameAssetId = next.imageAssetId;
  }
  const negativePrompt = (scene.negativePrompt || doc.style.negativePrompt).trim();
  if (negativePrompt && !choice.model.negativePrompt) warnings.push(`${label}: ${choice.model.label} has no negative prompt; "${negativePrompt.slice(0, 60)}" is not sent.`);
  const prompt = options.prompt?.trim() || `${scene.prompt.trim() ? `${scene.prompt.trim()}. ` : ''}${DEFAULT_MOTION}`;
  const key = crypto
    .createHash('sha256')
    .update(JSON.stringify([choice.model.id, choice.duration, choice.resolution, prompt, negativePrompt, doc.output.preset, scene.imageAssetId, lastFrameAssetId]))
    .digest('hex');
  return {
    sceneId,
    index,
    model: choice.model,
    duration: choice.duration,
    resolution: choice.resolution,
    prompt,
    negativePrompt,
    aspect: doc.output.preset,
    imageAssetId: scene.imageAssetId,
    lastFrameAssetId,
    credits: choice.credits,
    key,
    warnings,
  };
}

export interface AnimationEstimate {
  clips: number;
  model: string;
  label: string;
  duration: number;
  resolution: string | null;
  creditsPerClip: number;
  totalCredits: number;
  cap: number;
  withinCap: boolean;
  tableDate: string;
  /** Scenes left out (no image yet), by what the user sees. */
  skipped: string[];
  warnings: string[];
}

/** The estimate shown before "Animate all" (pure): one model and length for the whole batch. */
export function estimateAnimation(requests: AnimateRequest[], choice: ReturnType<typeof resolveVideoChoice>, cap: number, tableDate: string, skipped: string[]): AnimationEstimate {
  const totalCredits = requests.reduce((t, r) => t + r.credits, 0);
  return {
    clips: requests.length,
    model: choice.model.id,
    label: choice.model.label,
    duration: choice.duration,
    resolution: choice.resolution,
    creditsPerClip: choice.credits,
    totalCredits,
    cap,
    withinCap: totalCredits <= cap,
    tableDate,
    skipped,
    warnings: requests.flatMap((r) => r.warnings),
  };
}

export function assertAnimationWithinCap(estimate: AnimationEstimate): void {
  if (estimate.withinCap) return;
  throw appError('invalid_input', 'animate.overCap', { cap: estimate.cap, clips: estimate.clips, duration: estimate.duration, label: estimate.label, totalCredits: estimate.totalCredits });
}
