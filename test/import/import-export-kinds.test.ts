/**
 * Every kind of video a user brings, through THE import (importMedia: what the media bin, a timeline
 * drop and `whatif import` call) and then the export job: the counter sources of
 * test/media/export-video.test.ts (30 fps with sound, 60 fps, variable frame rate, rotated by its
 * display matrix, 10-bit, odd size 181x321; all but the first without sound) are imported onto the
 * main track one after another, exported at 180x320 @ 30, and the counter burned into each source is
 * read back at given times of each clip, plus the tone where (and only where) a clip has sound.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Job } from '../../src-main/ipc/contract/jobs.js';
import { importMedia } from '../../src-main/media/import/import-media.js';
import { probeMedia } from '../../src-main/media/ffmpeg/probe.js';
import { readProjectFile } from '../../src-main/project/project-file.js';
import { call, makeTestCore, tempDirsForThisFile } from '../helpers/temp-core.js';
import { imagesOf } from '../helpers/tracks.js';
import { grayFrames, pcm, toneLevel } from '../media/decode.js';
import { counterAt, counterVideo, frameTimes, readCounter, type CounterVideo } from '../media/video-fixtures.js';

const newDir = tempDirsForThisFile('whatif-import-kinds-');
const W = 180;
const H = 320;
const FPS = 30;
const FULL = { x: 0, y: 0, w: W, h: H };
const SECONDS = 1.5;

const KINDS: Array<[name: string, options: CounterVideo]> = [
  ['with-sound.mp4', { audio: true }],
  ['sixty-fps.mp4', { fps: 60 }],
  ['variable-rate.mp4', { vfr: true }],
  ['rotated.mp4', { rotated: true }],
  ['ten-bit.mp4', { tenBit: true }],
  ['odd-size.mp4', { width: 181, height: 321 }],
];

let core: ReturnType<typeof makeTestCore>;
beforeAll(() => {
  core = makeTestCore();
});
afterAll(async () => core?.cleanup());

describe('each kind of video: imported, then exported', () => {
  it('lands on the main track with its probed length and exports its own frames and sound', async () => {
    const sources = newDir();
    const files = await Promise.all(KINDS.map(([name, options]) => counterVideo(sources, name, { seconds: SECONDS, ...options })));
    const times = await Promise.all(files.map((file) => frameTimes(file)));
    const project = await call<{ id: string; dir: string }>(core, 'project.create', { name: 'Every kind' });
    const imported = await importMedia(core, { projectId: project.id, files: files.map((file) => ({ path: file, name: path.basename(file) })), place: { trackId: 'main', start: 0 } });
    expect(imported.clips.map((c) => c.trackId)).toEqual(KINDS.map(() => 'main'));

    core.projects.update(project.id, (doc) => ({ ...doc, output: { ...doc.output, width: W, height: H, fps: FPS, quality: 'draft' }, tracks: { ...doc.tracks, captions: { ...doc.tracks.captions, cues: [] } } }), 'saved');
    const doc = readProjectFile(project.dir);
    const clips = imagesOf(doc);
    const assets = clips.map((c) => doc.assets[c.assetId]!);
    expect(assets.map((a) => a.originalName)).toEqual(KINDS.map(([name]) => name));
    expect(assets.map((a) => a.hasAudio)).toEqual(KINDS.map(([, o]) => Boolean(o.audio)));
    expect({ width: assets[3]!.width, height: assets[3]!.height }).toEqual({ width: W, height: H }); // rotated: as displayed
    expect(assets[1]!.fps).toBe(60);
    for (const [i, clip] of clips.entries()) {
      expect(clip.duration, KINDS[i]![0]).toBeGreaterThan(SECONDS - 0.15);
      expect(clip.duration, KINDS[i]![0]).toBeLessThan(SECONDS + 0.1);
      if (i > 0) expect(clip.start).toBeCloseTo(clips[i - 1]!.start + clips[i - 1]!.duration, 3);
    }
    const end = clips.at(-1)!.start + clips.at(-1)!.duration;

    const started = await call<{ jobId: string; job: Job }>(core, 'export.start', { projectId: project.id, destination: path.join(newDir(), 'kinds.mp4') });
    core.jobs.start();
    const done = await core.jobs.waitFor(started.jobId);
    expect(done.state, done.error?.message).toBe('done');
    const out = (done.result as { file: string }).file;
    const probe = await probeMedia(out);
    expect(probe.video).toMatchObject({ codec: 'h264', width: W, height: H });
    expect(Math.abs(probe.durationSeconds - end)).toBeLessThan(0.07);
    const frames = await grayFrames(out, W, H);
    expect(Math.abs(frames.length - Math.round(end * FPS))).toBeLessThanOrEqual(1);

    // Early, middle and late in each clip: the source frame on screen at that time of the clip. A clip
    // starts on the output frame nearest its start (the variable-rate clip lasts 1.467 s, so the
    // next ones start between frames), and its n-th frame shows the source at n / fps.
    for (const [i, clip] of clips.entries()) {
      const first = Math.round(clip.start * FPS);
      for (const f of [0.15, 0.5, 0.85]) {
        const k = Math.round((clip.start + f * clip.duration) * FPS);
        expect([KINDS[i]![0], k, readCounter(frames[k]!, W, FULL)]).toEqual([KINDS[i]![0], k, counterAt(times[i]!, (k - first) / FPS)]);
      }
    }

    // The tone is heard under the clip that has sound, and nowhere else.
    const samples = await pcm(out, 8000);
    const first = clips[0]!;
    expect(toneLevel(samples, 8000, 440, first.start + 0.2, first.start + first.duration - 0.2)).toBeGreaterThan(0.05);
    expect(toneLevel(samples, 8000, 440, clips[1]!.start + 0.2, end - 0.1)).toBeLessThan(0.005);
  }, 240_000);
});
