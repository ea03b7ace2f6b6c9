import fs from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readProjectFile } from '../../src-main/project/project-file.js';
import { timelineIssues } from '../../src-main/project/document.js';
import { startFakeKie, type FakeKie } from '../fakes/kie-server.js';
import { tempDir } from '../helpers/temp-core.js';

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
    expect(doc.tracks.images).toHaveLength(6);
    expect(timelineIssues(doc)).toEqual([]);
    expect(fake.stats.creates).toBe(6);
    expect(`${one.stdout}${one.stderr}${all.stdout}${all.stderr}`).not.toContain(fake.apiKey);
  }, 90_000);
});
