/**
 * Preview playback, part of `npm run bench:editor` (also alone: `node bin/run-ts.mjs scripts/bench/playback.ts`):
 * in Chromium against the real core, the demo project (project.createDemo) and a video-clip project
 * (three 1080x1920 30 fps testsrc2 MP4s imported onto the main track with media.import) each play for
 * 10 s from the start, pressing Play as a user does. The preview marks every frame it presents
 * (src-renderer/src/preview/playback-stats.ts: the media time drawn, the animation frame's timestamp).
 *   play_frame_p99_ms    p99 of the time from one new frame of the 30 fps grid on screen to the next
 *   play_max_stall_ms    the longest of those
 *   play_dropped_frames  frames of the grid that should have been shown and were skipped
 *   baseline             an empty requestAnimationFrame loop's p99 on the same page, paused, just before
 * and, per second, the renderer's main-thread task time and its process CPU time while playing
 * (Chromium's counters; CPU time is not skewed by a busy machine the way frame times are), against the
 * paused page's.
 * Goal: p99 ≤ 40 ms at 30 fps, no stall over 100 ms. A benchmark: it prints, it does not fail on time.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import type { Page } from 'playwright-core';
import { resolveBinary } from '../../src-main/platform/binaries.js';
import { FRAME_MARK, percentile, playbackStats, type PresentedFrame } from '../../src-renderer/src/preview/playback-stats.js';
import { callInPage, startApp, type AppSession } from '../../test/e2e/bridge-harness.js';

const PLAY_MS = 10_000;

interface Job {
  id: string;
  state: string;
  error: { message: string } | null;
}

/** Three test clips (4, 4.5 and 5 s: different files, not one de-duplicated asset), with a tone. */
export async function makeClips(dir: string): Promise<string[]> {
  const files: string[] = [];
  for (const [i, seconds] of [4, 4.5, 5].entries()) {
    const file = path.join(dir, `clip-${i + 1}.mp4`);
    await execa(resolveBinary('ffmpeg'), [
      '-v', 'error', '-y',
      '-f', 'lavfi', '-i', `testsrc2=size=1080x1920:rate=30:duration=${seconds}`,
      '-f', 'lavfi', '-i', `sine=f=${330 + 110 * i}:r=48000:d=${seconds}`,
      '-c:v', 'libx264', '-preset', 'ultrafast', '-crf', '23', '-g', '30', '-pix_fmt', 'yuv420p',
      '-c:a', 'aac', '-b:a', '96k', '-shortest', file,
    ], { timeout: 120_000 });
    files.push(file);
  }
  return files;
}

export async function waitForJob(page: Page, id: string): Promise<void> {
  const deadline = Date.now() + 180_000;
  for (;;) {
    const job = await callInPage<Job>(page, 'jobs.get', { id });
    if (job.state === 'done') return;
    if (job.state === 'error' || job.state === 'cancelled') throw new Error(`import ${job.state}: ${job.error?.message ?? ''}`);
    if (Date.now() > deadline) throw new Error('import did not finish in 3 minutes');
    await new Promise((r) => setTimeout(r, 250));
  }
}

export async function openInEditor(app: AppSession, name: string): Promise<void> {
  const { page } = app;
  await page.goto(app.url);
  await page.getByRole('navigation').getByRole('button', { name: /^(Projects|Proyectos)$/ }).click();
  await page.getByRole('listitem').filter({ hasText: name }).first().getByRole('button', { name: /^(Open|Abrir)$/ }).click();
  await page.getByRole('navigation').getByRole('button', { name: /^(Timeline|Línea de tiempo)$/ }).click();
  await page.locator('canvas.preview-canvas').waitFor();
  // Let the first pictures, fonts and the filmstrips load (a user looks before pressing Play).
  await page.waitForTimeout(2_000);
}

/** p99 of an empty requestAnimationFrame loop's intervals over `ms`, on the page as it is. */
async function rafBaseline(page: Page, ms: number): Promise<number> {
  // A string, not a function: the TypeScript runner would wrap named inner functions in a helper the page lacks.
  const intervals = (await page.evaluate(`new Promise((resolve) => {
    const stamps = [];
    const tick = (t) => {
      stamps.push(t);
      if (t - stamps[0] < ${ms}) requestAnimationFrame(tick);
      else resolve(stamps.slice(1).map((s, i) => s - stamps[i]));
    };
    requestAnimationFrame(tick);
  })`)) as number[];
  return percentile(intervals, 99);
}

/** Chromium's counters so far: seconds of main-thread tasks (wall), the renderer process's CPU seconds. */
type Counters = () => Promise<{ thread: number; process: number }>;

