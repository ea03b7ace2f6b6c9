/**
 * The Ken Burns path, pure (no node imports): the export and the renderer's live preview both use it,
 * so the preview matches the exported frames. A framing is zoom + focal point (document.ts); at time
 * t the source crop rectangle is the eased interpolation between the start and end rectangles, in
 * sub-pixel source coordinates. The export draws the same rectangles with its WebAssembly resampler
 * (per frame: render/video-plan.ts `preparedRectAt`, render/frame-recipe.ts).
 */
import type { Easing, Framing, MediaClip } from '../../project/document.js';

export interface Size {
  width: number;
  height: number;
}
/** A rectangle in source-image pixels (fractions allowed). */
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Zoom 1: the largest rectangle of the output's aspect that fits inside the image, centred. */
export function baseCropSize(image: Size, output: Size): Size {
  const aspect = output.width / output.height;
  if (image.width / image.height > aspect) return { width: image.height * aspect, height: image.height };
  return { width: image.width, height: image.width / aspect };
}

/** The source rectangle shown for a framing: base crop / zoom, centred on the focal point, kept inside. */
export function framingRect(framing: Framing, image: Size, output: Size): Rect {
  const base = baseCropSize(image, output);
  const w = base.width / framing.zoom;
  const h = base.height / framing.zoom;
  const x = clamp(framing.x * image.width - w / 2, 0, image.width - w);
  const y = clamp(framing.y * image.height - h / 2, 0, image.height - h);
  return { x, y, w, h };
}

/** Easing of progress p (0..1). easeInOut is smoothstep. */
export function ease(easing: Easing, p: number): number {
  const q = clamp(p, 0, 1);
  switch (easing) {
    case 'linear':
      return q;
    case 'easeIn':
      return q * q;
    case 'easeOut':
      return q * (2 - q);
    case 'easeInOut':
      return q * q * (3 - 2 * q);
  }
}

export function lerpRect(a: Rect, b: Rect, e: number): Rect {
  return { x: a.x + (b.x - a.x) * e, y: a.y + (b.y - a.y) * e, w: a.w + (b.w - a.w) * e, h: a.h + (b.h - a.h) * e };
}

/** Progress through the clip: 0 at its start, 1 at its end, held outside (transitions show the ends). */
export function clipProgress(tLocal: number, duration: number): number {
  return duration > 0 ? clamp(tLocal / duration, 0, 1) : 0;
}

/** The source crop rectangle `tLocal` seconds after the clip's start. */
export function kenBurnsRect(kenBurns: MediaClip['kenBurns'], image: Size, output: Size, tLocal: number, duration: number): Rect {
  const from = framingRect(kenBurns.from, image, output);
  const to = framingRect(kenBurns.to, image, output);
  return lerpRect(from, to, ease(kenBurns.easing, clipProgress(tLocal, duration)));
}

/** The smallest rectangle holding both (the whole path lies inside it: every coordinate is a lerp). */
export function unionRect(a: Rect, b: Rect): Rect {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, w: Math.max(a.x + a.w, b.x + b.w) - x, h: Math.max(a.y + a.h, b.y + b.h) - y };
}

export function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}
