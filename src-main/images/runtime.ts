/**
 * The images domain's per-core parts: one KIE client (so one rate gate for every job of the core) and
 * the image cache. Base URLs come from WHATIF_KIE_BASE_URL / WHATIF_KIE_UPLOAD_URL (tests point them at
 * the loopback fake); tests shorten polling through configureImages(), never through timed waits.
 */
import path from 'node:path';
import type { Core } from '../core.js';
import { KIE_DEFAULT_BASE_URL, KIE_DEFAULT_UPLOAD_URL, KieClient, type KieTimings } from '../providers/kie/client.js';
import type { RateGate } from '../providers/kie/rate-gate.js';
import { ImageCache } from './cache.js';

export interface ImagesOptions {
  baseUrl?: string;
  uploadBaseUrl?: string;
  timings?: Partial<KieTimings>;
  /** The one request gate for images and videos (tests give a smaller one; default KIE's limits). */
  gate?: RateGate;
}

export interface ImagesRuntime {
  client: KieClient;
  cache: ImageCache;
}

const runtimes = new WeakMap<Core, ImagesRuntime>();

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

export function configureImages(core: Core, options: ImagesOptions = {}): ImagesRuntime {
  const baseUrl = trimSlash(options.baseUrl ?? process.env.WHATIF_KIE_BASE_URL ?? KIE_DEFAULT_BASE_URL);
  const uploadBaseUrl = trimSlash(options.uploadBaseUrl ?? process.env.WHATIF_KIE_UPLOAD_URL ?? (options.baseUrl || process.env.WHATIF_KIE_BASE_URL ? baseUrl : KIE_DEFAULT_UPLOAD_URL));
  const runtime: ImagesRuntime = {
    client: new KieClient({
      baseUrl,
      uploadBaseUrl,
      apiKey: () => core.secrets.get('kie'),
      ...(options.timings ? { timings: options.timings } : {}),
      ...(options.gate ? { gate: options.gate } : {}),
      log: core.log,
    }),
    cache: new ImageCache(core.db, path.join(core.paths.cache, 'images')),
  };
  runtimes.set(core, runtime);
  return runtime;
}

export function imagesRuntime(core: Core): ImagesRuntime {
  return runtimes.get(core) ?? configureImages(core);
}
