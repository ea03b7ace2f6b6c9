/**
 * Retries inside the one HTTP client, for requests that say how they may be retried:
 * - `idempotent` (polls, record look-ups, result and voice downloads): every retryable failure
 *   (network, timeout, 5xx, 429, a garbled answer) is tried again;
 * - `unreceived` (a create that costs money): only failures that prove the provider did not take the
 *   request (an error status or error answer, a refused connection). Any other failure (a timeout, a
 *   reset, a cut answer) is final and no longer retryable anywhere, so the job queue does not resend it.
 * Delays come from the one retry policy (jobs/retry-policy.ts): exponential backoff, full jitter, the
 * server's Retry-After as a floor.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { appError, AppError, isAppError, nestedValues, toAppError } from '../../errors.js';
import { nextRetryDelay } from '../../jobs/retry-policy.js';

export interface HttpRetry {
  mode: 'idempotent' | 'unreceived';
  /** Attempts in all (default 4). */
  attempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** A Retry-After longer than this is left to the caller (the job queue waits it out). Default 30 s. */
  maxRetryAfterMs?: number;
  random?: () => number;
}

const unreceived = new WeakSet<AppError>();
const maybeReceived = new WeakSet<AppError>();

/** Marks a failure that proves the request was not carried out (an error answer, a refused connection). */
export function markUnreceived(error: AppError): void {
  unreceived.add(error);
}

export function provenUnreceived(error: unknown): boolean {
  return isAppError(error) && unreceived.has(error);
}

/**
 * Marks a failure of an `unreceived` request that leaves it open whether the provider carried it out
 * (a timeout, a reset, a cut answer, a 5xx that is not the provider's own answer): only the caller can
 * settle it, with a witness of its own (KIE's credit balance, providers/kie/create-witness.ts).
 */
export function markMaybeReceived(error: AppError): void {
  maybeReceived.add(error);
}

export function mayHaveBeenReceived(error: unknown): boolean {
  return isAppError(error) && maybeReceived.has(error);
}

interface Retryable {
  retry?: HttpRetry | undefined;
  signal?: AbortSignal | undefined;
  log?: ((line: string) => void) | undefined;
  provider: string;
}

/** Runs `attempt` until it succeeds, the retries are spent, or a failure must not be retried. */
export async function withRetries<T>(request: Retryable, attempt: () => Promise<T>): Promise<T> {
  const retry = request.retry;
  if (!retry) return attempt();
  const attempts = Math.max(1, retry.attempts ?? 4);
  const policy = { maxAttempts: attempts, baseDelayMs: retry.baseDelayMs ?? 500, maxDelayMs: retry.maxDelayMs ?? 8_000, maxRetryAfterMs: retry.maxRetryAfterMs ?? 30_000 };
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (thrown) {
      const error = toAppError(thrown);
      if (error.code === 'cancelled') throw error;
      const allowed = retry.mode === 'idempotent' || provenUnreceived(error);
      if (!allowed) {
        if (!error.retryable) throw error;
        const open = appError(error.code, 'http.notResent', nestedValues('message', error));
        markMaybeReceived(open);
        throw open;
      }
      const tooLong = (error.retryAfterSeconds ?? 0) * 1000 > policy.maxRetryAfterMs;
      const wait = tooLong ? null : nextRetryDelay({ attempt: n, retryable: error.retryable, retryAfterSeconds: error.retryAfterSeconds }, policy, (retry.random ?? Math.random)());
      if (wait === null) throw n > 1 && error.retryable ? annotate(error, n) : error;
      request.log?.(`[http] ${request.provider}: try ${n} of ${attempts} failed (${error.code}); trying again in ${wait} ms`);
      try {
        await delay(wait, undefined, request.signal ? { signal: request.signal } : {});
      } catch {
        throw appError('cancelled', 'error.cancelled');
      }
    }
  }
}

function annotate(error: AppError, tries: number): AppError {
  const next = appError(error.code, 'http.afterTries', { ...nestedValues('message', error), tries }, { retryable: error.retryable, retryAfterSeconds: error.retryAfterSeconds });
  if (provenUnreceived(error)) markUnreceived(next);
  return next;
}
