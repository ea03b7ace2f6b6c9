/**
 * `npm run bench:import`: a big 4K HEVC file (2 GB by default: a 2 s 4K clip repeated by stream copy)
 * through the real import job (probe, streamed hash-and-copy, filmstrip) while a timer watches the
 * core's event loop. Prints
 *   import_vs_copy          import wall time ÷ copying the same file once (cp), measured in this run
 *   event_loop_max_lag_ms   the longest the core could not answer anything during the import
 *   peak_rss_mb             the process's peak resident memory (the file is streamed, never held)
 * BENCH_IMPORT_FILE=/path uses your own file; BENCH_IMPORT_GB sets the size of the made one.
 */
import fs from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { createCore } from '../../src-main/core.js';
import { startImport } from '../../src-main/media/import/import-job.js';
import { resolveBinary } from '../../src-main/platform/binaries.js';
import { MemorySecretStore } from '../../src-main/secrets/secret-store.js';
import { tempDir } from '../../test/helpers/temp-core.js';

const work = tempDir('whatif-bench-import-');
const gigabytes = Number(process.env.BENCH_IMPORT_GB ?? 2);

async function bigFile(): Promise<string> {
  if (process.env.BENCH_IMPORT_FILE) return path.resolve(process.env.BENCH_IMPORT_FILE);
  const clip = path.join(work, 'clip.mp4');
  const ff = resolveBinary('ffmpeg');
  console.log('making a 2 s 4K 10-bit HEVC clip…');
  await execa(ff, ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=s=3840x2160:r=30:d=2', '-f', 'lavfi', '-i', 'anoisesrc=d=2:c=pink:a=0.1', '-c:v', 'libx265', '-preset', 'ultrafast', '-x265-params', 'log-level=error:keyint=30', '-crf', '6', '-pix_fmt', 'yuv420p10le', '-c:a', 'aac', '-shortest', clip]);
  const loops = Math.max(1, Math.ceil((gigabytes * 1024 ** 3) / fs.statSync(clip).size));
  const out = path.join(work, 'big-4k-hevc.mp4');
  await execa(ff, ['-v', 'error', '-y', '-stream_loop', String(loops - 1), '-i', clip, '-c', 'copy', '-movflags', '+faststart', out]);
  return out;
}

const file = await bigFile();
const bytes = fs.statSync(file).size;
console.log(`file: ${(bytes / 1024 ** 3).toFixed(2)} GB`);

const copyStart = performance.now();
await execa('cp', [file, path.join(work, 'copy.mp4')]);
const copySeconds = (performance.now() - copyStart) / 1000;
fs.rmSync(path.join(work, 'copy.mp4'));

const core = createCore({ mode: 'cli', home: path.join(work, 'home'), startJobs: false, secrets: new MemorySecretStore() });
const project = await core.dispatch('project.create', { name: 'Bench import' });
if (!project.ok) throw new Error(project.error.message);
let maxLag = 0;
let last = performance.now();
const timer = setInterval(() => {
  const now = performance.now();
  maxLag = Math.max(maxLag, now - last - 20);
  last = now;
}, 20);
const importStart = performance.now();
const job = startImport(core, { projectId: (project.data as { id: string }).id, files: [file] });
core.jobs.start();
const done = await core.jobs.waitFor(job.id);
const importSeconds = (performance.now() - importStart) / 1000;
clearInterval(timer);
await core.close();
if (done.state !== 'done') throw new Error(`the import ended ${done.state}: ${done.error?.message}`);
fs.rmSync(work, { recursive: true, force: true });

console.log(`copy ${copySeconds.toFixed(1)} s, import ${importSeconds.toFixed(1)} s`);
console.log(`import_vs_copy ${(importSeconds / copySeconds).toFixed(2)}`);
console.log(`event_loop_max_lag_ms ${maxLag.toFixed(0)}`);
console.log(`peak_rss_mb ${(process.resourceUsage().maxRSS / 1024).toFixed(0)}`);
