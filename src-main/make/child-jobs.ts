/**
 * How the automatic mode runs its steps: each step is a job of its own kind on the same queue (so it is
 * persisted, retried by the one policy and shown in the Jobs panel), and the `make.short` job keeps the
 * child's id in its checkpoint. After a restart the same child is found again: done → its result is
 * used (nothing is paid twice), still queued or running → waited for, interrupted → retried.
 */
import type { Core } from '../core.js';
import { appError, nestedValues } from '../errors.js';
import { encodeMessage, type MessageRef } from '../messages.js';
import type { Job } from '../ipc/contract/jobs.js';
import type { JobRunContext } from '../jobs/types.js';

/** The queue aborts running jobs with this message when the app closes (jobs/queue.ts stop()). */
function closing(signal: AbortSignal): boolean {
  return (signal.reason as Error | undefined)?.message === 'The app is closing.';
}

/** Resolves when every job is terminal; rejects with `cancelled` when `signal` aborts (children are cancelled unless the app is closing). */
export async function waitForJobs(core: Core, ids: string[], signal: AbortSignal, onChange?: (job: Job) => void): Promise<Job[]> {
  if (signal.aborted) throw appError('cancelled', 'error.cancelled');
  const unsubscribe = onChange
    ? core.events.subscribe((name, payload) => {
        if (name === 'job.changed' && ids.includes((payload as Job).id)) onChange(payload as Job);
      })
    : () => {};
  let onAbort = () => {};
  const aborted = new Promise<never>((_resolve, reject) => {
    onAbort = () => {
      if (!closing(signal)) for (const id of ids) core.jobs.cancel(id);
      reject(appError('cancelled', 'error.cancelled'));
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([Promise.all(ids.map((id) => core.jobs.waitFor(id))), aborted]);
  } finally {
    unsubscribe();
    signal.removeEventListener('abort', onAbort);
  }
}

/** The child job saved under `key`, or a new one from `enqueue`; interrupted ones are queued again. */
export function childJob(core: Core, ctx: JobRunContext, key: string, enqueue: () => Job): Job {
  const id = (ctx.saved ?? {})[key];
  const existing = typeof id === 'string' ? core.jobs.rows.get(id)?.job : undefined;
  if (!existing) {
    const job = enqueue();
    ctx.checkpoint({ [key]: job.id });
    return job;
  }
  if ((existing.state === 'error' && existing.error?.code === 'interrupted') || existing.state === 'cancelled') return core.jobs.retry(existing.id);
  return existing;
}

/** Runs one step as a child job and returns its result; a failure names the step. */
const STEP_WORDS = {
  script: { progress: 'make.progress.script', failed: 'make.scriptFailed' },
  narration: { progress: 'make.progress.narration', failed: 'make.narrationFailed' },
  export: { progress: 'make.progress.export', failed: 'make.exportFailed' },
} as const;

/** A job's progress message or error as a message to nest in another (its key when it has one). */
function jobWords(words: { message: string; key?: string | undefined; values?: MessageRef['values'] | undefined }): MessageRef | string {
  return words.key ? { key: words.key, ...(words.values ? { values: words.values } : {}) } : words.message;
}

/** Runs one step as a child job and returns its result; a failure names the step. */
export async function runStep<R>(core: Core, ctx: JobRunContext, step: { key: string; name: keyof typeof STEP_WORDS; from: number; to: number }, enqueue: () => Job): Promise<R> {
  const job = childJob(core, ctx, step.key, enqueue);
  const words = STEP_WORDS[step.name];
  const [done] = await waitForJobs(core, [job.id], ctx.signal, (j) => {
    if (j.state !== 'running') return;
    const detail = jobWords({ message: j.message, key: j.messageKey, values: j.messageValues });
    ctx.progress(step.from + ((step.to - step.from) * j.progress) / 100, encodeMessage({ key: words.progress, values: nestedValues('detail', detail) }));
  });
  if (done!.state !== 'done') {
    const problem = done!.error ? jobWords(done!.error) : done!.state;
    throw appError(done!.error?.code ?? 'internal', words.failed, nestedValues('problem', problem));
  }
  return done!.result as R;
}
