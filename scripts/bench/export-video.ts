/**
 * bench:export's video project: six video clips (30 and 60 fps, portrait and landscape, a slowed
 * one, crossfades) with a logo and a picture-in-picture video on the overlay tracks and music, at
 * the demo's 1080x1920 @ 30 fps standard. Prints
 *   video_export_vs_moving_floor  the export's wall time ÷ x264 alone encoding the export's own
 *                                 frames (decoded once to a raw file in RAM, same settings and
 *                                 threads; 1080x1920 is encoded one segment at a time)
 *   video_peak_rss_mb             whole process tree (node + every ffmpeg); and for 1-min and 10-min
 *                                 projects of 10 s video clips at 360x640 draft (flat with length)
 * Sources are made by ffmpeg (testsrc2 with a frame counter: detailed, moving pictures).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { execa } from 'execa';
import { resolveBinary } from '../../src-main/platform/binaries.js';
import { writeProjectFile } from '../../src-main/project/project-file.js';
import { storeAssetBuffer } from '../../src-main/project/assets.js';
import { makeClip } from '../../src-main/project/document.js';
import { videoEncoderArgs } from '../../src-main/media/render/chunk-graph.js';
import { planEncoders } from '../../src-main/media/encoders/encoder-plan.js';
import { addAudio, toneFile } from '../../test/media/fixtures.js';
import { addVideoAsset, counterVideo, emptyProject } from '../../test/media/video-fixtures.js';
import { setClips } from '../../test/helpers/tracks.js';

export interface Render {
  (projectDir: string, out: string): Promise<{ seconds: number; peakMb: number }>;
}

async function timed(args: string[]): Promise<number> {
  const started = Date.now();
  await execa(resolveBinary('ffmpeg'), ['-v', 'error', '-y', ...args]);
  return (Date.now() - started) / 1000;
}

async function videoProject(dir: string): Promise<string> {
  const doc = emptyProject(dir, { width: 1080, height: 1920, fps: 30 });
  doc.id = 'bench-video';
  doc.output = { ...doc.output, preset: '9:16', quality: 'standard' };
  const src = path.join(dir, 'sources');
  const kinds = [
    { width: 720, height: 1280, fps: 30 },
    { width: 1280, height: 720, fps: 60 },
    { width: 1080, height: 1920, fps: 30 },
    { width: 720, height: 1280, fps: 60 },
    { width: 1920, height: 1080, fps: 30 },
    { width: 720, height: 1280, fps: 25 },
  ];
  const ids: string[] = [];
  for (const [i, k] of kinds.entries()) ids.push(await addVideoAsset(dir, doc, await counterVideo(src, `clip-${i + 1}.mp4`, { ...k, seconds: 7, audio: i % 2 === 0 })));
  setClips(
    doc,
    'main',
    ids.map((assetId, i) =>
      makeClip({
        id: `v${i + 1}`,
        assetId,
        start: i * 5,
        duration: 5,
        sourceIn: 0.5,
        speed: i === 3 ? 0.5 : 1,
        gainDb: -6,
        kenBurns: i === 0 ? { from: { zoom: 1, x: 0.5, y: 0.5 }, to: { zoom: 1.2, x: 0.5, y: 0.45 }, easing: 'easeInOut' } : undefined,
        transitionIn: i > 0 ? { kind: 'crossfade', duration: 0.5 } : undefined,
      }),
    ),
  );
  const logoSvg = `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="240"><rect x="10" y="10" width="380" height="220" rx="60" fill="#ffcc00"/><circle cx="200" cy="120" r="70" fill="#2040ff"/></svg>`;
  const logo = await storeAssetBuffer(dir, await sharp(Buffer.from(logoSvg)).png().toBuffer(), 'png', { kind: 'image', width: 400, height: 240, source: 'generated' });
  doc.assets[logo.id] = logo;
  setClips(doc, 'overlay', [makeClip({ id: 'logo', assetId: logo.id, start: 0, duration: 30, transform: { x: 0.8, y: 0.08, scale: 0.3, rotation: 0 }, opacity: 0.85, fadeIn: 0.5 })]);
  doc.tracks.media.filter((t) => t.role === 'overlay')[1]!.clips = [makeClip({ id: 'pip', assetId: ids[0]!, start: 8, duration: 6, transform: { x: 0.7, y: 0.75, scale: 0.4, rotation: 0 } })];
  await addAudio(dir, doc, await toneFile(src, 'music.wav', 220, 30, 0.3), 'music', 0, 30);
  writeProjectFile(dir, doc);
  return dir;
}

/** Exports the video project through `render` and compares it with x264 alone on its own frames. */
export async function videoBench(work: string, render: Render): Promise<void> {
  const dir = await videoProject(path.join(work, 'video-project'));
  const out = path.join(work, 'video.mp4');
  const run = await render(dir, out);
  const frames = 900;
  // x264 alone on the export's frames, read from RAM (/dev/shm where there is one).
  const ram = fs.existsSync('/dev/shm') ? fs.mkdtempSync('/dev/shm/whatif-bench-') : work;
  const raw = path.join(ram, 'video.yuv');
  try {
    await timed(['-i', out, '-map', '0:v', '-f', 'rawvideo', '-pix_fmt', 'yuv420p', raw]);
    const floors: number[] = [];
    for (let i = 0; i < 2; i++) floors.push(await timed(['-f', 'rawvideo', '-pix_fmt', 'yuv420p', '-video_size', '1080x1920', '-framerate', '30', '-i', raw, ...videoEncoderArgs('standard', 30, planEncoders({ cores: os.availableParallelism(), size: { width: 1080, height: 1920 }, quality: 'standard' }).threads), path.join(work, 'video-floor.mp4')]));
    const floor = Math.min(...floors);
    console.log(`  video project: ${frames} frames 1080x1920, export ${run.seconds.toFixed(1)} s (peak ${run.peakMb.toFixed(0)} MB), x264 alone on its frames ${floors.map((f) => f.toFixed(1)).join(' / ')} s`);
    console.log(`video_export_vs_moving_floor ${(run.seconds / floor).toFixed(2)}`);
    console.log(`video_peak_rss_mb ${run.peakMb.toFixed(0)}`);
  } finally {
    if (ram !== work) fs.rmSync(ram, { recursive: true, force: true });
  }
}

