/**
 * Video clips made by ffmpeg for export tests, each with a frame counter burned in: the source time
 * in 1/60 s (`round(t * 60)`, 12 bits) drawn as a 4x3 grid of black/white blocks in the middle of
 * the picture (readable after scaling and x264), plus the number as text for a person looking at
 * it. Options: frame rate, size, variable frame rate, rotation metadata, 10-bit, HEVC, with or
 * without a 440 Hz tone.
 */
import fs from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { resolveBinary } from '../../src-main/platform/binaries.js';
import { resourcePath } from '../../src-main/platform/app-root.js';
import { probeMedia } from '../../src-main/media/ffmpeg/probe.js';
import { storeAssetFile } from '../../src-main/project/assets.js';
import { createEmptyDocument, type ProjectDocument } from '../../src-main/project/document.js';

export interface CounterVideo {
  fps?: number;
  width?: number;
  height?: number;
  seconds?: number;
  /** Drop frames irregularly (variable frame rate). */
  vfr?: boolean;
  /** Stored turned, with display rotation metadata that turns it back upright. */
  rotated?: boolean;
  tenBit?: boolean;
  audio?: boolean;
  /** The tone's length when it differs from the picture's (the container lasts as long as the longer). */
  audioSeconds?: number;
  /** Tag the colours as BT.709 (phones and cameras do). */
  bt709?: boolean;
  /** HEVC (libx265) instead of H.264: a codec the preview's <video> cannot play. */
  hevc?: boolean;
}

/** Where the counter's blocks sit, as fractions of the picture. */
export const GRID = { cols: 4, rows: 3, x0: 0.2, x1: 0.8, y0: 0.3, y1: 0.7 };
const BITS = GRID.cols * GRID.rows;

/** The counter's blocks as drawbox filters: the grid black, then each bit's block white while it is set. */
function counterBoxes(width: number, height: number): string {
  const x0 = Math.round(GRID.x0 * width);
  const y0 = Math.round(GRID.y0 * height);
  const w = Math.round(GRID.x1 * width) - x0;
  const h = Math.round(GRID.y1 * height) - y0;
  const boxes = [`drawbox=x=${x0}:y=${y0}:w=${w}:h=${h}:color=black:t=fill`];
  for (let bit = 0; bit < BITS; bit++) {
    const col = bit % GRID.cols;
    const row = Math.floor(bit / GRID.cols);
    const bx = x0 + Math.round((col * w) / GRID.cols);
    const by = y0 + Math.round((row * h) / GRID.rows);
    const bw = x0 + Math.round(((col + 1) * w) / GRID.cols) - bx;
    const bh = y0 + Math.round(((row + 1) * h) / GRID.rows) - by;
    boxes.push(`drawbox=x=${bx}:y=${by}:w=${bw}:h=${bh}:color=white:t=fill:enable='mod(floor(round(t*60)/${2 ** bit})\,2)'`);
  }
  return boxes.join(',');
}

export async function counterVideo(dir: string, name: string, o: CounterVideo = {}): Promise<string> {
  const fps = o.fps ?? 30;
  const width = o.width ?? 180;
  const height = o.height ?? 320;
  const seconds = o.seconds ?? 3;
  const file = path.join(dir, name);
  fs.mkdirSync(dir, { recursive: true });
  const font = resourcePath('fonts', 'Inter-Bold.ttf').replace(/:/g, '\\:');
  // An odd size cannot be 4:2:0 (ffmpeg would round it down to even): 4:4:4, as screen recorders write.
  const odd = width % 2 === 1 || height % 2 === 1;
  const pixFmt = odd ? (o.tenBit ? 'yuv444p10le' : 'yuv444p') : o.tenBit ? 'yuv420p10le' : 'yuv420p';
  let vf = `testsrc2=size=${width}x${height}:rate=${fps}:duration=${seconds},format=${odd ? 'yuv444p' : 'yuv420p'},${counterBoxes(width, height)},drawtext=fontfile=${font}:text='%{eif\\:round(t*60)\\:d}':x=4:y=4:fontsize=${Math.max(10, Math.round(height / 16))}:fontcolor=white:box=1:boxcolor=black`;
  // Frames kept: a pattern with gaps of one to three frames.
  if (o.vfr) vf += `,select='not(eq(mod(n,7),2))*not(eq(mod(n,11),5))*not(eq(mod(n,11),6))'`;
  if (o.rotated) vf += ',transpose=1';
  const args = ['-v', 'error', '-y', '-f', 'lavfi', '-i', vf];
  if (o.audio) args.push('-f', 'lavfi', '-i', `sine=f=440:r=48000:d=${o.audioSeconds ?? seconds}`);
  args.push('-map', '0:v', ...(o.audio ? ['-map', '1:a', '-c:a', 'aac', '-b:a', '96k'] : []));
  const encoder = o.hevc ? ['-c:v', 'libx265', '-x265-params', 'log-level=error', '-tag:v', 'hvc1'] : ['-c:v', 'libx264'];
  args.push(...encoder, '-preset', 'ultrafast', '-crf', '16', '-g', String(fps), '-pix_fmt', pixFmt);
  if (o.vfr) args.push('-vsync', 'vfr');
  if (o.bt709) args.push('-colorspace', 'bt709', '-color_primaries', 'bt709', '-color_trc', 'bt709');
  if (!o.rotated) {
    await execa(resolveBinary('ffmpeg'), [...args, file]);
    return file;
  }
  // The display matrix is written when the stream is copied (not when encoding, in ffmpeg 5.1).
  const stored = path.join(dir, `stored-${name}`);
  await execa(resolveBinary('ffmpeg'), [...args, stored]);
  await execa(resolveBinary('ffmpeg'), ['-v', 'error', '-y', '-i', stored, '-c', 'copy', '-metadata:s:v:0', 'rotate=90', file]);
  fs.rmSync(stored);
  return file;
}

