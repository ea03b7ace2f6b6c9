import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildAss } from '../../src-main/media/captions/ass.js';
import { assWindow, parseAssTime } from '../../src-main/media/captions/ass-window.js';
import { parseEncoderList } from '../../src-main/media/encoders/encoders.js';
import { SegmentCache } from '../../src-main/media/export/segment-cache.js';
import { segmentKey } from '../../src-main/media/export/segment-key.js';
import { planVideo } from '../../src-main/media/render/video-plan.js';
import { createEmptyDocument, type CaptionsTrack } from '../../src-main/project/document.js';
import { tempDirsForThisFile } from '../helpers/temp-core.js';
import { imageClip } from './fixtures.js';

const tmp = tempDirsForThisFile('whatif-segkey-');
const output = { width: 180, height: 320, fps: 30 as const };
const images = new Map([
  ['a', { width: 400, height: 600 }],
  ['b', { width: 600, height: 400 }],
]);
const clips = [imageClip('c1', 'a', 0, 4), imageClip('c2', 'b', 4, 4, { transitionIn: { kind: 'crossfade', duration: 0.5 } }), imageClip('c3', 'a', 8, 4)];
const captions = (text: string, start = 9): CaptionsTrack => ({ ...createEmptyDocument({ id: 'x', name: 'x', now: '' }).tracks.captions, cues: [{ id: 'q', start, end: start + 1, text }] });
const keys = (planClips = clips, cues = captions('hello')) => {
  const plan = planVideo({ clips: planClips, output, images });
  const ass = buildAss({ frame: output, text: [], captions: cues, duration: 14 });
  return plan.chunks.map((segment) => segmentKey({ plan, segment, ass, encoder: ['-c:v', 'libx264'], versions: 'v' }));
};

describe('segment keys', () => {
  it('change only for the segments an edit shows in', () => {
    const base = keys();
    expect(new Set(base).size).toBe(base.length);
    const edited = keys(clips, captions('world'));
    expect(edited.map((k, i) => k === base[i])).toEqual(base.map((_, i) => i !== base.length - 1));
    // A different picture in the middle clip: its segment and the one holding the crossfade into it.
    const swapped = keys([clips[0]!, { ...clips[1]!, assetId: 'a' }, clips[2]!]);
    expect(swapped.map((k, i) => k === base[i])).toEqual([false, false, true]);
  });

  it('stay the same for segments that only moved along the timeline (a ripple), captions moving with them', () => {
    const base = keys();
    const later = keys(clips.map((c) => ({ ...c, start: c.start + 2 })), captions('hello', 11));
    // A black first segment appears, everything else is the same segments two seconds later.
    expect(later.slice(-base.length)).toEqual(base);
  });

  it('read the ASS events of a window with times relative to it', () => {
    expect(parseAssTime('0:01:02.50')).toBe(6250);
    const ass = buildAss({ frame: output, text: [], captions: captions('hello', 9), duration: 14 })!;
    expect(assWindow(ass, 0, 240, 30)).not.toContain('Dialogue');
    const at9 = assWindow(ass, 255, 300, 30);
    expect(at9).toContain('Dialogue');
    expect(assWindow(buildAss({ frame: output, text: [], captions: captions('hello', 11), duration: 14 })!, 315, 360, 30)).toBe(at9);
  });

  it('lists the encoders ffmpeg names', () => {
    const listed = parseEncoderList(' V..... libx264              libx264 H.264\n V....D h264_nvenc           NVIDIA NVENC H.264 encoder\n A....D aac                  AAC\n ------\n');
    expect([...listed]).toEqual(['libx264', 'h264_nvenc', 'aac']);
  });
});

describe('segment cache', () => {
  it('keeps files by key, touches them on use and drops the least recently used over the cap', () => {
    const dir = tmp();
    const cache = new SegmentCache(path.join(dir, 'c'), 2500);
    const src = path.join(dir, 'seg.mp4');
    fs.writeFileSync(src, Buffer.alloc(1000, 1));
    const keyOf = (n: number) => String(n).repeat(32);
    for (const n of [1, 2, 3]) {
      expect(cache.put(keyOf(n), 'mp4', src)).toBe(path.join(dir, 'c', `${keyOf(n)}.mp4`));
      fs.utimesSync(path.join(dir, 'c', `${keyOf(n)}.mp4`), new Date(n * 1000), new Date(n * 1000));
    }
    expect(cache.get(keyOf(1), 'mp4')).not.toBeNull(); // 1 is now the most recent
    cache.prune();
    expect(cache.get(keyOf(2), 'mp4')).toBeNull();
    expect(cache.get(keyOf(1), 'mp4')).not.toBeNull();
    expect(cache.get(keyOf(3), 'mp4')).not.toBeNull();
    expect(() => cache.get('../x', 'mp4')).toThrow();
  });
});
