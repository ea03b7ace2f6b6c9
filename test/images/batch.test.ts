import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { generateScenes, planBatch } from '../../src-main/images/batch.js';
import { readProjectFile } from '../../src-main/project/project-file.js';
import { timelineIssues } from '../../src-main/project/document.js';
import { createProjectWith, makeRig, makeScenes, settle, type Rig } from './harness.js';
import { imagesOf } from '../helpers/tracks.js';

let rig: Rig | undefined;
afterEach(async () => {
  await rig?.cleanup();
  rig = undefined;
});

describe('scene image batches through the fake KIE', () => {
  it('30 scenes stay within 20 requests per 10 s, land in assets/ and on the timeline; the same batch again calls nothing', async () => {
    rig = await makeRig();
    const { core, fake } = rig;
    const projectId = createProjectWith(core, makeScenes(Array.from({ length: 30 }, (_, i) => `A lighthouse number ${i + 1} in a storm`)));
    core.jobs.start();
    const first = generateScenes(core, projectId);
    expect(first.estimate.totalCredits).toBe(30 * 5);
    const jobs = await settle(core, first.jobs.map((j) => j.id));
    expect(jobs.filter((j) => j.state !== 'done').map((j) => j.error)).toEqual([]);
    expect(fake.maxPerWindow(10_000)).toBeLessThanOrEqual(20);
    expect(fake.stats.self429).toBe(0);
    expect(fake.stats.pollRate429).toBe(0);
    expect(fake.stats.creates).toBe(30);

    const dir = core.projects.dirOf(projectId);
    const doc = readProjectFile(dir);
    expect(timelineIssues(doc)).toEqual([]);
    expect(imagesOf(doc)).toHaveLength(30);
    for (const scene of doc.scenes) {
      const asset = doc.assets[scene.imageAssetId!]!;
      expect(asset).toMatchObject({ kind: 'image', source: 'kie', width: 288, height: 512 });
      const meta = await sharp(path.join(dir, asset.file)).metadata();
      expect([meta.width, meta.height]).toEqual([288, 512]);
      expect(imagesOf(doc).find((c) => c.sceneId === scene.id)?.assetId).toBe(asset.id);
    }

    const requestsBefore = fake.requests.length;
    const downloadsBefore = fake.stats.downloads;
    expect(planBatch(core, projectId).estimate).toMatchObject({ totalCredits: 0, cached: 30 });
    const again = await settle(core, generateScenes(core, projectId).jobs.map((j) => j.id));
    expect(again.every((j) => j.state === 'done' && (j.result as { cached: boolean }).cached)).toBe(true);
    expect(fake.requests.length).toBe(requestsBefore);
    expect(fake.stats.downloads).toBe(downloadsBefore);
    expect(fs.readdirSync(path.join(dir, 'assets')).length).toBe(30);
  }, 120_000);

  it('each fault ends done or in a clear error on its own scene, nothing created twice, the project valid', async () => {
    rig = await makeRig({ fake: { hangMs: 6000 } });
    const { core, fake } = rig;
    const faults = ['ok', '402', '422', '429', '455', '500', '501', '505', 'create-timeout', 'poll-timeout', 'malformed', 'stuck', 'expired', 'notimage', 'genfail'];
    const scenes = makeScenes(faults.map((f) => `A red fox [fault:${f}]`));
    const projectId = createProjectWith(core, scenes);
    core.jobs.start();
    const jobs = await settle(core, generateScenes(core, projectId).jobs.map((j) => j.id));
    const outcome = Object.fromEntries(
      jobs.map((job) => {
        const sceneId = (core.jobs.rows.get(job.id)!.payload as { sceneId: string }).sceneId;
        const fault = faults[scenes.findIndex((s) => s.id === sceneId)]!;
        return [fault, job.state === 'done' ? 'done' : `${job.error!.code}: ${job.error!.message}`];
      }),
    );
    expect(outcome.ok).toBe('done');
    for (const f of ['429', '455', '500', 'poll-timeout', 'malformed']) expect(outcome[f], f).toBe('done');
    expect(outcome['402']).toMatch(/^no_credits: Not enough KIE credits/);
    expect(outcome['422']).toMatch(/^invalid_input: KIE refused the request/);
    expect(outcome['501']).toMatch(/^provider_error: KIE could not generate it \(code 501\)/); // retried, then given up
    expect(outcome['505']).toMatch(/^unsupported:/);
    expect(outcome['create-timeout']).toMatch(/did not answer .* not sent again automatically/);
    expect(outcome.stuck).toMatch(/still generating/);
    expect(outcome.expired).toMatch(/could not be downloaded.*expired/);
    expect(outcome.notimage).toMatch(/is not a readable image/);
    expect(outcome.genfail).toMatch(/could not make this image.*content refused/);
    for (const f of faults) expect(fake.createsFor(`[fault:${f}]`), f).toBeLessThanOrEqual(1);
    const doc = readProjectFile(core.projects.dirOf(projectId));
    expect(timelineIssues(doc)).toEqual([]);
    expect(doc.scenes.filter((s) => s.imageAssetId).length).toBe(6);
    expect(fake.stats.self429).toBe(0);
  }, 120_000);

  it('refuses a batch above the credit cap and warns about a negative prompt the model cannot take', async () => {
    rig = await makeRig();
    const { core, fake } = rig;
    core.settings.set({ creditCap: 12 });
    const projectId = createProjectWith(core, makeScenes(['a cat', 'a dog', 'a cow'], { negativePrompt: 'blurry' }));
    const estimate = planBatch(core, projectId).estimate;
    expect(estimate).toMatchObject({ totalCredits: 15, cap: 12, withinCap: false, tableDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect(estimate.warnings[0]).toMatch(/Scene 1: Flux Kontext Pro has no negative prompt: "blurry" is not sent/);
    const refused = await core.dispatch('scenes.generate', { projectId });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/15 KIE credits, above your cap of 12/) } });
    expect(core.jobs.list()).toHaveLength(0);
    expect(fake.requests).toHaveLength(0);
  });
});
