/**
 * One scene image per KIE request shape, end to end against the fake KIE: the create request as KIE's
 * docs spell it (endpoint, model, aspect field, fixed fields, negative prompt and seed only where the
 * model has them), the record polled on its own path, the result downloaded and placed on the scene.
 * The fake paints each result in a colour made from its task's prompt, so the stored picture shows
 * it is this task's (and, for Midjourney's four results, the first one).
 */
import crypto from 'node:crypto';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { generateScenes } from '../../src-main/images/batch.js';
import type { SceneImageResult } from '../../src-main/images/generate-job.js';
import { planVideo } from '../../src-main/media/render/video-plan.js';
import { mainTrack, timelineIssues } from '../../src-main/project/document.js';
import { readProjectFile } from '../../src-main/project/project-file.js';
import { en, es } from '../../src-renderer/src/i18n/strings.js';
import { sceneWarnings } from '../../src-renderer/src/panels/storyboard/scene-layout.js';
import { call } from '../helpers/temp-core.js';
import { createProjectWith, makeRig, makeScenes, type Rig } from './harness.js';

let rig: Rig | undefined;
afterEach(async () => {
  await rig?.cleanup();
  rig = undefined;
});

const NEGATIVE = 'blurry, text';
const SEED = 42;
const MARKET = { create: '/api/v1/jobs/createTask', record: '/api/v1/jobs/recordInfo' };

interface Case {
  model: string;
  create: string;
  record: string;
  /** Fields the create body must carry (Market: inside `input`), as KIE's docs spell them. */
  body: Record<string, unknown>;
  /** Market models: the `model` field. */
  apiModel?: string;
  negative: boolean;
  seed: boolean;
  /** The aspect KIE is asked for when the project's 9:16 is not offered (the picture is framed). */
  framedFrom?: string;
  /** The fake's picture size for the aspect sent. */
  size: [number, number];
}

const CASES: Case[] = [
  { model: 'flux-kontext-pro', create: '/api/v1/flux/kontext/generate', record: '/api/v1/flux/kontext/record-info', body: { model: 'flux-kontext-pro', aspectRatio: '9:16', outputFormat: 'png' }, negative: false, seed: false, size: [288, 512] },
  { model: 'gpt-4o-image', create: '/api/v1/gpt4o-image/generate', record: '/api/v1/gpt4o-image/record-info', body: { size: '2:3', nVariants: 1 }, negative: false, seed: false, framedFrom: '2:3', size: [320, 480] },
  { model: 'midjourney', create: '/api/v1/mj/generate', record: '/api/v1/mj/record-info', body: { taskType: 'mj_txt2img', aspectRatio: '9:16', version: '7' }, negative: false, seed: false, size: [288, 512] },
  { model: 'nano-banana', ...MARKET, apiModel: 'google/nano-banana', body: { image_size: '9:16', output_format: 'png' }, negative: false, seed: false, size: [288, 512] },
  { model: 'seedream-4', ...MARKET, apiModel: 'bytedance/seedream-v4-text-to-image', body: { image_size: 'portrait_16_9', image_resolution: '1K', max_images: 1 }, negative: false, seed: true, size: [288, 512] },
  { model: 'imagen-4', ...MARKET, apiModel: 'google/imagen4', body: { aspect_ratio: '9:16' }, negative: true, seed: true, size: [288, 512] },
  { model: 'ideogram-v3', ...MARKET, apiModel: 'ideogram/v3-text-to-image', body: { image_size: 'portrait_16_9', rendering_speed: 'BALANCED' }, negative: true, seed: true, size: [288, 512] },
  { model: 'qwen-image', ...MARKET, apiModel: 'qwen/text-to-image', body: { image_size: 'portrait_16_9', output_format: 'png' }, negative: true, seed: true, size: [288, 512] },
];

/** The colour the fake paints a result of this prompt in. */
function colourOf(prompt: string): number[] {
  const hash = crypto.createHash('md5').update(prompt).digest();
  return [hash[0]!, hash[1]!, hash[2]!];
}

