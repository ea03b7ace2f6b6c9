/**
 * What each export frame shows (frame-recipe.ts), pure: black, one clip's picture with its Ken Burns
 * rectangle, or a transition with its mix p. And, frame by frame, the same answer as the live
 * preview's imageLayers: preview and export share one definition of every transition.
 */
import { describe, expect, it } from 'vitest';
import { kenBurnsRect, type Rect } from '../../src-main/media/kenburns/path.js';
import { frameRecipe, zoomedRect, type FrameRecipe } from '../../src-main/media/render/frame-recipe.js';
import { planVideo, preparedRectAt, type PlannedClip } from '../../src-main/media/render/video-plan.js';
import type { Transition } from '../../src-main/project/document.js';
import { imageLayers, type ImageLayer } from '../../src-renderer/src/preview/frame.js';
import { imageClip } from './fixtures.js';

const fps = 25;
const size = { width: 90, height: 160 };
const images = new Map([['tall', { width: 400, height: 600 }], ['wide', { width: 1200, height: 800 }]]);
const into = (kind: Transition['kind'], duration: number) => ({ transitionIn: { kind, duration } });
const pan = (easing: 'linear' | 'easeIn' | 'easeOut' | 'easeInOut') => ({ kenBurns: { from: { zoom: 1.1, x: 0.3, y: 0.6 }, to: { zoom: 1.4, x: 0.7, y: 0.4 }, easing } });
const clips = [
  imageClip('c0', 'tall', 0, 2),
  imageClip('c1', 'wide', 2, 2, { ...into('crossfade', 0.24), ...pan('easeInOut') }), // 6 frames
  imageClip('c2', 'tall', 4, 2, { ...into('slide', 0.2), ...pan('easeIn') }), // 5: odd, 2 before the cut
  imageClip('c3', 'wide', 6, 1.6, { ...into('wipe', 0.28), ...pan('easeOut') }), // 7
  imageClip('c4', 'tall', 7.6, 2, into('zoom', 0.16)), // 4; then a gap, frames 240..259
  imageClip('c5', 'wide', 10.4, 1, into('crossfade', 0.5)), // after a gap: a cut
  imageClip('c6', 'tall', 11, 1, pan('linear')), // overlaps c5: on top of it
];
const plan = planVideo({ clips, output: { ...size, fps }, images });

function expectRect(actual: Rect, expected: Rect): void {
  for (const k of ['x', 'y', 'w', 'h'] as const) expect(actual[k], k).toBeCloseTo(expected[k], 6);
}

const pictureOf = (recipe: FrameRecipe): PlannedClip | null => (recipe.kind === 'picture' ? recipe.layer.clip : null);

describe('frame recipes', () => {
  it('shows black in a gap and past the end', () => {
    expect(plan.totalFrames).toBe(300);
    for (const frame of [240, 250, 259, 300, 301, 500]) expect(frameRecipe(plan, frame)).toEqual({ kind: 'black' });
    expect(frameRecipe(plan, 239).kind).toBe('picture');
    expect(frameRecipe(plan, 260).kind).toBe('picture');
  });

  it("shows a clip's own frames as its picture at its Ken Burns rectangle", () => {
    for (const frame of [0, 25, 40, 83, 125, 280, 299]) {
      const recipe = frameRecipe(plan, frame);
      const clip = pictureOf(recipe)!;
      expect(clip.clip.id).toBe(plan.clips.filter((c) => frame >= c.startFrame && frame < c.endFrame).at(-1)!.clip.id);
      expect(recipe).toEqual({ kind: 'picture', layer: { clip, rect: preparedRectAt(clip, frame, size) } });
    }
    // The rectangle really moves over a clip (the test above would pass with a frozen one otherwise).
    const c1 = plan.clips[1]!;
    expect(preparedRectAt(c1, 60, size).x).not.toBeCloseTo(preparedRectAt(c1, 90, size).x, 1);
  });

  for (const [index, kind, n] of [[1, 'crossfade', 6], [2, 'slide', 5], [3, 'wipe', 7], [4, 'zoom', 4]] as const) {
    it(`runs a ${kind} of ${n} frames from floor(n/2) frames before the cut, p = 0, 1/n, ...`, () => {
      const incoming = plan.clips[index]!;
      const outgoing = plan.clips[index - 1]!;
      expect(incoming.transition).toEqual({ kind, frames: n });
      const first = incoming.startFrame - Math.floor(n / 2);
      expect(pictureOf(frameRecipe(plan, first - 1))).toBe(outgoing);
      expect(pictureOf(frameRecipe(plan, first + n))).toBe(incoming);
      for (let j = 0; j < n; j++) {
        const frame = first + j;
        const recipe = frameRecipe(plan, frame);
        if (recipe.kind !== 'transition') throw new Error(`frame ${frame} is ${recipe.kind}, not a transition`);
        expect(recipe.transition).toBe(kind);
        expect(recipe.p).toBe(j / n);
        expect(recipe.outgoing.clip).toBe(outgoing);
        expect(recipe.incoming.clip).toBe(incoming);
        // Outside its own frames a clip holds its first / last framing.
        expectRect(recipe.incoming.rect, preparedRectAt(incoming, Math.max(frame, incoming.startFrame), size));
        const base = preparedRectAt(outgoing, Math.min(frame, outgoing.endFrame), size);
        if (kind !== 'zoom') {
          expectRect(recipe.outgoing.rect, base);
          continue;
        }
        // Zoom: the outgoing picture grows 1 + p times about the frame's centre.
        const r = recipe.outgoing.rect;
        expect(r.w).toBeCloseTo(base.w / (1 + j / n), 9);
        expect(r.h).toBeCloseTo(base.h / (1 + j / n), 9);
        expect(r.x + r.w / 2).toBeCloseTo(base.x + base.w / 2, 9);
        expect(r.y + r.h / 2).toBeCloseTo(base.y + base.h / 2, 9);
        expectRect(r, zoomedRect(base, 1 + j / n));
      }
    });
  }
});

