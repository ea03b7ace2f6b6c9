/**
 * Pure parts of the one HTTP client: which failures retrying can fix, what a Retry-After header means,
 * and redaction of keys from anything that could reach a log, an error or an IPC reply.
 */
import { AppError } from '../../errors.js';

/** Seconds from a Retry-After header (delta-seconds or an HTTP date); undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.min(Number(trimmed), 3600);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.min(3600, Math.ceil((at - now) / 1000)));
}

/** Whether a failure with this HTTP (or KIE envelope) status can be fixed by trying again. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status === 455 || (status >= 500 && status !== 501 && status !== 505);
}

/**
 * The AppError for a failed status. `detail` is the provider's own words (already redacted).
 * 401/403 are key problems, 429 is a rate limit (retryable, with Retry-After), 5xx and timeouts are
 * retryable, other 4xx are the request's fault and never retried.
 */
export function errorForStatus(provider: string, status: number, detail: string | undefined, retryAfterSeconds?: number): AppError {
  const said = detail ? `: ${detail}` : '';
  if (status === 401 || status === 403) {
    return new AppError('auth_error', `${provider} refused the API key (HTTP ${status})${said}. Check the key in Settings.`);
  }
  if (status === 429) {
    return new AppError('rate_limited', `${provider} is rate limiting requests (HTTP 429)${said}. Waiting before trying again.`, {
      retryable: true,
      ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
    });
  }
  if (isRetryableStatus(status)) {
    return new AppError('provider_error', `${provider} had a server problem (HTTP ${status})${said}.`, {
      retryable: true,
      ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
    });
  }
  return new AppError('provider_error', `${provider} rejected the request (HTTP ${status})${said}.`);
}

/** Network-level failures (DNS, refused, reset) are retryable; the message names the host, never the key. */
export function networkError(provider: string, host: string, cause: unknown): AppError {
  const code = (cause as { cause?: { code?: string }; code?: string })?.cause?.code ?? (cause as { code?: string })?.code;
  return new AppError('provider_error', `Could not reach ${provider} at ${host}${code ? ` (${code})` : ''}. Check the connection.`, { retryable: true });
}

export function timeoutError(provider: string, host: string, timeoutMs: number): AppError {
  return new AppError('provider_error', `${provider} at ${host} did not answer within ${Math.round(timeoutMs / 1000)} s.`, { retryable: true });
}

const BEARER = /(Bearer\s+)[A-Za-z0-9._~+/=-]{6,}/gi;

/** Replaces every secret (and any Bearer token) with a placeholder. Safe on any string. */
export function redact(text: string, secrets: readonly (string | null | undefined)[]): string {
  let out = text.replace(BEARER, '$1[redacted]');
  for (const secret of secrets) {
    if (!secret || secret.length < 4) continue;
    out = out.split(secret).join('[redacted]');
    const encoded = encodeURIComponent(secret);
    if (encoded !== secret) out = out.split(encoded).join('[redacted]');
  }
  return out;
}

/** Redacts an AppError's message, keeping its code and retry hints. */
export function redactError(error: AppError, secrets: readonly (string | null | undefined)[]): AppError {
  const message = redact(error.message, secrets);
  if (message === error.message) return error;
  return new AppError(error.code, message, {
    retryable: error.retryable,
    ...(error.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: error.retryAfterSeconds }),
  });
}
