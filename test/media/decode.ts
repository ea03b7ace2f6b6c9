/** Test and bench helpers that read real outputs back: gray frames, PCM samples, loudness. */
import { execa } from 'execa';
import { resolveBinary } from '../../src-main/platform/binaries.js';

export async function grayFrames(file: string, width: number, height: number): Promise<Uint8Array[]> {
  const { stdout } = await execa(resolveBinary('ffmpeg'), ['-v', 'error', '-i', file, '-f', 'rawvideo', '-pix_fmt', 'gray', '-'], { encoding: 'buffer', maxBuffer: 1 << 30 });
  const size = width * height;
  const frames: Uint8Array[] = [];
  for (let off = 0; off + size <= stdout.length; off += size) frames.push(stdout.subarray(off, off + size));
  return frames;
}

/** Mono float samples at `rate` from any media file's audio. */
export async function pcm(file: string, rate = 8000): Promise<Float32Array> {
  const { stdout } = await execa(resolveBinary('ffmpeg'), ['-v', 'error', '-i', file, '-ac', '1', '-ar', String(rate), '-f', 'f32le', '-'], { encoding: 'buffer', maxBuffer: 1 << 30 });
  return new Float32Array(stdout.buffer.slice(stdout.byteOffset, stdout.byteOffset + stdout.length));
}

/** Amplitude of one frequency in samples[from, to) (Goertzel). */
export function toneLevel(samples: Float32Array, rate: number, freq: number, from: number, to: number): number {
  const a = Math.floor(from * rate);
  const b = Math.min(samples.length, Math.floor(to * rate));
  const k = (2 * Math.PI * freq) / rate;
  const coeff = 2 * Math.cos(k);
  let s1 = 0;
  let s2 = 0;
  for (let i = a; i < b; i++) {
    const s0 = samples[i]! + coeff * s1 - s2;
    s2 = s1;
    s1 = s0;
  }
  const power = s1 * s1 + s2 * s2 - coeff * s1 * s2;
  return (2 * Math.sqrt(Math.max(0, power))) / Math.max(1, b - a);
}

/** Integrated loudness (LUFS) and true peak (dBTP) measured by ffmpeg's ebur128. */
export async function loudness(file: string): Promise<{ integrated: number; truePeak: number }> {
  const { stderr } = await execa(resolveBinary('ffmpeg'), ['-hide_banner', '-nostats', '-i', file, '-map', '0:a', '-af', 'ebur128=peak=true', '-f', 'null', '-']);
  const summary = stderr.slice(stderr.lastIndexOf('Summary:'));
  const integrated = Number(/I:\s+(-?[\d.]+) LUFS/.exec(summary)?.[1]);
  const truePeak = Number(/Peak:\s+(-?[\d.]+) dBFS/.exec(summary)?.[1]);
  return { integrated, truePeak };
}

/** The mean colour [r, g, b] of the frame shown at `seconds` of a video file (decoded by ffmpeg). */
export async function meanColourAt(file: string, seconds: number): Promise<[number, number, number]> {
  const { stdout } = await execa(resolveBinary('ffmpeg'), ['-v', 'error', '-ss', String(seconds), '-i', file, '-frames:v', '1', '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'], { encoding: 'buffer', maxBuffer: 1 << 28 });
  if (stdout.length < 3) throw new Error(`no frame at ${seconds} s of ${file}`);
  const sum = [0, 0, 0];
  for (let i = 0; i + 2 < stdout.length; i += 3) for (let c = 0; c < 3; c++) sum[c]! += stdout[i + c]!;
  const n = Math.floor(stdout.length / 3);
  return [sum[0]! / n, sum[1]! / n, sum[2]! / n];
}
