// AssemblyScript (compiled to frames.wasm by scripts/build/kernel.mjs; not part of the TypeScript build).
// The export's per-frame pixel work: the Ken Burns resampler and the crossfade blend.
//
// Bilinear resampling of one 8-bit plane: the destination (dw x dh) shows the source rectangle
// (rx, ry, rw, rh), in source pixels with fractions, pixel centres at +0.5 (as a canvas drawImage
// does). Positions are quantised to 1/128 pixel (an RMS error of 0.002 px), so slow Ken Burns moves
// stay smooth, and every weight fits in a byte: one i16x8.extmul does a widening multiply.
//
// Fixed-point arithmetic, identical to test/media/resample-reference.ts (tests compare them
// byte for byte): each output row first blends its two source rows, t = (a*(128-f) + b*f + 64) >> 7,
// then each output pixel blends two neighbours of that row the same way. All sums fit in 16 bits.
//
// Speed: the horizontal pass works on blocks of 16 output pixels. When the block's 17 source pixels
// fit in one 16-byte window (the rectangle is not wider than the output: the export prepares images
// so it never is) two loads and two byte shuffles (i8x16.swizzle) gather them; otherwise the block
// falls back to plain scalar code. The caller pads every plane and the work area by 32 bytes.
//
// Work area layout (bytes from `work`): a 16-byte header (the lowest and one past the highest source
// column any output pixel reads), per block BLOCK bytes of tables, then the blended row.

const BLOCK: i32 = 64; // idx v128, w0 (weights of the left pixel), w1 (of the right), base, simd, first i32
const ONE: i32 = 128; // weight of a whole pixel
const SHIFT: u32 = 7;

/**
 * Where output pixel i samples a line of `size` source pixels starting at `start`, `scale` source
 * pixels per output pixel: the left source pixel k and the right one's weight w (0..ONE), packed as
 * k << 8 | w. k stops one short of the end so k + 1 is always readable.
 */
@inline function sample(i: i32, start: f64, scale: f64, size: i32): i32 {
  let u = start + (<f64>i + 0.5) * scale - 0.5;
  u = u < 0 ? 0 : u > <f64>(size - 1) ? <f64>(size - 1) : u;
  let k = <i32>Math.floor(u);
  const maxK = size > 1 ? size - 2 : 0;
  if (k > maxK) k = maxK;
  let w = <i32>Math.round((u - <f64>k) * <f64>ONE);
  if (w > ONE) w = ONE;
  return (k << 8) | w;
}

/** Bytes of work area resamplePlane needs for a destination this wide. */
export function workBytes(sw: i32, dw: i32): i32 {
  return 16 + ((dw + 15) >> 4) * BLOCK + sw + 64;
}

/** Per-block tables: where each output pixel samples and with which weights. */
function columnTables(work: usize, sw: i32, dw: i32, rx: f64, rw: f64): void {
  const blocks = (dw + 15) >> 4;
  let lo = sw;
  let hi = 0;
  const scale = rw / <f64>dw;
  for (let b = 0; b < blocks; b++) {
    const first = dw >= 16 ? min(b << 4, dw - 16) : 0;
    const t = work + 16 + <usize>(b * BLOCK);
    let base = 0;
    let simd = dw >= 16 ? 1 : 0;
    for (let j = 0; j < 16; j++) {
      const i = first + j;
      let k = 0;
      let w = 0;
      if (i < dw) {
        const kw = sample(i, rx, scale, sw);
        k = kw >> 8;
        w = kw & 255;
      }
      if (j == 0) base = k;
      if (k < lo) lo = k;
      if (k + 2 > hi) hi = k + 2;
      const rel = k - base;
      if (rel > 15) simd = 0;
      store<u8>(t + <usize>j, <u8>(rel > 15 ? 0 : rel));
      store<u8>(t + 16 + <usize>j, <u8>(ONE - w));
      store<u8>(t + 32 + <usize>j, <u8>w);
    }
    store<i32>(t + 48, base);
    store<i32>(t + 52, simd);
    store<i32>(t + 56, first);
  }
  store<i32>(work, lo & ~15);
  store<i32>(work + 4, min(hi, sw));
}

