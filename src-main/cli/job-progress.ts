/**
 * Waiting for one queued job from the command line: a progress bar with ETA on stderr (redrawn in
 * place on a terminal, one line per change otherwise), Ctrl+C cancels the job, and anything but
 * `done` becomes an AppError. render, narrate and voice download all wait this way. Several jobs at
 * once (scene images, animations) are followed with a line per change of each (`followJobs`).
 */
import type { Core } from '../core.js';
import { AppError } from '../errors.js';
import type { Job } from '../ipc/contract/jobs.js';
import { progressLine, type CliIo } from './command.js';

export async function awaitJobWithProgress(core: Core, job: Job, io: CliIo, what: string): Promise<Job> {
  const started = Date.now();
  let lastLine = '';
  const unsubscribe = core.events.subscribe((event, payload) => {
    const j = payload as Job;
    if (event !== 'job.changed' || j.id !== job.id || j.state !== 'running') return;
    const elapsed = (Date.now() - started) / 1000;
    const eta = j.progress > 3 ? (elapsed * (100 - j.progress)) / j.progress : null;
    // The bar has its own ETA: drop one the job put in its message.
    const line = progressLine(j.progress, eta, j.message.replace(/ · ETA .*$/, ''));
    if (line === lastLine) return;
    lastLine = line;
    if (io.isTty) process.stderr.write(`\r${line.padEnd(90)}`);
    else io.err(line);
  });
  const onAbort = () => core.jobs.cancel(job.id);
  io.signal.addEventListener('abort', onAbort, { once: true });
  try {
    core.jobs.start();
    const done = await core.jobs.waitFor(job.id);
    if (done.state === 'cancelled') throw new AppError('cancelled', 'Cancelled.');
    if (done.state !== 'done') throw new AppError(done.error?.code ?? 'internal', done.error?.message ?? `${what} ended ${done.state}.`);
    return done;
  } finally {
    unsubscribe();
    io.signal.removeEventListener('abort', onAbort);
    if (io.isTty && lastLine) process.stderr.write('\n');
  }
}

/**
 * Waits for several queued jobs: one line per change of each ("Scene 2 image: 40% Generating"; errors
 * on stderr), Ctrl+C cancels them all. Returns every job's final state, in the order given.
 */
export async function followJobs(core: Core, jobs: Job[], io: CliIo): Promise<Job[]> {
  const ours = new Set(jobs.map((j) => j.id));
  const said = new Map<string, string>();
  const report = (job: Job) => {
    const line = job.state === 'error' ? `${job.title}: failed: ${job.error?.message ?? 'unknown error'}` : `${job.title}: ${job.state === 'done' ? 'done' : `${Math.round(job.progress)}% ${job.message}`}`;
    if (said.get(job.id) === line) return;
    said.set(job.id, line);
    if (job.state === 'error') io.err(line);
    else io.out(line);
  };
  const unsubscribe = core.events.subscribe((name, payload) => {
    if (name === 'job.changed' && ours.has((payload as Job).id)) report(payload as Job);
  });
  const onAbort = () => {
    for (const id of ours) core.jobs.cancel(id);
  };
  io.signal.addEventListener('abort', onAbort, { once: true });
  core.jobs.start();
  try {
    return await Promise.all([...ours].map((id) => core.jobs.waitFor(id)));
  } finally {
    unsubscribe();
    io.signal.removeEventListener('abort', onAbort);
  }
}
