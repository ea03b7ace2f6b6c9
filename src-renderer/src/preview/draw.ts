/**
 * Paints a FramePlan on a 2D canvas the way the export renders it: Ken Burns crops through the shared
 * path module, then text overlays and captions drawn like libass draws the ASS events (size = line
 * height, outline around the glyphs, shadow offset, box per line, word highlight).
 */
import { kenBurnsRect, type Size } from '../../../src-main/media/kenburns/path.js';
import { overlayBox } from '../../../src-main/media/render/overlay-layout.js';
import { BLUR, blurSize, containRect } from '../../../src-main/media/render/video-decode.js';
import type { MediaClip } from '../../../src-main/project/document.js';
import type { FramePlan, ImageLayer, OverlayLayer, TextBlock } from './frame.js';
import { assFontBox, familyFor } from './fonts.js';
import type { PreparedImage } from './prepared-images.js';

export type ImageLookup = (assetId: string) => HTMLImageElement | PreparedImage | null;
/** A video clip's picture at source time `time` (its element, or a frame prepared from it), or null while it is not there yet. */
export type VideoLookup = (clip: MediaClip, time: number) => HTMLVideoElement | PreparedImage | null;

type Picture = HTMLImageElement | HTMLVideoElement | PreparedImage;

function sizeOf(img: Picture | null): Size | null {
  if (!img) return null;
  if (img instanceof HTMLVideoElement) return img.videoWidth && img.videoHeight ? { width: img.videoWidth, height: img.videoHeight } : null;
  if (img instanceof HTMLImageElement) return img.naturalWidth && img.naturalHeight ? { width: img.naturalWidth, height: img.naturalHeight } : null;
  return img.width && img.height ? { width: img.width, height: img.height } : null;
}

/** What drawImage takes, and the factor from the picture's own pixels to it. */
function sourceOf(img: Picture): { source: CanvasImageSource; sx: number; sy: number } {
  if (img instanceof HTMLVideoElement || img instanceof HTMLImageElement) return { source: img, sx: 1, sy: 1 };
  return { source: img.source, sx: img.source.width / img.width, sy: img.source.height / img.height };
}

function pictureOf(clip: MediaClip, video: { time: number } | null | undefined, lookup: ImageLookup, videos?: VideoLookup): Picture | null {
  return video ? (videos?.(clip, video.time) ?? null) : lookup(clip.assetId);
}

const scratch: CanvasRenderingContext2D[] = [];

/** Scratch canvas i, cleared, of the given size. */
function scratchCanvas(i: number, width: number, height: number): CanvasRenderingContext2D {
  scratch[i] ??= document.createElement('canvas').getContext('2d')!;
  const ctx = scratch[i]!;
  ctx.canvas.width = width;
  ctx.canvas.height = height;
  return ctx;
}

/**
 * The export's fill behind a contained video (video-decode.ts): the frame covered at a small size,
 * blurred, scaled up. The small picture's edges are stretched into a margin first, so the blur
 * does not fade them (ffmpeg's gblur repeats the edges).
 */
function drawBlurredFill(ctx: CanvasRenderingContext2D, picture: CanvasImageSource, size: Size, frame: Size): void {
  const small = blurSize(frame);
  const pad = Math.ceil(BLUR.sigma * 3);
  const cover = Math.max(small.width / size.width, small.height / size.height);
  const tiny = scratchCanvas(0, small.width, small.height);
  tiny.drawImage(picture, (small.width - size.width * cover) / 2, (small.height - size.height * cover) / 2, size.width * cover, size.height * cover);
  const padded = scratchCanvas(1, small.width + 2 * pad, small.height + 2 * pad);
  padded.drawImage(tiny.canvas, 0, 0, padded.canvas.width, padded.canvas.height);
  padded.drawImage(tiny.canvas, pad, pad);
  const blurred = scratchCanvas(2, padded.canvas.width, padded.canvas.height);
  blurred.filter = `blur(${BLUR.sigma}px)`;
  blurred.drawImage(padded.canvas, 0, 0);
  blurred.filter = 'none';
  ctx.drawImage(blurred.canvas, pad, pad, small.width, small.height, 0, 0, frame.width, frame.height);
}

function drawImageLayer(ctx: CanvasRenderingContext2D, layer: ImageLayer, plan: FramePlan, lookup: ImageLookup, videos?: VideoLookup): void {
  const img = pictureOf(layer.clip, layer.video, lookup, videos);
  const size = sizeOf(img);
  const { width: W, height: H } = plan.frame;
  if (!img || !size) {
    ctx.fillStyle = '#222';
    ctx.fillRect(0, 0, W, H);
    return;
  }
  const contain = layer.video?.fit === 'contain';
  const r = contain ? { x: 0, y: 0, w: size.width, h: size.height } : kenBurnsRect(layer.clip.kenBurns, size, plan.frame, layer.local, layer.duration);
  ctx.save();
  ctx.globalAlpha = layer.alpha;
  if (layer.reveal !== null) {
    ctx.beginPath();
    ctx.rect(W * (1 - layer.reveal), 0, W * layer.reveal, H);
    ctx.clip();
  }
  ctx.translate(layer.offsetX * W + W / 2, H / 2);
  ctx.scale(layer.scale, layer.scale);
  const { source, sx, sy } = sourceOf(img);
  if (contain) {
    ctx.translate(-W / 2, -H / 2);
    drawBlurredFill(ctx, source, size, plan.frame);
    const fg = containRect(size, plan.frame);
    ctx.drawImage(source, fg.x, fg.y, fg.w, fg.h);
  } else ctx.drawImage(source, r.x * sx, r.y * sy, r.w * sx, r.h * sy, -W / 2, -H / 2, W, H);
  ctx.restore();
}

