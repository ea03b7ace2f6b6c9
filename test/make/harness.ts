/** A real core wired to the loopback fake LLM (OpenAI-compatible) and fake KIE, for the automatic mode. */
import fs from 'node:fs';
import { createCore, type Core } from '../../src-main/core.js';
import { configureImages } from '../../src-main/images/runtime.js';
import type { ScriptWriterSettings } from '../../src-main/ipc/contract/settings.js';
import { MemorySecretStore } from '../../src-main/secrets/secret-store.js';
import { startFakeKie, type FakeKie } from '../fakes/kie-server.js';
import { startFakeLlm, type FakeLlm } from '../fakes/llm-server.js';
import { FAST_TIMINGS } from '../images/harness.js';
import { tempDir } from '../helpers/temp-core.js';

export interface MakeRig {
  core: Core;
  llm: FakeLlm;
  kie: FakeKie;
  home: string;
  reopen(): Promise<Core>;
  cleanup(): Promise<void>;
}

export async function makeRig(options: { kieKey?: boolean; writer?: Partial<ScriptWriterSettings>; pieceDelayMs?: number } = {}): Promise<MakeRig> {
  const llm = await startFakeLlm(options.pieceDelayMs ? { pieceDelayMs: options.pieceDelayMs } : {});
  const kie = await startFakeKie();
  const home = tempDir('whatif-make-');
  const build = async () => {
    const secrets = new MemorySecretStore();
    await secrets.set('llm', llm.apiKey);
    if (options.kieKey !== false) await secrets.set('kie', kie.apiKey);
    const core = createCore({ mode: 'cli', startJobs: false, home, secrets, jobRetry: { baseDelayMs: 10, maxDelayMs: 40 } });
    // Short polls, but generous timeouts: on a loaded machine a scene may wait seconds for its reference scene.
    configureImages(core, { baseUrl: kie.url, timings: { ...FAST_TIMINGS, requestTimeoutMs: 15_000, pollTimeoutMs: 120_000 } });
    const current = core.settings.get().scriptWriter;
    core.settings.set({ scriptWriter: { ...current, provider: 'openai', baseUrl: llm.url, model: 'fake-gpt', jsonMode: 'schema', ...options.writer } });
    return core;
  };
  const rig: MakeRig = {
    core: await build(),
    llm,
    kie,
    home,
    async reopen() {
      await rig.core.close();
      rig.core = await build();
      return rig.core;
    },
    async cleanup() {
      await rig.core.close().catch(() => {});
      await llm.close();
      await kie.close();
      fs.rmSync(home, { recursive: true, force: true });
    },
  };
  return rig;
}
