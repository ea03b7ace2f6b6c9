/**
 * The `scene.video` job: one scene's still animated by a KIE image-to-video model. The still (and the
 * last frame, if any) is uploaded, the task is created and its id checkpointed BEFORE polling, so a
 * failed poll, a retry or an app restart polls the same task and never pays twice. Polling follows the
 * one KIE client (same rate gate as images, backoff, a clear timeout); the MP4 is downloaded at once,
 * checked with ffprobe, stored by content hash and placed on the main track in place of the still.
 * KIE's 402 (no credits) is never retried and stops the rest of the batch (runtime.ts).
 */
import fs from 'node:fs';
import { z } from 'zod';
import type { Core } from '../core.js';
import { appError, type AppError, nestedValues, sameError, toAppError } from '../errors.js';
import { encodeMessage } from '../messages.js';
import { imagesRuntime } from '../images/runtime.js';
import type { JobRunContext } from '../jobs/types.js';
import { assetPath, storeAssetBuffer } from '../project/assets.js';
import type { ProjectDocument } from '../project/document.js';
import { readProjectFile } from '../project/project-file.js';
import { resolveAnimateRequest, type AnimateRequest } from './animate-request.js';
import { placeSceneVideo } from './place-video.js';
import { animationRuntime } from './runtime.js';
import { checkVideo } from './video-file.js';

export const SCENE_VIDEO_KIND = 'scene.video';
export const SceneVideoPayload = z
  .object({
    projectId: z.string().min(1),
    sceneId: z.string().min(1),
    model: z.string().min(1),
    duration: z.number().positive(),
    resolution: z.string().nullable(),
    prompt: z.string().max(4000),
    lastFrame: z.boolean(),
  })
  .strict();
export type SceneVideoPayload = z.infer<typeof SceneVideoPayload>;

export interface SceneVideoResult {
  sceneId: string;
  assetId: string;
  duration: number;
  width: number;
  height: number;
  taskId: string;
  warnings: string[];
}

interface Saved {
  taskId?: string | null;
  key?: string;
  startedAt?: number;
  uploads?: Record<string, string>;
  downloadFailures?: number;
}

function load(core: Core, payload: SceneVideoPayload): { dir: string; doc: ProjectDocument; request: AnimateRequest; scene: number } {
  const dir = core.projects.dirOf(payload.projectId);
  const doc = readProjectFile(dir);
  if (!doc.scenes.some((s) => s.id === payload.sceneId)) throw appError('not_found', 'animate.sceneDeleted', { name: doc.name });
  const request = resolveAnimateRequest(doc, payload.sceneId, payload);
  return { dir, doc, request, scene: request.index + 1 };
}