/** An overlay clip: its box (overlay-layout.ts, as the export places it), turned, at its opacity. */
function drawOverlay(ctx: CanvasRenderingContext2D, layer: OverlayLayer, plan: FramePlan, lookup: ImageLookup, videos?: VideoLookup): void {
  const img = pictureOf(layer.clip, layer.video, lookup, videos);
  const size = sizeOf(img);
  if (!img || !size || layer.opacity <= 0) return;
  const box = overlayBox(layer.clip.transform, size, plan.frame);
  ctx.save();
  ctx.globalAlpha = layer.opacity;
  ctx.translate(box.cx, box.cy);
  ctx.rotate((box.rotation * Math.PI) / 180);
  ctx.drawImage(sourceOf(img).source, -box.width / 2, -box.height / 2, box.width, box.height);
  ctx.restore();
}

let shadowLayer: CanvasRenderingContext2D | null = null;

/** A cleared scratch canvas of the given size for drawing a shadow once, then blending it. */
function shadowCanvas(width: number, height: number): CanvasRenderingContext2D {
  if (!shadowLayer) shadowLayer = document.createElement('canvas').getContext('2d')!;
  const c = shadowLayer.canvas;
  if (c.width !== width || c.height !== height) {
    c.width = width;
    c.height = height;
  }
  shadowLayer.setTransform(1, 0, 0, 1, 0, 0);
  shadowLayer.clearRect(0, 0, width, height);
  return shadowLayer;
}

/** #RRGGBB[AA] to a CSS colour. */
export function cssColor(hex: string): string {
  if (hex.length !== 9) return hex;
  const a = Number.parseInt(hex.slice(7, 9), 16) / 255;
  return `rgba(${Number.parseInt(hex.slice(1, 3), 16)},${Number.parseInt(hex.slice(3, 5), 16)},${Number.parseInt(hex.slice(5, 7), 16)},${a.toFixed(3)})`;
}

interface PlacedWord {
  text: string;
  color: string;
  scale: number;
  alpha: number;
  x: number;
  width: number;
  baseline: number;
  line: number;
}

/**
 * Lays out a block like libass lays out one event: each line centred (or aligned) on the anchor, as
 * wide as its words (a scaled word's advance scales) plus spaces, as tall as its largest word; lines
 * stacked with no gap, the block placed by its vertical anchor.
 */
function placeWords(ctx: CanvasRenderingContext2D, block: TextBlock, ascent: number): { words: PlacedWord[]; spaces: { x: number; width: number; baseline: number; line: number }[] } {
  const { style, anchor } = block;
  const rows = block.words ?? block.lines.map((line) => [{ text: line, color: style.color, scale: 1, alpha: 1 }]);
  const space = ctx.measureText(' ').width;
  const measured = rows.map((row) => {
    const widths = row.map((w) => ctx.measureText(w.text).width * w.scale);
    const scale = row.reduce((m, w) => Math.max(m, w.scale), row.length > 0 ? 0 : 1);
    return { row, widths, width: widths.reduce((a, b) => a + b, 0) + space * Math.max(0, row.length - 1), scale };
  });
  const total = measured.reduce((h, m) => h + style.size * m.scale, 0);
  let top = anchor.vertical === 'top' ? anchor.y : anchor.vertical === 'bottom' ? anchor.y - total : anchor.y - total / 2;
  const words: PlacedWord[] = [];
  const spaces: { x: number; width: number; baseline: number; line: number }[] = [];
  for (const [line, m] of measured.entries()) {
    const baseline = top + ascent * m.scale;
    let x = anchor.align === 'left' ? anchor.x : anchor.align === 'right' ? anchor.x - m.width : anchor.x - m.width / 2;
    m.row.forEach((w, i) => {
      words.push({ ...w, x, width: m.widths[i]!, baseline, line });
      x += m.widths[i]!;
      if (i + 1 < m.row.length) spaces.push({ x, width: space, baseline, line });
      x += space;
    });
    top += style.size * m.scale;
  }
  return { words, spaces };
}

function drawWord(target: CanvasRenderingContext2D, w: PlacedWord, dx: number, dy: number, draw: (t: CanvasRenderingContext2D) => void): void {
  target.save();
  target.translate(w.x + dx, w.baseline + dy);
  if (w.scale !== 1) target.scale(w.scale, w.scale);
  draw(target);
  target.restore();
}

