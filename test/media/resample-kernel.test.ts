/**
 * The export's WebAssembly pixel kernel, through FrameComposer: the committed .wasm is the compiled
 * source, the resampler matches its plain-TypeScript twin byte for byte (SIMD and scalar paths), the
 * transitions take each column from the right picture, and a sub-pixel move really moves the picture.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileKernel, KERNEL_WASM } from '../../scripts/build/kernel.mjs';
import type { Rect, Size } from '../../src-main/media/kenburns/path.js';
import { FrameComposer } from '../../src-main/media/render/frame-composer.js';
import type { FrameLayer, FrameRecipe } from '../../src-main/media/render/frame-recipe.js';
import type { PlannedClip } from '../../src-main/media/render/video-plan.js';
import { resamplePlaneReference } from './resample-reference.js';

/** Deterministic random numbers in [0, 1) (mulberry32), so a failure can be replayed. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function noisePicture(size: Size, rnd: () => number): Uint8Array {
  const data = new Uint8Array((size.width * size.height * 3) / 2);
  for (let i = 0; i < data.length; i++) data[i] = Math.floor(rnd() * 256);
  return data;
}

/** The Y, U and V planes of a yuv420p frame, with their sizes. */
function planesOf(data: Uint8Array, size: Size): Array<{ data: Uint8Array; w: number; h: number }> {
  const { width: w, height: h } = size;
  const [luma, chroma] = [w * h, (w / 2) * (h / 2)];
  return [
    { data: data.subarray(0, luma), w, h },
    { data: data.subarray(luma, luma + chroma), w: w / 2, h: h / 2 },
    { data: data.subarray(luma + chroma, luma + 2 * chroma), w: w / 2, h: h / 2 },
  ];
}

/** Index of the first differing byte, or -1. */
function firstDiff(a: Uint8Array, b: Uint8Array): number {
  if (a.length !== b.length) return Math.min(a.length, b.length);
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return i;
  return -1;
}

const layer = (index: number, rect: Rect): FrameLayer => ({ clip: { index } as PlannedClip, rect });
const picture = (slot: number, rect: Rect): FrameRecipe => ({ kind: 'picture', layer: layer(slot, rect) });
const bySlot = (clipIndex: number) => clipIndex;

/** Seeded rectangles of every kind the resampler meets (and one it should survive). */
function rectangles(size: Size, rnd: () => number): Array<{ kind: string; rect: Rect }> {
  const { width: W, height: H } = size;
  const list = [{ kind: 'equal', rect: { x: 0, y: 0, w: W, h: H } }];
  for (let i = 0; i < 30; i++) {
    const w = W * (0.1 + 0.9 * rnd());
    const h = H * (0.1 + 0.9 * rnd());
    list.push({ kind: 'zoom-in', rect: { x: rnd() * (W - w), y: rnd() * (H - h), w, h } });
  }
  for (let i = 0; i < 8; i++) {
    const w = W * (0.5 + 0.5 * rnd());
    const h = H * (0.5 + 0.5 * rnd());
    list.push({ kind: 'edges', rect: { x: i & 1 ? 0 : W - w, y: i & 2 ? 0 : H - h, w, h } });
  }
  for (let i = 0; i < 8; i++) {
    // Wider than the frame: 16 output pixels span more than one 16-byte window (the scalar path).
    const w = W * (1.2 + 1.5 * rnd());
    const h = H * (0.5 + 1.5 * rnd());
    list.push({ kind: 'wider', rect: { x: (W - w) * rnd(), y: (H - h) * rnd(), w, h } });
  }
  return list;
}

describe('the frame kernel', () => {
  it('is committed compiled from its source', async () => {
    const committed = fs.readFileSync(KERNEL_WASM);
    const compiled = await compileKernel();
    expect(committed.equals(compiled), 'kernel/frames.wasm is stale: run `npm run build:kernel` after editing kernel/frames.ts').toBe(true);
  });

  // 16 wide: chroma is 8 wide, narrower than one SIMD block, so every block is scalar there.
  for (const size of [{ width: 64, height: 48 }, { width: 48, height: 34 }, { width: 16, height: 10 }]) {
    it(`resamples every plane exactly like the reference at ${size.width}x${size.height}`, () => {
      const rnd = seeded(size.width * 1000 + size.height);
      const src = noisePicture(size, rnd);
      const composer = new FrameComposer(size);
      composer.load(0, src);
      const kinds = new Set<string>();
      for (const { kind, rect } of rectangles(size, rnd)) {
        kinds.add(kind);
        const out = planesOf(composer.compose(picture(0, rect), bySlot), size);
        planesOf(src, size).forEach((s, p) => {
          const k = p === 0 ? 1 : 0.5;
          const want = resamplePlaneReference(s.data, s.w, s.h, s.w, s.h, { x: rect.x * k, y: rect.y * k, w: rect.w * k, h: rect.h * k });
          expect(firstDiff(out[p]!.data, want), `${kind} ${JSON.stringify(rect)} plane ${'YUV'[p]}`).toBe(-1);
        });
      }
      expect([...kinds]).toEqual(['equal', 'zoom-in', 'edges', 'wider']);
    });
  }
});

