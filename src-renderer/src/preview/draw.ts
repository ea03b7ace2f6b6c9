/**
 * Paints a FramePlan on a 2D canvas the way the export renders it: Ken Burns crops through the shared
 * path module, then text overlays and captions drawn like libass draws the ASS events (size = line
 * height, outline around the glyphs, shadow offset, box per line, word highlight).
 */
import { kenBurnsRect } from '../../../src-main/media/kenburns/path.js';
import type { FramePlan, ImageLayer, TextBlock } from './frame.js';
import { assFontBox, familyFor } from './fonts.js';

export type ImageLookup = (assetId: string) => HTMLImageElement | null;

function sizeOf(img: HTMLImageElement | null): { width: number; height: number } | null {
  return img && img.naturalWidth && img.naturalHeight ? { width: img.naturalWidth, height: img.naturalHeight } : null;
}

function drawImageLayer(ctx: CanvasRenderingContext2D, layer: ImageLayer, plan: FramePlan, lookup: ImageLookup): void {
  const img = lookup(layer.clip.assetId);
  const size = sizeOf(img);
  const { width: W, height: H } = plan.frame;
  if (!img || !size) {
    ctx.fillStyle = '#222';
    ctx.fillRect(0, 0, W, H);
    return;
  }
  const r = kenBurnsRect(layer.clip.kenBurns, size, plan.frame, layer.local, layer.duration);
  ctx.save();
  ctx.globalAlpha = layer.alpha;
  if (layer.reveal !== null) {
    ctx.beginPath();
    ctx.rect(W * (1 - layer.reveal), 0, W * layer.reveal, H);
    ctx.clip();
  }
  ctx.translate(layer.offsetX * W + W / 2, H / 2);
  ctx.scale(layer.scale, layer.scale);
  ctx.drawImage(img, r.x, r.y, r.w, r.h, -W / 2, -H / 2, W, H);
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

function drawTextBlock(ctx: CanvasRenderingContext2D, block: TextBlock): void {
  if (block.opacity <= 0 || block.lines.length === 0) return;
  const { style, anchor } = block;
  const joined = block.lines.join(' ');
  const family = familyFor(style.font, joined);
  const box = assFontBox(family, style.bold, style.size);
  ctx.save();
  ctx.globalAlpha = block.opacity;
  ctx.font = `${style.bold ? 'bold ' : ''}${box.emPx}px "${family}"`;
  ctx.textBaseline = 'alphabetic';
  const ascent = box.ascent;
  const lineH = box.lineHeight;
  const total = lineH * block.lines.length;
  const top = anchor.vertical === 'top' ? anchor.y : anchor.vertical === 'bottom' ? anchor.y - total : anchor.y - total / 2;
  const shadow = style.box.enabled ? 0 : style.shadow ? Math.max(2, Math.round(style.size / 24)) : 0;
  const border = style.box.enabled ? style.box.padding : style.outlineWidth;
  const placed = block.lines.map((line, i) => {
    const width = ctx.measureText(line).width;
    const left = anchor.align === 'left' ? anchor.x : anchor.align === 'right' ? anchor.x - width : anchor.x - width / 2;
    return { line, i, width, left, baseline: top + i * lineH + ascent };
  });
  const outline = (target: CanvasRenderingContext2D, color: string, dx: number, dy: number, withFill: boolean) => {
    target.lineJoin = 'round';
    target.lineWidth = border * 2;
    target.strokeStyle = color;
    target.fillStyle = color;
    for (const p of placed) {
      if (border > 0) target.strokeText(p.line, p.left + dx, p.baseline + dy);
      if (withFill) target.fillText(p.line, p.left + dx, p.baseline + dy);
    }
  };
  // Like libass: the whole event's shadow, then its outline (or boxes), then the glyphs.
  if (style.box.enabled) {
    ctx.fillStyle = cssColor(style.box.color);
    for (const p of placed) ctx.fillRect(p.left - border, top + p.i * lineH - border, p.width + border * 2, lineH + border * 2);
  } else {
    if (shadow > 0) {
      const layer = shadowCanvas(ctx.canvas.width, ctx.canvas.height);
      layer.setTransform(ctx.getTransform());
      layer.font = ctx.font;
      layer.textBaseline = 'alphabetic';
      outline(layer, '#000', shadow, shadow, true);
      ctx.save();
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.globalAlpha = block.opacity * 0.5;
      ctx.drawImage(layer.canvas, 0, 0);
      ctx.restore();
    }
    outline(ctx, cssColor(style.outlineColor), 0, 0, false);
  }
  let wordIndex = 0;
  const space = ctx.measureText(' ').width;
  for (const p of placed) {
    if (block.highlight < 0 || !block.highlightColor) {
      ctx.fillStyle = cssColor(style.color);
      ctx.fillText(p.line, p.left, p.baseline);
      continue;
    }
    let x = p.left;
    for (const word of p.line.split(/\s+/).filter(Boolean)) {
      ctx.fillStyle = cssColor(wordIndex === block.highlight ? block.highlightColor : style.color);
      ctx.fillText(word, x, p.baseline);
      x += ctx.measureText(word).width + space;
      wordIndex++;
    }
  }
  ctx.restore();
}

/** Paint the whole frame. The context is scaled so output pixels map onto the canvas. */
export function drawFrame(ctx: CanvasRenderingContext2D, plan: FramePlan, lookup: ImageLookup, scale = 1): void {
  ctx.save();
  ctx.setTransform(scale, 0, 0, scale, 0, 0);
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'high';
  ctx.fillStyle = '#000';
  ctx.fillRect(0, 0, plan.frame.width, plan.frame.height);
  for (const layer of plan.images) drawImageLayer(ctx, layer, plan, lookup);
  for (const block of plan.texts) drawTextBlock(ctx, block);
  ctx.restore();
}