/** One output row from a (blended) source row, block by block. */
function horizontal(out: usize, row: usize, work: usize, sw: i32, dw: i32, rx: f64, rw: f64): void {
  const blocks = (dw + 15) >> 4;
  const round = i16x8.splat(<i16>(ONE >> 1));
  for (let b = 0; b < blocks; b++) {
    const t = work + 16 + <usize>(b * BLOCK);
    const base = load<i32>(t + 48);
    const first = load<i32>(t + 56);
    if (load<i32>(t + 52)) {
      const idx = v128.load(t);
      const sa = i8x16.swizzle(v128.load(row + <usize>base), idx);
      const sb = i8x16.swizzle(v128.load(row + <usize>base + 1), idx);
      v128.store(out + <usize>first, mix(sa, sb, v128.load(t + 16), v128.load(t + 32), round));
    } else {
      scalarBlock(out, row, sw, dw, first, rx, rw / <f64>dw);
    }
  }
}

/** The same sums without SIMD, for blocks whose source pixels do not fit one window. */
function scalarBlock(out: usize, row: usize, sw: i32, dw: i32, first: i32, rx: f64, scale: f64): void {
  const end = min(first + 16, dw);
  for (let i = first; i < end; i++) {
    const kw = sample(i, rx, scale, sw);
    const k = kw >> 8;
    const w = kw & 255;
    const k1 = sw > 1 ? k + 1 : k;
    const v = (<i32>load<u8>(row + <usize>k) * (ONE - w) + <i32>load<u8>(row + <usize>k1) * w + (ONE >> 1)) >> SHIFT;
    store<u8>(out + <usize>i, <u8>v);
  }
}

/**
 * Resamples one plane. `src` is sw x sh bytes (rows packed), `dst` dw x dh bytes; `work` holds
 * workBytes(sw, dw) bytes. Every buffer is followed by at least 32 readable bytes.
 */
export function resamplePlane(src: usize, sw: i32, sh: i32, dst: usize, dw: i32, dh: i32, rx: f64, ry: f64, rw: f64, rh: f64, work: usize): void {
  columnTables(work, sw, dw, rx, rw);
  const row = work + 16 + <usize>(((dw + 15) >> 4) * BLOCK);
  const scaleY = rh / <f64>dh;
  const lo = load<i32>(work);
  const hi = load<i32>(work + 4);
  for (let y = 0; y < dh; y++) {
    const kf = sample(y, ry, scaleY, sh);
    const k = kf >> 8;
    const f = kf & 255;
    const a = src + <usize>(k * sw);
    const b = sh > 1 ? a + <usize>sw : a;
    let blended: usize;
    if (f == 0) blended = a;
    else if (f == ONE) blended = b;
    else {
      blend(a + <usize>lo, b + <usize>lo, row + <usize>lo, hi - lo, f);
      blended = row;
    }
    horizontal(dst + <usize>(y * dw), blended, work, sw, dw, rx, rw);
  }
}

/** 16 pixels: (a*wa + b*wb + 64) >> 7 per lane, with byte weights (wa + wb = 128). */
@inline function mix(a: v128, b: v128, wa: v128, wb: v128, round: v128): v128 {
  const l = i16x8.shr_u(i16x8.add(i16x8.add(i16x8.extmul_low_i8x16_u(a, wa), i16x8.extmul_low_i8x16_u(b, wb)), round), SHIFT);
  const h = i16x8.shr_u(i16x8.add(i16x8.add(i16x8.extmul_high_i8x16_u(a, wa), i16x8.extmul_high_i8x16_u(b, wb)), round), SHIFT);
  return i8x16.narrow_i16x8_u(l, h);
}

/**
 * out = a blended towards b by w/128 (0: a, 128: b), over n bytes: crossfades and the resampler's
 * rows. Same rounding as the resampler's sums. n is rounded up to whole vectors (buffers are padded).
 */
export function blend(a: usize, b: usize, out: usize, n: i32, w: i32): void {
  const wa = i8x16.splat(<i8>(ONE - w));
  const wb = i8x16.splat(<i8>w);
  const round = i16x8.splat(<i16>(ONE >> 1));
  for (let x = 0; x < n; x += 16) {
    v128.store(out + <usize>x, mix(v128.load(a + <usize>x), v128.load(b + <usize>x), wa, wb, round));
  }
}
