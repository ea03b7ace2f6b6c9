import { afterEach, describe, expect, it } from 'vitest';
import { generateScenes } from '../../src-main/images/batch.js';
import { configureImages } from '../../src-main/images/runtime.js';
import { readProjectFile } from '../../src-main/project/project-file.js';
import { call } from '../helpers/temp-core.js';
import { imagesOf } from '../helpers/tracks.js';
import { createProjectWith, FAST_TIMINGS, makeRig, makeScenes, settle, type Rig } from './harness.js';

let rig: Rig | undefined;
afterEach(async () => {
  await rig?.cleanup();
  rig = undefined;
});

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 1000; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('restart, cancel, keys', () => {
  it('a restart mid-poll resumes polling the same task id and never creates it twice', async () => {
    rig = await makeRig({ fake: { generationMs: 1500 }, timings: { pollTimeoutMs: 60_000 } });
    const projectId = createProjectWith(rig.core, makeScenes(['An owl on a branch']));
    rig.core.jobs.start();
    const [job] = generateScenes(rig.core, projectId).jobs;
    await until(() => Boolean(rig!.core.jobs.rows.get(job!.id)?.checkpoint?.taskId) && rig!.fake.stats.polls > 0, 'the task id checkpoint and a poll');
    const taskId = rig.core.jobs.rows.get(job!.id)!.checkpoint!.taskId as string;
    expect(rig.fake.stats.creates).toBe(1);

    const core = await rig.reopen(); // the old core stops mid-poll; its row stays `running`
    expect(core.jobs.get(job!.id).state).toBe('running');
    core.jobs.start();
    const done = await core.jobs.waitFor(job!.id);
    expect(done.error).toBeNull();
    expect(done.state).toBe("done");
    expect((done.result as { taskId: string }).taskId).toBe(taskId);
    expect(rig.fake.stats.creates).toBe(1);
    expect(readProjectFile(core.projects.dirOf(projectId)).scenes[0]!.imageAssetId).toBe((done.result as { assetId: string }).assetId);
  });

  it('killed mid-batch, asking again joins the recovered jobs: the batch finishes and nothing is created twice', async () => {
    rig = await makeRig({ fake: { generationMs: 1200 }, timings: { pollTimeoutMs: 60_000 } });
    const projectId = createProjectWith(rig.core, makeScenes(Array.from({ length: 5 }, (_, i) => `A kite number ${i}`)));
    rig.core.jobs.start();
    const ids = generateScenes(rig.core, projectId).jobs.map((j) => j.id);
    // Killed once every task id is checkpointed: a kill between KIE receiving a create and the app
    // saving its id cannot be told apart from a lost request (KIE has no idempotency key).
    await until(() => rig!.fake.stats.creates === 5 && ids.every((id) => typeof rig!.core.jobs.rows.get(id)?.checkpoint?.taskId === 'string'), 'all five created and saved');
    const core = await rig.reopen();
    const again = generateScenes(core, projectId).jobs.map((j) => j.id);
    expect(new Set(again)).toEqual(new Set(ids));
    core.jobs.start();
    const jobs = await settle(core, again);
    expect(jobs.map((j) => j.error)).toEqual(Array(5).fill(null));
    expect(rig.fake.stats.creates).toBe(5);
    expect(imagesOf(readProjectFile(core.projects.dirOf(projectId)))).toHaveLength(5);
  });

  it('cancel stops a batch within a second and nothing more is sent', async () => {
    rig = await makeRig({ fake: { generationMs: 60_000 } });
    configureImages(rig.core, { baseUrl: rig.fake.url, timings: { ...FAST_TIMINGS, pollTimeoutMs: 120_000 } });
    const projectId = createProjectWith(rig.core, makeScenes(Array.from({ length: 8 }, (_, i) => `A slow painting ${i}`)));
    rig.core.jobs.start();
    const ids = generateScenes(rig.core, projectId).jobs.map((j) => j.id);
    await until(() => rig!.fake.stats.creates === 8 && rig!.fake.stats.polls >= 3, 'all created and polling');
    const asked = Date.now();
    for (const id of ids) rig.core.jobs.cancel(id);
    const jobs = await settle(rig.core, ids);
    const elapsed = Date.now() - asked;
    expect(jobs.map((j) => j.state)).toEqual(Array(8).fill('cancelled'));
    expect(elapsed).toBeLessThan(1000);
    const sent = rig.fake.requests.length;
    await new Promise((r) => setTimeout(r, 300));
    expect(rig.fake.requests.length).toBe(sent);
  });

  it('a wrong key fails clearly and the key never appears in a log, an error or an IPC reply', async () => {
    const secret = 'sk-live-VERY-SECRET-0123456789abcdef';
    rig = await makeRig({ key: secret });
    const { core } = rig;
    const projectId = createProjectWith(core, makeScenes(['A bridge at night']));
    core.jobs.start();
    const [job] = await settle(core, generateScenes(core, projectId).jobs.map((j) => j.id));
    expect(job).toMatchObject({ state: 'error', attempts: 1, error: { code: 'auth_error' } });
    const replies = [
      await core.dispatch('jobs.list', {}),
      await core.dispatch('jobs.get', { id: job!.id }),
      await core.dispatch('secrets.status', {}),
      await core.dispatch('secrets.test', { name: 'kie' }),
      await core.dispatch('scenes.estimate', { projectId }),
    ];
    expect((replies[3] as { ok: true; data: { ok: boolean } }).data.ok).toBe(false);
    const everything = JSON.stringify(replies) + JSON.stringify(job) + rig.logs.join('\n');
    expect(rig.logs.length).toBeGreaterThan(0);
    expect(everything).not.toContain(secret);
    expect(everything).not.toContain(secret.slice(8, 24));
    expect([...rig.fake.stats.authHeaders]).toContain(`Bearer ${secret}`); // it was sent, as a header only
  });

  it('the key tester reports remaining credits with a good key', async () => {
    rig = await makeRig();
    expect(await call(rig.core, 'secrets.test', { name: 'kie' })).toEqual({ ok: true, message: 'KIE key works: 1234 credits left.', key: 'keys.kieWorks', values: { credits: 1234 } });
  });

  it('scenes take their look from another scene: the reference is uploaded and sent as the input image', async () => {
    // A dependant waits for its reference up to the poll deadline: generous, so a busy machine is no failure.
    rig = await makeRig({ timings: { pollTimeoutMs: 30_000 } });
    const { core, fake } = rig;
    const scenes = makeScenes(['A girl in a red coat', 'The same girl on a bus', 'The same girl at the sea']);
    scenes[1]!.referenceSceneId = scenes[0]!.id;
    scenes[2]!.referenceSceneId = scenes[0]!.id;
    const projectId = createProjectWith(core, scenes);
    core.jobs.start();
    // Ask for the dependants first: the batch still makes the reference first.
    const jobs = await settle(core, generateScenes(core, projectId, [scenes[2]!.id, scenes[1]!.id, scenes[0]!.id]).jobs.map((j) => j.id));
    expect(jobs.map((j) => j.error)).toEqual([null, null, null]);
    const tasks = [...fake.tasks.values()];
    expect(tasks.find((t) => t.prompt.startsWith('A girl'))!.inputImage).toBeNull();
    for (const prefix of ['The same girl on', 'The same girl at']) expect(tasks.find((t) => t.prompt.startsWith(prefix))!.inputImage).toMatch(/\/uploads\//);
    expect(fake.stats.uploads).toBeGreaterThanOrEqual(1);
  });
});
