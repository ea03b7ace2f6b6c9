/**
 * The persistent job queue. A job is a SQLite row first (job-rows.ts); this class decides what runs:
 * concurrency per kind, retries through the one policy (retry-policy.ts), cancel through AbortSignal,
 * and recovery of rows a crash left `running` (resumed when the kind is resumable, otherwise marked
 * `error: interrupted` with a retry button). Every change is pushed as `job.changed`.
 */
import { AppError, toAppError } from '../errors.js';
import type { Job, JobState } from '../ipc/contract/jobs.js';
import type { EventBus } from '../ipc/events.js';
import type { Db } from '../store/database.js';
import { JobRows, type JobPatch, type StoredJob } from './job-rows.js';
import { DEFAULT_RETRY_POLICY, nextRetryDelay, type RetryPolicy } from './retry-policy.js';
import type { JobKind, JobRunContext } from './types.js';

const TERMINAL: JobState[] = ['done', 'error', 'cancelled'];
/** Progress is written to disk at most this often per job; events are coalesced by the EventBus. */
const PROGRESS_WRITE_MS = 500;

export interface JobQueueOptions {
  db: Db;
  events: EventBus;
  log?: (line: string) => void;
  retry?: Partial<RetryPolicy>;
}

interface Running {
  controller: AbortController;
  cancelRequested: boolean;
  lastWrite: number;
}

export class JobQueue {
  readonly rows: JobRows;
  private readonly kinds = new Map<string, JobKind<never, unknown>>();
  private readonly running = new Map<string, Running>();
  private readonly waiters = new Map<string, Array<(job: Job) => void>>();
  private readonly policy: RetryPolicy;
  private readonly events: EventBus;
  private readonly log: (line: string) => void;
  private started = false;
  private timer: NodeJS.Timeout | null = null;
  private inFlight = new Set<Promise<void>>();

  constructor(options: JobQueueOptions) {
    this.rows = new JobRows(options.db);
    this.events = options.events;
    this.log = options.log ?? (() => {});
    this.policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  }

  register<P, R>(kind: JobKind<P, R>): void {
    if (this.kinds.has(kind.kind)) throw new Error(`Job kind ${kind.kind} is registered twice`);
    this.kinds.set(kind.kind, kind as unknown as JobKind<never, unknown>);
    this.schedule();
  }

  hasKind(kind: string): boolean {
    return this.kinds.has(kind);
  }

