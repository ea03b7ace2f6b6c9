/**
 * The pure parts of video clips and overlays: the decoder's graph (retiming, crop or contain), the
 * overlay box and opacity, and the preview's plan agreeing with the export's frame grid.
 */
import { describe, expect, it } from 'vitest';
import { overlayBox, overlayFrames, overlayOpacity, turnedSize } from '../../src-main/media/render/overlay-layout.js';
import { overlayChunk } from '../../src-main/media/render/overlay-graph.js';
import { containRect, PREROLL, videoDecodeArgs, videoDecodeGraph } from '../../src-main/media/render/video-decode.js';
import { planVideo, videoFrameAt } from '../../src-main/media/render/video-plan.js';
import { createEmptyDocument, makeClip, type ProjectDocument } from '../../src-main/project/document.js';
import { mainVideoTime, imageLayers, overlayLayers } from '../../src-renderer/src/preview/frame.js';

const frame = { width: 180, height: 320 };
const segment = { file: 'in.mp4', sourceStart: 2.5, speed: 2, fps: 30, frames: 45, size: frame, fit: 'cover' as const, source: { width: 360, height: 640 }, region: { x: 0, y: 0, w: 360, h: 640 }, output: 'pipe:3' };

describe('video decoder graph', () => {
  it('seeks a second early, shifts the wanted time to 0, divides by the speed, one frame per tick', () => {
    const args = videoDecodeArgs(segment, ['-i', 'in.mp4']);
    expect(args.slice(0, 4)).toEqual(['-ss', String(2.5 - PREROLL), '-i', 'in.mp4']);
    expect(args).toEqual(expect.arrayContaining(['-frames:v', '45', '-f', 'rawvideo', '-pix_fmt', 'yuv420p', 'pipe:3']));
    expect(videoDecodeGraph(segment)).toBe('[0:v]setpts=(PTS-1/TB)/2,fps=fps=30:round=up:start_time=0,crop=w=360:h=640:x=0:y=0:exact=1,scale=w=180:h=320:flags=bicubic:out_color_matrix=bt601:out_range=tv,format=yuv420p,setsar=1[v]');
    // Near the start of the file it cannot seek earlier than 0.
    expect(videoDecodeArgs({ ...segment, sourceStart: 0.4 }, ['-i', 'in.mp4']).slice(0, 2)).toEqual(['-ss', '0']);
    expect(videoDecodeGraph({ ...segment, sourceStart: 0.4 })).toContain('setpts=(PTS-0.4/TB)/2');
  });

  it('contain: the whole picture centred at even sizes over a blurred fill', () => {
    expect(containRect({ width: 1920, height: 1080 }, frame)).toEqual({ x: 0, y: 109, w: 180, h: 102 });
    expect(containRect({ width: 100, height: 1000 }, frame)).toEqual({ x: 74, y: 0, w: 32, h: 320 });
    const g = videoDecodeGraph({ ...segment, fit: 'contain', source: { width: 1920, height: 1080 } });
    expect(g).toContain('gblur=sigma=3');
    expect(g).toContain('overlay=x=0:y=109');
  });
});