export function drawTextBlock(ctx: CanvasRenderingContext2D, block: TextBlock): void {
  if (block.opacity <= 0 || block.lines.length === 0) return;
  const { style } = block;
  const family = familyFor(style.font, block.lines.join(' '));
  const box = assFontBox(family, style.bold, style.size);
  ctx.save();
  ctx.globalAlpha = block.opacity;
  ctx.font = `${style.bold ? 'bold ' : ''}${box.emPx}px "${family}"`;
  ctx.textBaseline = 'alphabetic';
  // libass as ffmpeg runs it here does not kern (pairs like "AT" or "Wa" keep their full advance).
  ctx.fontKerning = 'none';
  ctx.lineJoin = 'round';
  const { words, spaces } = placeWords(ctx, block, box.ascent);
  const shadow = style.box.enabled ? 0 : style.shadow ? Math.max(2, Math.round(style.size / 24)) : 0;
  const border = style.box.enabled ? style.box.padding : style.outlineWidth;
  const descent = style.size - box.ascent;
  // Like libass: the whole event's shadow, then its outline (or boxes), then the glyphs.
  if (style.box.enabled) {
    // Like libass: one box around each line's glyphs (words and the spaces between them, merged),
    // blended line by line, so where two lines' boxes overlap the box is darker.
    const boxAlpha = style.box.color.length === 9 ? Number.parseInt(style.box.color.slice(7, 9), 16) / 255 : 1;
    const lines = new Set(words.map((w) => w.line));
    for (const line of lines) {
      const layer = shadowCanvas(ctx.canvas.width, ctx.canvas.height);
      layer.setTransform(ctx.getTransform());
      layer.fillStyle = style.box.color.slice(0, 7);
      for (const s of spaces.filter((sp) => sp.line === line)) {
        layer.globalAlpha = 1;
        layer.fillRect(s.x - border, s.baseline - box.ascent - border, s.width + border * 2, style.size + border * 2);
      }
      for (const w of words.filter((wd) => wd.line === line)) {
        layer.globalAlpha = w.alpha;
        layer.fillRect(w.x - border, w.baseline - box.ascent * w.scale - border, w.width + border * 2, (box.ascent + descent) * w.scale + border * 2);
      }
      ctx.save();
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.globalAlpha = block.opacity * boxAlpha;
      ctx.drawImage(layer.canvas, 0, 0);
      ctx.restore();
    }
  } else {
    if (shadow > 0) {
      const layer = shadowCanvas(ctx.canvas.width, ctx.canvas.height);
      layer.setTransform(ctx.getTransform());
      layer.font = ctx.font;
      layer.fontKerning = 'none';
      layer.textBaseline = 'alphabetic';
      layer.lineJoin = 'round';
      layer.strokeStyle = '#000';
      layer.fillStyle = '#000';
      for (const w of words) {
        if (w.alpha <= 0) continue;
        layer.globalAlpha = w.alpha;
        drawWord(layer, w, shadow, shadow, (t) => {
          t.lineWidth = border * 2;
          if (border > 0) t.strokeText(w.text, 0, 0);
          t.fillText(w.text, 0, 0);
        });
      }
      ctx.save();
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.globalAlpha = block.opacity * 0.5;
      ctx.drawImage(layer.canvas, 0, 0);
      ctx.restore();
    }
    if (border > 0) {
      ctx.strokeStyle = cssColor(style.outlineColor);
      for (const w of words) {
        if (w.alpha <= 0) continue;
        ctx.globalAlpha = block.opacity * w.alpha;
        drawWord(ctx, w, 0, 0, (t) => {
          t.lineWidth = border * 2;
          t.strokeText(w.text, 0, 0);
        });
      }
    }
  }
  for (const w of words) {
    if (w.alpha <= 0) continue;
    ctx.globalAlpha = block.opacity * w.alpha;
    ctx.fillStyle = cssColor(w.color);
    drawWord(ctx, w, 0, 0, (t) => t.fillText(w.text, 0, 0));
  }
  ctx.restore();
}

export type TextDrawer = (ctx: CanvasRenderingContext2D, block: TextBlock) => void;

/**
 * Paint the whole frame. The context is scaled so output pixels map onto the canvas. `drawText`
 * paints a text block (the live preview passes one that reuses blocks it painted before).
 */
export function drawFrame(ctx: CanvasRenderingContext2D, plan: FramePlan, lookup: ImageLookup, scale = 1, videos?: VideoLookup, drawText: TextDrawer = drawTextBlock): void {
  ctx.save();
  ctx.setTransform(scale, 0, 0, scale, 0, 0);
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'high';
  ctx.fillStyle = '#000';
  ctx.fillRect(0, 0, plan.frame.width, plan.frame.height);
  for (const layer of plan.images) drawImageLayer(ctx, layer, plan, lookup, videos);
  for (const layer of plan.overlays ?? []) drawOverlay(ctx, layer, plan, lookup, videos);
  for (const block of plan.texts) drawText(ctx, block);
  ctx.restore();
}