  enqueue(kind: string, payload: unknown, options: { projectId?: string | null; title?: string } = {}): Job {
    const definition = this.kinds.get(kind);
    if (!definition) throw new AppError('not_found', `Unknown job kind "${kind}".`);
    const parsed = definition.payload.safeParse(payload);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new AppError('invalid_input', `Invalid ${kind} job: ${issue ? `${issue.path.join('.') || 'payload'}: ${issue.message}` : 'bad payload'}`);
    }
    const stored = this.rows.insert({
      kind,
      projectId: options.projectId ?? null,
      title: options.title ?? definition.title(parsed.data as never),
      payload: parsed.data,
      maxAttempts: definition.maxAttempts ?? this.policy.maxAttempts,
    });
    this.emit(stored.job, true);
    this.schedule();
    return stored.job;
  }

  list(filter: { projectId?: string | undefined; states?: JobState[] | undefined; limit?: number | undefined } = {}): Job[] {
    return this.rows.list(filter);
  }

  get(id: string): Job {
    const stored = this.rows.get(id);
    if (!stored) throw new AppError('not_found', `No job with id ${id}.`);
    return stored.job;
  }

  cancel(id: string): Job {
    const job = this.get(id);
    if (TERMINAL.includes(job.state)) return job;
    const running = this.running.get(id);
    if (running) {
      running.cancelRequested = true;
      running.controller.abort(new AppError('cancelled', 'Cancelled.'));
      return this.patch(id, { message: 'Cancelling…' });
    }
    return this.finish(id, { state: 'cancelled', message: 'Cancelled', nextRunAt: null });
  }

  retry(id: string): Job {
    const job = this.get(id);
    if (job.state !== 'error' && job.state !== 'cancelled') {
      throw new AppError('conflict', `Only failed or cancelled jobs can be retried; this one is ${job.state}.`);
    }
    const next = this.patch(id, { state: 'queued', attempts: 0, nextRunAt: null, error: null, progress: 0, message: 'Queued again', finishedAt: null }, true);
    this.schedule();
    return next;
  }

  /** Resolves when the job reaches done, error or cancelled. */
  waitFor(id: string): Promise<Job> {
    const job = this.get(id);
    if (TERMINAL.includes(job.state)) return Promise.resolve(job);
    return new Promise((resolve) => {
      const list = this.waiters.get(id) ?? [];
      list.push(resolve);
      this.waiters.set(id, list);
      this.timer?.ref?.();
    });
  }

  /** Recover what a crash left running, then start running due jobs. */
  start(): void {
    if (this.started) return;
    this.started = true;
    for (const stored of this.rows.inState('running')) {
      const kind = this.kinds.get(stored.job.kind);
      if (kind?.resumable) {
        this.patch(stored.job.id, { state: 'queued', nextRunAt: null, message: 'Resuming after restart' }, true);
      } else {
        this.finish(stored.job.id, {
          state: 'error',
          error: { code: 'interrupted', message: 'The app closed while this job was running. Press Retry to run it again.' },
          message: 'Interrupted',
        });
      }
    }
    this.schedule();
  }

  /** Stops scheduling and aborts running work; rows stay `running` so the next start() recovers them. */
  async stop(): Promise<void> {
    this.started = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    for (const running of this.running.values()) running.controller.abort(new AppError('cancelled', 'The app is closing.'));
    await Promise.allSettled([...this.inFlight]);
  }

  /** Resolves when nothing is running or due (tests and the CLI). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  private schedule(): void {
    if (!this.started) return;
    const now = Date.now();
    const runningPerKind = new Map<string, number>();
    for (const id of this.running.keys()) {
      const kind = this.rows.get(id)?.job.kind;
      if (kind) runningPerKind.set(kind, (runningPerKind.get(kind) ?? 0) + 1);
    }
    for (const stored of this.rows.due(now)) {
      const kind = this.kinds.get(stored.job.kind);
      if (!kind) continue; // registered later (or by a newer version): left queued, never lost
      const busy = runningPerKind.get(kind.kind) ?? 0;
      if (busy >= kind.concurrency) continue;
      runningPerKind.set(kind.kind, busy + 1);
      this.launch(stored, kind);
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const wake = this.rows.nextWake();
    if (wake !== null && wake > now) {
      this.timer = setTimeout(() => this.schedule(), Math.min(wake - now, 2 ** 31 - 1));
      // Keep the process alive for a pending retry only while someone waits for a job (the CLI).
      if (this.waiters.size === 0) this.timer.unref?.();
    }
  }

  private launch(stored: StoredJob, kind: JobKind<never, unknown>): void {
    const id = stored.job.id;
    const attempt = stored.job.attempts + 1;
    const state: Running = { controller: new AbortController(), cancelRequested: false, lastWrite: 0 };
    this.running.set(id, state);
    const startedJob = this.patch(id, { state: 'running', attempts: attempt, startedAt: new Date().toISOString(), message: attempt > 1 ? `Attempt ${attempt}` : 'Starting' }, true);
    let checkpoint = stored.checkpoint;
    const context: JobRunContext = {
      signal: state.controller.signal,
      job: startedJob,
      attempt,
      get saved() {
        return checkpoint;
      },
      progress: (percent, message) => {
        if (state.controller.signal.aborted) return;
        const clamped = Math.max(0, Math.min(100, Number.isFinite(percent) ? percent : 0));
        const now = Date.now();
        const patch: JobPatch = { progress: clamped, ...(message === undefined ? {} : { message }) };
        if (now - state.lastWrite >= PROGRESS_WRITE_MS) {
          state.lastWrite = now;
          this.patch(id, patch);
        } else {
          this.emit({ ...this.get(id), progress: clamped, ...(message === undefined ? {} : { message }) });
        }
      },
      checkpoint: (data) => {
        checkpoint = { ...(checkpoint ?? {}), ...data };
        this.rows.update(id, { checkpoint });
      },
    };
    const work = (async () => {
      try {
        const result = await kind.run(stored.payload as never, context);
        if (state.cancelRequested) throw new AppError('cancelled', 'Cancelled.');
        this.finish(id, { state: 'done', progress: 100, message: 'Done', result: result ?? null, error: null });
      } catch (thrown) {
        this.settleFailure(id, attempt, state, thrown);
      } finally {
        this.running.delete(id);
        this.schedule();
      }
    })();
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
  }

  private settleFailure(id: string, attempt: number, state: Running, thrown: unknown): void {
    if (state.cancelRequested) {
      this.finish(id, { state: 'cancelled', message: 'Cancelled', error: null });
      return;
    }
    if (!this.started && state.controller.signal.aborted) return; // shutting down: recovered on next start
    const error = toAppError(thrown);
    const delay = nextRetryDelay({ attempt, retryable: error.retryable, retryAfterSeconds: error.retryAfterSeconds }, { ...this.policy, maxAttempts: this.rows.get(id)?.job.maxAttempts ?? this.policy.maxAttempts });
    if (delay !== null) {
      this.log(`job ${id} attempt ${attempt} failed (${error.code}); retrying in ${delay} ms`);
      this.patch(id, { state: 'queued', nextRunAt: Date.now() + delay, message: `${error.message} Retrying in ${Math.ceil(delay / 1000)} s…`, error: error.toJSON() }, true);
      return;
    }
    this.log(`job ${id} failed: ${error.code}`);
    this.finish(id, { state: 'error', message: 'Failed', error: error.toJSON() });
  }

  private patch(id: string, patch: JobPatch, immediate = false): Job {
    const job = this.rows.update(id, patch).job;
    this.emit(job, immediate);
    return job;
  }

  private finish(id: string, patch: JobPatch): Job {
    const job = this.patch(id, { ...patch, finishedAt: new Date().toISOString() }, true);
    const waiting = this.waiters.get(id) ?? [];
    this.waiters.delete(id);
    for (const resolve of waiting) resolve(job);
    return job;
  }

  private emit(job: Job, immediate = false): void {
    this.events.emit('job.changed', job, { immediate });
  }
}
