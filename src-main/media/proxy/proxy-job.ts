/**
 * The `media.proxy` job: the preview copy of an imported video the preview cannot play
 * (proxy-recipe.ts), made by THE ffmpeg runner after import, bounded in time and cancellable, into
 * the project's proxies/ folder (content-addressed: the source's hash and the recipe's, so a copy
 * made once is found again). A normal job: a row first, retried once, re-run after a crash (making
 * it again is harmless). The asset's `proxy.status` tells the page what to show: "making" (a
 * placeholder), "ready" (the media route serves the copy), "failed" (the job's error says why).
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Core } from '../../core.js';
import { appError, AppError, toAppError } from '../../errors.js';
import { encodeMessage } from '../../messages.js';
import type { Job } from '../../ipc/contract/jobs.js';
import { assetPath, ownAsset } from '../../project/assets.js';
import type { Asset } from '../../project/document.js';
import { readProjectFile } from '../../project/project-file.js';
import { runFfmpeg, withTempOutput } from '../ffmpeg/run-ffmpeg.js';
import { userMediaInputArgs } from '../ffmpeg/user-media.js';
import { needsProxy, proxyArgs, proxyFile } from './proxy-recipe.js';

export const PROXY_KIND = 'media.proxy';
const MAX_ATTEMPTS = 2;

const Payload = z.object({ projectId: z.string().min(1), assetId: z.string().min(1), name: z.string().max(255) });
type Payload = z.infer<typeof Payload>;

export interface ProxyResult {
  assetId: string;
  file: string | null;
}

/** Pure: how long making a proxy of a video this long may take before it is stopped (ms). */
export function proxyTimeLimitMs(durationSeconds: number | undefined): number {
  return (60 + 10 * Math.max(1, durationSeconds ?? 60)) * 1000;
}

/** The asset's proxy state in the project (nothing when the asset is gone). */
function setProxyStatus(core: Core, projectId: string, assetId: string, file: string, status: NonNullable<Asset['proxy']>['status']): void {
  core.projects.update(projectId, (doc) => {
    const asset = ownAsset(doc, assetId);
    if (!asset) return doc;
    return { ...doc, assets: { ...doc.assets, [assetId]: { ...asset, proxy: { file, status } } } };
  });
}

/** Queues the preview copy of an asset; the job's title names the file as the user knows it. */
export function startProxy(core: Core, projectId: string, asset: Pick<Asset, 'id' | 'originalName'>): Job {
  const name = asset.originalName ?? asset.id.slice(0, 12);
  return core.jobs.enqueue(PROXY_KIND, { projectId, assetId: asset.id, name } satisfies Payload, { projectId, title: encodeMessage({ key: 'proxy.title', values: { name } }) });
}

/** Makes the proxy file (when it is not there yet) and returns its path relative to the project. */
export async function makeProxy(dir: string, asset: Asset, name: string, signal: AbortSignal, progress: (percent: number) => void): Promise<string> {
  const file = proxyFile(asset);
  const target = path.join(dir, file);
  if (fs.existsSync(target)) return file;
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const limit = proxyTimeLimitMs(asset.duration);
  const timeout = AbortSignal.timeout(limit);
  try {
    await withTempOutput(target, (temp) =>
      runFfmpeg({
        args: proxyArgs(userMediaInputArgs('video', assetPath(dir, asset)), asset.hasAudio === true, temp),
        ...(asset.duration ? { durationSeconds: asset.duration } : {}),
        signal: AbortSignal.any([signal, timeout]),
        onProgress: (p) => progress(p.percent),
        label: { key: 'proxy.label', values: { name } },
      }),
    );
  } catch (error) {
    if (timeout.aborted && !signal.aborted) throw appError('internal', 'proxy.tooSlow', { name, seconds: Math.round(limit / 1000) }, { cause: error });
    throw toAppError(error);
  }
  return file;
}

export function registerProxyKinds(core: Core): void {
  core.jobs.register<Payload, ProxyResult>({
    kind: PROXY_KIND,
    payload: Payload,
    concurrency: 1,
    maxAttempts: MAX_ATTEMPTS,
    resumable: true,
    title: (p) => encodeMessage({ key: 'proxy.title', values: { name: p.name } }),
    run: async (payload, ctx) => {
      const dir = core.projects.dirOf(payload.projectId);
      const asset = ownAsset(readProjectFile(dir), payload.assetId);
      // Removed from the project meanwhile, or playable after all: nothing to make.
      if (!asset || !needsProxy(asset)) return { assetId: payload.assetId, file: null };
      const planned = proxyFile(asset);
      if (asset.proxy?.status !== 'making' || asset.proxy.file !== planned) setProxyStatus(core, payload.projectId, asset.id, planned, 'making');
      const message = encodeMessage({ key: 'proxy.progress', values: { name: payload.name } });
      ctx.progress(0, message);
      try {
        const file = await makeProxy(dir, asset, payload.name, ctx.signal, (percent) => ctx.progress(Math.min(99, percent), message));
        setProxyStatus(core, payload.projectId, asset.id, file, 'ready');
        ctx.progress(100, encodeMessage({ key: 'proxy.ready', values: { name: payload.name } }));
        return { assetId: asset.id, file };
      } catch (error) {
        const e = error instanceof AppError ? error : toAppError(error);
        // The last try (or one a retry would not help): the page says the copy failed instead of waiting.
        if (e.code !== 'cancelled' && (!e.retryable || ctx.attempt >= MAX_ATTEMPTS)) setProxyStatus(core, payload.projectId, asset.id, planned, 'failed');
        throw e;
      }
    },
  });
}
