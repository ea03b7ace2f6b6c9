/**
 * The persistent job queue. A job is a SQLite row first (job-rows.ts); this class decides what runs:
 * concurrency per kind, retries through the one policy (retry-policy.ts), cancel through AbortSignal,
 * and recovery of rows a crash left `running` (resumed when the kind is resumable, otherwise marked
 * `error: interrupted` with a retry button). Every change is pushed as `job.changed`.
 */
import { AppError, appError, nestedValues, toAppError } from '../errors.js';
import { encodeMessage } from '../messages.js';
import type { Job, JobState } from '../ipc/contract/jobs.js';
import type { EventBus } from '../ipc/events.js';
import type { Db } from '../store/database.js';
import { JobRows, messageFields, type JobPatch, type StoredJob } from './job-rows.js';
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
  /** A storage error met while saving progress: the job is stopped and ends with it. */
  storageError: AppError | null;
}

/** A SQLite or file-system failure to save a job's state, as a message a user can act on. */
export function storageFailure(error: unknown): AppError {
  const e = toAppError(error);
  if (e.code === 'disk_full') return appError('disk_full', 'jobs.progressDiskFull', undefined, { cause: error });
  return appError(e.code === 'internal' ? 'io_error' : e.code, 'jobs.progressNotSaved', nestedValues('problem', e), { cause: error });
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
  /** How jobs ended whose final state could not be saved in full (a full disk): what this process reports. */
  private readonly notSaved = new Map<string, Job>();

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
    if (!definition) throw appError('not_found', 'jobs.unknownKind', { kind });
    const parsed = definition.payload.safeParse(payload);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw appError('invalid_input', 'jobs.invalidPayload', { kind, problem: issue ? `${issue.path.join('.') || 'payload'}: ${issue.message}` : 'payload' });
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
    if (!stored) throw appError('not_found', 'jobs.notFound');
    return this.notSaved.get(id) ?? stored.job;
  }

  cancel(id: string): Job {
    const job = this.get(id);
    if (TERMINAL.includes(job.state)) return job;
    const running = this.running.get(id);
    if (running) {
      running.cancelRequested = true;
      running.controller.abort(appError('cancelled', 'error.cancelled'));
      return this.patch(id, { message: encodeMessage({ key: 'jobs.cancelling' }) });
    }
    return this.finish(id, { state: 'cancelled', message: encodeMessage({ key: 'jobs.cancelled' }), nextRunAt: null });
  }

  retry(id: string): Job {
    const job = this.get(id);
    if (job.state !== 'error' && job.state !== 'cancelled') {
      throw appError('conflict', job.state === 'done' ? 'jobs.retryDone' : 'jobs.retryActive');
    }
    const next = this.patch(id, { state: 'queued', attempts: 0, nextRunAt: null, error: null, progress: 0, message: encodeMessage({ key: 'job.queuedAgain' }), finishedAt: null }, true);
    this.notSaved.delete(id);
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
        this.patch(stored.job.id, { state: 'queued', nextRunAt: null, message: encodeMessage({ key: 'jobs.resuming' }) }, true);
      } else {
        this.finish(stored.job.id, {
          state: 'error',
          error: appError('interrupted', 'jobs.interrupted').toJSON(),
          message: encodeMessage({ key: 'jobs.interruptedShort' }),
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
    for (const running of this.running.values()) running.controller.abort(appError('cancelled', 'jobs.appClosing'));
    await Promise.allSettled([...this.inFlight]);
  }

  /** Resolves when nothing is running or due (tests and the CLI). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  private scheduling = false;
  private scheduleAgain = false;

  /**
   * Not re-entrant: a job's run() may enqueue another job synchronously (before its first await), which
   * calls schedule() while the outer pass still holds a stale list of due rows; that inner call only
   * asks for one more pass, so no job is ever launched twice and concurrency counts stay true.
   */
  private schedule(): void {
    if (this.scheduling) {
      this.scheduleAgain = true;
      return;
    }
    this.scheduling = true;
    try {
      do {
        this.scheduleAgain = false;
        this.schedulePass();
      } while (this.scheduleAgain);
    } finally {
      this.scheduling = false;
    }
  }

  private schedulePass(): void {
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
      if (this.notSaved.has(stored.job.id)) continue; // ended, though its row could not say so
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
    const state: Running = { controller: new AbortController(), cancelRequested: false, lastWrite: 0, storageError: null };
    let startedJob: Job;
    try {
      startedJob = this.patch(id, { state: 'running', attempts: attempt, startedAt: new Date().toISOString(), message: attempt > 1 ? `Attempt ${attempt}` : 'Starting' }, true);
    } catch (error) {
      // The row cannot even be claimed (a full disk): the job ends with the reason, never runs, and
      // the error never escapes the scheduler.
      const failure = storageFailure(error);
      this.log(`job ${id} could not be started: ${failure.message}`);
      this.finish(id, { state: 'error', message: encodeMessage({ key: 'jobs.failed' }), error: failure.toJSON() });
      return;
    }
    this.running.set(id, state);
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
        // Called from the work's own callbacks (an ffmpeg progress line): a storage error here must
        // stop the job with a message, never escape as an uncaught exception.
        try {
          if (now - state.lastWrite >= PROGRESS_WRITE_MS) {
            state.lastWrite = now;
            this.patch(id, patch);
          } else {
            this.emit({ ...this.get(id), progress: clamped, ...(message === undefined ? {} : messageFields(message)) });
          }
        } catch (error) {
          this.stopForStorage(state, error);
        }
      },
      checkpoint: (data) => {
        checkpoint = { ...(checkpoint ?? {}), ...data };
        try {
          this.rows.update(id, { checkpoint });
        } catch (error) {
          this.stopForStorage(state, error);
          throw state.storageError;
        }
      },
    };
    const work = (async () => {
      try {
        const result = await kind.run(stored.payload as never, context);
        if (state.cancelRequested) throw appError('cancelled', 'error.cancelled');
        this.finish(id, { state: 'done', progress: 100, message: encodeMessage({ key: 'job.done' }), result: result ?? null, error: null });
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

  private stopForStorage(state: Running, error: unknown): void {
    if (state.storageError) return;
    state.storageError = storageFailure(error);
    this.log(`job storage failed: ${state.storageError.message}`);
    state.controller.abort(state.storageError);
  }

  private settleFailure(id: string, attempt: number, state: Running, thrown: unknown): void {
    if (state.storageError) {
      this.finish(id, { state: 'error', message: encodeMessage({ key: 'jobs.failed' }), error: state.storageError.toJSON() });
      return;
    }
    if (state.cancelRequested) {
      this.finish(id, { state: 'cancelled', message: encodeMessage({ key: 'jobs.cancelled' }), error: null });
      return;
    }
    if (!this.started && state.controller.signal.aborted) return; // shutting down: recovered on next start
    const error = toAppError(thrown);
    const delay = nextRetryDelay({ attempt, retryable: error.retryable, retryAfterSeconds: error.retryAfterSeconds }, { ...this.policy, maxAttempts: this.rows.get(id)?.job.maxAttempts ?? this.policy.maxAttempts });
    if (delay !== null) {
      this.log(`job ${id} attempt ${attempt} failed (${error.code}); retrying in ${delay} ms`);
      this.patch(id, { state: 'queued', nextRunAt: Date.now() + delay, message: encodeMessage({ key: 'jobs.retrying', values: { ...nestedValues('problem', error), seconds: Math.ceil(delay / 1000) } }), error: error.toJSON() }, true);
      return;
    }
    this.log(`job ${id} failed: ${error.code}`);
    this.finish(id, { state: 'error', message: encodeMessage({ key: 'jobs.failed' }), error: error.toJSON() });
  }

  private patch(id: string, patch: JobPatch, immediate = false): Job {
    const job = this.rows.update(id, patch).job;
    this.emit(job, immediate);
    return job;
  }

  private finish(id: string, patch: JobPatch): Job {
    const final = { ...patch, finishedAt: new Date().toISOString() };
    let job: Job;
    try {
      job = this.patch(id, final, true);
    } catch (error) {
      // The row cannot be written in full (a full disk): waiters still learn the outcome, the row gets
      // the smallest write that ends it, and when not even that fits, the next start marks it interrupted.
      this.log(`job ${id}: its final state could not be saved (${storageFailure(error).message})`);
      this.rows.settleCompact(id, final.state ?? 'error', final.error);
      const known = this.rows.get(id)?.job;
      if (!known) throw error;
      job = { ...known, ...(final as Partial<Job>), ...(final.message === undefined ? {} : messageFields(final.message)), nextRunAt: null } as Job;
      this.notSaved.set(id, job);
      this.emit(job, true);
    }
    const waiting = this.waiters.get(id) ?? [];
    this.waiters.delete(id);
    for (const resolve of waiting) resolve(job);
    return job;
  }

  private emit(job: Job, immediate = false): void {
    this.events.emit('job.changed', job, { immediate });
  }
}
