/**
 * Plain TypeScript twin of the WebAssembly kernel's resampler (src-main/media/render/kernel/frames.ts,
 * `resamplePlane`): the same positions and the same fixed-point sums, pixel by pixel, so
 * resample-kernel.test.ts can demand identical bytes. Slow and obvious on purpose.
 */
export function resamplePlaneReference(src: Uint8Array, sw: number, sh: number, dw: number, dh: number, r: { x: number; y: number; w: number; h: number }): Uint8Array {
  const out = new Uint8Array(dw * dh);
  const sample = (i: number, start: number, scale: number, size: number) => {
    let u = start + (i + 0.5) * scale - 0.5;
    u = u < 0 ? 0 : u > size - 1 ? size - 1 : u;
    const k = Math.min(Math.floor(u), size > 1 ? size - 2 : 0);
    return { k, k1: size > 1 ? k + 1 : k, w: Math.min(128, Math.round((u - k) * 128)) };
  };
  const cols = Array.from({ length: dw }, (_, i) => sample(i, r.x, r.w / dw, sw));
  const row = new Uint8Array(sw);
  for (let y = 0; y < dh; y++) {
    const v = sample(y, r.y, r.h / dh, sh);
    for (let x = 0; x < sw; x++) row[x] = (src[v.k * sw + x]! * (128 - v.w) + src[v.k1 * sw + x]! * v.w + 64) >> 7;
    for (let x = 0; x < dw; x++) {
      const c = cols[x]!;
      out[y * dw + x] = (row[c.k]! * (128 - c.w) + row[c.k1]! * c.w + 64) >> 7;
    }
  }
  return out;
}
