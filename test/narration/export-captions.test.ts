/**
 * Acceptance: a narrated project exported to MP4 (the export engine of src-main/media) has the voice
 * and the burned captions in time: both present while a sentence is spoken, both absent in the pause
 * between sentences.
 */
import fs from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Job } from '../../src-main/ipc/contract/jobs.js';
import { closeNarration } from '../../src-main/narration/runtime.js';
import { addVoice } from '../../src-main/narration/voices/manage.js';
import { resolveBinary } from '../../src-main/platform/binaries.js';
import { readProjectFile } from '../../src-main/project/project-file.js';
import { makeProject } from '../media/fixtures.js';
import { call, makeTestCore, tempDir } from '../helpers/temp-core.js';
import { testVoice } from './helpers.js';
import { withTrackClips } from '../../src-main/project/document.js';
import { imagesOf, narrationOf } from '../helpers/tracks.js';

let core: ReturnType<typeof makeTestCore>;
let work: string;
beforeAll(async () => {
  work = tempDir('whatif-narr-export-');
  core = makeTestCore();
  await addVoice(core, testVoice(path.join(work, 'gen')));
  core.jobs.start();
});
afterAll(async () => {
  closeNarration(core);
  await core.cleanup();
  fs.rmSync(work, { recursive: true, force: true });
});

async function brightPixelsLowerHalf(file: string, t: number, width: number, height: number): Promise<number> {
  const { stdout } = await execa(resolveBinary('ffmpeg'), ['-v', 'error', '-ss', t.toFixed(3), '-i', file, '-frames:v', '1', '-f', 'rawvideo', '-pix_fmt', 'gray', '-'], { encoding: 'buffer' });
  const frame = Buffer.from(stdout as unknown as Uint8Array);
  let n = 0;
  for (let y = Math.floor(height * 0.55); y < height; y++) for (let x = 0; x < width; x++) if (frame[y * width + x]! > 225) n++;
  return n;
}

async function audioRms(file: string, from: number, to: number): Promise<number> {
  const { stdout } = await execa(resolveBinary('ffmpeg'), ['-v', 'error', '-ss', from.toFixed(3), '-t', (to - from).toFixed(3), '-i', file, '-vn', '-ac', '1', '-ar', '16000', '-f', 's16le', '-'], { encoding: 'buffer' });
  const pcm = Buffer.from(stdout as unknown as Uint8Array);
  let sum = 0;
  for (let i = 0; i + 1 < pcm.length; i += 2) sum += (pcm.readInt16LE(i) / 32768) ** 2;
  return Math.sqrt(sum / Math.max(1, pcm.length / 2));
}

describe('narrate then export', () => {
  it('burns captions in time with the voice', async () => {
    const { dir } = await makeProject(path.join(work, 'proj'), { count: 2, seconds: 1 });
    const id = core.projects.openFolder(dir).summary.id;
    core.projects.update(id, (doc) => withTrackClips({
      ...doc,
      narration: { ...doc.narration, engine: 'piper', voiceId: 'en_US-test-medium', wordsPerMinute: 160, sentenceSilence: 1.2, script: 'The sea turned to glass overnight. Nobody could explain why it happened.' },
      scenes: ['s1', 's2'].map((sid) => ({ id: sid, prompt: sid, negativePrompt: '', model: 'flux-kontext-pro', imageAssetId: null, duration: 1 })),
    }, 'main', imagesOf(doc).map((clip, i) => ({ ...clip, sceneId: `s${i + 1}` }))));
    const { job } = await call<{ job: Job }>(core, 'narration.synthesize', { projectId: id });
    const narrated = await core.jobs.waitFor(job.id);
    expect(narrated.state, JSON.stringify(narrated.error)).toBe('done');
    const doc = readProjectFile(dir);
    const voice = narrationOf(doc)[0]!;
    const cues = doc.tracks.captions.cues;
    const lastImage = imagesOf(doc).at(-1)!;
    expect(lastImage.start + lastImage.duration).toBeCloseTo(voice.duration, 2); // scenes follow the voice

    const destination = path.join(work, 'out.mp4');
    const exported = await call<{ jobId: string }>(core, 'export.start', { projectId: id, destination });
    const done = await core.jobs.waitFor(exported.jobId);
    expect(done.state, JSON.stringify(done.error)).toBe('done');

    // the pause between the two sentences: the first sentence's last cue has ended, the next has not begun
    const firstSentenceCues = cues.filter((c) => c.text.includes('overnight') || cues.indexOf(c) === 0);
    const pauseStart = Math.max(...firstSentenceCues.map((c) => c.end));
    const nextStart = cues.find((c) => c.start > pauseStart)!.start;
    expect(nextStart - pauseStart).toBeGreaterThan(0.5);
    const pauseMid = (pauseStart + nextStart) / 2;
    const { width, height } = doc.output;

    const quiet = await brightPixelsLowerHalf(destination, pauseMid, width, height);
    for (const cue of cues) {
      const mid = (cue.start + cue.end) / 2;
      const lit = await brightPixelsLowerHalf(destination, mid, width, height);
      expect(lit, `caption "${cue.text}" at ${mid.toFixed(2)} s`).toBeGreaterThan(quiet + 30);
      expect(await audioRms(destination, mid - 0.1, mid + 0.1), `voice under "${cue.text}"`).toBeGreaterThan(0.05);
    }
    expect(await audioRms(destination, pauseMid - 0.15, pauseMid + 0.15)).toBeLessThan(0.01);
  });
});
