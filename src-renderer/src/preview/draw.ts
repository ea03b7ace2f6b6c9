/**
 * Paints a FramePlan on a 2D canvas the way the export renders it: Ken Burns crops through the shared
 * path module, then text overlays and captions drawn like libass draws the ASS events (size = line
 * height, outline around the glyphs, shadow offset, box per line, word highlight).
 */
import { kenBurnsRect } from '../../../src-main/media/kenburns/path.js';
import type { FramePlan, ImageLayer, TextBlock } from './frame.js';
import { familyFor, lineHeightPerPx } from './fonts.js';

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
  const r = kenBurnsRect(layer.clip.kenBurns, size, plan.frame, layer.local, layer.clip.duration);
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
  const px = style.size / lineHeightPerPx(ctx, family, style.bold);
  ctx.save();
  ctx.globalAlpha = block.opacity;
  ctx.font = `${style.bold ? 'bold ' : ''}${px}px "${family}"`;
  ctx.textBaseline = 'alphabetic';
  const m = ctx.measureText('Hg');
  const ascent = m.fontBoundingBoxAscent;
  const lineH = style.size;
  const total = lineH * block.lines.length;
  const top = anchor.vertical === 'top' ? anchor.y : anchor.vertical === 'bottom' ? anchor.y - total : anchor.y - total / 2;
  const shadow = style.box.enabled ? 0 : style.shadow ? Math.max(2, Math.round(style.size / 24)) : 0;
  const border = style.box.enabled ? style.box.padding : style.outlineWidth;
  let wordIndex = 0;
  block.lines.forEach((line, i) => {
    const width = ctx.measureText(line).width;
    const left = anchor.align === 'left' ? anchor.x : anchor.align === 'right' ? anchor.x - width : anchor.x - width / 2;
    const baseline = top + i * lineH + ascent;
    const words = line.split(/\s+/).filter(Boolean);
    const paint = (dx: number, dy: number, pass: 'shadow' | 'outline' | 'fill') => {
      if (pass === 'shadow' || pass === 'outline') {
        ctx.lineJoin = 'round';
        ctx.lineWidth = border * 2;
        ctx.strokeStyle = pass === 'shadow' ? 'rgba(0,0,0,0.5)' : cssColor(style.outlineColor);
        if (border > 0) ctx.strokeText(line, left + dx, baseline + dy);
        if (pass === 'shadow') {
          ctx.fillStyle = 'rgba(0,0,0,0.5)';
          ctx.fillText(line, left + dx, baseline + dy);
        }
        return;
      }
      if (block.highlight < 0 || !block.highlightColor) {
        ctx.fillStyle = cssColor(style.color);
        ctx.fillText(line, left, baseline);
        return;
      }
      let x = left;
      const space = ctx.measureText(' ').width;
      for (const word of words) {
        ctx.fillStyle = cssColor(wordIndex === block.highlight ? block.highlightColor : style.color);
        ctx.fillText(word, x, baseline);
        x += ctx.measureText(word).width + space;
        wordIndex++;
      }
    };
    if (style.box.enabled) {
      ctx.fillStyle = cssColor(style.box.color);
      ctx.fillRect(left - border, top + i * lineH - border, width + border * 2, lineH + border * 2);
    } else {
      if (shadow > 0) paint(shadow, shadow, 'shadow');
      paint(0, 0, 'outline');
    }
    paint(0, 0, 'fill');
    if (block.highlight < 0) wordIndex += words.length;
  });
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
