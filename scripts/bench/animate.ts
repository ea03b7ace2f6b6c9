/**
 * `npm run bench:animate`: "Animate all" on N scenes through the real queue, KIE client and the shared
 * rate gate against the loopback fake KIE (set latency and generation time), beside an image batch of
 * the same N scenes in the same run as the baseline. Prints
 *   animate_vs_images  wall time of the Animate batch ÷ the image batch's (uploads, one create in
 *                      flight at a time, the MP4 download and ffprobe are the difference)
 *   self_429           429s the fake had to send us over both batches (must be 0)
 */
import sharp from 'sharp';
import { animateScenes } from '../../src-main/animation/batch.js';
import { createCore } from '../../src-main/core.js';
import { generateScenes } from '../../src-main/images/batch.js';
import { configureImages } from '../../src-main/images/runtime.js';
import { placeSceneImage } from '../../src-main/images/timeline-place.js';
import { storeAssetBuffer } from '../../src-main/project/assets.js';
import { MemorySecretStore } from '../../src-main/secrets/secret-store.js';
import { startFakeKie } from '../../test/fakes/kie-server.js';
import { tempDir } from '../../test/helpers/temp-core.js';
import { makeScenes } from '../../test/images/harness.js';

const SCENES = Number(process.env.BENCH_SCENES ?? 10);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 150);
const GENERATION_MS = Number(process.env.BENCH_GENERATION_MS ?? 6000);

const fake = await startFakeKie({ latencyMs: LATENCY_MS, generationMs: GENERATION_MS });
const secrets = new MemorySecretStore();
await secrets.set('kie', fake.apiKey);
const core = createCore({ mode: 'cli', startJobs: false, home: tempDir('whatif-bench-animate-'), secrets });
configureImages(core, { baseUrl: fake.url });
core.settings.set({ creditCap: 1_000_000 });
core.jobs.start();

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = Date.now();
  await run();
  return Date.now() - started;
}

const imageProject = core.projects.create({ name: 'Images' }, (doc) => ({ ...doc, scenes: makeScenes(Array.from({ length: SCENES }, (_, i) => `Bench image ${i + 1}`)) })).id;
const images = await timed(() => Promise.all(generateScenes(core, imageProject).jobs.map((j) => core.jobs.waitFor(j.id))));

// Wait out the account window the image batch used, so both batches start from the same state.
await new Promise((r) => setTimeout(r, 10_500));
const videoProject = core.projects.create({ name: 'Clips' }, (doc) => ({ ...doc, scenes: makeScenes(Array.from({ length: SCENES }, (_, i) => `Bench clip ${i + 1}`)) })).id;
const dir = core.projects.dirOf(videoProject);
for (const [i, scene] of core.projects.open(videoProject).document.scenes.entries()) {
  const png = await sharp({ create: { width: 288, height: 512, channels: 3, background: { r: i * 20, g: 90, b: 160 } } }).png().toBuffer();
  const asset = await storeAssetBuffer(dir, png, 'png', { kind: 'image', source: 'kie', mime: 'image/png', width: 288, height: 512 });
  core.projects.update(videoProject, (d) => placeSceneImage(d, scene.id, asset));
}
const clips = await timed(async () => {
  const jobs = await Promise.all(animateScenes(core, { projectId: videoProject, model: 'kling-2.1-pro', duration: 5 }).jobs.map((j) => core.jobs.waitFor(j.id)));
  const failed = jobs.filter((j) => j.state !== 'done');
  if (failed.length) throw new Error(`${failed.length} clip(s) failed: ${failed[0]!.error?.message}`);
});

console.log(`scenes ${SCENES}, fake latency ${LATENCY_MS} ms, generation ${GENERATION_MS} ms`);
console.log(`image batch ${(images / 1000).toFixed(2)} s, animate batch ${(clips / 1000).toFixed(2)} s, uploads ${fake.stats.uploads}, creates ${fake.stats.creates}`);
console.log(`animate_vs_images ${(clips / images).toFixed(3)}`);
console.log(`self_429 ${fake.stats.self429 + fake.stats.pollRate429}`);
await core.close();
await fake.close();
