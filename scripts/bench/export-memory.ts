/**
 * bench:export's memory side: `whatif render` run in a child process while the whole process tree
 * (node and every ffmpeg it starts) is sampled from /proc every 100 ms. `peak_rss_mb` is the largest
 * sum of the tree's resident sets; beside it, what the tree held at that moment (node, the segment
 * encoders, the soundtrack's ffmpeg, others). BENCH_EXPORT=memory runs only the demo and the demo
 * three times over at its own size (1080x1920): memory must not grow with length.
 * Linux only (/proc).
 */
import fs from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { readProjectFile, writeProjectFile } from '../../src-main/project/project-file.js';
import { projectDuration } from '../../src-main/project/document.js';
import { imagesOf, musicOf, narrationOf, setClips } from '../../test/helpers/tracks.js';

const ROOT = path.resolve('.');
export const SAMPLE = path.join(ROOT, 'resources', 'sample');

interface Proc {
  pid: number;
  rssKb: number;
}

/** The resident set of `pid` and every descendant, now. */
function treeNow(pid: number): Proc[] {
  const out: Proc[] = [];
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    try {
      const status = fs.readFileSync(`/proc/${p}/status`, 'utf8');
      out.push({ pid: p, rssKb: Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) });
      for (const task of fs.readdirSync(`/proc/${p}/task`)) {
        const kids = fs.readFileSync(`/proc/${p}/task/${task}/children`, 'utf8').trim();
        if (kids) stack.push(...kids.split(/\s+/).map(Number));
      }
    } catch {
      // the process ended between reads
    }
  }
  return out;
}

/** What a process of the export is, from its command line. */
function kindOf(cmdline: string): string {
  if (!/ff(mpeg|probe)/.test(cmdline)) return 'node';
  if (/ffprobe/.test(cmdline)) return 'probe';
  if (/rawvideo/.test(cmdline) && /segment-\d+\.mp4/.test(cmdline)) return 'encoder';
  if (/ -f concat /.test(cmdline)) return 'mux';
  if (/mix\.wav|\[aout\]|ebur128|alimiter|audio\.m4a/.test(cmdline)) return 'sound';
  if (/pipe:\d+\s*$/.test(cmdline.trim()) || / -f rawvideo pipe:/.test(cmdline)) return 'decoder';
  return 'ffmpeg';
}

export interface RenderRun {
  seconds: number;
  peakMb: number;
  /** At the peak: MB by kind of process, and how many encoders ran. */
  parts: Record<string, number>;
  encoders: number;
}

let homes = 0;
let warmed = false;
/**
 * Runs `whatif render` in a child process; wall seconds, peak tree RSS in MB and what it was made
 * of. Each run gets a fresh data folder (an empty segment cache: a cold export) unless `home` names
 * one to reuse.
 */
export async function renderCli(work: string, projectDir: string, out: string, home = path.join(work, `home-${homes++}`)): Promise<RenderRun> {
  // The CLI compiles src-main on its first start after a source changed (esbuild, ~80 MB and a few
  // seconds): once before anything is measured.
  if (!warmed) await execa(process.execPath, [path.join(ROOT, 'bin', 'whatif.mjs'), '--help'], { env: { WHATIF_HOME: home }, stdin: 'ignore', reject: false });
  warmed = true;
  const started = Date.now();
  const child = execa(process.execPath, [path.join(ROOT, 'bin', 'whatif.mjs'), 'render', projectDir, '-o', out], { env: { WHATIF_HOME: home }, stdin: 'ignore' });
  const cmdlines = new Map<number, string>();
  let peak: Proc[] = [];
  let peakKb = 0;
  const sample = () => {
    if (!child.pid) return;
    const procs = treeNow(child.pid);
    // Read every time: a child just forked still shows node's command line until it execs ffmpeg.
    for (const p of procs) {
      try {
        cmdlines.set(p.pid, fs.readFileSync(`/proc/${p.pid}/cmdline`, 'utf8').replace(/\0/g, ' '));
      } catch {
        cmdlines.set(p.pid, '');
      }
    }
    const kb = procs.reduce((sum, p) => sum + p.rssKb, 0);
    if (kb > peakKb) [peakKb, peak] = [kb, procs];
  };
  const timer = setInterval(sample, 100);
  try {
    await child;
  } finally {
    clearInterval(timer);
  }
  const parts: Record<string, number> = {};
  for (const p of peak) {
    const kind = kindOf(cmdlines.get(p.pid) ?? '');
    parts[kind] = (parts[kind] ?? 0) + Math.round(p.rssKb / 1024);
  }
  const encoders = peak.filter((p) => kindOf(cmdlines.get(p.pid) ?? '') === 'encoder').length;
  return { seconds: (Date.now() - started) / 1000, peakMb: peakKb / 1024, parts, encoders };
}