/** The source's frame times (ffprobe), for the frame a given time shows. */
export async function frameTimes(file: string): Promise<number[]> {
  const { stdout } = await execa(resolveBinary('ffprobe'), ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'frame=pts_time', '-of', 'csv=p=0', file]);
  return stdout
    .split('\n')
    .map((line) => Number.parseFloat(line))
    .filter((t) => Number.isFinite(t))
    .sort((a, b) => a - b);
}

/** The counter of the source frame on screen at `t` (the latest frame starting at or before it). */
export function counterAt(times: readonly number[], t: number): number {
  let shown = times[0]!;
  for (const time of times) if (time <= t + 1e-6) shown = time;
  return Math.round(shown * 60);
}

/**
 * Reads the counter from a gray frame whose picture fills `rect` (frame pixels: the whole frame for
 * a cover clip of the same aspect). -1 when a block is neither clearly dark nor light.
 */
export function readCounter(gray: Uint8Array, frameWidth: number, rect: { x: number; y: number; w: number; h: number }): number {
  let value = 0;
  for (let bit = 0; bit < BITS; bit++) {
    const col = bit % GRID.cols;
    const row = Math.floor(bit / GRID.cols);
    const u = GRID.x0 + ((col + 0.5) * (GRID.x1 - GRID.x0)) / GRID.cols;
    const v = GRID.y0 + ((row + 0.5) * (GRID.y1 - GRID.y0)) / GRID.rows;
    const x = Math.round(rect.x + u * rect.w);
    const y = Math.round(rect.y + v * rect.h);
    const level = gray[y * frameWidth + x]!;
    if (level > 90 && level < 160) return -1;
    if (level >= 160) value |= 1 << bit;
  }
  return value;
}

/** Adds a video file to a project as an asset (probed like an import) and returns its id. */
export async function addVideoAsset(projectDir: string, doc: ProjectDocument, file: string, originalName = path.basename(file)): Promise<string> {
  const probe = await probeMedia(file);
  const v = probe.video!;
  const turned = v.rotation === 90 || v.rotation === 270;
  const asset = await storeAssetFile(projectDir, file, path.extname(file), {
    kind: 'video',
    duration: probe.durationSeconds,
    width: turned ? v.height : v.width,
    height: turned ? v.width : v.height,
    fps: v.fps,
    hasAudio: probe.audio !== null,
    source: 'import',
  });
  doc.assets[asset.id] = { ...asset, originalName };
  return asset.id;
}

/** A project of the given output size with no clips yet (tests add them). */
export function emptyProject(dir: string, output: { width?: number; height?: number; fps?: 24 | 25 | 30 | 60 } = {}): ProjectDocument {
  fs.mkdirSync(dir, { recursive: true });
  const doc = createEmptyDocument({ id: `test-${path.basename(dir)}`, name: 'Video test', now: new Date(0).toISOString() });
  doc.output = { ...doc.output, width: output.width ?? 180, height: output.height ?? 320, fps: output.fps ?? 30, quality: 'draft' };
  doc.tracks.captions.cues = [];
  return doc;
}
