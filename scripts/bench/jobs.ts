/**
 * `npm run bench:jobs`: a 20-scene batch through the real queue, KIE client and rate gate against the
 * loopback fake KIE with a set latency. Prints
 *   batch_vs_ideal  wall time ÷ the shortest schedule KIE's limits allow (target ≤ 1.1)
 *   self_429        429s the fake had to send us (must be 0)
 * The ideal is simulated with the same limits: every create as early as the 20-per-10-s window allows,
 * then exactly one poll per task at the first instant it is done (and the windows allow), polls ≤ 3/s.
 */
import fs from 'node:fs';
import { createCore } from '../../src-main/core.js';
import { generateScenes } from '../../src-main/images/batch.js';
import { configureImages } from '../../src-main/images/runtime.js';
import { KIE_LIMITS } from '../../src-main/providers/kie/rate-gate.js';
import { MemorySecretStore } from '../../src-main/secrets/secret-store.js';
import { startFakeKie } from '../../test/fakes/kie-server.js';
import { tempDir } from '../../test/helpers/temp-core.js';
import { makeScenes } from '../../test/images/harness.js';

const SCENES = Number(process.env.BENCH_SCENES ?? 20);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 150);
const GENERATION_MS = Number(process.env.BENCH_GENERATION_MS ?? 4000);

/** Earliest time ≥ t at which one more request fits every window (stamps sorted per bucket). */
function earliest(t: number, buckets: { stamps: number[]; limit: number; windowMs: number }[]): number {
  let at = t;
  for (let changed = true; changed; ) {
    changed = false;
    for (const b of buckets) {
      const inWindow = b.stamps.filter((s) => s > at - b.windowMs);
      if (inWindow.length >= b.limit) {
        const next = inWindow[inWindow.length - b.limit]! + b.windowMs;
        if (next > at) {
          at = next;
          changed = true;
        }
      }
    }
  }
  return at;
}

export function idealBatchMs(scenes: number, latencyMs: number, generationMs: number): number {
  const all = { stamps: [] as number[], ...KIE_LIMITS.all };
  const poll = { stamps: [] as number[], ...KIE_LIMITS.poll };
  const ready: number[] = [];
  for (let i = 0; i < scenes; i++) {
    const at = earliest(0, [all]);
    all.stamps.push(at);
    all.stamps.sort((a, b) => a - b);
    ready.push(at + 2 * latencyMs + generationMs); // create answered, then generation
  }
  let end = 0;
  for (const r of ready.sort((a, b) => a - b)) {
    const at = earliest(r, [all, poll]);
    all.stamps.push(at);
    poll.stamps.push(at);
    all.stamps.sort((a, b) => a - b);
    poll.stamps.sort((a, b) => a - b);
    end = Math.max(end, at + 2 * latencyMs);
  }
  return end;
}

const fake = await startFakeKie({ latencyMs: LATENCY_MS, generationMs: GENERATION_MS });
const home = tempDir('whatif-bench-jobs-');
const secrets = new MemorySecretStore();
await secrets.set('kie', fake.apiKey);
const core = createCore({ mode: 'cli', startJobs: false, home, secrets });
configureImages(core, { baseUrl: fake.url });
const projectId = core.projects.create({ name: 'Bench' }, (doc) => ({ ...doc, scenes: makeScenes(Array.from({ length: SCENES }, (_, i) => `Bench scene ${i + 1}`)) })).id;
core.jobs.start();
const started = Date.now();
const jobs = await Promise.all(generateScenes(core, projectId).jobs.map((j) => core.jobs.waitFor(j.id)));
const wall = Date.now() - started;
const ideal = idealBatchMs(SCENES, LATENCY_MS, GENERATION_MS);
const failed = jobs.filter((j) => j.state !== 'done');
console.log(`scenes ${SCENES}, fake latency ${LATENCY_MS} ms, generation ${GENERATION_MS} ms`);
console.log(`requests ${fake.requests.length} (creates ${fake.stats.creates}, polls ${fake.stats.polls}), max in any 10 s window ${fake.maxPerWindow()}`);
console.log(`wall ${(wall / 1000).toFixed(2)} s, ideal ${(ideal / 1000).toFixed(2)} s`);
console.log(`batch_vs_ideal ${(wall / ideal).toFixed(3)}`);
console.log(`self_429 ${fake.stats.self429 + fake.stats.pollRate429}`);
if (failed.length) console.log(`FAILED jobs: ${failed.map((j) => j.error?.message).join('; ')}`);
await core.close();
await fake.close();
fs.rmSync(home, { recursive: true, force: true });
process.exit(failed.length ? 1 : 0);
