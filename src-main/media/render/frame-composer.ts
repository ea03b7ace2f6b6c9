/**
 * Draws the export's frames (yuv420p) from prepared pictures: the Ken Burns rectangle of each
 * picture resampled with sub-pixel precision, and the transitions of frame-recipe.ts. The pixel work
 * is done by a small WebAssembly SIMD kernel (kernel/frames.ts, compiled to kernel/frames.wasm by
 * scripts/build/kernel.mjs): about 1 ms for a 1080x1920 frame on one core, where ffmpeg's
 * `perspective` filter took about 20 ms. Frames are then piped into ffmpeg (frame-feed.ts).
 *
 * One composer holds two pictures (the outgoing and incoming clip of a transition) in its memory,
 * and draws frames into two output buffers in turn, so a frame can be on its way to ffmpeg while
 * the next one is drawn, without a copy.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Rect, Size } from '../kenburns/path.js';
import { yuv420pBytes } from '../kenburns/yuv.js';
import type { FrameRecipe } from './frame-recipe.js';

// The few WebAssembly APIs used here (this build's TypeScript libs have no WebAssembly types).
interface WasmMemory {
  buffer: ArrayBuffer;
  grow(pages: number): number;
}
type WasmModule = object;
interface WasmApi {
  Module: new (bytes: Uint8Array) => WasmModule;
  Instance: new (module: WasmModule, imports: object) => { exports: unknown };
}
const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

interface Kernel {
  memory: WasmMemory;
  workBytes(sw: number, dw: number): number;
  resamplePlane(src: number, sw: number, sh: number, dst: number, dw: number, dh: number, rx: number, ry: number, rw: number, rh: number, work: number): void;
  blend(a: number, b: number, out: number, n: number, w: number): void;
}

/** The kernel's weight of a whole pixel (its weights are 7-bit fixed point). */
const BLEND_ONE = 128;
const PAD = 64; // the kernel reads and writes up to 32 bytes past a plane, a row or a frame
const PAGE = 65536;

let compiled: WasmModule | null = null;

/** The kernel's WebAssembly module (compiled once per process, instantiated per composer). */
function kernelModule(): WasmModule {
  if (!compiled) compiled = new wasm.Module(fs.readFileSync(fileURLToPath(new URL('./kernel/frames.wasm', import.meta.url))));
  return compiled;
}

/** Offsets of the Y, U and V planes of a yuv420p buffer at `at`, with their sizes. */
function planes(at: number, size: Size): Array<{ at: number; w: number; h: number }> {
  const { width: w, height: h } = size;
  return [
    { at, w, h },
    { at: at + w * h, w: w / 2, h: h / 2 },
    { at: at + w * h + (w / 2) * (h / 2), w: w / 2, h: h / 2 },
  ];
}

export class FrameComposer {
  readonly size: Size;
  readonly frameBytes: number;
  private readonly kernel: Kernel;
  private readonly slots: number[];
  /** Frame buffers: 0 and 1 hold the two sides of a transition, 2 and 3 are the outputs. */
  private readonly frames: number[];
  private readonly work: number;
  private drawn = 0;

  /** Every picture and frame is `size` (even width and height). */
  constructor(size: Size) {
    if (size.width % 2 || size.height % 2 || size.width < 16 || size.height < 2) throw new Error(`frame size must be even and at least 16 wide: ${size.width}x${size.height}`);
    this.size = { width: size.width, height: size.height };
    this.frameBytes = yuv420pBytes(size.width, size.height);
    this.kernel = new wasm.Instance(kernelModule(), {}).exports as Kernel;
    const stride = this.frameBytes + PAD;
    this.slots = [PAGE, PAGE + stride];
    this.frames = [PAGE + 2 * stride, PAGE + 3 * stride, PAGE + 4 * stride, PAGE + 5 * stride];
    this.work = PAGE + 6 * stride;
    const end = this.work + this.kernel.workBytes(size.width, size.width) + PAD;
    const have = this.kernel.memory.buffer.byteLength / PAGE;
    const need = Math.ceil(end / PAGE);
    if (need > have) this.kernel.memory.grow(need - have);
  }

  private bytes(): Uint8Array {
    return new Uint8Array(this.kernel.memory.buffer);
  }

  /** Puts a prepared picture (yuv420p, `size`) into slot 0 or 1. */
  load(slot: number, data: Uint8Array): void {
    if (data.length !== this.frameBytes) throw new Error(`a prepared picture has ${data.length} bytes, expected ${this.frameBytes}`);
    this.bytes().set(data, this.slots[slot]!);
  }

  /** Resamples `rect` of the picture in `slot` into frame buffer `frame`. */
  private draw(slot: number, rect: Rect, frame: number): void {
    const src = planes(this.slots[slot]!, this.size);
    const dst = planes(this.frames[frame]!, this.size);
    src.forEach((s, p) => {
      const k = p === 0 ? 1 : 0.5; // chroma planes are half size
      const d = dst[p]!;
      this.kernel.resamplePlane(s.at, s.w, s.h, d.at, d.w, d.h, rect.x * k, rect.y * k, rect.w * k, rect.h * k, this.work);
    });
  }

  /** Output rows take columns [0, split) from frame a (shifted left by `shiftA`) and the rest from b. */
  private splitRows(out: number, split: number, shiftA: number, fromB: number): void {
    const mem = this.bytes();
    const a = planes(this.frames[0]!, this.size);
    const b = planes(this.frames[1]!, this.size);
    planes(out, this.size).forEach((o, p) => {
      const k = p === 0 ? 1 : 2;
      const [s, sa, sb] = [split / k, shiftA / k, fromB / k];
      for (let y = 0; y < o.h; y++) {
        const row = y * o.w;
        mem.copyWithin(o.at + row, a[p]!.at + row + sa, a[p]!.at + row + sa + s);
        mem.copyWithin(o.at + row + s, b[p]!.at + row + sb, b[p]!.at + row + sb + (o.w - s));
      }
    });
  }

  /**
   * Draws a frame; `slotOf` says which slot holds a clip's picture (the caller loads it first). The
   * returned bytes are a view of the kernel's memory that stays as it is until the call after next.
   */
  compose(recipe: FrameRecipe, slotOf: (clipIndex: number) => number): Uint8Array {
    const output = 2 + (this.drawn++ & 1);
    const out = this.frames[output]!;
    const mem = this.bytes();
    const { width: w } = this.size;
    if (recipe.kind === 'black') {
      const [y, u] = planes(out, this.size);
      mem.fill(16, y!.at, u!.at);
      mem.fill(128, u!.at, out + this.frameBytes);
    } else if (recipe.kind === 'picture') {
      this.draw(slotOf(recipe.layer.clip.index), recipe.layer.rect, output);
    } else {
      this.draw(slotOf(recipe.outgoing.clip.index), recipe.outgoing.rect, 0);
      this.draw(slotOf(recipe.incoming.clip.index), recipe.incoming.rect, 1);
      // Whole chroma pixels: shifts and splits are even in luma.
      const moved = 2 * Math.round((recipe.p * w) / 2);
      switch (recipe.transition) {
        case 'crossfade':
        case 'zoom':
          this.kernel.blend(this.frames[0]!, this.frames[1]!, out, this.frameBytes, Math.round(recipe.p * BLEND_ONE));
          break;
        case 'slide':
          this.splitRows(out, w - moved, moved, 0);
          break;
        case 'wipe':
          this.splitRows(out, w - moved, 0, w - moved);
          break;
      }
    }
    return new Uint8Array(this.kernel.memory.buffer, out, this.frameBytes);
  }
}
