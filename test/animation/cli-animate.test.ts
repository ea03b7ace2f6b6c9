import fs from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { timelineIssues } from '../../src-main/project/document.js';
import { readProjectFile } from '../../src-main/project/project-file.js';
import { startFakeKie, type FakeKie } from '../fakes/kie-server.js';
import { tempDir } from '../helpers/temp-core.js';

let fake: FakeKie;
let home: string;
beforeAll(async () => {
  fake = await startFakeKie();
  home = tempDir('whatif-cli-animate-');
});
afterAll(async () => {
  await fake.close();
  fs.rmSync(home, { recursive: true, force: true });
});

const whatif = (...args: string[]) =>
  execa('node', ['bin/whatif.mjs', ...args], {
    reject: false,
    timeout: 120_000,
    env: { WHATIF_HOME: path.join(home, 'data'), WHATIF_KIE_BASE_URL: fake.url, WHATIF_KIE_API_KEY: fake.apiKey },
  });

describe('whatif animate and whatif credits', () => {
  it('animates one scene after printing the cost and the balance; refuses an unknown model and a length it does not make', async () => {
    const dir = path.join(home, 'moon');
    expect((await whatif('project', 'new', dir, '--template', 'moon-vanished', '--language', 'en')).exitCode).toBe(0);
    expect((await whatif('generate', dir, '--scene', '1')).exitCode).toBe(0);

    const badModel = await whatif('animate', dir, '--scene', '1', '--model', 'sora-9');
    expect(badModel.exitCode).toBe(2);
    expect(badModel.stderr).toMatch(/--model must be one of: kling-2.1-pro \(5\/10 s\)/);
    const badLength = await whatif('animate', dir, '--scene', '1', '--model', 'veo-3.1-fast', '--duration', '5');
    expect(badLength.stderr).toMatch(/Veo 3.1 Fast makes clips of 8 s, not 5 s/);

    const run = await whatif('animate', dir, '--scene', '1', '--model', 'kling-2.1-pro', '--duration', '5', '--prompt', 'The moon fades out slowly');
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Animating 1 scene\(s\) of ".*" with Kling 2.1 Pro \(5 s\): 1 × 50 = about 50 credits \(cap 200; prices as of 2026-12-01\)\. KIE balance: 1234 credits\./);
    expect(run.stdout).toMatch(/Animate scene 1 \(Kling 2.1 Pro, 5 s\): done/);
    expect(run.stdout).toMatch(/1 of 1 scene\(s\) animated/);
    const doc = readProjectFile(dir);
    expect(timelineIssues(doc)).toEqual([]);
    const first = doc.tracks.media.find((t) => t.role === 'main')!.clips.find((c) => c.sceneId === doc.scenes[0]!.id)!;
    expect(doc.assets[first.assetId]).toMatchObject({ kind: 'video', duration: 5 });
    expect(fs.existsSync(path.join(dir, doc.assets[first.assetId]!.file))).toBe(true);

    const balance = await whatif('credits');
    expect(balance.exitCode).toBe(0);
    expect(balance.stdout).toBe('KIE balance: 1234 credits.');
    expect(`${run.stdout}${run.stderr}${balance.stdout}`).not.toContain(fake.apiKey);
  }, 180_000);
});
