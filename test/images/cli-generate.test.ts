import fs from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../src-main/core.js';
import { generate } from '../../src-main/cli/commands/generate.js';
import { readProjectFile } from '../../src-main/project/project-file.js';
import { timelineIssues } from '../../src-main/project/document.js';
import { startFakeKie, type FakeKie } from '../fakes/kie-server.js';
import { tempDir } from '../helpers/temp-core.js';
import { imagesOf } from '../helpers/tracks.js';

let fake: FakeKie;
let home: string;
beforeAll(async () => {
  fake = await startFakeKie();
  home = tempDir('whatif-cli-');
});
afterAll(async () => {
  await fake.close();
  fs.rmSync(home, { recursive: true, force: true });
});

/** Settings of the CLI's data folder, written the way the app writes them. */
async function withSettings(change: { creditCap: number }) {
  const core = createCore({ mode: 'cli', startJobs: false, home: path.join(home, 'data') });
  core.settings.set(change);
  await core.close();
}

const whatif = (...args: string[]) =>
  execa('node', ['bin/whatif.mjs', ...args], {
    reject: false,
    env: { WHATIF_HOME: path.join(home, 'data'), WHATIF_KIE_BASE_URL: fake.url, WHATIF_KIE_API_KEY: fake.apiKey },
  });

describe('whatif generate', () => {
  it('fills a project from the fake KIE: images in assets/, on the timeline, progress per scene', async () => {
    const dir = path.join(home, 'moon');
    expect((await whatif('project', 'new', dir, '--template', 'moon-vanished', '--language', 'en')).exitCode).toBe(0);
    const bad = await whatif('generate', dir, '--scene', '99');
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toMatch(/--scene must be a number from 1 to 6/);

    const one = await whatif('generate', dir, '--scene', '2');
    expect(one.exitCode, one.stderr).toBe(0);
    expect(one.stdout).toMatch(/Generating 1 scene image\(s\).*Estimated 5 credits/);
    expect(one.stdout).toMatch(/Scene 2 image: done/);
    expect(readProjectFile(dir).scenes.filter((s) => s.imageAssetId)).toHaveLength(1);

    const all = await whatif('generate', dir, '--all');
    expect(all.exitCode, all.stderr).toBe(0);
    expect(all.stdout).toMatch(/Generating 6 scene image\(s\).*1 from cache\. Estimated 25 credits/);
    for (let n = 1; n <= 6; n++) expect(all.stdout).toContain(`Scene ${n} image: done`);
    expect(all.stdout).toMatch(/6 of 6 scene image\(s\) ready \(1 from cache\)/);
    expect(all.stderr).toMatch(/warning: Scene 1: Flux Kontext Pro has no negative prompt/);
    const doc = readProjectFile(dir);
    expect(doc.scenes.every((s) => s.imageAssetId && fs.existsSync(path.join(dir, doc.assets[s.imageAssetId]!.file)))).toBe(true);
    expect(imagesOf(doc)).toHaveLength(6);
    expect(timelineIssues(doc)).toEqual([]);
    expect(fake.stats.creates).toBe(6);
    expect(`${one.stdout}${one.stderr}${all.stdout}${all.stderr}`).not.toContain(fake.apiKey);
  }, 90_000);

  it('--model picks the image model of the scenes it generates, kept in the project; an unknown one is refused naming the choices', async () => {
    const dir = path.join(home, 'models');
    expect((await whatif('project', 'new', dir, '--template', 'moon-vanished', '--language', 'en')).exitCode).toBe(0);
    expect(generate.usage).toBe('whatif generate <project-dir> [--scene N | --all] [--model ID]');

    const bad = await whatif('generate', dir, '--scene', '2', '--model', 'dall-e-9');
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toMatch(/--model must be one of: flux-kontext-pro \(5 credits\), .*gpt-4o-image \(6 credits\).*; not "dall-e-9"/);
    const creates = fake.stats.creates;
    expect(readProjectFile(dir).scenes.map((s) => s.model)).toEqual(Array(6).fill('flux-kontext-pro'));

    const run = await whatif('generate', dir, '--scene', '2', '--model', 'imagen-4');
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Generating 1 scene image\(s\) for ".*": 1 × Imagen 4 \(8 credits\).*Estimated 8 credits/);
    expect(run.stdout).toMatch(/Scene 2 image: done/);
    // The create went to KIE's Market with Imagen 4; only scene 2 changed model, as a scene card's choice does.
    expect(fake.stats.creates).toBe(creates + 1);
    expect(fake.createBodies.at(-1)).toMatchObject({ path: '/api/v1/jobs/createTask', body: { model: 'google/imagen4', input: { aspect_ratio: '9:16' } } });
    const doc = readProjectFile(dir);
    expect(doc.scenes.map((s) => s.model)).toEqual(['flux-kontext-pro', 'imagen-4', 'flux-kontext-pro', 'flux-kontext-pro', 'flux-kontext-pro', 'flux-kontext-pro']);
    expect(doc.scenes[1]!.imageAssetId).toBeTruthy();
    expect(timelineIssues(doc)).toEqual([]);

    // A batch the cap refuses leaves the scenes' models as they were.
    await withSettings({ creditCap: 10 });
    const refused = await whatif('generate', dir, '--all', '--model', 'midjourney');
    await withSettings({ creditCap: 200 });
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toMatch(/above your cap of 10/);
    expect(readProjectFile(dir).scenes.map((s) => s.model)).toEqual(doc.scenes.map((s) => s.model));
    expect(fake.stats.creates).toBe(creates + 1);
  }, 90_000);
});
