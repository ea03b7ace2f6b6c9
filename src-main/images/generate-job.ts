/**
 * The `scene.image` job: one scene's picture from KIE. Cache first (no call, no cost); otherwise the
 * task id is checkpointed BEFORE polling, so a failed poll, a retry or an app restart polls the same
 * task and never pays twice. The result is downloaded at once, decoded, stored by content hash in the
 * project and the cache, and the scene and its timeline clip are updated through core.projects.update.
 */
import fs from 'node:fs';
import { z } from 'zod';
import type { Core } from '../core.js';
import { appError, nestedValues, toAppError } from '../errors.js';
import { encodeMessage } from '../messages.js';
import { keyTestFailure, keyTestResult } from '../secrets/key-test.js';
import { storeAssetBuffer, storeAssetFile, assetPath } from '../project/assets.js';
import type { Asset, ProjectDocument } from '../project/document.js';
import { readProjectFile } from '../project/project-file.js';
import { sleep } from '../providers/kie/rate-gate.js';
import type { JobRunContext } from '../jobs/types.js';
import { decodeImage, imageLooksComplete, uprightImage } from './decode.js';
import { imagesRuntime } from './runtime.js';
import { resolveSceneRequest, sceneNumber, type SceneRequest } from './scene-request.js';
import { placeSceneImage } from './timeline-place.js';

export const SCENE_IMAGE_KIND = 'scene.image';
export const SceneImagePayload = z.object({ projectId: z.string().min(1), sceneId: z.string().min(1) }).strict();
export type SceneImagePayload = z.infer<typeof SceneImagePayload>;

export interface SceneImageResult {
  sceneId: string;
  assetId: string;
  width: number;
  height: number;
  cached: boolean;
  taskId: string | null;
  warnings: string[];
}

interface Saved {
  taskId?: string | null;
  /** Failed downloads of this task's result: the first keeps the task (a retry downloads again). */
  downloadFailures?: number;
  key?: string;
  startedAt?: number;
  referenceUrl?: string;
  referenceFor?: string;
}

function loadRequest(core: Core, payload: SceneImagePayload): { dir: string; doc: ProjectDocument; request: SceneRequest } {
  const dir = core.projects.dirOf(payload.projectId);
  const doc = readProjectFile(dir);
  const scene = doc.scenes.find((s) => s.id === payload.sceneId);
  if (!scene) throw appError('not_found', 'images.sceneDeleted', { name: doc.name });
  return { dir, doc, request: resolveSceneRequest(doc, scene, core.settings.get().defaultImageModel) };
}

/** Whether a job for `sceneId` of this project is still queued or running. */
function sceneJobActive(core: Core, projectId: string, sceneId: string): boolean {
  return core.jobs
    .list({ projectId, states: ['queued', 'running'] })
    .some((job) => job.kind === SCENE_IMAGE_KIND && (core.jobs.rows.get(job.id)?.payload as SceneImagePayload | undefined)?.sceneId === sceneId);
}

/** A scene that takes its look from another scene waits for that scene's image (same batch). */
async function waitForReference(core: Core, payload: SceneImagePayload, ctx: JobRunContext): Promise<ReturnType<typeof loadRequest>> {
  const { client } = imagesRuntime(core);
  const deadline = Date.now() + client.timings.pollTimeoutMs;
  for (;;) {
    const loaded = loadRequest(core, payload);
    const waitingFor = loaded.request.waitingForSceneId;
    if (!waitingFor) return loaded;
    const values = { scene: sceneNumber(loaded.doc, payload.sceneId), reference: sceneNumber(loaded.doc, waitingFor) };
    if (!sceneJobActive(core, payload.projectId, waitingFor) || Date.now() > deadline) throw appError('invalid_input', 'images.referenceHasNoImage', values);
    ctx.progress(1, encodeMessage({ key: 'images.progress.waiting', values }));
    await sleep(client.timings.pollInitialMs, ctx.signal);
  }
}

function storeResult(core: Core, payload: SceneImagePayload, asset: Asset): void {
  core.projects.update(payload.projectId, (doc) => placeSceneImage(doc, payload.sceneId, asset));
}

