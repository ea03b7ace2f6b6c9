/**
 * Pure parts of the one HTTP client: which failures retrying can fix, what a Retry-After header means,
 * and redaction of keys from anything that could reach a log, an error or an IPC reply.
 */
import { appError, AppError } from '../../errors.js';
import type { CoreMessageKey } from '../../messages.js';

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
 * The AppError for a failed status. `detail` is the provider's own words (already redacted and made
 * plain). 401/403 are key problems when a key was sent (`sentKey`); to a host that got no key (a result
 * link) they mean the link is refused or expired. 429 is a rate limit (retryable, with Retry-After),
 * 5xx and timeouts are retryable, other 4xx are the request's fault and never retried. `host` says where.
 */
export function errorForStatus(
  provider: string,
  status: number,
  detail: string | undefined,
  retryAfterSeconds?: number,
  where: { host?: string; sentKey?: boolean } = {},
): AppError {
  const values = { provider, status, said: detail ? `: ${detail}` : '', ...(where.host ? { host: where.host } : {}) };
  // The same message with the host ("KIE at api.kie.ai …") when it is known: the key ends in `At`.
  const key = (base: string) => (where.host ? `${base}At` : base) as CoreMessageKey;
  if ((status === 401 || status === 403) && where.sentKey !== false) return appError('auth_error', key('http.refusedKey'), values);
  if (status === 401 || status === 403 || status === 404 || status === 410) return appError('provider_error', key('http.refusedLink'), values);
  if (status === 429) return appError('rate_limited', key('http.rateLimited'), values, { retryable: true, retryAfterSeconds });
  if (isRetryableStatus(status)) return appError('provider_error', key('http.serverProblem'), values, { retryable: true, retryAfterSeconds });
  return appError('provider_error', key('http.rejected'), values);
}

/**
 * A provider's error body as one short plain line: HTML pages (proxies, Cloudflare, S3 XML) lose their
 * tags and keep their title or text, whitespace is collapsed, at most `max` characters.
 */
export function plainDetail(body: string, max = 200): string | undefined {
  let text = body;
  if (/^\s*</.test(text)) {
    const title = /<title[^>]*>([^<]*)<\/title>/i.exec(text)?.[1] ?? /<(?:message|h1)[^>]*>([^<]*)<\//i.exec(text)?.[1];
    text = title ?? text.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/gi, ' ').replace(/<[^>]*>/g, ' ');
    text = text.replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
  }
  text = text.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim();
  if (!text) return undefined;
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Network-level failures (DNS, refused, reset) are retryable; the message names the host, never the key. */
export function networkError(provider: string, host: string, cause: unknown): AppError {
  const code = (cause as { cause?: { code?: string }; code?: string })?.cause?.code ?? (cause as { code?: string })?.code;
  return appError('provider_error', 'http.unreachable', { provider, host, code: code ? ` (${code})` : '' }, { retryable: true });
}

export function timeoutError(provider: string, host: string, timeoutMs: number): AppError {
  return appError('provider_error', 'http.timedOut', { provider, host, limit: timeoutMs < 1000 ? `${timeoutMs} ms` : `${Math.round(timeoutMs / 1000)} s` }, { retryable: true });
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

/** Redacts an AppError's message and values, keeping its code, key and retry hints. */
export function redactError(error: AppError, secrets: readonly (string | null | undefined)[]): AppError {
  const message = redact(error.message, secrets);
  const values = error.values ? Object.fromEntries(Object.entries(error.values).map(([k, v]) => [k, typeof v === 'string' ? redact(v, secrets) : v])) : undefined;
  if (message === error.message && JSON.stringify(values) === JSON.stringify(error.values)) return error;
  return new AppError(error.code, message, {
    retryable: error.retryable,
    ...(error.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: error.retryAfterSeconds }),
    ...(error.key ? { key: error.key, ...(values ? { values } : {}) } : {}),
  });
}
