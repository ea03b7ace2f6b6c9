/**
 * Waiting for one queued job from the command line: a progress bar with ETA on stderr (redrawn in
 * place on a terminal, one line per change otherwise), Ctrl+C cancels the job, and anything but
 * `done` becomes an AppError. render, narrate and voice download all wait this way.
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
