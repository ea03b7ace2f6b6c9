/**
 * A 10-minute project of video clips exports (at a small output size): 60 clips of one 10 s source
 * with sound, a logo over all of it. Every decoder is started per clip and chunk and streams, so
 * memory does not grow with length (bench:export measures it); here the result is checked: its
 * length, its frame count, the right source frames late in the project, and its sound.
 */
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { exportProject } from '../../src-main/media/export/export-project.js';
import { probeMedia } from '../../src-main/media/ffmpeg/probe.js';
import { storeAssetBuffer } from '../../src-main/project/assets.js';
import { makeClip } from '../../src-main/project/document.js';
import { tempDirsForThisFile } from '../helpers/temp-core.js';
import { imagesOf, setClips } from '../helpers/tracks.js';
import { grayFrames } from './decode.js';
import { addVideoAsset, counterAt, counterVideo, emptyProject, frameTimes, readCounter } from './video-fixtures.js';

const dir = tempDirsForThisFile('whatif-export-long-');

describe('a long project of video clips', () => {
  it('10 minutes of video clips export with the right length, frames and sound', async () => {
    const project = dir();
    const W = 90;
    const H = 160;
    const doc = emptyProject(project, { width: W, height: H, fps: 24 });
    const source = await counterVideo(project, 'clip.mp4', { seconds: 10.5, audio: true, width: 180, height: 320 });
    const times = await frameTimes(source);
    const id = await addVideoAsset(project, doc, source);
    for (let i = 0; i < 60; i++) imagesOf(doc).push(makeClip({ id: `v${i}`, assetId: id, start: i * 10, duration: 10, sourceIn: (i % 3) * 0.25, gainDb: -6, transitionIn: i % 10 === 5 ? { kind: 'crossfade', duration: 0.5 } : undefined }));
    const logo = await storeAssetBuffer(project, await sharp({ create: { width: 40, height: 20, channels: 4, background: { r: 255, g: 255, b: 255, alpha: 0.5 } } }).png().toBuffer(), 'png', { kind: 'image', width: 40, height: 20, source: 'generated' });
    doc.assets[logo.id] = logo;
    setClips(doc, 'overlay', [makeClip({ id: 'logo', assetId: logo.id, start: 0, duration: 600, transform: { x: 0.5, y: 0.08, scale: 0.4, rotation: 0 } })]);
    const out = path.join(project, 'long.mp4');
    const result = await exportProject({ projectDir: project, doc, output: doc.output, destination: out });
    const probe = await probeMedia(out);
    expect(Math.abs(probe.durationSeconds - 600)).toBeLessThan(0.1);
    expect(probe.video?.frames).toBe(600 * 24);
    expect(result.hasAudio).toBe(true);
    expect(probe.audio?.codec).toBe('aac');
    const frames = await grayFrames(out, W, H);
    const full = { x: 0, y: 0, w: W, h: H };
    for (const clip of [0, 31, 59]) {
      for (const local of [12, 100, 230]) {
        const k = clip * 240 + local;
        expect([k, readCounter(frames[k]!, W, full)]).toEqual([k, counterAt(times, (clip % 3) * 0.25 + local / 24)]);
      }
    }
  }, 900_000);
});