describe('the export and the live preview', () => {
  /** The preview layer's Ken Burns rectangle (source pixels) in the clip's prepared picture. */
  function previewRect(layer: ImageLayer): Rect {
    const c = plan.clips.find((p) => p.clip === layer.clip)!;
    const r = kenBurnsRect(layer.clip.kenBurns, images.get(layer.clip.assetId)!, size, layer.local, layer.duration);
    const [sx, sy] = [size.width / c.region.w, size.height / c.region.h];
    return { x: (r.x - c.region.x) * sx, y: (r.y - c.region.y) * sy, w: r.w * sx, h: r.h * sy };
  }
  const plain = (l: ImageLayer) => ({ alpha: l.alpha, offsetX: l.offsetX, reveal: l.reveal, scale: l.scale });
  const still = { alpha: 1, offsetX: 0, reveal: null, scale: 1 };

  it('agree at every frame on the clips shown, the rectangles and the transition mix', () => {
    const seen = new Set<string>();
    for (let frame = 0; frame < plan.totalFrames + 5; frame++) {
      const layers = imageLayers(clips, frame / fps, fps);
      const recipe = frameRecipe(plan, frame);
      const at = `frame ${frame}`;
      seen.add(recipe.kind === 'transition' ? recipe.transition : recipe.kind);
      if (recipe.kind === 'black') {
        expect(layers, at).toEqual([]);
      } else if (recipe.kind === 'picture') {
        // The preview paints every visible clip; the top one is opaque and covers the rest.
        const top = layers.at(-1)!;
        expect(top.clip, at).toBe(recipe.layer.clip.clip);
        expect(plain(top), at).toEqual(still);
        expectRect(recipe.layer.rect, previewRect(top));
      } else {
        expect(layers.length, at).toBe(2);
        const [out, inc] = layers as [ImageLayer, ImageLayer];
        expect([out.clip, inc.clip], at).toEqual([recipe.outgoing.clip.clip, recipe.incoming.clip.clip]);
        expectRect(recipe.incoming.rect, previewRect(inc));
        const p = recipe.p;
        const expected = {
          crossfade: [still, { ...still, alpha: p }],
          slide: [{ ...still, offsetX: -p }, { ...still, offsetX: 1 - p }],
          wipe: [still, { ...still, reveal: p }],
          zoom: [{ ...still, scale: 1 + p }, { ...still, alpha: p }],
        }[recipe.transition];
        expect([plain(out), plain(inc)], at).toEqual(expected);
        expectRect(recipe.outgoing.rect, zoomedRect(previewRect(out), out.scale));
      }
    }
    expect([...seen].sort()).toEqual(['black', 'crossfade', 'picture', 'slide', 'wipe', 'zoom']);
  });
});