describe('transitions', () => {
  const size = { width: 64, height: 48 };
  const rnd = seeded(42);
  const [a, b] = [noisePicture(size, rnd), noisePicture(size, rnd)];
  const [rectA, rectB] = [{ x: 3.3, y: 2.7, w: 50.2, h: 40.1 }, { x: 1.25, y: 4.5, w: 58, h: 41 }];
  const composer = new FrameComposer(size);
  composer.load(0, a);
  composer.load(1, b);
  // Each side drawn alone: what the transition must be made of.
  const fa = composer.compose(picture(0, rectA), bySlot).slice();
  const fb = composer.compose(picture(1, rectB), bySlot).slice();
  const transition = (kind: 'crossfade' | 'slide' | 'wipe' | 'zoom', p: number) =>
    composer.compose({ kind: 'transition', transition: kind, p, outgoing: layer(0, rectA), incoming: layer(1, rectB) }, bySlot).slice();

  for (const kind of ['crossfade', 'zoom'] as const) {
    it(`${kind} blends the incoming picture in at opacity p`, () => {
      expect(firstDiff(transition(kind, 0), fa)).toBe(-1);
      expect(firstDiff(transition(kind, 1), fb)).toBe(-1);
      // Weight 64 of 128: the average rounded half up; weight 32: a quarter of b.
      expect(firstDiff(transition(kind, 0.5), fa.map((v, i) => (v + fb[i]! + 1) >> 1))).toBe(-1);
      expect(firstDiff(transition(kind, 0.25), fa.map((v, i) => (v * 96 + fb[i]! * 32 + 64) >> 7))).toBe(-1);
    });
  }

  /** Checks every sample: output column x of plane p comes from `source(x)` = [frame, column]. */
  function expectColumns(out: Uint8Array, source: (x: number, planeWidth: number, moved: number) => [Uint8Array, number], moved: number): void {
    const [o, pa, pb] = [planesOf(out, size), planesOf(fa, size), planesOf(fb, size)];
    o.forEach((plane, p) => {
      const m = p === 0 ? moved : moved / 2;
      for (let x = 0; x < plane.w; x++) {
        const [from, col] = source(x, plane.w, m);
        const src = from === fa ? pa[p]! : pb[p]!;
        for (let y = 0; y < plane.h; y++) {
          if (plane.data[y * plane.w + x] !== src.data[y * plane.w + col]) throw new Error(`plane ${'YUV'[p]} column ${x} row ${y} is not column ${col} of the ${from === fa ? 'outgoing' : 'incoming'} picture`);
        }
      }
    });
  }

  // p of the width, in whole chroma pixels (even luma columns): 0.25 and 0.5 are exact, 0.3 rounds 19.2 to 20.
  for (const [p, moved] of [[0, 0], [0.25, 16], [0.3, 20], [0.5, 32]] as const) {
    it(`slide at p=${p}: both pictures move left by ${moved} px, the incoming one follows`, () => {
      expectColumns(transition('slide', p), (x, w, m) => (x < w - m ? [fa, x + m] : [fb, x - (w - m)]), moved);
    });
    it(`wipe at p=${p}: the incoming picture is revealed over the right ${moved} px`, () => {
      expectColumns(transition('wipe', p), (x, w, m) => (x < w - m ? [fa, x] : [fb, x]), moved);
    });
  }
});

describe('sub-pixel motion', () => {
  // A soft bright blob on black: its luma centroid is where the picture is.
  const size = { width: 64, height: 48 };
  const src = new Uint8Array((size.width * size.height * 3) / 2).fill(128);
  for (let y = 0; y < size.height; y++) {
    for (let x = 0; x < size.width; x++) src[y * size.width + x] = Math.round(16 + 200 * Math.exp(-((x - 30.5) ** 2 + (y - 22) ** 2) / (2 * 3.5 ** 2)));
  }
  const composer = new FrameComposer(size);
  composer.load(0, src);
  const centroid = (rect: Rect) => {
    const out = composer.compose(picture(0, rect), bySlot);
    let [sum, sx, sy] = [0, 0, 0];
    for (let y = 0; y < size.height; y++) {
      for (let x = 0; x < size.width; x++) {
        const v = out[y * size.width + x]! - 16;
        sum += v;
        sx += v * x;
        sy += v * y;
      }
    }
    return { x: sx / sum, y: sy / sum, bytes: out.slice() };
  };

  it('moves the picture by a quarter source pixel times the zoom', () => {
    const base = { x: 8, y: 6, w: 48, h: 36 };
    const scale = size.width / base.w; // output pixels per source pixel
    const c0 = centroid(base);
    const right = centroid({ ...base, x: base.x + 0.25 });
    const down = centroid({ ...base, y: base.y + 0.25 });
    expect(firstDiff(right.bytes, c0.bytes)).not.toBe(-1);
    // The rectangle moves right over the picture: the blob moves left in the frame.
    expect(Math.abs(right.x - c0.x + 0.25 * scale)).toBeLessThan(0.02);
    expect(Math.abs(right.y - c0.y)).toBeLessThan(0.02);
    expect(Math.abs(down.y - c0.y + 0.25 * scale)).toBeLessThan(0.02);
    expect(Math.abs(down.x - c0.x)).toBeLessThan(0.02);
  });
});
