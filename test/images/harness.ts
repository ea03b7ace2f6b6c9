/** A real core wired to the loopback fake KIE with short polling, and projects with N scenes. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createCore, type Core } from '../../src-main/core.js';
import { configureImages } from '../../src-main/images/runtime.js';
import type { Scene } from '../../src-main/project/document.js';
import type { RateGate } from '../../src-main/providers/kie/rate-gate.js';
import { MemorySecretStore } from '../../src-main/secrets/secret-store.js';
import { startFakeKie, type FakeKie, type FakeKieOptions } from '../fakes/kie-server.js';
import { tempDir } from '../helpers/temp-core.js';

export const FAST_TIMINGS = { requestTimeoutMs: 2500, pollInitialMs: 20, pollMaxMs: 60, pollTimeoutMs: 600, rateLimitRetrySeconds: 0, retryBaseMs: 5, retryMaxMs: 40, witnessSettleMs: 20, witnessRefundWaitMs: 100 };

export interface Rig {
  core: Core;
  fake: FakeKie;
  home: string;
  logs: string[];
  reopen(): Promise<Core>;
  cleanup(): Promise<void>;
}

export async function makeRig(options: { fake?: FakeKieOptions; key?: string; home?: string; fakeServer?: FakeKie; timings?: Partial<typeof FAST_TIMINGS>; gate?: RateGate } = {}): Promise<Rig> {
  const fake = options.fakeServer ?? (await startFakeKie(options.fake));
  const home = options.home ?? tempDir('whatif-images-');
  const logs: string[] = [];
  const build = async () => {
    const secrets = new MemorySecretStore();
    await secrets.set('kie', options.key ?? fake.apiKey);
    const core = createCore({ mode: 'cli', startJobs: false, home, secrets, log: (l) => logs.push(l), jobRetry: { baseDelayMs: 10, maxDelayMs: 40 } });
    configureImages(core, { baseUrl: fake.url, timings: { ...FAST_TIMINGS, ...options.timings }, ...(options.gate ? { gate: options.gate } : {}) });
    return core;
  };
  const rig: Rig = {
    core: await build(),
    fake,
    home,
    logs,
    async reopen() {
      await rig.core.close();
      rig.core = await build();
      return rig.core;
    },
    async cleanup() {
      await rig.core.close().catch(() => {});
      await fake.close();
      fs.rmSync(home, { recursive: true, force: true });
    },
  };
  return rig;
}

export function makeScenes(prompts: string[], extra: Partial<Scene> = {}): Scene[] {
  return prompts.map((prompt) => ({ id: crypto.randomUUID(), prompt, negativePrompt: '', model: 'flux-kontext-pro', imageAssetId: null, duration: 3, ...extra }));
}

export function createProjectWith(core: Core, scenes: Scene[], name = 'Batch'): string {
  const summary = core.projects.create({ name }, (doc) => ({ ...doc, scenes }));
  return summary.id;
}

export async function settle(core: Core, ids: string[]) {
  return Promise.all(ids.map((id) => core.jobs.waitFor(id)));
}
