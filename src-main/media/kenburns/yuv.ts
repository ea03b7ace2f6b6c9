/**
 * Raw YUV 4:2:0 pictures (ffmpeg's `yuv420p`: the Y plane, then U and V at half width and height),
 * the format the Ken Burns resampler reads and writes and ffmpeg encodes. Pure.
 */
export interface YuvImage {
  width: number;
  height: number;
  /** yuv420pBytes(width, height) bytes. */
  data: Uint8Array;
}

export function yuv420pBytes(width: number, height: number): number {
  return width * height + 2 * (width / 2) * (height / 2);
}

/**
 * RGB (8-bit, packed) to yuv420p: BT.601, limited range, as ffmpeg converts an untagged RGB picture,
 * so the export's colours do not change. Chroma is the mean of each 2x2 block (ffmpeg's default
 * scaler filters chroma over ~4 rows: the same on smooth pictures; test/media/yuv.test.ts). Even
 * sizes only.
 */
export function rgbToYuv420p(rgb: Uint8Array, width: number, height: number, channels = 3): YuvImage {
  if (width % 2 || height % 2) throw new Error(`rgbToYuv420p needs even sizes, got ${width}x${height}`);
  const data = new Uint8Array(yuv420pBytes(width, height));
  const cw = width / 2;
  const uBase = width * height;
  const vBase = uBase + cw * (height / 2);
  for (let y = 0; y < height; y += 2) {
    for (let x = 0; x < width; x += 2) {
      let rs = 0;
      let gs = 0;
      let bs = 0;
      for (let dy = 0; dy < 2; dy++) {
        for (let dx = 0; dx < 2; dx++) {
          const p = ((y + dy) * width + x + dx) * channels;
          const r = rgb[p]!;
          const g = rgb[p + 1]!;
          const b = rgb[p + 2]!;
          data[(y + dy) * width + x + dx] = (16829 * r + 33039 * g + 6416 * b + 0x108000) >> 16;
          rs += r;
          gs += g;
          bs += b;
        }
      }
      const c = (y / 2) * cw + x / 2;
      data[uBase + c] = clampByte(128 + (-37.945 * rs - 74.494 * gs + 112.439 * bs) / 1024);
      data[vBase + c] = clampByte(128 + (112.439 * rs - 94.154 * gs - 18.285 * bs) / 1024);
    }
  }
  return { width, height, data };
}

const clampByte = (v: number): number => (v < 0 ? 0 : v > 255 ? 255 : Math.round(v));