/** Uploads a still once per job (its URL is checkpointed; KIE keeps uploads about three days). */
async function uploadOnce(core: Core, ctx: JobRunContext, dir: string, doc: ProjectDocument, assetId: string): Promise<string> {
  const saved = (ctx.saved ?? {}) as Saved;
  const known = saved.uploads?.[assetId];
  if (known) return known;
  const asset = doc.assets[assetId]!;
  const data = await fs.promises.readFile(assetPath(dir, asset));
  const url = await imagesRuntime(core).client.uploadImage(data, asset.file.replace(/^assets\//, ''), asset.mime, ctx.signal);
  ctx.checkpoint({ uploads: { ...(((ctx.saved ?? {}) as Saved).uploads ?? {}), [assetId]: url } });
  return url;
}

/** The download failure in the user's terms (the result host has no key: a 401/403 there is a dead link). */
export function downloadError(scene: number, error: AppError): AppError {
  const status = /HTTP (\d{3})/.exec(error.message)?.[1];
  const options = { retryable: error.retryable };
  if (status === '401' || status === '403' || status === '404' || status === '410') return appError('provider_error', 'animate.clipLinkGone', { scene, status }, options);
  // The client's own "could not be downloaded" wraps the reason: the reason is what is said here.
  const reason = error.key === 'kie.downloadFailed' && error.values ? error.values : nestedValues('message', error);
  return appError('provider_error', 'animate.clipDownloadFailed', { ...reason, scene }, options);
}

function minutes(ms: number): string {
  const s = Math.round(ms / 1000);
  return s >= 60 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${s} s`;
}

export async function runSceneVideo(core: Core, payload: SceneVideoPayload, ctx: JobRunContext): Promise<SceneVideoResult> {
  const { client } = imagesRuntime(core);
  const runtime = animationRuntime(core);
  const { dir, doc, request, scene } = load(core, payload);
  const values = { scene, what: `${request.model.label}, ${request.duration} s` };
  const saved = (ctx.saved ?? {}) as Saved;
  let taskId = saved.taskId && saved.key === request.key ? saved.taskId : null;
  const resumed = taskId !== null;
  let startedAt = resumed ? (saved.startedAt ?? Date.now()) : Date.now();

  if (!taskId) {
    await runtime.checkCredits(request.credits, ctx.signal);
    ctx.progress(2, encodeMessage({ key: 'animate.progress.uploading', values }));
    const imageUrl = await uploadOnce(core, ctx, dir, doc, request.imageAssetId);
    const lastFrameUrl = request.lastFrameAssetId ? await uploadOnce(core, ctx, dir, doc, request.lastFrameAssetId) : undefined;
    ctx.progress(5, encodeMessage({ key: 'animate.progress.starting', values }));
    // The client's create lane sends one create at a time and runs these hooks in it, so after a 402
    // no other create of the batch is sent.
    let stopped: AppError | null = null;
    try {
      taskId = await client.createTask(
        request.model,
        { prompt: request.prompt, negativePrompt: request.negativePrompt, aspect: request.aspect, duration: request.duration, resolution: request.resolution, imageUrl, lastFrameUrl },
        ctx.signal,
        {
          scene,
          beforeSend: () => runtime.assertRunning(scene),
          onRefused: (error) => {
            if (error.code === 'no_credits') stopped = runtime.stopForNoCredits(scene, error);
          },
        },
      );
    } catch (thrown) {
      throw stopped ?? thrown;
    }
    startedAt = Date.now();
    ctx.checkpoint({ taskId, key: request.key, startedAt, downloadFailures: 0 });
  }

  let stage: 'poll' | 'download' = 'poll';
  try {
    ctx.progress(8, encodeMessage({ key: 'animate.progress.animating', values }));
    const expected = Math.max(60_000, request.duration * 15_000);
    const urls = await client.waitForResult(request.model, taskId, {
      signal: ctx.signal,
      startedAt,
      immediate: resumed,
      onPoll: (_polls, elapsed) => ctx.progress(Math.min(85, 8 + (77 * elapsed) / (elapsed + expected)), encodeMessage({ key: 'animate.progress.animatingFor', values: { ...values, elapsed: minutes(elapsed) } })),
    });
    stage = 'download';
    ctx.progress(88, encodeMessage({ key: 'animate.progress.downloading', values }));
    let data: Buffer;
    try {
      data = await client.download(urls[0]!, ctx.signal);
    } catch (thrown) {
      const error = toAppError(thrown);
      if (error.code === 'cancelled') throw error;
      throw downloadError(scene, error);
    }
    const video = await checkVideo(data, { key: 'animate.kieClip', values: { scene } }, ctx.signal);
    const asset = await storeAssetBuffer(dir, data, 'mp4', { kind: 'video', source: 'kie', mime: 'video/mp4', ...video });
    core.projects.update(payload.projectId, (current) => placeSceneVideo(current, payload.sceneId, asset, request.duration), 'animated');
    ctx.checkpoint({ taskId: null, downloadFailures: 0 });
    return { sceneId: payload.sceneId, assetId: asset.id, duration: video.duration, width: video.width, height: video.height, taskId, warnings: request.warnings };
  } catch (thrown) {
    const error = toAppError(thrown);
    if (error.code === 'cancelled') throw error;
    if (stage === 'download') {
      // The clip is made and paid: one more attempt polls the same task for a fresh link and downloads
      // again. A second failure gives the task up, so the next Retry makes (and pays for) a new clip.
      const failures = ((((ctx.saved ?? {}) as Saved).downloadFailures ?? 0) as number) + 1;
      if (failures < 2) {
        ctx.checkpoint({ downloadFailures: failures });
        throw sameError(error, { retryable: true });
      }
      ctx.checkpoint({ taskId: null, downloadFailures: 0 });
      throw appError('provider_error', 'animate.failedTwice', { ...nestedValues('message', error), scene });
    }
    // A final failure of this task (failed, stuck): a manual Retry starts a new one.
    if (!error.retryable) ctx.checkpoint({ taskId: null, downloadFailures: 0 });
    throw error;
  }
}

/** Registers the kind (see jobs/register-kinds.ts). */
function sceneOf(core: Core, payload: SceneVideoPayload): number {
  try {
    return readProjectFile(core.projects.dirOf(payload.projectId)).scenes.findIndex((s) => s.id === payload.sceneId) + 1;
  } catch {
    return 0;
  }
}

export function registerAnimationKinds(core: Core): void {
  core.jobs.register<SceneVideoPayload, SceneVideoResult>({
    kind: SCENE_VIDEO_KIND,
    payload: SceneVideoPayload,
    // KIE runs about 100 tasks at once per account; the shared rate gate bounds the requests.
    concurrency: 10,
    resumable: true,
    // batch.ts names the job; one queued without a title is named by the scene's number, never its id.
    title: (p) => {
      const scene = sceneOf(core, p);
      return encodeMessage(scene > 0 ? { key: 'animate.titleScene', values: { scene } } : { key: 'animate.titlePlain' });
    },
    run: (payload, ctx) => runSceneVideo(core, payload, ctx),
  });
}