/** Counters on the page (enabled once: task time is counted from then on). */
async function counters(page: Page): Promise<Counters> {
  const session = await page.context().newCDPSession(page);
  await session.send('Performance.enable');
  return async () => {
    const { metrics } = await session.send('Performance.getMetrics');
    const get = (name: string) => metrics.find((m) => m.name === name)?.value ?? Number.NaN;
    return { thread: get('TaskDuration'), process: get('ProcessTime') };
  };
}

/** Play from the start for PLAY_MS with the Play button; the frames the preview presented. */
async function play(page: Page): Promise<{ frames: PresentedFrame[]; fps: number }> {
  await page.evaluate((mark) => {
    performance.clearMarks(mark);
    window.whatifPlaybackProbe = true;
  }, FRAME_MARK);
  await page.keyboard.press('Home');
  await page.getByRole('button', { name: /^(Play|Reproducir)$/ }).click();
  await page.waitForTimeout(PLAY_MS);
  await page.getByRole('button', { name: /^(Pause|Pausa)$/ }).click();
  return page.evaluate((mark) => {
    window.whatifPlaybackProbe = false;
    const frames = performance.getEntriesByName(mark).map((e) => (e as PerformanceMark).detail as { t: number; at: number });
    performance.clearMarks(mark);
    const fps = (window as unknown as { whatifDocument: { getState(): { doc: { output: { fps: number } } | null } } }).whatifDocument.getState().doc?.output.fps ?? 30;
    return { frames, fps };
  }, FRAME_MARK);
}

const videoCount = (frames: PresentedFrame[], kind: 'prepared' | 'elements') => frames.reduce((n, f) => n + (f.video?.[kind] ?? 0), 0);

async function measure(app: AppSession, label: string, name: string): Promise<string[]> {
  await openInEditor(app, name);
  const cpu = await counters(app.page);
  const idle0 = await cpu();
  let started = Date.now();
  const baseline = await rafBaseline(app.page, 3_000);
  const idle1 = await cpu();
  const idleMs = Date.now() - started;
  started = Date.now();
  const { frames, fps } = await play(app.page);
  const played = await cpu();
  const playMs = Date.now() - started;
  const s = playbackStats(frames, fps);
  // CPU ms per second of wall time: while playing, and during the empty rAF loop (3 s).
  const busy = (a: number, b: number, ms: number) => ((b - a) * 1000 * 1000) / ms;
  const ratio = (v: number) => (baseline > 0 ? (v / baseline).toFixed(2) : 'n/a');
  return [
    `${label}: ${s.presented} new frames presented of ${s.expected} on the ${fps} fps grid in ${(PLAY_MS / 1000).toFixed(0)} s (${frames.length} draws); interval p50 ${s.p50.toFixed(1)} ms`,
    `${label} play_frame_p99_ms ${s.p99.toFixed(1)} (goal ≤ 40; empty rAF loop p99 ${baseline.toFixed(1)} ms, ratio ${ratio(s.p99)})`,
    `${label} play_max_stall_ms ${s.maxStall.toFixed(1)} (goal ≤ 100; ratio to the rAF p99 ${ratio(s.maxStall)})`,
    `${label} play_dropped_frames ${s.dropped} (of ${s.expected}); video pictures drawn from prepared frames ${videoCount(frames, 'prepared')}, from the elements ${videoCount(frames, 'elements')}; re-seeks ${frames.at(-1)?.seeks ?? 0}`,
    `${label} renderer while playing: main-thread tasks ${busy(idle1.thread, played.thread, playMs).toFixed(0)} ms/s, process CPU ${busy(idle1.process, played.process, playMs).toFixed(0)} ms/s (paused, empty rAF loop: ${busy(idle0.thread, idle1.thread, idleMs).toFixed(0)} and ${busy(idle0.process, idle1.process, idleMs).toFixed(0)} ms/s)`,
  ];
}

/** Both projects on the app's page; the lines to print. */
export async function benchPlayback(app: AppSession): Promise<string[]> {
  await app.page.goto(app.url);
  const demo = await callInPage<{ id: string; name: string }>(app.page, 'project.createDemo', {});
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'whatif-bench-play-'));
  try {
    const files = await makeClips(work);
    const video = await callInPage<{ id: string; name: string }>(app.page, 'project.create', { name: 'Bench video clips' });
    const { job } = await callInPage<{ job: Job }>(app.page, 'media.import', { projectId: video.id, files, place: { start: 0 } });
    await waitForJob(app.page, job.id);
    const lines = [...(await measure(app, 'demo', demo.name)), ...(await measure(app, 'video', video.name))];
    const load = os.loadavg()[0]!;
    return [...lines, `machine: load average ${load.toFixed(1)} on ${os.cpus().length} cores during the run (frame times on a busy machine stretch; CPU time does not)`];
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const app = await startApp({ viewport: { width: 1440, height: 900 } });
  try {
    for (const line of await benchPlayback(app)) console.log(line);
  } finally {
    await app.close();
  }
}