describe('every KIE image request shape against the fake', () => {
  it.each(CASES)('$model: create → poll → download → the picture on the scene', async (c) => {
    rig = await makeRig();
    const { core, fake } = rig;
    const prompt = `A lighthouse in a storm, drawn by ${c.model}`;
    const projectId = createProjectWith(core, makeScenes([prompt, 'The sea at night'], { model: c.model, negativePrompt: NEGATIVE, seed: SEED }));
    const before = readProjectFile(core.projects.dirOf(projectId));
    expect(before.output.preset).toBe('9:16');
    const scene = before.scenes[0]!;
    core.jobs.start();
    const [job] = generateScenes(core, projectId, [scene.id]).jobs;
    const done = await core.jobs.waitFor(job!.id);
    expect(done.state, done.error?.message).toBe('done');

    // What KIE was sent: one create on this model's endpoint, spelled as its docs say.
    expect(fake.createBodies.map((b) => b.path)).toEqual([c.create]);
    const sent = fake.createBodies[0]!.body;
    const input = (c.apiModel ? sent.input : sent) as Record<string, unknown>;
    if (c.apiModel) expect(sent.model).toBe(c.apiModel);
    expect(input).toMatchObject({ prompt, ...c.body });
    if (c.negative) expect(input.negative_prompt).toBe(NEGATIVE);
    else expect(JSON.stringify(sent)).not.toContain(NEGATIVE);
    if (c.seed) expect(input.seed).toBe(SEED);
    else expect(input).not.toHaveProperty('seed');
    // Polled on its own record path, with the task id KIE gave.
    const [task] = [...fake.tasks.values()];
    expect(fake.requests.some((r) => r.path === c.record)).toBe(true);
    expect((done.result as SceneImageResult).taskId).toBe(task!.id);

    // The picture: stored in the project, the scene's image, on the main track in the scene's place.
    const dir = core.projects.dirOf(projectId);
    const doc = readProjectFile(dir);
    expect(timelineIssues(doc)).toEqual([]);
    const assetId = doc.scenes[0]!.imageAssetId!;
    const asset = doc.assets[assetId]!;
    expect(asset).toMatchObject({ kind: 'image', source: 'kie', width: c.size[0], height: c.size[1] });
    const clip = mainTrack(doc).clips.find((k) => k.sceneId === scene.id)!;
    expect(clip).toMatchObject({ assetId, start: 0, duration: scene.duration, fit: 'cover' });
    const file = path.join(dir, asset.file);
    const meta = await sharp(file).metadata();
    expect([meta.width, meta.height]).toEqual(c.size);
    const { data } = await sharp(file).removeAlpha().resize(1, 1).raw().toBuffer({ resolveWithObject: true });
    // This task's picture (for Midjourney: the first of its four; the others are painted differently).
    expect([...data]).toEqual(colourOf(prompt));
    if (c.model === 'midjourney') expect(colourOf(`${prompt}2`)).not.toEqual(colourOf(prompt));
    expect(fake.stats.downloads).toBe(1);

    // The warnings the core returns and the page shows (in both languages).
    const warnings = (done.result as SceneImageResult).warnings;
    expect(warnings.some((w) => /has no negative prompt/.test(w))).toBe(!c.negative);
    const { models } = await call<{ models: Parameters<typeof sceneWarnings>[1] }>(core, 'images.models', {});
    const page = sceneWarnings(doc, models);
    expect(page.filter((w) => w.scene === 1).map((w) => w.kind)).toEqual([...(c.negative ? [] : ['noNegative']), ...(c.framedFrom ? ['framed'] : [])]);

    if (c.framedFrom) {
      // Made at 2:3, framed to fill the project's 9:16: the export crops a 9:16 region of the full height.
      expect(warnings).toContainEqual(expect.stringMatching(/has no 9:16: the picture is made at 2:3 and framed to fill 9:16/));
      expect(page.find((w) => w.kind === 'framed')).toMatchObject({ scene: 1, madeAt: c.framedFrom });
      for (const words of [en, es]) expect(words['storyboard.warnFramed']).toMatch(/\{model\}.*\{aspect\}.*\{madeAt\}/);
      const plan = planVideo({ clips: [clip], output: { width: 180, height: 320, fps: 24 }, images: new Map([[assetId, { width: asset.width!, height: asset.height! }]]) });
      const from = plan.clips[0]!.from;
      expect(from.h).toBeCloseTo(c.size[1], 0);
      expect(from.w / from.h).toBeCloseTo(9 / 16, 2);
      expect(from.w).toBeLessThan(c.size[0]);
    }
  }, 60_000);
});
