/**
 * "Animate" against the fake KIE: real core, real SQLite, real ffprobe on real MP4s. Each test checks
 * what the user ends with: the clip on the timeline and its file, the task ids KIE saw, the messages.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { animateScenes, planAnimation } from '../../src-main/animation/batch.js';
import { generateScenes } from '../../src-main/images/batch.js';
import type { Job } from '../../src-main/ipc/contract/jobs.js';
import { probeMedia } from '../../src-main/media/ffmpeg/probe.js';
import { timelineIssues } from '../../src-main/project/document.js';
import { readProjectFile } from '../../src-main/project/project-file.js';
import { KIE_LIMITS, RateGate } from '../../src-main/providers/kie/rate-gate.js';
import { KIE_VIDEO_MODELS } from '../../src-main/providers/kie/video-models.js';
import { call } from '../helpers/temp-core.js';
import { meanColourAt } from '../media/decode.js';
import { createProjectWith, makeRig, makeScenes, settle, type Rig } from '../images/harness.js';
import { mainClipOf, projectWithImages, until } from './harness.js';

/** Generous request timeouts: the machine is shared, and a timeout would be a different test. */
const TIMINGS = { requestTimeoutMs: 5000, pollInitialMs: 20, pollMaxMs: 80, pollTimeoutMs: 30_000, rateLimitRetrySeconds: 0 };

let rig: Rig | undefined;
afterEach(async () => {
  await rig?.cleanup();
  rig = undefined;
});

/** A rig whose credit cap does not get in the way (the cap has its own test). */
async function rigWith(options: Parameters<typeof makeRig>[0]): Promise<Rig> {
  const made = await makeRig(options);
  made.core.settings.set({ creditCap: 1_000_000 });
  return made;
}

function outcomeOf(job: Job): string {
  return job.state === 'done' ? 'done' : `${job.error?.code}: ${job.error?.message}`;
}

