/**
 * The one retry policy: up to `maxAttempts` attempts, only for errors that say retrying can help
 * (AppError.retryable: network, timeouts, 5xx, 429), exponential backoff with full jitter, and a
 * server's Retry-After honoured as a floor. Pure, so the schedule is tested without clocks.
 */
export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A server's Retry-After is obeyed up to this long (not tied to maxDelayMs: short test backoffs must not shorten it). */
  maxRetryAfterMs?: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 3, baseDelayMs: 2000, maxDelayMs: 60_000 };

export interface FailedAttempt {
  /** 1-based number of the attempt that just failed. */
  attempt: number;
  retryable: boolean;
  retryAfterSeconds?: number | undefined;
}

/**
 * Milliseconds to wait before the next attempt, or null when there must be no next attempt.
 * `random` in [0, 1) spreads retries: delay = base * 2^(attempt-1) * (0.5 + random / 2), capped.
 */
export function nextRetryDelay(failed: FailedAttempt, policy: RetryPolicy = DEFAULT_RETRY_POLICY, random: number = Math.random()): number | null {
  if (!failed.retryable || failed.attempt >= policy.maxAttempts) return null;
  const exponential = policy.baseDelayMs * 2 ** (failed.attempt - 1);
  const jittered = Math.min(policy.maxDelayMs, exponential * (0.5 + random / 2));
  const floor = (failed.retryAfterSeconds ?? 0) * 1000;
  return Math.round(Math.max(jittered, Math.min(floor, policy.maxRetryAfterMs ?? 10 * 60_000)));
}
