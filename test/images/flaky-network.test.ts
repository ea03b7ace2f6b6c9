/**
 * A 10-scene KIE batch through a network where 30 % of requests meet a fault of every kind (429, 5xx
 * pages and envelopes, 455, hangs before and after KIE acted, resets, cut answers, slow answers) and
 * every result link fails its first download (test/fakes/flaky-proxy.ts: a faulted request is either
 * never passed on, or carried out and charged and then its answer damaged). Five seeds run side by
 * side. A create whose answer is lost is judged by the account's credit balance (create-lane.ts):
 * unchanged, it is sent again; moved by the price, KIE took and charged it and lost its task id, and
 * the scene says so. "Paid" is the fake KIE's own ledger: tasks it made per scene's prompt.
 * What is left is what no client can save: a create KIE carried out whose answer the network lost
 * (KIE has no task list); at 30 % faults of these kinds that is about one scene in eleven (seeds 1-5:
 * 44 of 50 done; 6-15: 91 of 100; 16-25: 93 of 100), every one of them charged once and saying so.
 */
import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src-main/core.js';
import { configureImages } from '../../src-main/images/runtime.js';
import { generateScenes } from '../../src-main/images/batch.js';
import { readProjectFile } from '../../src-main/project/project-file.js';
import { MemorySecretStore } from '../../src-main/secrets/secret-store.js';
import { startFakeKie } from '../fakes/kie-server.js';
import { startFlakyProxy } from '../fakes/flaky-proxy.js';
import { tempDir } from '../helpers/temp-core.js';
import { createProjectWith, makeScenes, settle } from './harness.js';

const PRICE = 4;
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const fn of cleanups) await fn();
});

async function runSeed(seed: number) {
  const fake = await startFakeKie({ generationMs: 150, credits: 10_000, creditsPerTask: PRICE });
  const proxy = await startFlakyProxy({ upstream: fake.url, seed });
  const home = tempDir('whatif-flaky-');
  const secrets = new MemorySecretStore();
  await secrets.set('kie', fake.apiKey);
  const core: Core = createCore({ mode: 'cli', startJobs: false, home, secrets, jobRetry: { baseDelayMs: 10, maxDelayMs: 40 } });
  cleanups.push(async () => {
    await core.close();
    await proxy.close();
    await fake.close();
    fs.rmSync(home, { recursive: true, force: true });
  });
  configureImages(core, {
    baseUrl: proxy.url,
    timings: { requestTimeoutMs: 3000, pollInitialMs: 20, pollMaxMs: 80, pollTimeoutMs: 60_000, rateLimitRetrySeconds: 0, retryBaseMs: 5, retryMaxMs: 40, witnessSettleMs: 20, witnessRefundWaitMs: 150 },
  });
  const prompts = Array.from({ length: 10 }, (_, i) => `Seed ${seed} scene ${i + 1}: a lighthouse at dusk`);
  const projectId = createProjectWith(core, makeScenes(prompts), `Flaky ${seed}`);
  core.jobs.start();
  const jobs = await settle(core, generateScenes(core, projectId).jobs.map((j) => j.id));
  const doc = readProjectFile(core.projects.dirOf(projectId));
  const done = new Set(doc.scenes.filter((s) => s.imageAssetId).map((s) => s.prompt));
  const createFaults = proxy.faults.filter((f) => f.prompt !== null);
  // Creates KIE carried out whose answer the network then damaged (hung, cut, or slow past the client's
  // timeout on a loaded machine): no client can fetch the result of one whose answer was lost.
  const damaged = new Set(createFaults.filter((f) => f.processed).map((f) => f.prompt!));
  const promptOf = (job: (typeof jobs)[number]) => doc.scenes.find((s) => s.id === (core.jobs.rows.get(job.id)!.payload as { sceneId: string }).sceneId)!.prompt;
  return {
    seed,
    done: jobs.filter((j) => j.state === 'done').length,
    withImage: done.size,
    paid: prompts.map((p) => fake.createsFor(p)),
    spent: 10_000 - fake.account.credits,
    misses: jobs.filter((j) => j.state !== 'done').map((j) => ({ error: `${j.error?.code}: ${j.error?.message}`, paid: fake.createsFor(promptOf(j)), damaged: damaged.has(promptOf(j)) })),
    faults: proxy.faults.length,
    createFaults: createFaults.length,
    // Scenes done although a create of theirs was lost before KIE saw it (hung, reset): resent on the balance's word.
    resentOnProof: new Set(createFaults.filter((f) => (f.kind === 'hang-before' || f.kind === 'reset') && done.has(f.prompt!)).map((f) => f.prompt)).size,
  };
}

describe('a flaky network (30 % faults of every kind)', () => {
  it('saves every scene a client can save, pays no scene twice, and says what happened to the rest', async () => {
    // WHATIF_FLAKY_SEEDS=6-25 measures other seeds by hand (five run in the suite).
    const [from, to] = (process.env.WHATIF_FLAKY_SEEDS ?? '1-5').split('-').map(Number);
    const runs = await Promise.all(Array.from({ length: to! - from! + 1 }, (_, i) => from! + i).map(runSeed));
    const total = (pick: (r: (typeof runs)[number]) => number) => runs.reduce((sum, r) => sum + pick(r), 0);
    console.log(
      runs
        .map(
          (r) =>
            `seed ${r.seed}: ${r.done}/10 done, ${r.paid.reduce((a, b) => a + b, 0)} paid, ${r.faults} faults (${r.createFaults} on creates), ${r.resentOnProof} resent on the balance's word` +
            (r.misses.length ? `; ${r.misses.map((m) => m.error).join(' | ')}` : ''),
        )
        .join('\n'),
    );
    console.log(`done ${total((r) => r.done)} of ${runs.length * 10}; ${total((r) => r.resentOnProof)} scenes resent on the balance's word`);
    for (const run of runs) {
      expect(run.faults, `seed ${run.seed}`).toBeGreaterThan(10);
      expect(run.withImage).toBe(run.done);
      for (const paid of run.paid) expect(paid, `seed ${run.seed}`).toBeLessThanOrEqual(1);
      // The fake's balance agrees with its ledger: only tasks it made were charged.
      expect(run.spent).toBe(PRICE * run.paid.reduce((a, b) => a + b, 0));
      // Every miss is a create KIE carried out (and charged once) whose answer the network lost:
      // KIE has no task list, so no client can fetch it; anything else the client saved.
      for (const miss of run.misses) {
        expect(miss, `seed ${run.seed}`).toMatchObject({ paid: 1, damaged: true });
        expect(miss.error).not.toMatch(/Waiting before|<|API key|Unexpected error|\{/);
        expect(miss.error).toMatch(/^provider_error: Scene \d+: (KIE took 4 credits for it, but its answer with the task id was lost \(.+\)|the answer from KIE was lost \(.+\)\. KIE may have started and charged it)/);
      }
    }
    expect(total((r) => r.done)).toBeGreaterThanOrEqual(runs.length * 8);
    // Without the witness these scenes would have ended in errors: the test sees it at work.
    expect(total((r) => r.resentOnProof)).toBeGreaterThan(0);
  }, 240_000);
});