export async function runSceneImage(core: Core, payload: SceneImagePayload, ctx: JobRunContext): Promise<SceneImageResult> {
  const { client, cache } = imagesRuntime(core);
  const { dir, doc, request } = await waitForReference(core, payload, ctx);
  const scene = { scene: sceneNumber(doc, payload.sceneId) };

  const hit = cache.get(request.cacheKey);
  if (hit) {
    const asset = await storeAssetFile(dir, hit.file, hit.ext, { kind: 'image', source: 'kie', mime: hit.mime, width: hit.width, height: hit.height });
    storeResult(core, payload, asset);
    return { sceneId: payload.sceneId, assetId: asset.id, width: hit.width, height: hit.height, cached: true, taskId: null, warnings: request.warnings };
  }

  const saved = (ctx.saved ?? {}) as Saved;
  let taskId = saved.taskId && saved.key === request.cacheKey ? saved.taskId : null;
  const resumed = taskId !== null;
  let startedAt = saved.startedAt ?? Date.now();
  if (!taskId) {
    let referenceUrl: string | undefined;
    if (request.referenceAssetId) {
      if (saved.referenceUrl && saved.referenceFor === request.referenceAssetId) referenceUrl = saved.referenceUrl;
      else {
        const refAsset = doc.assets[request.referenceAssetId]!;
        const data = await fs.promises.readFile(assetPath(dir, refAsset));
        ctx.progress(3, encodeMessage({ key: 'images.progress.uploading', values: scene }));
        referenceUrl = await client.uploadImage(data, refAsset.file.replace(/^assets\//, ''), refAsset.mime, ctx.signal);
        ctx.checkpoint({ referenceUrl, referenceFor: request.referenceAssetId });
      }
    }
    ctx.progress(5, encodeMessage({ key: 'images.progress.starting', values: { ...scene, model: request.model.label } }));
    taskId = await client.createTask(request.model, { prompt: request.prompt, negativePrompt: request.negativePrompt, aspect: request.aspect, seed: request.seed, referenceUrl }, ctx.signal, { scene: request.index + 1 });
    startedAt = Date.now();
    ctx.checkpoint({ taskId, key: request.cacheKey, startedAt });
  }

  let stage: 'poll' | 'download' | 'store' = 'poll';
  try {
    ctx.progress(10, encodeMessage({ key: 'images.progress.drawing', values: scene }));
    const urls = await client.waitForResult(request.model, taskId, {
      signal: ctx.signal,
      startedAt,
      immediate: resumed,
      onPoll: (polls) => ctx.progress(Math.min(85, 10 + polls * 8), encodeMessage({ key: 'images.progress.drawingCheck', values: { ...scene, polls } })),
    });
    ctx.progress(90, encodeMessage({ key: 'images.progress.downloading', values: scene }));
    stage = 'download';
    const data = await client.download(urls[0]!, ctx.signal, imageLooksComplete);
    stage = 'store';
    // Upright as every viewer shows it: the export, the preview and thumbnails then agree.
    const image = await uprightImage(await decodeImage(data, { key: 'images.kieResult', values: scene }));
    cache.put(request.cacheKey, image, request.model.id, taskId);
    const asset = await storeAssetBuffer(dir, image.data, image.ext, { kind: 'image', source: 'kie', mime: image.mime, width: image.width, height: image.height });
    storeResult(core, payload, asset);
    ctx.checkpoint({ taskId: null, downloadFailures: 0 });
    return { sceneId: payload.sceneId, assetId: asset.id, width: image.width, height: image.height, cached: false, taskId, warnings: request.warnings };
  } catch (thrown) {
    const error = toAppError(thrown);
    if (error.code === 'cancelled') throw error;
    if (stage === 'download') {
      // The task is made and paid: the next attempt (or Retry) polls it again for a fresh link and
      // downloads again. Only a second failed download gives the task up, so the next Retry pays.
      const failures = (((ctx.saved ?? {}) as Saved).downloadFailures ?? 0) + 1;
      if (failures < 2) {
        ctx.checkpoint({ downloadFailures: failures });
        throw error;
      }
      ctx.checkpoint({ taskId: null, downloadFailures: 0 });
      throw appError('provider_error', 'images.failedTwice', { ...scene, ...nestedValues('message', error) });
    }
    // A final failure of this task (failed, stuck or not an image): a manual Retry starts a new one.
    if (!error.retryable) ctx.checkpoint({ taskId: null, downloadFailures: 0 });
    throw error;
  }
}

function projectScene(core: Core, payload: SceneImagePayload): number {
  try {
    return sceneNumber(readProjectFile(core.projects.dirOf(payload.projectId)), payload.sceneId);
  } catch {
    return 0;
  }
}

/** Registers the kind and the KIE key tester on a core (see jobs/register-kinds.ts). */
export function registerImageKinds(core: Core): void {
  core.jobs.register<SceneImagePayload, SceneImageResult>({
    kind: SCENE_IMAGE_KIND,
    payload: SceneImagePayload,
    // KIE's own limits bound the work (the client's rate gate); 20 matches one 10 s window of creates.
    concurrency: 20,
    resumable: true,
    // A job queued without a title (batch.ts gives one) is named by the scene's number, never its id.
    title: (p) => {
      const scene = projectScene(core, p);
      return encodeMessage(scene > 0 ? { key: 'job.sceneImage', values: { scene } } : { key: 'images.sceneImageJob' });
    },
    run: (payload, ctx) => runSceneImage(core, payload, ctx),
  });
  core.secretTesters.kie = async () => {
    try {
      const credits = await imagesRuntime(core).client.credits();
      return keyTestResult(true, 'keys.kieWorks', { credits });
    } catch (error) {
      return keyTestFailure(error);
    }
  };
}
