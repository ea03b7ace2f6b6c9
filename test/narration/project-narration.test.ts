/** Narrating a project: WAV asset on the narration track, captions with word timings, scene lengths; bad input leaves the project as it was. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Job } from '../../src-main/ipc/contract/jobs.js';
import { closeNarration } from '../../src-main/narration/runtime.js';
import { addVoice } from '../../src-main/narration/voices/manage.js';
import { assetPath } from '../../src-main/project/assets.js';
import { ProjectDocumentSchema, type ProjectDocument } from '../../src-main/project/document.js';
import { PROJECT_FILE, readProjectFile } from '../../src-main/project/project-file.js';
import { call, makeTestCore, tempDir } from '../helpers/temp-core.js';
import { ffprobeDuration, readWav, rmsBetween, testVoice } from './helpers.js';
import { narrationOf } from '../helpers/tracks.js';

let core: ReturnType<typeof makeTestCore>;
let gen: string;
beforeAll(async () => {
  gen = tempDir('whatif-projvoice-');
  core = makeTestCore();
  await addVoice(core, testVoice(gen));
  core.jobs.start();
});
afterAll(async () => {
  closeNarration(core);
  await core.cleanup();
  fs.rmSync(gen, { recursive: true, force: true });
});

const SCRIPT = 'What if gravity took a day off? Cars would drift above the streets. Rivers would float into the sky.\n\nBy evening, everything would fall back down. Nobody would ever forget that Tuesday.';

async function project(script: string): Promise<{ id: string; dir: string }> {
  const summary = await call<{ id: string; dir: string }>(core, 'project.create', { name: `Gravity ${Math.random()}`, language: 'en' });
  core.projects.update(summary.id, (doc) => ({
    ...doc,
    narration: { ...doc.narration, engine: 'piper', voiceId: 'en_US-test-medium', wordsPerMinute: 170, script },
    scenes: [1, 2].map((n) => ({ id: `s${n}`, prompt: `scene ${n}`, negativePrompt: '', model: 'flux-kontext-pro', imageAssetId: null, duration: 4 })),
  }));
  return { id: summary.id, dir: summary.dir };
}

async function narrate(projectId: string): Promise<Job> {
  const changes: string[] = [];
  const unsubscribe = core.events.subscribe((name, payload) => {
    if (name === 'project.changed' && (payload as { id: string }).id === projectId) changes.push((payload as { reason: string }).reason);
  });
  const { job } = await call<{ job: Job }>(core, 'narration.synthesize', { projectId });
  const done = await core.jobs.waitFor(job.id);
  core.events.flush();
  unsubscribe();
  return Object.assign(done, { changes });
}

describe('narrating a project', () => {
  it('fills the narration track and the captions track and fits the scenes to the voice', async () => {
    const { id, dir } = await project(SCRIPT);
    const done = (await narrate(id)) as Job & { changes: string[] };
    expect(done.state, JSON.stringify(done.error)).toBe('done');
    expect(done.changes).toContain('narrated');
    const doc: ProjectDocument = readProjectFile(dir);
    expect(ProjectDocumentSchema.safeParse(doc).success).toBe(true);

    const clip = narrationOf(doc)[0]!;
    const asset = doc.assets[clip.assetId]!;
    expect(asset).toMatchObject({ kind: 'audio', source: 'narration', mime: 'audio/wav' });
    const file = assetPath(dir, asset);
    const audio = readWav(file);
    const length = audio.samples.length / audio.sampleRate;
    expect(Math.abs((await ffprobeDuration(file)) - length)).toBeLessThan(0.01);
    expect(clip.duration).toBeCloseTo(length, 3);
    expect(clip.start).toBe(0);

    const cues = doc.tracks.captions.cues;
    expect(cues.length).toBeGreaterThanOrEqual(5);
    expect(cues[0]!.text.replace(/\n/g, ' ')).toMatch(/^What if gravity took a day/);
    const words = cues.flatMap((c) => c.words ?? []);
    expect(words).toHaveLength(32);
    expect(words.map((w) => w.text)).toContain('Tuesday.');
    for (const cue of cues) {
      expect(cue.end).toBeGreaterThan(cue.start);
      expect(cue.text.split('\n').length).toBeLessThanOrEqual(2);
      expect(rmsBetween(audio, cue.start, cue.end)).toBeGreaterThan(0.01); // each cue is on voiced audio
    }
    expect(cues.at(-1)!.end).toBeLessThanOrEqual(length + 1e-3);

    const result = done.result as { sceneDurations: { duration: number; sentences: number[] }[]; applied: boolean };
    expect(result.applied).toBe(true);
    expect(result.sceneDurations).toHaveLength(2);
    expect(doc.scenes.map((s) => s.duration)).toEqual(result.sceneDurations.map((s) => s.duration));
    expect(doc.scenes.reduce((t, s) => t + s.duration, 0)).toBeCloseTo(length, 2);
  });

  it('refuses an emoji-only script and leaves the project untouched', async () => {
    const { id, dir } = await project('🌍 🚀 ✨');
    const before = fs.readFileSync(path.join(dir, PROJECT_FILE), 'utf8');
    const done = await narrate(id);
    expect(done.state).toBe('error');
    expect(done.error?.message).toMatch(/no words to read/);
    expect(done.attempts).toBe(1);
    expect(fs.readFileSync(path.join(dir, PROJECT_FILE), 'utf8')).toBe(before);
    expect(fs.existsSync(path.join(dir, 'assets')) ? fs.readdirSync(path.join(dir, 'assets')) : []).toEqual([]);
  });

  it('previews a sentence as a job into the cache', async () => {
    const { job } = await call<{ job: Job }>(core, 'narration.preview', { voiceId: 'piper:en_US-test-medium', text: 'Just one sentence to hear.', wordsPerMinute: 200 });
    const done = await core.jobs.waitFor(job.id);
    expect(done.state, JSON.stringify(done.error)).toBe('done');
    const result = done.result as { file: string; duration: number };
    expect(readWav(result.file).samples.length / 22050).toBeCloseTo(result.duration, 3);
  });
});
