/**
 * "Animate" for one scene and "Animate all": resolve every request, estimate the cost from the dated
 * video table, refuse past the cap in Settings, then enqueue one `scene.video` job per scene (a scene
 * already being animated joins its job instead of paying twice). The KIE balance is read for the
 * estimate when a key is set. Used by the IPC handlers and the CLI alike.
 */
import type { Core } from '../core.js';
import { encodeMessage } from '../messages.js';
import { appError, type ErrorValues, toAppError } from '../errors.js';
import type { Job } from '../ipc/contract/jobs.js';
import { imagesRuntime } from '../images/runtime.js';
import { readProjectFile } from '../project/project-file.js';
import { VIDEO_TABLE_DATE } from '../providers/kie/video-models.js';
import { assertAnimationWithinCap, estimateAnimation, resolveAnimateRequest, resolveVideoChoice, type AnimateOptions, type AnimateRequest, type AnimationEstimate } from './animate-request.js';
import { SCENE_VIDEO_KIND, type SceneVideoPayload } from './animate-job.js';
import { animationRuntime } from './runtime.js';

export interface AnimationPlan {
  requests: AnimateRequest[];
  estimate: AnimationEstimate;
}

export interface AnimateInput extends AnimateOptions {
  projectId: string;
  /** One or more scenes; omitted = every scene that has an image. */
  sceneIds?: string[] | undefined;
}

export function planAnimation(core: Core, input: AnimateInput): AnimationPlan {
  const doc = readProjectFile(core.projects.dirOf(input.projectId));
  const choice = resolveVideoChoice(input);
  if (doc.scenes.length === 0) throw appError('invalid_input', 'animate.noScenes', { name: doc.name });
  const all = input.sceneIds === undefined;
  const wanted = input.sceneIds ?? doc.scenes.map((s) => s.id);
  const requests: AnimateRequest[] = [];
  const skipped: string[] = [];
  for (const id of wanted) {
    const index = doc.scenes.findIndex((s) => s.id === id);
    if (index < 0) throw appError('not_found', 'project.noSuchScene', { name: doc.name });
    if (all && !doc.scenes[index]!.imageAssetId) {
      skipped.push(`scene ${index + 1}`);
      continue;
    }
    requests.push(resolveAnimateRequest(doc, id, input));
  }
  if (requests.length === 0) throw appError('invalid_input', 'animate.noImages', { name: doc.name });
  return { requests, estimate: estimateAnimation(requests, choice, core.settings.get().creditCap, VIDEO_TABLE_DATE, skipped) };
}

/** The KIE balance for an estimate: null (with why) when there is no key or KIE cannot be reached. */
export async function readBalance(core: Core, signal?: AbortSignal): Promise<{ credits: number | null; message: string | null; key?: string; values?: ErrorValues }> {
  try {
    return { credits: await imagesRuntime(core).client.credits(signal), message: null };
  } catch (error) {
    const e = toAppError(error);
    return { credits: null, message: e.message, ...(e.key ? { key: e.key, ...(e.values ? { values: e.values } : {}) } : {}) };
  }
}

function activeJobsByScene(core: Core, projectId: string): Map<string, Job> {
  const active = new Map<string, Job>();
  for (const job of core.jobs.list({ projectId, states: ['queued', 'running'], limit: 1000 })) {
    if (job.kind !== SCENE_VIDEO_KIND) continue;
    const sceneId = (core.jobs.rows.get(job.id)?.payload as SceneVideoPayload | undefined)?.sceneId;
    if (sceneId) active.set(sceneId, job);
  }
  return active;
}

export function animateScenes(core: Core, input: AnimateInput): { jobs: Job[]; sceneIds: string[]; estimate: AnimationEstimate } {
  const plan = planAnimation(core, input);
  assertAnimationWithinCap(plan.estimate);
  // The user asked again: a stop after "no credits" lifts (the first create will tell if it is still so).
  animationRuntime(core).reset();
  const active = activeJobsByScene(core, input.projectId);
  const jobs = plan.requests.map((request) => {
    const joined = active.get(request.sceneId);
    if (joined) return joined;
    const payload: SceneVideoPayload = {
      projectId: input.projectId,
      sceneId: request.sceneId,
      model: request.model.id,
      duration: request.duration,
      resolution: request.resolution,
      prompt: input.prompt?.trim() ?? '',
      lastFrame: Boolean(input.lastFrame),
    };
    return core.jobs.enqueue(SCENE_VIDEO_KIND, payload, { projectId: input.projectId, title: encodeMessage({ key: 'animate.title', values: { scene: request.index + 1, model: request.model.label, duration: request.duration } }) });
  });
  return { jobs, sceneIds: plan.requests.map((r) => r.sceneId), estimate: plan.estimate };
}
