/**
 * `npm run bench:export`: the export engine measured side by side in one run on this machine. Prints
 *   export_vs_floor     demo export wall time ÷ the encoder floor (same encoder settings, same frame
 *                       count, one image decoded once and held by `loop`), the median of BENCH_PAIRS
 *                       (default 3) alternating pairs                          target ≤ 1.5, done ≤ 2.5;
 *                       beside it, x264 alone encoding 600 of the export's own frames from a raw
 *                       file ÷ the floor on 600 frames (moving pictures cost x264 ~1.7x a still)
 *   export_vs_moving_floor  export_vs_floor ÷ that: what the export adds to the encoder's own work
 *   export_vs_zoompan   ÷ the naive approach (per-scene zoompan from `-loop 1` inputs, concatenated)
 *   kenburns_jitter_px  RMS deviation of a tracked feature from the ideal eased path on a slow zoom
 *                       (ours, with zoompan's figure beside it)                    target ≤ 0.05
 *   peak_rss_mb         whole process tree (node + ffmpeg) for the 60 s demo, and for 1-min and 10-min
 *                       projects at 360x640 draft (memory must stay flat as length grows)
 * Linux (reads /proc for memory). Takes a few minutes on 2 cores.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { execa } from 'execa';
import { resolveBinary } from '../../src-main/platform/binaries.js';
import { readProjectFile, writeProjectFile } from '../../src-main/project/project-file.js';
import { assetPath } from '../../src-main/project/assets.js';
import { projectDuration, type ProjectDocument } from '../../src-main/project/document.js';
import { exportProject } from '../../src-main/media/export/export-project.js';
import { videoEncoderArgs } from '../../src-main/media/render/chunk-graph.js';
import { framingRect, kenBurnsRect } from '../../src-main/media/kenburns/path.js';
import { jitterRms, trackBlob } from '../../src-main/media/kenburns/jitter.js';
import { storeAssetBuffer } from '../../src-main/project/assets.js';
import { createEmptyDocument } from '../../src-main/project/document.js';
import { grayFrames } from '../../test/media/decode.js';
import { imageClip } from '../../test/media/fixtures.js';

const ROOT = path.resolve('.');
const SAMPLE = path.join(ROOT, 'resources', 'sample');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'whatif-bench-export-'));
const ffmpeg = resolveBinary('ffmpeg');
/** Export/floor pairs measured (BENCH_PAIRS overrides). */
const PAIRS = Math.max(1, Number(process.env.BENCH_PAIRS ?? 3));

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function treeRssKb(pid: number): number {
  let total = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    try {
      const status = fs.readFileSync(`/proc/${p}/status`, 'utf8');
      total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      for (const task of fs.readdirSync(`/proc/${p}/task`)) {
        const kids = fs.readFileSync(`/proc/${p}/task/${task}/children`, 'utf8').trim();
        if (kids) stack.push(...kids.split(/\s+/).map(Number));
      }
    } catch {
      // the process ended between reads
    }
  }
  return total;
}

/** Runs `whatif render` in a child process; wall seconds and peak tree RSS in MB. */
async function renderCli(projectDir: string, out: string): Promise<{ seconds: number; peakMb: number }> {
  const started = Date.now();
  const child = execa(process.execPath, [path.join(ROOT, 'bin', 'whatif.mjs'), 'render', projectDir, '-o', out], { env: { WHATIF_HOME: path.join(work, 'home') }, stdin: 'ignore' });
  let peak = 0;
  const timer = setInterval(() => {
    if (child.pid) peak = Math.max(peak, treeRssKb(child.pid));
  }, 200);
  try {
    await child;
  } finally {
    clearInterval(timer);
  }
  return { seconds: (Date.now() - started) / 1000, peakMb: peak / 1024 };
}

async function timed(args: string[]): Promise<number> {
  const started = Date.now();
  await execa(ffmpeg, ['-v', 'error', '-y', ...args]);
  return (Date.now() - started) / 1000;
}

function imageFiles(doc: ProjectDocument, dir: string): string[] {
  return doc.tracks.images.map((c) => assetPath(dir, doc.assets[c.assetId]!));
}

