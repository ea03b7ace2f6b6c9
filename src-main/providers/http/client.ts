/**
 * The one HTTP client for remote providers (KIE, ElevenLabs). It adds a browser-like User-Agent (KIE's
 * Cloudflare answers bare clients with 403 "error code 1010"), a timeout, the caller's AbortSignal, and
 * turns every failure into an AppError that says whether retrying helps (classify.ts). Keys passed in
 * `secrets` are redacted from every message and log line. Retries themselves belong to the job queue's
 * policy (src-main/jobs/retry-policy.ts): this client never loops.
 */
import { AppError } from '../../errors.js';
import { errorForStatus, networkError, parseRetryAfter, redact, redactError, timeoutError } from './classify.js';

export const BROWSER_USER_AGENT =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 WhatIfStudio/0.1';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';

export interface HttpRequest {
  /** Names the service in messages: "KIE", "ElevenLabs". */
  provider: string;
  url: string;
  method?: HttpMethod;
  headers?: Record<string, string>;
  /** Sent as JSON with Content-Type application/json. */
  json?: unknown;
  body?: Buffer | string;
  signal?: AbortSignal;
  /** Whole request including the body download. Default 30 s. */
  timeoutMs?: number;
  /** Whether a timeout may be retried (default true). False for requests that may have created something paid. */
  timeoutRetryable?: boolean;
  /** Values never to show in a message or a log line (the API key). */
  secrets?: readonly (string | null | undefined)[];
  /** Statuses answered as a response instead of thrown; default 2xx only. */
  acceptStatus?: (status: number) => boolean;
  /** The provider's own explanation from an error body (e.g. ElevenLabs' detail.message). */
  describeError?: (status: number, body: string) => string | undefined;
  /** Refuse bodies larger than this (default 64 MB). */
  maxBytes?: number;
  log?: (line: string) => void;
}

export interface HttpResponse {
  status: number;
  headers: Headers;
  body: Buffer;
  text(): string;
  /** Parsed JSON; malformed bodies become a provider_error (retryable only if the caller says so). */
  json<T = unknown>(options?: { retryable?: boolean }): T;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'an invalid address';
  }
}

/** The URL without its query string: queries may carry tokens and are never logged. */
function loggableUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return '(invalid url)';
  }
}

async function readCapped(response: Response, maxBytes: number, provider: string): Promise<Buffer> {
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > maxBytes) throw new AppError('provider_error', `${provider} sent ${declared} bytes, more than the ${maxBytes} allowed.`);
  if (!response.body) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    total += chunk.byteLength;
    if (total > maxBytes) throw new AppError('provider_error', `${provider} sent more than the ${maxBytes} bytes allowed.`);
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}

export async function httpRequest(request: HttpRequest): Promise<HttpResponse> {
  const { provider, url } = request;
  const secrets = request.secrets ?? [];
  const method = request.method ?? (request.json !== undefined || request.body !== undefined ? 'POST' : 'GET');
  const timeoutMs = request.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const host = hostOf(url);
  if (request.signal?.aborted) throw new AppError('cancelled', 'Cancelled.');

  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), timeoutMs);
  timer.unref?.();
  const signal = request.signal ? AbortSignal.any([request.signal, timeout.signal]) : timeout.signal;
  const headers: Record<string, string> = { 'User-Agent': BROWSER_USER_AGENT, Accept: 'application/json, */*', ...request.headers };
  let body: string | Uint8Array | undefined = typeof request.body === 'string' || request.body === undefined ? request.body : new Uint8Array(request.body);
  if (request.json !== undefined) {
    body = JSON.stringify(request.json);
    headers['Content-Type'] = 'application/json';
  }
  const started = Date.now();
  const fail = (error: AppError): never => {
    if (error.retryable && request.timeoutRetryable === false && timeout.signal.aborted && !request.signal?.aborted) {
      error = new AppError(error.code, `${error.message} It may have been created anyway, so it is not sent again automatically.`);
    }
    const clean = redactError(error, secrets);
    request.log?.(redact(`[http] ${method} ${loggableUrl(url)} failed after ${Date.now() - started} ms: ${clean.code}: ${clean.message}`, secrets));
    throw clean;
  };
  try {
    let response: Response;
    try {
      response = await fetch(url, { method, headers, ...(body === undefined ? {} : { body: body as unknown as NonNullable<RequestInit['body']> }), signal, redirect: 'follow' });
    } catch (error) {
      if (request.signal?.aborted) throw new AppError('cancelled', 'Cancelled.');
      if (timeout.signal.aborted) return fail(timeoutError(provider, host, timeoutMs));
      return fail(networkError(provider, host, error));
    }
    let data: Buffer;
    try {
      data = await readCapped(response, request.maxBytes ?? DEFAULT_MAX_BYTES, provider);
    } catch (error) {
      if (request.signal?.aborted) throw new AppError('cancelled', 'Cancelled.');
      if (timeout.signal.aborted) return fail(timeoutError(provider, host, timeoutMs));
      if (error instanceof AppError) return fail(error);
      return fail(networkError(provider, host, error));
    }
    request.log?.(`[http] ${method} ${loggableUrl(url)} ${response.status} ${Date.now() - started} ms`);
    const accepted = request.acceptStatus ? request.acceptStatus(response.status) : response.status >= 200 && response.status < 300;
    if (!accepted) {
      const text = data.toString('utf8');
      let detail = request.describeError?.(response.status, text);
      if (detail === undefined && /error code:? 1010/i.test(text)) detail = 'blocked by Cloudflare (error code 1010)';
      const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
      return fail(errorForStatus(provider, response.status, detail === undefined ? undefined : redact(detail, secrets).slice(0, 300), retryAfter));
    }
    return {
      status: response.status,
      headers: response.headers,
      body: data,
      text: () => data.toString('utf8'),
      json<T>(options: { retryable?: boolean } = {}): T {
        try {
          return JSON.parse(data.toString('utf8')) as T;
        } catch {
          return fail(new AppError('provider_error', `${provider} answered ${loggableUrl(url)} with malformed JSON.`, { retryable: options.retryable ?? false }));
        }
      },
    };
  } finally {
    clearTimeout(timer);
  }
}
