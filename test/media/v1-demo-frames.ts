/**
 * The bundled demo (resources/sample, a project format v1 file) as the v1 app exported it: frames
 * of that MP4 kept in test/fixtures/v1-demo/ (scaled to 270x480 PNG), the frames they are, and the
 * one way they are taken, so frames of a new export (or of the preview) are scaled exactly the same
 * before they are compared (PSNR in yuv420p, ffmpeg's psnr filter).
 */
import fs from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { resolveBinary } from '../../src-main/platform/binaries.js';

export const V1_DEMO_DIR = path.resolve(import.meta.dirname, '../fixtures/v1-demo');
export const V1_DEMO_FPS = 30;
export const V1_DEMO_SIZE = { width: 270, height: 480 };

/** Output frames at 30 fps, each with what it shows. */
export const V1_DEMO_FRAMES: ReadonlyArray<{ frame: number; shows: string }> = [
  { frame: 45, shows: 'the caption word "Moon" highlighted, the title text, Ken Burns zoom of scene 1' },
  { frame: 180, shows: 'mid-crossfade scene 1 to 2 (transitions are centred on the cut), Ken Burns on both' },
  { frame: 360, shows: 'mid-slide scene 2 to 3' },
  { frame: 540, shows: 'mid-wipe scene 3 to 4' },
  { frame: 720, shows: 'mid-zoom transition scene 4 to 5' },
  { frame: 1725, shows: 'the end text "Follow for more / What ifs" and the last caption over Ken Burns of scene 10' },
];

export const fixtureFile = (frame: number): string => path.join(V1_DEMO_DIR, `frame-${String(frame).padStart(4, '0')}.png`);

const SCALE = `scale=${V1_DEMO_SIZE.width}:${V1_DEMO_SIZE.height}:flags=area`;

/** The listed frames of an MP4, scaled to 270x480, one decoding pass; returns the PNG paths in list order. */
export async function extractDemoFrames(mp4: string, outDir: string, name = (frame: number) => path.join(outDir, `frame-${String(frame).padStart(4, '0')}.png`)): Promise<string[]> {
  fs.mkdirSync(outDir, { recursive: true });
  const select = V1_DEMO_FRAMES.map(({ frame }) => `eq(n\\,${frame})`).join('+');
  const pattern = path.join(outDir, 'picked-%d.png');
  await execa(resolveBinary('ffmpeg'), ['-v', 'error', '-y', '-i', mp4, '-vf', `select='${select}',${SCALE}`, '-fps_mode', 'passthrough', pattern]);
  return V1_DEMO_FRAMES.map(({ frame }, i) => {
    const target = name(frame);
    fs.renameSync(path.join(outDir, `picked-${i + 1}.png`), target);
    return target;
  });
}

/** A full-size picture (a preview PNG) scaled the way the export's frames are. */
export async function scaleLikeDemoFrames(png: string, out: string): Promise<void> {
  await execa(resolveBinary('ffmpeg'), ['-v', 'error', '-y', '-i', png, '-vf', SCALE, out]);
}

/** PSNR (dB) of two pictures in yuv420p (Y/U/V-weighted average); 99 for identical. */
export async function psnrYuv420(a: string, b: string): Promise<number> {
  const { stderr } = await execa(resolveBinary('ffmpeg'), ['-hide_banner', '-i', a, '-i', b, '-lavfi', '[0:v]format=yuv420p[a];[1:v]format=yuv420p[b];[a][b]psnr', '-f', 'null', '-'], { reject: false });
  const match = /average:(inf|[\d.]+)/.exec(stderr);
  if (!match) throw new Error(`no PSNR in ffmpeg output:\n${stderr}`);
  return match[1] === 'inf' ? 99 : Number(match[1]);
}
