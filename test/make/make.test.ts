/**
 * The automatic mode against the fakes: an idea becomes a project whose scenes, prompts and narration
 * are the fake LLM's script, with KIE images (scene 1 the character reference) and an MP4; a schema
 * miss costs exactly one more LLM call; a restart in the middle pays for nothing twice.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Job } from '../../src-main/ipc/contract/jobs.js';
import type { MakeResult } from '../../src-main/make/make-payload.js';
import { startMake } from '../../src-main/make/start-make.js';
import { probeMedia } from '../../src-main/media/ffmpeg/probe.js';
import { readProjectFile } from '../../src-main/project/project-file.js';
import { narrationText } from '../../src-main/script-writer/script-schema.js';
import { scriptFor } from '../fakes/llm-server.js';
import { makeRig, type MakeRig } from './harness.js';
import { imagesOf } from '../helpers/tracks.js';
import { decodeMessage } from '../../src-main/messages.js';

let rig: MakeRig | null = null;
afterEach(async () => {
  await rig?.cleanup();
  rig = null;
});

const base = { language: 'en' as const, seconds: 12, scenes: 3, voiceId: 'system:en' };

describe('make: an idea to an MP4', () => {
  it('builds the project from the fake script, draws the scenes on KIE with one character, and exports', async () => {
    rig = await makeRig();
    const { core, llm, kie } = rig;
    const idea = 'What if whales could fly?';
    const { projectId, job } = startMake(core, { idea, ...base });
    core.jobs.start();
    const done = await core.jobs.waitFor(job.id);
    expect(done.error).toBeNull();
    const result = done.result as MakeResult;
    const expected = scriptFor(idea, 'en', 3);
    const doc = readProjectFile(core.projects.dirOf(projectId));
    expect(doc.scenes.map((s) => s.prompt)).toEqual(expected.scenes.map((s) => s.prompt));
    expect(doc.narration.script).toBe(narrationText(expected));
    expect(doc.style.style).toBe(`${expected.character}. ${expected.style}`);
    expect(doc.scenes.slice(1).every((s) => s.referenceSceneId === doc.scenes[0]!.id)).toBe(true);
    // KIE drew every scene once; scenes 2..3 were sent scene 1's picture as their reference.
    expect(kie.stats.creates).toBe(3);
    expect([...kie.tasks.values()].filter((t) => t.inputImage !== null)).toHaveLength(2);
    expect(result.images).toMatchObject({ kie: 3, placeholders: 0 });
    expect(llm.callsFor(idea)).toBe(1);
    expect(result.script?.cost.estimated).toBe(false);
    expect(result.script?.cost.usd).toBeGreaterThan(0);
    // Scenes follow the beats: each lasts from its paragraph's first sentence; clips vary and join with transitions.
    const clips = imagesOf(doc);
    expect(clips).toHaveLength(3);
    expect(new Set(clips.map((c) => JSON.stringify(c.kenBurns))).size).toBe(3);
    expect(clips[1]!.transitionIn.kind).not.toBe('cut');
    expect(doc.tracks.text.find((t) => t.id === 'make-title')?.text).toBe(expected.onScreenTitle);
    expect(doc.tracks.captions.cues.length).toBeGreaterThan(2);
    const probe = await probeMedia(result.file!);
    expect(probe.video).toMatchObject({ width: 1080, height: 1920 });
    expect(probe.audio).not.toBeNull();
    expect(Math.abs(probe.durationSeconds - doc.scenes.reduce((t, s) => t + s.duration, 0))).toBeLessThan(0.1);
  }, 180_000);

  it('a schema miss is repaired with exactly one more call; stopping after the storyboard asks no one for images', async () => {
    rig = await makeRig();
    const idea = 'What if the sea were sweet? [fault:schema]';
    const { projectId, job } = startMake(rig.core, { idea, ...base, stopAfterStoryboard: true });
    rig.core.jobs.start();
    const done = await rig.core.jobs.waitFor(job.id);
    const result = done.result as MakeResult;
    expect(result.stoppedAfter).toBe('storyboard');
    expect(result.script?.rounds).toBe(2);
    expect(result.script?.repaired).toMatch(/does not match the schema \(scenes/);
    expect(rig.llm.callsFor(idea)).toBe(2);
    expect(rig.kie.stats.creates).toBe(0);
    expect(readProjectFile(rig.core.projects.dirOf(projectId)).scenes).toHaveLength(3);
  }, 60_000);

  it('a 429 from the LLM is waited out (Retry-After) and retried by the queue', async () => {
    rig = await makeRig();
    const idea = 'What if it rained upwards? [fault:429]';
    const { job } = startMake(rig.core, { idea, ...base, stopAfterStoryboard: true });
    rig.core.jobs.start();
    const done = await rig.core.jobs.waitFor(job.id);
    expect(done.state).toBe('done');
    const scriptJob = rig.core.jobs.list({ projectId: done.projectId! }).find((j) => j.kind === 'script.write')!;
    expect(scriptJob.attempts).toBe(2);
  }, 60_000);

  it('a restart in the middle resumes without a second LLM or KIE call for finished steps', async () => {
    rig = await makeRig();
    const idea = 'What if trees could walk?';
    const { projectId, job } = startMake(rig.core, { idea, ...base });
    // Close the app as soon as the export is queued: script, narration and images are finished by then.
    const exportQueued = new Promise<void>((resolve) => {
      rig!.core.events.subscribe((name, payload) => {
        if (name === 'job.changed' && (payload as Job).kind === 'export.render' && (payload as Job).state === 'running') resolve();
      });
    });
    rig.core.jobs.start();
    await exportQueued;
    const core = await rig.reopen();
    expect(core.jobs.get(job.id).state).toBe('running'); // left running by the "crash"
    core.jobs.start();
    const done = await core.jobs.waitFor(job.id);
    expect(done.error).toBeNull();
    expect(rig.llm.callsFor(idea)).toBe(1);
    expect(rig.kie.stats.creates).toBe(3);
    const kinds = core.jobs.list({ projectId }).map((j) => `${j.kind}:${j.state}`).sort();
    expect(kinds).toEqual(['export.render:done', 'make.short:done', 'narration.synthesize:done', 'scene.image:done', 'scene.image:done', 'scene.image:done', 'script.write:done']);
    expect(fs.existsSync((done.result as MakeResult).file!)).toBe(true);
  }, 180_000);

  it('without a KIE key it finishes with placeholder art and says so', async () => {
    rig = await makeRig({ kieKey: false });
    const { job, projectId } = startMake(rig.core, { idea: 'What if snow were warm?', ...base, images: 'kie' });
    rig.core.jobs.start();
    const done = await rig.core.jobs.waitFor(job.id);
    const result = done.result as MakeResult;
    expect(result.images).toMatchObject({ kie: 0, placeholders: 3 });
    expect(decodeMessage(result.images!.warnings[0]!)).toMatchObject({ text: expect.stringMatching(/^No KIE key/), ref: { key: 'make.warn.noKieKey' } });
    // Stored as a message key (the page words it in its language): its English first.
    expect(result.offline.map((part) => decodeMessage(part).text)).toContain('images (3 placeholders made here)');
    expect(result.offline.map((part) => decodeMessage(part).ref?.key)).toContain('make.offline.placeholders');
    const doc = readProjectFile(rig.core.projects.dirOf(projectId));
    expect(Object.values(doc.assets).filter((a) => a.source === 'generated')).toHaveLength(3);
    expect(rig.kie.stats.creates).toBe(0);
  }, 180_000);

  it('a script above the cost cap is refused before the LLM is called, naming the step', async () => {
    rig = await makeRig({ writer: { costCapUsd: 0 } });
    const idea = 'What if gold were cheap?';
    const { job } = startMake(rig.core, { idea, ...base });
    rig.core.jobs.start();
    const done = await rig.core.jobs.waitFor(job.id);
    expect(done.state).toBe('error');
    expect(done.error?.message).toMatch(/^The script step failed: Writing this script would cost about \$0\.0\d+, above your cap of \$0\.00/);
    expect(rig.llm.callsFor(idea)).toBe(0);
  });

  it('make.batch through the contract: one project per idea, and one failing idea does not stop the other', async () => {
    rig = await makeRig();
    const result = await rig.core.dispatch('make.batch', { ideas: ['What if dogs could read?', 'What if ice burned? [fault:schema-always]'], language: 'en', seconds: 12, scenes: 2, stopAfterStoryboard: true });
    if (!result.ok) throw new Error(result.error.message);
    const { items } = result.data as { items: { projectId: string; job: Job }[] };
    expect(new Set(items.map((i) => i.projectId)).size).toBe(2);
    rig.core.jobs.start();
    const finished = await Promise.all(items.map((i) => rig!.core.jobs.waitFor(i.job.id)));
    expect(finished.map((j) => j.state)).toEqual(['done', 'error']);
    expect(finished[1]!.error?.message).toMatch(/^The script step failed: .*answered twice/);
    expect(readProjectFile(rig.core.projects.dirOf(items[0]!.projectId)).scenes).toHaveLength(2);
  }, 60_000);

  it('make.start through the contract: images "own" needs an existing full-path folder, checked before any project is made', async () => {
    rig = await makeRig();
    const asked = { idea: 'What if trees could walk?', language: 'en' as const, seconds: 10, images: 'own' as const };
    const missing = path.join(rig.home, 'no-such-folder');
    const answers = await Promise.all([
      rig.core.dispatch('make.start', asked),
      rig.core.dispatch('make.start', { ...asked, ownImagesDir: 'pictures/mine' }),
      rig.core.dispatch('make.start', { ...asked, ownImagesDir: missing }),
    ]);
    expect(answers.map((a) => (a.ok ? 'ok' : a.error.message))).toEqual([
      'Your own pictures were asked for, but no folder of pictures was given: choose the folder.',
      'The folder of pictures "pictures/mine" must be a full path, like /home/me/Pictures or C:\\Users\\me\\Pictures.',
      `The folder of pictures "${missing}" does not exist or is not a folder.`,
    ]);
    expect(rig.core.projects.list()).toHaveLength(0);
    const pictures = path.join(rig.home, 'pictures');
    fs.mkdirSync(pictures);
    const started = await rig.core.dispatch('make.start', { ...asked, ownImagesDir: pictures, tone: 'playful', scenes: 2 });
    if (!started.ok) throw new Error(started.error.message);
    const { job } = started.data as { job: Job };
    expect(rig.core.jobs.rows.get(job.id)?.payload).toMatchObject({ images: 'own', ownImagesDir: pictures, request: { tone: 'playful', scenes: 2 } });
  }, 30_000);

  it('streams drafts into the project while the model writes (the panels fill before the script is done)', async () => {
    rig = await makeRig();
    const { projectId, job } = startMake(rig.core, { idea: 'What if mountains could move?', ...base, scenes: 4, stopAfterStoryboard: true });
    const seen: number[] = [];
    rig.core.events.subscribe((name, payload) => {
      if (name === 'project.changed' && (payload as { id: string }).id === projectId) seen.push(readProjectFile(rig!.core.projects.dirOf(projectId)).scenes.length);
    });
    rig.core.jobs.start();
    await rig.core.jobs.waitFor(job.id);
    // One write per finished scene while streaming, then the finished script.
    expect(seen).toEqual([1, 2, 3, 4, 4]);
  }, 60_000);
});