describe('Animate a scene', () => {
  it.each([
    { model: 'kling-2.1-pro', duration: 5, resolution: null, lastFrame: true },
    { model: 'veo-3.1-fast', duration: 8, resolution: null, lastFrame: true },
    { model: 'runway', duration: 10, resolution: '720p', lastFrame: false },
    { model: 'wan-2.5', duration: 10, resolution: '1080p', lastFrame: false },
  ])('$model: the scene ends as a video clip of $duration s on the main track in place of the still, which stays in the library', async ({ model, duration, resolution, lastFrame }) => {
    rig = await rigWith({ timings: TIMINGS });
    const { core, fake } = rig;
    const projectId = await projectWithImages(core, ['A lighthouse at dawn', 'A whale jumps', 'The moon rises']);
    const before = readProjectFile(core.projects.dirOf(projectId));
    const scene = before.scenes[1]!;
    const still = scene.imageAssetId!;
    const nextStart = mainClipOf(before, before.scenes[2]!.id).start;
    core.jobs.start();
    const { jobs, estimate } = animateScenes(core, { projectId, sceneIds: [scene.id], model, duration, resolution, prompt: 'The whale leaps, spray in slow motion', lastFrame });
    expect(estimate.totalCredits).toBe(KIE_VIDEO_MODELS[model]!.credits[resolution ? `${duration}@${resolution}` : `${duration}`]);
    const [job] = await settle(core, jobs.map((j) => j.id));
    expect(outcomeOf(job!)).toBe('done');

    const dir = core.projects.dirOf(projectId);
    const doc = readProjectFile(dir);
    expect(timelineIssues(doc)).toEqual([]);
    const clip = mainClipOf(doc, scene.id);
    const asset = doc.assets[clip.assetId]!;
    expect(asset).toMatchObject({ kind: 'video', source: 'kie', mime: 'video/mp4', width: 288, height: 512 });
    expect(Math.abs(asset.duration! - duration)).toBeLessThan(0.1);
    expect(Math.abs(clip.duration - duration)).toBeLessThan(0.1);
    expect(clip.kenBurns.from.zoom).toBe(1);
    // The file itself, as ffprobe reads it.
    const probe = await probeMedia(path.join(dir, asset.file));
    expect(Math.abs(probe.durationSeconds - duration)).toBeLessThan(0.1);
    expect(probe.video?.codec).toBe('h264');
    // The still is still the scene's image and still in the library; the next scene moved by the change.
    expect(doc.scenes[1]!.imageAssetId).toBe(still);
    expect(doc.assets[still]?.kind).toBe('image');
    expect(mainClipOf(doc, doc.scenes[2]!.id).start).toBeCloseTo(nextStart + (clip.duration - mainClipOf(before, scene.id).duration), 3);

    // What KIE was sent: the uploaded still (and the next scene's still as the last frame where taken).
    const [task] = [...fake.tasks.values()];
    expect(fake.tasks.size).toBe(1);
    expect(task!.duration).toBe(duration);
    expect(task!.prompt).toBe('The whale leaps, spray in slow motion');
    const uploaded = (url: string | null) => (url ? fake.uploads.get(url.split('/uploads/')[1]!) : undefined);
    expect(uploaded(task!.inputImage)?.equals(fs.readFileSync(path.join(dir, before.assets[still]!.file)))).toBe(true);
    if (lastFrame) expect(uploaded(task!.lastFrame)?.equals(fs.readFileSync(path.join(dir, before.assets[before.scenes[2]!.imageAssetId!]!.file)))).toBe(true);
    else expect(task!.lastFrame).toBeNull();
    expect(fake.stats.self429).toBe(0);
  }, 90_000);

  it('a restart while polling resumes the same task id: no second create, no second upload', async () => {
    // A restarted app may poll within a second of the old one: KIE's 429 then waits a second.
    // One gate for both cores, as one app process would have: the fake still counts the old core's requests.
    rig = await rigWith({ timings: { ...TIMINGS, rateLimitRetrySeconds: 1 }, fake: { slowPolls: 12 }, gate: new RateGate(KIE_LIMITS) });
    const projectId = await projectWithImages(rig.core, ['A comet [fault:slow]']);
    const sceneId = readProjectFile(rig.core.projects.dirOf(projectId)).scenes[0]!.id;
    rig.core.jobs.start();
    const [job] = animateScenes(rig.core, { projectId, model: 'kling-2.1-pro', duration: 5 }).jobs;
    await until(() => Boolean(rig!.core.jobs.rows.get(job!.id)?.checkpoint?.taskId) && rig!.fake.stats.polls > 2, 'the task id checkpoint and polls');
    const taskId = rig.core.jobs.rows.get(job!.id)!.checkpoint!.taskId as string;

    const core = await rig.reopen(); // the old core stops mid-poll; its row stays `running`
    expect(core.jobs.get(job!.id).state).toBe('running');
    core.jobs.start();
    const done = await core.jobs.waitFor(job!.id);
    expect(outcomeOf(done)).toBe('done');
    expect((done.result as { taskId: string }).taskId).toBe(taskId);
    expect(rig.fake.stats.creates).toBe(1);
    expect(rig.fake.stats.uploads).toBe(1);
    const doc = readProjectFile(core.projects.dirOf(projectId));
    expect(doc.assets[mainClipOf(doc, sceneId).assetId]?.kind).toBe('video');
  }, 90_000);

  it('every fault ends done or with a clear error on its own scene, nothing paid twice, the project valid', async () => {
    // A roomier account limit than KIE's, so 13 scenes polling at once do not wait on the gate for minutes.
    const gate = new RateGate({ all: { limit: 200, windowMs: 10_000 }, poll: { limit: 20, windowMs: 1000 } });
    rig = await rigWith({ timings: { ...TIMINGS, pollTimeoutMs: 6000, requestTimeoutMs: 1500 }, gate, fake: { hangMs: 3000, slowPolls: 4, rateLimit: { limit: 200, windowMs: 10_000 }, pollsPerSecond: 20 } });
    const { core, fake } = rig;
    const faults = ['ok', 'slow', '429', '455', '500', 'malformed', 'poll-timeout', '501', '422', 'expired', 'corrupt', 'genfail', 'stuck'];
    const projectId = await projectWithImages(core, faults.map((f) => `A storm over the sea [fault:${f}]`));
    const doc0 = readProjectFile(core.projects.dirOf(projectId));
    core.jobs.start();
    const jobs = await settle(core, animateScenes(core, { projectId, model: 'kling-2.1-pro', duration: 5 }).jobs.map((j) => j.id));
    const outcome = Object.fromEntries(
      jobs.map((job) => {
        const sceneId = (core.jobs.rows.get(job.id)!.payload as { sceneId: string }).sceneId;
        return [faults[doc0.scenes.findIndex((s) => s.id === sceneId)]!, outcomeOf(job)];
      }),
    );
    for (const f of ['ok', 'slow', '429', '455', '500', 'malformed', 'poll-timeout']) expect(outcome[f], f).toBe('done');
    expect(outcome['501']).toMatch(/^provider_error: KIE could not generate it \(code 501\) while starting a Kling 2.1 Pro video/);
    expect(outcome['422']).toMatch(/^invalid_input: KIE refused the request/);
    expect(outcome.expired).toMatch(/^provider_error: The clip of scene 10 could not be downloaded from KIE's storage \(HTTP 403\): its link has expired or the file is gone\. It failed twice; Retry animates scene 10 again \(this costs credits\)\.$/);
    expect(outcome.corrupt).toMatch(/^provider_error: KIE's clip for scene 11 is not a playable video \(\d+ bytes; it may have been cut short\)\. It failed twice/);
    expect(outcome.genfail).toMatch(/KIE could not make this video .*content refused/);
    expect(outcome.stuck).toMatch(/still generating after \d+ s; giving up/);
    // A create that KIE refused is sent again only when retrying can help; a made clip is never made twice.
    for (const f of faults) expect(fake.createsFor(`[fault:${f}]`), f).toBeLessThanOrEqual(1);
    const doc = readProjectFile(core.projects.dirOf(projectId));
    expect(timelineIssues(doc)).toEqual([]);
    const animated = doc.scenes.filter((s) => doc.assets[mainClipOf(doc, s.id).assetId]?.kind === 'video');
    expect(animated).toHaveLength(7);
    expect(fake.stats.self429).toBe(0);
  }, 120_000);

  it('402 stops the batch with a clear message and is never retried; a Retry after topping up finishes it', async () => {
    // One request in flight at a time, so the order of creates is the order of the batch. This gate does
    // not keep KIE's 20 per 10 s (the balance reads of the create witness add requests), so neither does the fake.
    const gate = new RateGate({ all: { limit: 1, windowMs: 1 }, poll: { limit: 3, windowMs: 1000 } }, Date.now, 0);
    rig = await rigWith({ timings: TIMINGS, gate, fake: { credits: 100, creditsPerTask: 50, rateLimit: { limit: 1000, windowMs: 1000 } } });
    const { core, fake } = rig;
    const projectId = await projectWithImages(core, ['One', 'Two', 'Three', 'Four', 'Five', 'Six']);
    core.jobs.start();
    const jobs = await settle(core, animateScenes(core, { projectId, model: 'kling-2.1-pro', duration: 5 }).jobs.map((j) => j.id));
    const done = jobs.filter((j) => j.state === 'done');
    const stopped = jobs.filter((j) => j.state === 'error');
    expect(done).toHaveLength(2);
    expect(stopped).toHaveLength(4);
    for (const job of stopped) {
      expect(job.error!.code).toBe('no_credits');
      expect(job.error!.message).toMatch(/Not enough KIE credits|KIE has no credits left/);
      expect(job.error!.message).toMatch(/Top up your KIE account/);
      expect(job.attempts).toBe(1); // never retried
    }
    // One create in flight at a time: the first 402 is the only one; the scenes after it never reach KIE.
    expect(fake.stats.credit402).toBe(1);
    for (const prompt of ['One', 'Two', 'Three', 'Four', 'Five', 'Six']) expect(fake.attemptsFor(prompt), prompt).toBeLessThanOrEqual(1);

    fake.account.credits = 1000;
    core.jobs.retry(stopped[0]!.id);
    expect(outcomeOf(await core.jobs.waitFor(stopped[0]!.id))).toBe('done');
  }, 90_000);

  it('the request gate holds over images and videos together', async () => {
    const gate = new RateGate({ all: { limit: 8, windowMs: 1000 }, poll: { limit: 3, windowMs: 1000 } }, Date.now, 20);
    rig = await rigWith({ timings: TIMINGS, gate, fake: { rateLimit: { limit: 8, windowMs: 1000 }, generationMs: 600 } });
    const { core, fake } = rig;
    const videoProject = await projectWithImages(core, Array.from({ length: 6 }, (_, i) => `A desert at hour ${i}`));
    const imageProject = createProjectWith(core, makeScenes(Array.from({ length: 6 }, (_, i) => `A forest at hour ${i}`)));
    const requestsBefore = fake.requests.length;
    core.jobs.start();
    const ids = [...animateScenes(core, { projectId: videoProject, model: 'veo-3.1-fast', duration: 8 }).jobs, ...generateScenes(core, imageProject).jobs].map((j) => j.id);
    const jobs = await settle(core, ids);
    expect(jobs.map(outcomeOf)).toEqual(ids.map(() => 'done'));
    expect(fake.requests.length - requestsBefore).toBeGreaterThan(3 * 8); // several windows' worth
    expect(fake.stats.self429).toBe(0);
    expect(fake.stats.pollRate429).toBe(0);
    expect(fake.maxPerWindow(1000)).toBeLessThanOrEqual(8);
    expect(fake.stats.creates).toBe(12);
  }, 120_000);

  it('the estimate of a 10-scene "animate all" matches the table; the cap refuses above it and nothing is sent', async () => {
    rig = await rigWith({ timings: TIMINGS });
    const { core, fake } = rig;
    const projectId = await projectWithImages(core, Array.from({ length: 11 }, (_, i) => `Scene ${i + 1}`), { withoutImage: [10] });
    core.settings.set({ creditCap: 5000 });
    const kling = planAnimation(core, { projectId, model: 'kling-2.1-pro', duration: 5 }).estimate;
    expect(kling).toMatchObject({ clips: 10, creditsPerClip: 50, totalCredits: 10 * KIE_VIDEO_MODELS['kling-2.1-pro']!.credits['5']!, withinCap: true, tableDate: '2026-12-01', skipped: ['scene 11'] });
    const wan = await call<{ totalCredits: number; clips: number; balance: number | null }>(core, 'scenes.animateEstimate', { projectId, model: 'wan-2.5', duration: 10, resolution: '1080p' });
    expect(wan).toMatchObject({ clips: 10, totalCredits: 10 * KIE_VIDEO_MODELS['wan-2.5']!.credits['10@1080p']!, balance: 1234 });

    core.settings.set({ creditCap: 499 });
    const requests = fake.requests.length;
    expect(() => animateScenes(core, { projectId, model: 'kling-2.1-pro', duration: 5 })).toThrow(/about 500 KIE credits, above your cap of 499/);
    expect(core.jobs.list({ projectId })).toEqual([]);
    expect(fake.requests.length).toBe(requests);
    core.settings.set({ creditCap: 500 });
    expect(animateScenes(core, { projectId, model: 'kling-2.1-pro', duration: 5 }).jobs).toHaveLength(10);
  }, 60_000);

  it('refuses what the model cannot make, naming it, before anything is queued', async () => {
    rig = await rigWith({ timings: TIMINGS });
    const { core } = rig;
    const projectId = await projectWithImages(core, ['A', 'B'], { withoutImage: [1] });
    const sceneB = readProjectFile(core.projects.dirOf(projectId)).scenes[1]!.id;
    expect(() => animateScenes(core, { projectId, model: 'kling-2.1-pro', duration: 7 })).toThrow(/Kling 2.1 Pro makes clips of 5 or 10 s, not 7 s/);
    expect(() => animateScenes(core, { projectId, model: 'hailuo-2.3-pro', duration: 10, resolution: '1080P' })).toThrow(/does not make 10 s clips at 1080P/);
    expect(() => animateScenes(core, { projectId, model: 'sora-9', duration: 5 })).toThrow(/"sora-9" is not a video model/);
    expect(() => animateScenes(core, { projectId, sceneIds: [sceneB], model: 'kling-2.1-pro', duration: 5 })).toThrow(/Scene 2 has no image to animate yet/);
    expect(core.jobs.list({ projectId })).toEqual([]);
  });
});

describe('an animated project exports', () => {
  it('renders the video clip into the MP4 at its length: its frames are the video, the next scene the still', async () => {
    rig = await rigWith({ timings: TIMINGS });
    const { core } = rig;
    const projectId = await projectWithImages(core, ['A lighthouse', 'A whale']);
    core.projects.update(projectId, (d) => ({ ...d, output: { ...d.output, width: 180, height: 320, fps: 24 } }), 'saved');
    core.jobs.start();
    const [job] = await settle(core, animateScenes(core, { projectId, model: 'kling-2.1-pro', duration: 5, sceneIds: [readProjectFile(core.projects.dirOf(projectId)).scenes[0]!.id] }).jobs.map((j) => j.id));
    expect(outcomeOf(job!)).toBe('done');
    const doc = readProjectFile(core.projects.dirOf(projectId));
    const length = doc.tracks.media.find((t) => t.role === 'main')!.clips.reduce((t, c) => Math.max(t, c.start + c.duration), 0);
    const started = await call<{ jobId: string }>(core, 'export.start', { projectId, fps: 24 });
    const exported = await core.jobs.waitFor(started.jobId);
    expect(outcomeOf(exported)).toBe('done');
    const probe = await probeMedia((exported.result as { file: string }).file);
    expect(Math.abs(probe.durationSeconds - length)).toBeLessThan(0.1);
    expect(length).toBeCloseTo(5 + 3, 1);

    // Inside the animated clip's time the export shows the video's picture, not the still: the fake
    // KIE's MP4 is one colour made from its task's prompt; the stills are other colours (harness.ts).
    const [task] = [...rig.fake.tasks.values()];
    const hash = crypto.createHash('md5').update(task!.prompt).digest();
    const videoColour = [hash[0]!, hash[1]!, hash[2]!];
    const stillColour = await meanColourAt(path.join(core.projects.dirOf(projectId), doc.assets[doc.scenes[0]!.imageAssetId!]!.file), 0);
    const secondStill = await meanColourAt(path.join(core.projects.dirOf(projectId), doc.assets[doc.scenes[1]!.imageAssetId!]!.file), 0);
    const distance = (a: number[], b: number[]) => Math.max(...a.map((v, i) => Math.abs(v - b[i]!)));
    expect(distance(videoColour, stillColour)).toBeGreaterThan(40); // the test can tell them apart
    const file = (exported.result as { file: string }).file;
    for (const t of [1, 2.5, 4.5]) {
      const frame = await meanColourAt(file, t);
      expect(distance(frame, videoColour), `frame at ${t} s: ${frame.map(Math.round).join(',')}`).toBeLessThan(8);
    }
    // After the clip, the next scene's still.
    expect(distance(await meanColourAt(file, 6.5), secondStill)).toBeLessThan(8);
  }, 120_000);
});
