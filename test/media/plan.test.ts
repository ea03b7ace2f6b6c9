import { describe, expect, it } from 'vitest';
import { buildAudioGraph } from '../../src-main/media/audio/audio-graph.js';
import { assColor, assTime, buildAss } from '../../src-main/media/captions/ass.js';
import { formatSrt, parseSrt } from '../../src-main/media/captions/srt.js';
import { chunkGraph, filterPath, rawFramesInput } from '../../src-main/media/render/chunk-graph.js';
import { frameRecipe } from '../../src-main/media/render/frame-recipe.js';
import { planVideo } from '../../src-main/media/render/video-plan.js';
import { createEmptyDocument, gainToDb, makeClip } from '../../src-main/project/document.js';
import { imageClip } from './fixtures.js';

const output = { width: 1080, height: 1920, fps: 30 as const };
const images = new Map([['a', { width: 2000, height: 3000 }]]);

describe('video plan', () => {
  const clips = Array.from({ length: 10 }, (_, i) => imageClip(`c${i}`, 'a', i * 6, 6, { transitionIn: { kind: i % 2 ? 'crossfade' : 'cut', duration: i % 2 ? 0.6 : 0 } }));
  const plan = planVideo({ clips, output, images });

  it('puts clips on the frame grid with transition lead and trail frames', () => {
    expect(plan.totalFrames).toBe(1800);
    expect(plan.clips[1]!.transition).toEqual({ kind: 'crossfade', frames: 18 });
    expect(plan.clips[1]!.leadFrames + plan.clips[0]!.trailFrames).toBe(18);
    expect(plan.clips[2]!.transition.frames).toBe(0);
  });

  it('cuts segments that cover the whole timeline without gaps, never inside a transition', () => {
    expect(plan.chunks.length).toBe(10);
    expect(plan.chunks[0]!.startFrame).toBe(0);
    expect(plan.chunks.at(-1)!.endFrame).toBe(1800);
    for (let i = 1; i < plan.chunks.length; i++) {
      expect(plan.chunks[i]!.startFrame).toBe(plan.chunks[i - 1]!.endFrame);
      const cut = plan.chunks[i]!.startFrame;
      // Never inside a transition window.
      for (const c of plan.clips) expect(cut > c.startFrame - c.leadFrames && cut < c.startFrame + (c.transition.frames - c.leadFrames)).toBe(false);
    }
    // Back-to-back clips: no frame anywhere is black.
    for (let f = 0; f < plan.totalFrames; f++) expect(frameRecipe(plan, f).kind).not.toBe('black');
  });

  it('cuts segments at clip starts or just after their transitions, splits long spans, never under 2 s', () => {
    // Cuts at the 6 s clip starts that are cuts (frame 360, 720, ...) and just after each 0.6 s crossfade
    // (18 frames centred on 180: 189).
    expect(plan.chunks.map((c) => c.startFrame)).toEqual([0, 189, 360, 549, 720, 909, 1080, 1269, 1440, 1629]);
    // A 20 s clip is split into 3 (about 6 s each); a 3 s one stays whole; 1 s clips merge into 2 s segments.
    const one = (seconds: number) => planVideo({ clips: [imageClip('s', 'a', 0, seconds)], output, images }).chunks.map((c) => c.endFrame - c.startFrame);
    expect(one(20)).toEqual([200, 200, 200]);
    expect(one(3)).toEqual([90]);
    const short = planVideo({ clips: Array.from({ length: 6 }, (_, i) => imageClip(`q${i}`, 'a', i, 1)), output, images }).chunks;
    expect(short.map((c) => c.startFrame)).toEqual([0, 60, 120]);
    // Moving every clip by 2 s moves every cut by 2 s (a ripple edit keeps the segments).
    const moved = planVideo({ clips: clips.map((c) => ({ ...c, start: c.start + 2 })), output, images });
    expect(moved.chunks.slice(1).map((c) => c.startFrame - 60)).toEqual(plan.chunks.map((c) => c.startFrame));
  });

  it("reads the chunk's raw frames and burns the ASS script with the bundled fonts into [vout]", () => {
    const chunk = plan.chunks[1]!;
    const g = chunkGraph(plan, chunk, { file: 'overlay.ass', fontsDir: 'C:\\fonts' });
    expect(g.frames).toBe(chunk.endFrame - chunk.startFrame);
    expect(g.graph.startsWith('[0:v]')).toBe(true);
    // Shifted to project time for libass, then back to the chunk's own time.
    expect(g.graph).toMatch(/,setpts=PTS\+[^,]+,subtitles=filename=overlay\.ass:fontsdir=C\\:\/fonts,setpts=PTS-STARTPTS,format=yuv420p\[vout\]$/);
    const plain = chunkGraph(plan, chunk, null);
    expect(plain.graph).not.toContain('subtitles');
    expect(plain.graph).toMatch(/^\[0:v\][^;\[]*,format=yuv420p\[vout\]$/);
    expect(plain.frames).toBe(chunk.endFrame - chunk.startFrame);
    expect(filterPath("/a b/it's:x,y")).toBe("/a b/it\\'s\\:x\\,y");
  });

  it("shows libass each chunk frame at its project frame's time (setpts truncates to whole ticks)", () => {
    for (const chunk of plan.chunks) {
      const graph = chunkGraph(plan, chunk, { file: 'o.ass', fontsDir: 'f' }).graph;
      const chain = [...graph.slice(0, graph.indexOf('subtitles=')).matchAll(/setpts=([^,]+)/g)].map((m) => m[1]!);
      for (const n of [0, 1, 7]) {
        // ffmpeg's setpts on these arithmetic expressions: evaluated in doubles, cut to int64 ticks of
        // the input's time base (1/fps for raw frames).
        const pts = chain.reduce((prev, expr) => Math.trunc(new Function('N', 'PTS', 'TB', `return ${expr};`)(n, prev, 1 / plan.fps) as number), 0);
        expect(pts, `chunk ${chunk.index} (starts at frame ${chunk.startFrame}), frame ${n}: ${chain.join(' then ')}`).toBe(chunk.startFrame + n);
      }
    }
  });

  it('reads raw yuv420p frames of the output size at the output rate from the input pipes', () => {
    expect(rawFramesInput({ width: 1080, height: 1920 }, 30, 0)).toEqual(['-f', 'rawvideo', '-pix_fmt', 'yuv420p', '-video_size', '1080x1920', '-framerate', '30', '-i', 'pipe:3']);
    expect(rawFramesInput({ width: 64, height: 48 }, 25, 1).slice(-4)).toEqual(['-framerate', '25', '-i', 'pipe:4']);
  });

  it('fills a gap between clips with black', () => {
    const gap = planVideo({ clips: [imageClip('a1', 'a', 0, 1), imageClip('a2', 'a', 2, 1)], output, images });
    expect([15, 45, 75].map((f) => frameRecipe(gap, f).kind)).toEqual(['picture', 'black', 'picture']);
  });
});

describe('audio graph', () => {
  const base = { sourceIn: 0.5, gainDb: gainToDb(0.8), fadeIn: 0.2, fadeOut: 0.3 };
  it('ducks music under the narration and mixes both', () => {
    const g = buildAudioGraph(
      [
        { role: 'narration', file: 'v.wav', gain: 0.8, clip: makeClip({ id: 'n', assetId: 'x', start: 1, duration: 2, ...base }) },
        { role: 'music', file: 'm.m4a', gain: 0.8, clip: makeClip({ id: 'm', assetId: 'y', start: 0, duration: 4, duck: true, ...base }) },
      ],
      4,
    )!;
    expect(g.files).toEqual(['v.wav', 'm.m4a']);
    expect(g.graph).toContain('adelay=1000');
    expect(g.graph).toContain('[music][voicekey]sidechaincompress');
    expect(g.graph).toMatch(/amix=inputs=2.*\[mix\]$/);
    expect(buildAudioGraph([], 4)).toBeNull();
  });
});

describe('ASS and SRT', () => {
  it('converts colours and times', () => {
    expect(assColor('#FF8000')).toBe('&H000080FF');
    expect(assColor('#00000080')).toBe('&H7F000000');
    expect(assTime(3725.456)).toBe('1:02:05.46');
  });
  it('writes one event per spoken word with the highlight colour', () => {
    const doc = createEmptyDocument({ id: 'x', name: 'x', now: '' });
    doc.tracks.captions.cues = [{ id: 'c', start: 0, end: 2, text: 'one two', words: [{ text: 'one', start: 0.1, end: 0.8 }, { text: 'two', start: 1, end: 1.8 }] }];
    const ass = buildAss({ frame: { width: 1080, height: 1920 }, text: [], captions: doc.tracks.captions, duration: 5 })!;
    const events = ass.split('\n').filter((l) => l.startsWith('Dialogue'));
    expect(events.length).toBe(3); // before the first word, then each word until the next one starts
    expect(events[1]).toContain('{\\1c&H00D4FF&}one');
    expect(events[2]).toContain('{\\1c&H00D4FF&}two');
    expect(buildAss({ frame: { width: 100, height: 100 }, text: [], captions: { ...doc.tracks.captions, cues: [] }, duration: 5 })).toBeNull();
  });
  it('round-trips SRT', () => {
    const cues = parseSrt('1\r\n00:00:01,000 --> 00:00:02,500\r\nHello\r\nthere\r\n\r\n2\r\n00:00:03,000 --> 00:00:04,000\r\n<i>Bye</i>\r\n');
    expect(cues.map((c) => [c.start, c.end, c.text])).toEqual([[1, 2.5, 'Hello\nthere'], [3, 4, 'Bye']]);
    expect(parseSrt(formatSrt(cues)).map((c) => c.text)).toEqual(['Hello\nthere', 'Bye']);
  });
});
