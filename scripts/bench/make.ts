/**
 * `npm run bench:make`: an idea to an MP4 through the automatic mode (`make.short` and its child jobs)
 * against the same steps run alone, one after another, each enqueued by hand and waited for (script
 * from the fake LLM, system-voice narration, scene images from the fake KIE, timeline, export). Prints
 *   make_vs_steps   pipeline wall time ÷ the sum of the steps alone (median of BENCH_PAIRS alternating
 *                   pairs; target ≤ 1.1): what the chaining itself costs.
 *   make_vs_own_jobs the pipeline's wall time ÷ the time its own child jobs ran (same run, so the
 *                   shared machine's noise in the export mostly cancels): the gaps between steps.
 * Each run uses its own idea, so KIE's image cache never serves one run from another's pictures.
 */
import fs from 'node:fs';
import { createCore } from '../../src-main/core.js';
import { generateScenes } from '../../src-main/images/batch.js';
import { configureImages } from '../../src-main/images/runtime.js';
import type { Job } from '../../src-main/ipc/contract/jobs.js';
import { applyBeats, prepareNarration } from '../../src-main/make/make-job.js';
import { MakePayload } from '../../src-main/make/make-payload.js';
import { startMake } from '../../src-main/make/start-make.js';
import { styleTimeline } from '../../src-main/make/timeline-step.js';
import { startExport } from '../../src-main/media/export/export-job.js';
import { NARRATION_SYNTHESIZE_KIND, runPreview } from '../../src-main/narration/jobs.js';
import type { ProjectNarrationResult } from '../../src-main/narration/project-narration.js';
import { SCRIPT_WRITE_KIND } from '../../src-main/script-writer/script-job.js';
import { MemorySecretStore } from '../../src-main/secrets/secret-store.js';
import { startFakeKie } from '../../test/fakes/kie-server.js';
import { startFakeLlm } from '../../test/fakes/llm-server.js';
import { tempDir } from '../../test/helpers/temp-core.js';
import { FAST_TIMINGS } from '../../test/images/harness.js';