/** "node 171 + encoder 291 (1 at once) + sound 55" */
export function describePeak(run: RenderRun): string {
  return Object.entries(run.parts)
    .sort((a, b) => b[1] - a[1])
    .map(([kind, mb]) => `${kind} ${mb}${kind === 'encoder' ? ` (${run.encoders} at once)` : ''}`)
    .join(' + ');
}

/**
 * A copy of the sample `times` times over: every scene, text, caption, narration and music clip
 * repeated after the last. `small`: at 360x640 draft (the 1-min / 10-min figures); otherwise at the
 * demo's own size and quality.
 */
export function longProject(work: string, times: number, name: string, small = true): string {
  const dir = path.join(work, name);
  fs.cpSync(SAMPLE, dir, { recursive: true });
  fs.rmSync(path.join(dir, 'renders'), { recursive: true, force: true });
  const doc = readProjectFile(dir);
  const len = projectDuration(doc);
  const shift = <T extends { id: string; start: number }>(items: T[], k: number) => items.map((t) => ({ ...t, id: `${t.id}-${k}`, start: t.start + k * len }));
  const base = structuredClone(doc.tracks);
  const ks = Array.from({ length: times }, (_, k) => k);
  doc.id = `bench-${name}`;
  if (small) doc.output = { ...doc.output, width: 360, height: 640, quality: 'draft' };
  setClips(doc, 'main', ks.flatMap((k) => shift(imagesOf({ tracks: base }), k)));
  doc.tracks.text = ks.flatMap((k) => shift(base.text, k));
  setClips(doc, 'narration', ks.flatMap((k) => shift(narrationOf({ tracks: base }), k)));
  setClips(doc, 'music', ks.flatMap((k) => shift(musicOf({ tracks: base }), k)));
  doc.tracks.captions.cues = ks.flatMap((k) => base.captions.cues.map((c) => ({ ...c, id: `${c.id}-${k}`, start: c.start + k * len, end: c.end + k * len, words: c.words?.map((w) => ({ ...w, start: w.start + k * len, end: w.end + k * len })) })));
  writeProjectFile(dir, doc);
  return dir;
}

/** The demo and the demo three times over, both at 1080x1920: peak tree RSS and its parts. */
export async function memoryBench(work: string): Promise<{ demo: RenderRun; triple: RenderRun }> {
  const demo = await renderCli(work, SAMPLE, path.join(work, 'mem-demo.mp4'));
  console.log(`  demo (60 s): ${demo.seconds.toFixed(1)} s, peak ${demo.peakMb.toFixed(0)} MB = ${describePeak(demo)}`);
  const triple = await renderCli(work, longProject(work, 3, 'demo-3x', false), path.join(work, 'mem-3x.mp4'));
  console.log(`  demo x3 (180 s): ${triple.seconds.toFixed(1)} s, peak ${triple.peakMb.toFixed(0)} MB = ${describePeak(triple)}`);
  return { demo, triple };
}
