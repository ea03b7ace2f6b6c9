import { describe, expect, it } from 'vitest';
import { buildAudioGraph, parseLoudnorm, applyFilter } from '../../src-main/media/audio/audio-graph.js';
import { assColor, assTime, buildAss } from '../../src-main/media/captions/ass.js';
import { formatSrt, parseSrt } from '../../src-main/media/captions/srt.js';
import { chunkGraph, filterPath, transitionJoin } from '../../src-main/media/render/chunk-graph.js';
import { chunkItems, planVideo } from '../../src-main/media/render/video-plan.js';
import { createEmptyDocument } from '../../src-main/project/document.js';
import { imageClip } from './fixtures.js';

const output = { width: 1080, height: 1920, fps: 30 as const };
const images = new Map([['a', { width: 2000, height: 3000 }]]);

describe('video plan', () => {
  const clips = Array.from({ length: 10 }, (_, i) => imageClip(`c${i}`, 'a', i * 6, 6, { transitionIn: { kind: i % 2 ? 'crossfade' : 'cut', duration: i % 2 ? 0.6 : 0 } }));
  const plan = planVideo({ clips, output, images, chunkSeconds: 12 });

  it('puts clips on the frame grid with transition lead and trail frames', () => {
    expect(plan.totalFrames).toBe(1800);
    expect(plan.clips[1]!.transition).toEqual({ kind: 'crossfade', frames: 18 });
    expect(plan.clips[1]!.leadFrames + plan.clips[0]!.trailFrames).toBe(18);
    expect(plan.clips[2]!.transition.frames).toBe(0);
  });

  it('cuts chunks at clip middles that cover the whole timeline without gaps', () => {
    expect(plan.chunks.length).toBeGreaterThan(2);
    expect(plan.chunks[0]!.startFrame).toBe(0);
    expect(plan.chunks.at(-1)!.endFrame).toBe(1800);
    for (let i = 1; i < plan.chunks.length; i++) {
      expect(plan.chunks[i]!.startFrame).toBe(plan.chunks[i - 1]!.endFrame);
      const cut = plan.chunks[i]!.startFrame;
      // Never inside a transition window.
      for (const c of plan.clips) expect(cut > c.startFrame - c.leadFrames && cut < c.startFrame + (c.transition.frames - c.leadFrames)).toBe(false);
    }
    for (const chunk of plan.chunks) expect(chunkItems(plan, chunk).every((item) => item.kind === 'clip')).toBe(true);
  });

  it('writes one decode-once input per clip, xfade for transitions and concat for cuts', () => {
    const g = chunkGraph(plan, plan.chunks[0]!, { file: 'overlay.ass', fontsDir: 'C:\\fonts' });
    expect(g.graph).toContain('loop=loop=');
    expect(g.graph).toContain('perspective=');
    expect(g.graph).toMatch(/xfade=transition=fade:duration=0\.6:offset=0\[/);
    expect(g.graph).toContain('concat=n=2');
    expect(g.graph).toContain('fontsdir=C\\:/fonts');
    expect(new Set(g.inputClips).size).toBe(g.inputClips.length);
    expect(filterPath("/a b/it's:x,y")).toBe("/a b/it\\'s\\:x\\,y");
  });

  it('sends only the overlapping frames through xfade (body, blend, rest concatenated)', () => {
    const lines = transitionJoin('s0', 's1', 'j1', { kind: 'fade', before: 171, overlap: 18, after: 180, fps: 30 });
    expect(lines).toContain('[j1a0]trim=end_frame=171,setpts=PTS-STARTPTS[j1body]');
    expect(lines).toContain('[j1a1]trim=start_frame=171,setpts=PTS-STARTPTS[j1tail]');
    expect(lines).toContain('[j1b0]trim=end_frame=18,setpts=PTS-STARTPTS[j1head]');
    expect(lines).toContain('[j1tail][j1head]xfade=transition=fade:duration=0.6:offset=0[j1x]');
    expect(lines.at(-1)).toBe('[j1body][j1x][j1rest]concat=n=3:v=1:a=0,settb=1/30,setpts=N[j1]');
    // A transition at the very start of the stream, into a clip that is all transition.
    const edge = transitionJoin('s0', 's1', 'j1', { kind: 'wipeleft', before: 0, overlap: 12, after: 0, fps: 24 });
    expect(edge).toEqual(['[s0]setpts=PTS-STARTPTS[j1tail]', '[s1]trim=end_frame=12,setpts=PTS-STARTPTS[j1head]', '[j1tail][j1head]xfade=transition=wipeleft:duration=0.5:offset=0[j1x]', '[j1x]concat=n=1:v=1:a=0,settb=1/24,setpts=N[j1]']);
  });

  it('fills a gap between clips with black', () => {
    const gap = planVideo({ clips: [imageClip('a1', 'a', 0, 1), imageClip('a2', 'a', 2, 1)], output, images });
    expect(chunkItems(gap, gap.chunks[0]!).map((i) => i.kind)).toEqual(['clip', 'gap', 'clip']);
  });
});

describe('audio graph', () => {
  const base = { trimStart: 0.5, volume: 0.8, fadeIn: 0.2, fadeOut: 0.3 };
  it('ducks music under the narration and mixes both', () => {
    const g = buildAudioGraph(
      [
        { track: 'narration', file: 'v.wav', clip: { id: 'n', assetId: 'x', start: 1, duration: 2, ...base } },
        { track: 'music', file: 'm.m4a', clip: { id: 'm', assetId: 'y', start: 0, duration: 4, duck: true, ...base } },
      ],
      4,
    )!;
    expect(g.files).toEqual(['v.wav', 'm.m4a']);
    expect(g.graph).toContain('adelay=1000');
    expect(g.graph).toContain('[music][voicekey]sidechaincompress');
    expect(g.graph).toMatch(/amix=inputs=2.*\[mix\]$/);
    expect(buildAudioGraph([], 4)).toBeNull();
  });
  it('reads loudnorm measurements and applies one gain plus a limiter', () => {
    const m = parseLoudnorm('junk\n{\n "input_i" : "-23.1",\n "input_tp" : "-5.0",\n "input_lra" : "3.0",\n "input_thresh" : "-33.4",\n "target_offset" : "0.2"\n}\n');
    expect(m?.input_i).toBe('-23.1');
    expect(applyFilter(m)).toContain('volume=9.10dB');
    expect(applyFilter(m)).toContain('alimiter=');
    expect(parseLoudnorm('{"input_i":"-inf","input_tp":"-inf","input_lra":"0","input_thresh":"-inf","target_offset":"0"}')).toBeNull();
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
