/**
 * What a job kind looks like to the queue (src-main/jobs/queue.ts). Every long task (narration, image,
 * export) is a small module: a zod payload schema and a run() that reports progress and honours the
 * AbortSignal. The queue owns persistence, concurrency, retries (policy in retry-policy.ts), restart
 * recovery and job.changed events; a kind owns only its work.
 */
import type { z } from 'zod';
import type { Job } from '../ipc/contract/jobs.js';

export interface JobRunContext {
  /** Aborted on cancel and on shutdown. Pass it to every HTTP request and child process. */
  signal: AbortSignal;
  /** 0..100 plus a short human message; the queue coalesces events (~10/s). */
  progress(percent: number, message?: string): void;
  /** Persist data that lets a later attempt resume (e.g. a KIE task id) before doing the next step. */
  checkpoint(data: Record<string, unknown>): void;
  /** What checkpoint() stored in an earlier attempt or before a restart. */
  readonly saved: Record<string, unknown> | null;
  readonly job: Job;
  readonly attempt: number;
}

export interface JobKind<P = unknown, R = unknown> {
  kind: string;
  payload: z.ZodType<P>;
  /** How many of this kind may run at once (export 1, narration 1, images bounded by the provider). */
  concurrency: number;
  /** Up to this many attempts when the error is retryable (AppError.retryable). Default 3. */
  maxAttempts?: number;
  /** Safe to resume after a crash (from its checkpoint); otherwise a crash marks it error: interrupted. */
  resumable: boolean;
  title(payload: P): string;
  run(payload: P, ctx: JobRunContext): Promise<R>;
}
