/**
 * Text blocks painted once and reused while they do not change: an overlay's title or a caption
 * between two words is the same picture frame after frame, so the live preview paints its glyphs,
 * outline and shadow (draw.ts `drawTextBlock`) into a layer the size of the canvas once and then only
 * lays that layer over each frame. Blending a layer painted at full opacity over the frame gives the
 * same pixels as painting its parts there one by one (source-over is associative); a block fading
 * (opacity below 1) is painted directly. A caption word in mid-animation is a new layer each frame;
 * the least recently used of KEEP layers makes room.
 */
import { drawTextBlock } from './draw.js';
import { layerableText, type TextBlock } from './frame.js';

const KEEP = 8;

export class TextLayers {
  private readonly layers = new Map<string, HTMLCanvasElement>();

  /** A TextDrawer for drawFrame. */
  readonly draw = (ctx: CanvasRenderingContext2D, block: TextBlock): void => {
    if (!layerableText(block)) return drawTextBlock(ctx, block);
    const { width, height } = ctx.canvas;
    const m = ctx.getTransform();
    const key = JSON.stringify([width, height, m.a, m.d, m.e, m.f, block.lines, block.anchor, block.style, block.words]);
    let layer = this.layers.get(key);
    if (layer) this.layers.delete(key);
    else {
      layer = this.spare(width, height);
      const target = layer.getContext('2d')!;
      target.setTransform(m);
      drawTextBlock(target, block);
    }
    this.layers.set(key, layer);
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.globalAlpha = 1;
    ctx.drawImage(layer, 0, 0);
    ctx.restore();
  };

  /** A cleared canvas: the least recently used layer when KEEP are kept, else a new one. */
  private spare(width: number, height: number): HTMLCanvasElement {
    let canvas: HTMLCanvasElement;
    if (this.layers.size >= KEEP) {
      const [oldest, layer] = this.layers.entries().next().value!;
      this.layers.delete(oldest);
      canvas = layer;
    } else canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    canvas.getContext('2d')!.clearRect(0, 0, width, height);
    return canvas;
  }

  /** Forget every layer (a font finished loading: they were painted with its stand-in). */
  clear(): void {
    this.layers.clear();
  }
}