/** A copy of the sample `times` times over, at a small size (for the memory-vs-length figure). */
function longProject(times: number, name: string): string {
  const dir = path.join(work, name);
  fs.cpSync(SAMPLE, dir, { recursive: true });
  fs.rmSync(path.join(dir, 'renders'), { recursive: true, force: true });
  const doc = readProjectFile(dir);
  const len = projectDuration(doc);
  const shift = <T extends { id: string; start: number }>(items: T[], k: number, extra: (t: T) => Partial<T> = () => ({})) => items.map((t) => ({ ...t, ...extra(t), id: `${t.id}-${k}`, start: t.start + k * len }));
  const base = structuredClone(doc.tracks);
  const ks = Array.from({ length: times }, (_, k) => k);
  doc.id = `bench-${name}`;
  doc.output = { ...doc.output, width: 360, height: 640, quality: 'draft' };
  doc.tracks.images = ks.flatMap((k) => shift(base.images, k));
  doc.tracks.text = ks.flatMap((k) => shift(base.text, k));
  doc.tracks.narration = ks.flatMap((k) => shift(base.narration, k));
  doc.tracks.music = ks.flatMap((k) => shift(base.music, k));
  doc.tracks.captions.cues = ks.flatMap((k) => base.captions.cues.map((c) => ({ ...c, id: `${c.id}-${k}`, start: c.start + k * len, end: c.end + k * len, words: c.words?.map((w) => ({ ...w, start: w.start + k * len, end: w.end + k * len })) })));
  writeProjectFile(dir, doc);
  return dir;
}

async function jitter(): Promise<{ ours: number; zoompan: number }> {
  const image = { width: 1080, height: 1920 };
  const out = { width: 360, height: 640 };
  const blob = { x: 640, y: 820 };
  const dir = path.join(work, 'kb');
  fs.mkdirSync(dir, { recursive: true });
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1080" height="1920"><defs><radialGradient id="b"><stop offset="0" stop-color="#fff"/><stop offset="0.5" stop-color="#fff" stop-opacity="0.5"/><stop offset="1" stop-color="#fff" stop-opacity="0"/></radialGradient></defs><rect width="100%" height="100%" fill="#101010"/><circle cx="${blob.x}" cy="${blob.y}" r="30" fill="url(#b)"/></svg>`;
  const png = await sharp(Buffer.from(svg)).png().toBuffer();
  const asset = await storeAssetBuffer(dir, png, 'png', { kind: 'image', ...image, source: 'generated' });
  const doc = createEmptyDocument({ id: 'kb', name: 'kb', now: new Date(0).toISOString() });
  doc.output = { preset: '9:16', ...out, fps: 30, quality: 'high' };
  doc.assets[asset.id] = asset;
  const seconds = 4;
  const frames = seconds * 30;
  const clip = imageClip('slow', asset.id, 0, seconds, { kenBurns: { from: { zoom: 1, x: 0.5, y: 0.5 }, to: { zoom: 1.06, x: 0.52, y: 0.49 }, easing: 'easeInOut' } });
  doc.tracks.images.push(clip);
  const ideal = Array.from({ length: frames }, (_, n) => {
    const r = kenBurnsRect(clip.kenBurns, image, out, n / 30, seconds);
    return { x: ((blob.x - r.x) * out.width) / r.w - 0.5, y: ((blob.y - r.y) * out.height) / r.h - 0.5 };
  });
  const oursFile = path.join(dir, 'ours.mp4');
  await exportProject({ projectDir: dir, doc, output: doc.output, destination: oursFile });
  const ours = jitterRms(trackBlob(await grayFrames(oursFile, out.width, out.height), out.width, out.height, ideal), ideal);
  // zoompan on the same path: zoom = iw / crop width, x/y the crop's top-left, whole pixels.
  const a = framingRect(clip.kenBurns.from, image, out);
  const b = framingRect(clip.kenBurns.to, image, out);
  const e = `((on/${frames})*(on/${frames})*(3-2*(on/${frames})))`;
  const lerp = (u: number, v: number) => `(${u}+(${v - u})*${e})`;
  const zpFile = path.join(dir, 'zoompan.mp4');
  const png2 = path.join(dir, 'blob.png');
  fs.writeFileSync(png2, png);
  await timed(['-i', png2, '-vf', `zoompan=z='iw/${lerp(a.w, b.w)}':x='${lerp(a.x, b.x)}':y='${lerp(a.y, b.y)}':d=${frames}:s=${out.width}x${out.height}:fps=30,format=yuv420p`, '-frames:v', String(frames), '-c:v', 'libx264', '-crf', '17', zpFile]);
  const zoompan = jitterRms(trackBlob(await grayFrames(zpFile, out.width, out.height), out.width, out.height, ideal), ideal);
  return { ours, zoompan };
}