describe('overlays', () => {
  const clip = makeClip({ id: 'o', assetId: 'a', start: 1, duration: 2, transform: { x: 0.25, y: 0.5, scale: 0.5, rotation: 30 }, opacity: 0.5, fadeIn: 0.5, fadeOut: 1 });

  it('box: a width share of the frame, the picture aspect, even sizes, the centre', () => {
    // Centre (45, 160) moved so the corner is on even pixels: top 137 -> 138.
    const box = overlayBox(clip.transform, { width: 200, height: 100 }, frame);
    expect(box).toEqual({ width: 90, height: 46, cx: 45, cy: 161, rotation: 30 });
    // Turned 30 degrees: 90 cos + 46 sin = 100.9 wide, 90 sin + 46 cos = 84.8 high, up to even.
    expect(turnedSize(box)).toEqual({ width: 102, height: 86 });
  });

  it('opacity: the clip opacity times linear fades, 0 outside', () => {
    expect(overlayOpacity(clip, -0.1)).toBe(0);
    expect(overlayOpacity(clip, 0)).toBe(0);
    expect(overlayOpacity(clip, 0.25)).toBeCloseTo(0.25);
    expect(overlayOpacity(clip, 0.75)).toBeCloseTo(0.5);
    expect(overlayOpacity(clip, 1.5)).toBeCloseTo(0.25);
    expect(overlayOpacity(clip, 2)).toBe(0);
  });

  it('a chunk gets only the overlay clips it shows, placed in project time, on top in track order', () => {
    const still = { clip, file: '/p/logo.png', input: ['-i', '/p/logo.png'], kind: 'image' as const, picture: { width: 200, height: 100 } };
    const video = { clip: makeClip({ ...clip, id: 'v', start: 0, duration: 10, sourceIn: 3, speed: 0.5 }), file: '/p/pip.mp4', input: ['-i', '/p/pip.mp4'], kind: 'video' as const, picture: { width: 320, height: 180 } };
    const late = { clip: makeClip({ ...clip, id: 'late', start: 20 }), file: '/p/x.png', input: ['-i', '/p/x.png'], kind: 'image' as const, picture: { width: 10, height: 10 } };
    const o = overlayChunk([still, video, late], { index: 1, startFrame: 60, endFrame: 150 }, 30, frame, 1, 'base', 'over');
    expect(o.count).toBe(2);
    // The still from its first frame (30 = 1 s, before the chunk: from 60) for its 60 frames' rest.
    expect(o.inputs).toEqual(['-i', '/p/logo.png', '-ss', String(3 + (60 / 30) * 0.5 - PREROLL), '-i', '/p/pip.mp4']);
    expect(o.graph).toContain('loop=loop=29:size=1:start=0,setpts=(60+N)/(30*TB)');
    expect(o.graph).toContain('fade=t=in:st=1:d=0.5:alpha=1');
    expect(o.graph).toContain('colorchannelmixer=aa=0.5');
    expect(o.graph).toContain('trim=end_frame=90');
    expect(o.graph.indexOf('[base][ov0]')).toBeLessThan(o.graph.indexOf('[ovl0][ov1]'));
    expect(o.graph.endsWith('[ovl1]null[over]')).toBe(true);
    expect(overlayChunk([late], { index: 0, startFrame: 0, endFrame: 90 }, 30, frame, 1, 'base', 'over').count).toBe(0);
  });
});

describe('the preview follows the export grid', () => {
  it('a main-track video shows the same own frame in the preview plan and the export plan, at every frame', () => {
    const a = makeClip({ id: 'a', assetId: 'img', start: 0, duration: 1.3 });
    const v = makeClip({ id: 'v', assetId: 'vid', start: 1.3, duration: 2.1, sourceIn: 0.7, speed: 1.5, transitionIn: { kind: 'crossfade', duration: 0.5 } });
    const fps = 25;
    const plan = planVideo({ clips: [a, v], output: { ...frame, fps }, images: new Map([['img', { width: 100, height: 100 }], ['vid', { width: 320, height: 180 }]]), videos: new Set(['vid']) });
    const planned = plan.clips[1]!;
    expect(planned.video).toEqual({ fit: 'cover', source: { width: 320, height: 180 } });
    for (let k = 0; k < plan.totalFrames; k++) {
      const layer = imageLayers([a, v], k / fps, fps).find((l) => l.clip.id === 'v');
      if (!layer) continue;
      const exported = v.sourceIn + (videoFrameAt(planned, k) / fps) * v.speed;
      expect([k, mainVideoTime(layer, fps)]).toEqual([k, exported]);
    }
  });

  it('overlay clips show on the same frames as in the export, bottom track first', () => {
    const doc: ProjectDocument = createEmptyDocument({ id: 'p', name: 'p', now: new Date(0).toISOString() });
    doc.output = { ...doc.output, fps: 30 };
    const [o1, o2] = doc.tracks.media.filter((t) => t.role === 'overlay');
    o1!.clips = [makeClip({ id: 'x', assetId: 'a', start: 0.51, duration: 1 })];
    o2!.clips = [makeClip({ id: 'y', assetId: 'a', start: 0, duration: 2 })];
    const [first, end] = overlayFrames(o1!.clips[0]!, 30);
    expect([first, end]).toEqual([15, 45]);
    expect(overlayLayers(doc, 14 / 30).map((l) => l.clip.id)).toEqual(['y']);
    expect(overlayLayers(doc, 15 / 30).map((l) => l.clip.id)).toEqual(['x', 'y']);
    expect(overlayLayers(doc, 44 / 30).map((l) => l.clip.id)).toEqual(['x', 'y']);
    expect(overlayLayers(doc, 45 / 30).map((l) => l.clip.id)).toEqual(['y']);
  });
});
