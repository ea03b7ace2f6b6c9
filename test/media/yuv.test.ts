/**
 * rgbToYuv420p against ffmpeg converting the same raw RGB (what the export did before the WASM
 * resampler, so colours must not change).
 *
 * What ffmpeg (5.1 swscale) really does for rgb24 -> yuv420p: luma is BT.601 limited range, the same
 * as ours within rounding (±1). Chroma is averaged over pixel pairs horizontally, but with the
 * default (bicubic) flags it is filtered vertically over about four rows, not two: on noise that
 * differs from our 2x2 mean by up to ~12, on a smooth picture not at all (±1). With
 * `-sws_flags area` ffmpeg's chroma IS the 2x2 mean, so noise is compared that way.
 */
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { rgbToYuv420p } from '../../src-main/media/kenburns/yuv.js';
import { resolveBinary } from '../../src-main/platform/binaries.js';

const W = 32;
const H = 16;

async function ffmpegYuv(rgb: Uint8Array, flags: string[] = []): Promise<Uint8Array> {
  const args = ['-v', 'error', '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-s', `${W}x${H}`, '-i', '-', ...flags, '-pix_fmt', 'yuv420p', '-f', 'rawvideo', '-'];
  const { stdout } = await execa(resolveBinary('ffmpeg'), args, { input: Buffer.from(rgb), encoding: 'buffer' });
  return stdout;
}

/** Largest difference per plane (Y, U, V). */
function maxDiff(a: Uint8Array, b: Uint8Array): number[] {
  expect(a.length).toBe(b.length);
  const luma = W * H;
  const ends = [luma, luma * 1.25, luma * 1.5];
  const out = [0, 0, 0];
  for (let i = 0; i < a.length; i++) {
    const p = ends.findIndex((end) => i < end);
    out[p] = Math.max(out[p]!, Math.abs(a[i]! - b[i]!));
  }
  return out;
}

const noise = new Uint8Array(W * H * 3);
let seed = 12345;
for (let i = 0; i < noise.length; i++) noise[i] = (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 24;

const gradient = new Uint8Array(W * H * 3);
for (let y = 0; y < H; y++) {
  for (let x = 0; x < W; x++) gradient.set([x * 8, y * 16, 255 - x * 4 - y * 4], (y * W + x) * 3);
}

describe('rgbToYuv420p', () => {
  it('matches ffmpeg on a gradient within 1 in every plane', async () => {
    const [y, u, v] = maxDiff(rgbToYuv420p(gradient, W, H).data, await ffmpegYuv(gradient));
    expect(y).toBeLessThanOrEqual(1);
    expect(u).toBeLessThanOrEqual(1);
    expect(v).toBeLessThanOrEqual(1);
  });

  it("matches ffmpeg's luma on noise within 1, and its 2x2-mean chroma within 1", async () => {
    const ours = rgbToYuv420p(noise, W, H).data;
    expect(maxDiff(ours, await ffmpegYuv(noise))[0]).toBeLessThanOrEqual(1);
    const [, u, v] = maxDiff(ours, await ffmpegYuv(noise, ['-sws_flags', 'area']));
    expect(u).toBeLessThanOrEqual(1);
    expect(v).toBeLessThanOrEqual(1);
  });

  it('reads RGBA (4 channels) the same as RGB and refuses odd sizes', () => {
    const rgba = new Uint8Array(W * H * 4);
    for (let i = 0; i < W * H; i++) rgba.set([...noise.subarray(i * 3, i * 3 + 3), 77], i * 4);
    expect(Buffer.from(rgbToYuv420p(rgba, W, H, 4).data).equals(Buffer.from(rgbToYuv420p(noise, W, H).data))).toBe(true);
    expect(() => rgbToYuv420p(noise, W - 1, H)).toThrow(/even sizes/);
  });
});
