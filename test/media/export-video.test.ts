/**
 * Video clips through the real export: ffmpeg-made sources with a frame counter burned in (60 fps,
 * variable frame rate, rotated, 10-bit, odd size, with and without sound) exported at 30 fps; the
 * counter read back from the MP4 at given frames must be the source frame on screen at that time.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportProject } from '../../src-main/media/export/export-project.js';
import { probeMedia } from '../../src-main/media/ffmpeg/probe.js';
import { makeClip, type MediaClipInput, type ProjectDocument } from '../../src-main/project/document.js';
import { tempDirsForThisFile } from '../helpers/temp-core.js';
import { imagesOf } from '../helpers/tracks.js';
import { grayFrames, pcm, toneLevel } from './decode.js';
import { addVideoAsset, counterAt, counterVideo, emptyProject, frameTimes, readCounter, type CounterVideo } from './video-fixtures.js';

const dir = tempDirsForThisFile('whatif-export-video-');
const W = 180;
const H = 320;
const FULL = { x: 0, y: 0, w: W, h: H };

/** `segments`: one segment (the whole picture in one encoder), or as the export cuts them (joins exercised). */
async function exportDoc(project: string, doc: ProjectDocument, segments: 'one' | 'cut' = 'one') {
  const out = path.join(project, 'out.mp4');
  const result = await exportProject({ projectDir: project, doc, output: doc.output, destination: out, ...(segments === 'one' ? { segmentSeconds: 3600 } : {}) });
  return { out, result, frames: await grayFrames(out, doc.output.width, doc.output.height) };
}

function mainVideo(doc: ProjectDocument, assetId: string, input: Partial<MediaClipInput> & { start: number; duration: number }, id = `v${imagesOf(doc).length + 1}`) {
  imagesOf(doc).push(makeClip({ id, assetId, ...input }));
}

const KINDS: Array<[string, CounterVideo]> = [
  ['30 fps with sound', { audio: true }],
  ['60 fps', { fps: 60 }],
  ['variable frame rate', { vfr: true }],
  ['rotated (display matrix)', { rotated: true }],
  ['10-bit', { tenBit: true }],
  ['BT.709 tagged', { bt709: true, audio: true }],
  ['odd size 181x321', { width: 181, height: 321 }],
  ['25 fps', { fps: 25 }],
];

describe('main-track video clips', () => {
  for (const [name, options] of KINDS) {
    it(`${name}: duration, the frames at given times, its sound`, async () => {
      const project = dir();
      const source = await counterVideo(project, 'source.mp4', { seconds: 3, ...options });
      const times = await frameTimes(source);
      const doc = emptyProject(project);
      mainVideo(doc, await addVideoAsset(project, doc, source), { start: 0, duration: 2, sourceIn: 0.5 });
      const { out, result, frames } = await exportDoc(project, doc);
      const probe = await probeMedia(out);
      expect(probe.video?.frames).toBe(60);
      expect(Math.abs(probe.durationSeconds - 2)).toBeLessThan(0.05);
      for (const k of [0, 1, 15, 31, 59]) expect([k, readCounter(frames[k]!, W, FULL)]).toEqual([k, counterAt(times, 0.5 + k / 30)]);
      expect(result.hasAudio).toBe(Boolean(options.audio));
      if (options.audio) {
        const samples = await pcm(out);
        expect(toneLevel(samples, 8000, 440, 0.3, 1.7)).toBeGreaterThan(0.05);
      }
    }, 120_000);
  }

  it('speeds 2x and 0.5x, across a chunk cut, after a crossfade from another video', async () => {
    const project = dir();
    const source = await counterVideo(project, 'fast.mp4', { fps: 60, seconds: 8 });
    const times = await frameTimes(source);
    const doc = emptyProject(project);
    const id = await addVideoAsset(project, doc, source);
    mainVideo(doc, id, { start: 0, duration: 2.5, sourceIn: 0, speed: 2 });
    mainVideo(doc, id, { start: 2.5, duration: 2.5, sourceIn: 1, speed: 0.5, transitionIn: { kind: 'crossfade', duration: 0.4 } });
    const { frames } = await exportDoc(project, doc, 'cut');
    expect(frames.length).toBe(150);
    // Clip 1 (2x): frame k shows source time 2k/30; clip 2 (0.5x) from frame 75: 1 + (k-75)/60.
    for (const k of [0, 10, 40, 60]) expect([k, readCounter(frames[k]!, W, FULL)]).toEqual([k, counterAt(times, (2 * k) / 30)]);
    for (const k of [80, 100, 120, 149]) expect([k, readCounter(frames[k]!, W, FULL)]).toEqual([k, counterAt(times, 1 + (k - 75) / 60)]);
  }, 120_000);

  it('a source shorter than its slot holds its last frame', async () => {
    const project = dir();
    // 2.5 s of picture in a file whose sound (and so the container) lasts 3 s.
    const source = await counterVideo(project, 'short.mp4', { seconds: 2.5, audio: true, audioSeconds: 3 });
    const times = await frameTimes(source);
    const doc = emptyProject(project);
    const id = await addVideoAsset(project, doc, source);
    mainVideo(doc, id, { start: 0, duration: 3, muted: true });
    const { frames } = await exportDoc(project, doc);
    expect(frames.length).toBe(90);
    const last = counterAt(times, 2.5);
    for (const k of [76, 80, 89]) expect(readCounter(frames[k]!, W, FULL)).toBe(last);
  }, 120_000);
});
