/**
 * Generating one scene or all: resolve every request, estimate the cost (cache hits are free), refuse
 * past the cap in Settings, then enqueue one `scene.image` job per scene, references first so a batch
 * keeps one look. Used by the IPC handlers and the CLI alike.
 */
import type { Core } from '../core.js';
import { encodeMessage } from '../messages.js';
import { appError } from '../errors.js';
import type { Job } from '../ipc/contract/jobs.js';
import { readProjectFile } from '../project/project-file.js';
import { assertWithinCap, estimateCost, type CostEstimate } from './cost.js';
import { SCENE_IMAGE_KIND, type SceneImagePayload } from './generate-job.js';
import { imagesRuntime } from './runtime.js';
import { resolveSceneRequest, type SceneRequest } from './scene-request.js';

export interface BatchPlan {
  requests: { request: SceneRequest; cached: boolean }[];
  estimate: CostEstimate;
}

export function planBatch(core: Core, projectId: string, sceneIds?: string[]): BatchPlan {
  const doc = readProjectFile(core.projects.dirOf(projectId));
  const wanted = sceneIds ?? doc.scenes.map((s) => s.id);
  if (wanted.length === 0) throw appError('invalid_input', 'images.noScenes', { name: doc.name });
  const { cache } = imagesRuntime(core);
  const defaultModel = core.settings.get().defaultImageModel;
  const requests = wanted.map((id) => {
    const scene = doc.scenes.find((s) => s.id === id);
    if (!scene) throw appError('not_found', 'project.noSuchScene', { name: doc.name });
    const request = resolveSceneRequest(doc, scene, defaultModel);
    return { request, cached: request.waitingForSceneId === null && cache.get(request.cacheKey) !== null };
  });
  return { requests, estimate: estimateCost(requests, core.settings.get().creditCap) };
}

/** Scenes that others use as reference go first. */
function referenceOrder(requests: SceneRequest[]): SceneRequest[] {
  const referenced = new Set(requests.map((r) => r.waitingForSceneId).filter((id): id is string => id !== null));
  return [...requests].sort((a, b) => Number(referenced.has(b.sceneId)) - Number(referenced.has(a.sceneId)) || a.index - b.index);
}

/**
 * Jobs of this project still queued or running (or left running by a crash), by scene: asking again
 * joins them instead of paying for a second task.
 */
function activeJobsByScene(core: Core, projectId: string): Map<string, Job> {
  const active = new Map<string, Job>();
  for (const job of core.jobs.list({ projectId, states: ['queued', 'running'], limit: 1000 })) {
    if (job.kind !== SCENE_IMAGE_KIND) continue;
    const sceneId = (core.jobs.rows.get(job.id)?.payload as SceneImagePayload | undefined)?.sceneId;
    if (sceneId) active.set(sceneId, job);
  }
  return active;
}

export function generateScenes(core: Core, projectId: string, sceneIds?: string[]): { jobs: Job[]; estimate: CostEstimate } {
  const plan = planBatch(core, projectId, sceneIds);
  assertWithinCap(plan.estimate);
  const active = activeJobsByScene(core, projectId);
  const jobs = referenceOrder(plan.requests.map((r) => r.request)).map(
    (request) =>
      active.get(request.sceneId) ??
      core.jobs.enqueue(SCENE_IMAGE_KIND, { projectId, sceneId: request.sceneId } satisfies SceneImagePayload, { projectId, title: encodeMessage({ key: 'job.sceneImage', values: { scene: request.index + 1 } }) }),
  );
  return { jobs, estimate: plan.estimate };
}