async function main(): Promise<void> {
  const doc = readProjectFile(SAMPLE);
  const { fps, quality, width, height } = doc.output;
  const frames = Math.round(projectDuration(doc) * fps);
  console.log(`bench:export on ${os.cpus().length} cores, demo: ${frames} frames ${width}x${height} @ ${fps} (${quality})`);

  // Export and floor alternate, PAIRS times: on a shared machine one pair can be off by 15%, the
  // median of the pairs' ratios much less.
  const still = imageFiles(doc, SAMPLE)[0]!;
  const floorArgs = (n: number) => ['-framerate', String(fps), '-i', still, '-filter_complex', `scale=${width}:${height},format=yuv420p,loop=loop=${n - 1}:size=1,setpts=N/(${fps}*TB)`, '-frames:v', String(n), ...videoEncoderArgs(quality, fps), path.join(work, 'floor.mp4')];
  const pairs: Array<{ demo: number; floor: number }> = [];
  let demoPeakMb = 0;
  for (let i = 0; i < PAIRS; i++) {
    const demo = await renderCli(SAMPLE, path.join(work, 'demo.mp4'));
    const floor = await timed(floorArgs(frames));
    demoPeakMb = Math.max(demoPeakMb, demo.peakMb);
    pairs.push({ demo: demo.seconds, floor });
    console.log(`  pair ${i + 1}: demo export ${demo.seconds.toFixed(1)} s (peak ${demo.peakMb.toFixed(0)} MB), encoder floor ${floor.toFixed(1)} s, ratio ${(demo.seconds / floor).toFixed(2)}`);
  }
  const ratio = median(pairs.map((p) => p.demo / p.floor));
  const demoSeconds = median(pairs.map((p) => p.demo));
  // The encoder alone on the export's own moving pictures: 600 frames from the middle of the demo,
  // decoded once to a raw file so neither H.264 decoding (~6 CPU s for the whole demo) nor a pipe is
  // counted, against the floor on the same number of frames. This is the part of the export no
  // drawing, text or sound work can win back.
  const rawFrames = path.join(work, 'moving.yuv');
  const SAMPLED = 600;
  await timed(['-ss', String(Math.max(0, projectDuration(doc) / 2 - SAMPLED / fps / 2)), '-i', path.join(work, 'demo.mp4'), '-map', '0:v', '-frames:v', String(SAMPLED), '-f', 'rawvideo', '-pix_fmt', 'yuv420p', rawFrames]);
  const rawInput = ['-f', 'rawvideo', '-pix_fmt', 'yuv420p', '-video_size', `${width}x${height}`, '-framerate', String(fps), '-i', rawFrames];
  const movingRatios: number[] = [];
  for (let i = 0; i < 2; i++) {
    const moving = await timed([...rawInput, ...videoEncoderArgs(quality, fps), path.join(work, 'moving.mp4')]);
    movingRatios.push(moving / (await timed(floorArgs(SAMPLED))));
  }
  fs.rmSync(rawFrames, { force: true });
  const movingVsFloor = median(movingRatios);
  console.log(`  x264 alone on ${SAMPLED} of the export's frames ÷ the floor on ${SAMPLED}: ${movingRatios.map((r) => r.toFixed(2)).join(', ')}`);

  const files = imageFiles(doc, SAMPLE);
  const per = doc.tracks.images.map((c) => Math.round(c.duration * fps));
  const inputs = files.flatMap((f, i) => ['-loop', '1', '-framerate', String(fps), '-t', String(per[i]! / fps), '-i', f]);
  const chains = files.map((_, i) => `[${i}:v]zoompan=z='min(zoom+0.001,1.2)':x='iw/2-(iw/zoom/2)':y='ih/2-(ih/zoom/2)':d=1:s=${width}x${height}:fps=${fps},trim=end_frame=${per[i]}[z${i}]`);
  const graph = `${chains.join(';')};${files.map((_, i) => `[z${i}]`).join('')}concat=n=${files.length}:v=1:a=0,format=yuv420p[v]`;
  const zoompan = await timed([...inputs, '-filter_complex', graph, '-map', '[v]', ...videoEncoderArgs(quality, fps), path.join(work, 'zoompan.mp4')]);
  console.log(`  naive zoompan: ${zoompan.toFixed(1)} s`);

  const kb = await jitter();
  const oneMin = await renderCli(longProject(1, 'one-minute'), path.join(work, 'one.mp4'));
  const tenMin = await renderCli(longProject(10, 'ten-minutes'), path.join(work, 'ten.mp4'));
  console.log(`  1-min / 10-min at 360x640 draft: ${oneMin.seconds.toFixed(1)} s / ${tenMin.seconds.toFixed(1)} s`);

  console.log(`export_vs_floor ${ratio.toFixed(2)} (median of ${PAIRS} pairs; x264 alone on the export's frames: ${movingVsFloor.toFixed(2)}, so everything else adds ${(ratio - movingVsFloor).toFixed(2)})`);
  // The same export against a floor of moving pictures (x264 alone on the export's own frames).
  console.log(`export_vs_moving_floor ${(ratio / movingVsFloor).toFixed(2)}`);
  console.log(`export_vs_zoompan ${(demoSeconds / zoompan).toFixed(2)}`);
  console.log(`kenburns_jitter_px ${kb.ours.toFixed(3)} (zoompan ${kb.zoompan.toFixed(3)})`);
  console.log(`peak_rss_mb demo_60s ${demoPeakMb.toFixed(0)} small_1min ${oneMin.peakMb.toFixed(0)} small_10min ${tenMin.peakMb.toFixed(0)}`);
  fs.rmSync(work, { recursive: true, force: true });
}

await main();
