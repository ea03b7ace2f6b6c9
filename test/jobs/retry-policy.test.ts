import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY_POLICY, nextRetryDelay } from '../../src-main/jobs/retry-policy.js';

const policy = { maxAttempts: 3, baseDelayMs: 1000, maxDelayMs: 10_000 };

describe('retry schedule (pure)', () => {
  it('defaults to 3 attempts', () => {
    expect(DEFAULT_RETRY_POLICY.maxAttempts).toBe(3);
  });

  it('backs off exponentially with jitter between half and full delay', () => {
    expect(nextRetryDelay({ attempt: 1, retryable: true }, policy, 0)).toBe(500);
    expect(nextRetryDelay({ attempt: 1, retryable: true }, policy, 0.999)).toBe(1000);
    expect(nextRetryDelay({ attempt: 2, retryable: true }, policy, 0)).toBe(1000);
    expect(nextRetryDelay({ attempt: 2, retryable: true }, policy, 0.9999)).toBe(2000);
    const spread = new Set(Array.from({ length: 20 }, (_, i) => nextRetryDelay({ attempt: 2, retryable: true }, policy, i / 20)));
    expect(spread.size).toBeGreaterThan(10);
  });

  it('stops after the last attempt and never retries a final error', () => {
    expect(nextRetryDelay({ attempt: 3, retryable: true }, policy, 0.5)).toBeNull();
    expect(nextRetryDelay({ attempt: 1, retryable: false }, policy, 0.5)).toBeNull();
  });

  it('honours Retry-After as a floor and caps the exponential part', () => {
    expect(nextRetryDelay({ attempt: 1, retryable: true, retryAfterSeconds: 7 }, policy, 0)).toBe(7000);
    expect(nextRetryDelay({ attempt: 1, retryable: true, retryAfterSeconds: 0 }, policy, 0)).toBe(500);
    expect(nextRetryDelay({ attempt: 10, retryable: true }, { ...policy, maxAttempts: 20 }, 0.999)).toBe(10_000);
  });
});