const PAIRS = Number(process.env.BENCH_PAIRS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const SCENES = Number(process.env.BENCH_SCENES ?? 4);

const llm = await startFakeLlm({ pieceDelayMs: 5 });
const kie = await startFakeKie({ latencyMs: 50, generationMs: 500 });
const home = tempDir('whatif-bench-make-');
const secrets = new MemorySecretStore();
await secrets.set('llm', llm.apiKey);
await secrets.set('kie', kie.apiKey);
const core = createCore({ mode: 'cli', startJobs: false, home, secrets });
configureImages(core, { baseUrl: kie.url, timings: { ...FAST_TIMINGS, pollInitialMs: 200, pollMaxMs: 400, pollTimeoutMs: 60_000, requestTimeoutMs: 10_000 } });
core.settings.set({ scriptWriter: { ...core.settings.get().scriptWriter, provider: 'openai', baseUrl: llm.url, model: 'fake-gpt' } });
core.jobs.start();
// Calibrate the system voice once, outside every measured run.
await runPreview(core, { voiceId: 'system:en', text: 'A short warm-up sentence for the voice.', wordsPerMinute: 170 });

const input = (idea: string) => ({ idea, language: 'en' as const, seconds: SECONDS, scenes: SCENES, voiceId: 'system:en' });

async function done(job: Job): Promise<Job> {
  const finished = await core.jobs.waitFor(job.id);
  if (finished.state !== 'done') throw new Error(`${finished.title}: ${finished.error?.message ?? finished.state}`);
  return finished;
}

/** The pipeline's wall time, and the time its child jobs ran (their rows' start to finish). */
async function pipeline(idea: string): Promise<{ wall: number; children: Record<string, number> }> {
  const started = performance.now();
  const { job, projectId } = startMake(core, input(idea));
  await done(job);
  const wall = performance.now() - started;
  const children: Record<string, number> = {};
  for (const child of core.jobs.list({ projectId })) {
    if (child.id === job.id || !child.startedAt || !child.finishedAt) continue;
    const name = child.kind.split('.')[0]!;
    children[name] = Math.max(children[name] ?? 0, Date.parse(child.finishedAt) - Date.parse(child.startedAt));
  }
  return { wall, children };
}

/** The same steps, each started by hand when the previous one has finished; returns the sum of their times. */
async function alone(idea: string): Promise<{ total: number; steps: Record<string, number> }> {
  const projectId = core.projects.create({ name: idea, language: 'en' }).id;
  const payload = MakePayload.parse({ projectId, request: { idea, language: 'en', seconds: SECONDS, scenes: SCENES }, voiceId: 'system:en' });
  const steps: Record<string, number> = {};
  const time = async <T>(name: string, work: () => Promise<T> | T): Promise<T> => {
    const started = performance.now();
    const result = await work();
    steps[name] = performance.now() - started;
    return result;
  };
  await time('script', () => done(core.jobs.enqueue(SCRIPT_WRITE_KIND, { projectId, request: payload.request }, { projectId })));
  const narration = await time('narration', async () => {
    prepareNarration(core, payload);
    return (await done(core.jobs.enqueue(NARRATION_SYNTHESIZE_KIND, { projectId, applySceneDurations: false }, { projectId }))).result as ProjectNarrationResult;
  });
  await time('beats', () => applyBeats(core, payload, narration));
  await time('images', () => Promise.all(generateScenes(core, projectId).jobs.map(done)));
  await time('timeline', () => styleTimeline(core, projectId, idea));
  await time('export', () => done(startExport(core, { projectId }).job));
  return { total: Object.values(steps).reduce((t, s) => t + s, 0), steps };
}

const ratios: number[] = [];
const gapRatios: number[] = [];
for (let pair = 0; pair < PAIRS; pair++) {
  const first = pair % 2 === 0 ? 'pipeline' : 'alone';
  let wall = 0;
  let children: Record<string, number> = {};
  let sum = { total: 0, steps: {} as Record<string, number> };
  for (const which of first === 'pipeline' ? ['pipeline', 'alone'] : ['alone', 'pipeline']) {
    const idea = `What if bench run ${pair} ${which} happened?`;
    if (which === 'pipeline') ({ wall, children } = await pipeline(idea));
    else sum = await alone(idea);
  }
  ratios.push(wall / sum.total);
  const ran = Object.values(children).reduce((t, ms) => t + ms, 0);
  gapRatios.push(wall / ran);
  const steps = Object.entries(sum.steps).map(([name, ms]) => `${name} ${(ms / 1000).toFixed(2)}`).join(', ');
  const inside = Object.entries(children).map(([name, ms]) => `${name} ${(ms / 1000).toFixed(2)}`).join(', ');
  console.log(`pair ${pair + 1}: pipeline ${(wall / 1000).toFixed(2)} s (its jobs ran: ${inside}), steps alone ${(sum.total / 1000).toFixed(2)} s (${steps}), ratio ${(wall / sum.total).toFixed(3)}`);
}
ratios.sort((a, b) => a - b);
gapRatios.sort((a, b) => a - b);
console.log(`${SECONDS} s short, ${SCENES} scenes, system voice, fake LLM and KIE; ${PAIRS} alternating pairs`);
console.log(`make_vs_steps ${ratios[Math.floor(ratios.length / 2)]!.toFixed(3)}`);
console.log(`make_vs_own_jobs ${gapRatios[Math.floor(gapRatios.length / 2)]!.toFixed(3)}`);
console.log(`llm_calls ${llm.calls.length} (expected ${PAIRS * 2}), kie_creates ${kie.stats.creates} (expected ${PAIRS * 2 * SCENES}), self_429 ${kie.stats.self429 + kie.stats.pollRate429}`);
await core.close();
await llm.close();
await kie.close();
fs.rmSync(home, { recursive: true, force: true });