/** A project of `minutes` × 6 clips of one 10 s video (with sound) and a logo, at 360x640 draft. */
async function longVideoProject(dir: string, minutes: number, source: string): Promise<string> {
  const doc = emptyProject(dir, { width: 360, height: 640, fps: 30 });
  doc.id = `bench-video-${minutes}`;
  const id = await addVideoAsset(dir, doc, source);
  setClips(doc, 'main', Array.from({ length: minutes * 6 }, (_, i) => makeClip({ id: `v${i}`, assetId: id, start: i * 10, duration: 10, sourceIn: (i % 3) * 0.2, transitionIn: i % 6 === 3 ? { kind: 'crossfade', duration: 0.5 } : undefined })));
  writeProjectFile(dir, doc);
  return dir;
}

/** Peak memory of 1-min and 10-min video projects: it must not grow with length. */
export async function videoLengthBench(work: string, render: Render): Promise<void> {
  const source = await counterVideo(path.join(work, 'long-sources'), 'clip.mp4', { width: 720, height: 1280, fps: 30, seconds: 10.6, audio: true });
  const one = await render(await longVideoProject(path.join(work, 'video-1min'), 1, source), path.join(work, 'video-1min.mp4'));
  const ten = await render(await longVideoProject(path.join(work, 'video-10min'), 10, source), path.join(work, 'video-10min.mp4'));
  console.log(`  video 1-min / 10-min at 360x640 draft: ${one.seconds.toFixed(1)} s / ${ten.seconds.toFixed(1)} s`);
  console.log(`video_peak_rss_mb small_1min ${one.peakMb.toFixed(0)} small_10min ${ten.peakMb.toFixed(0)}`);
}
