/**
 * The one HTTP client for remote providers (KIE, ElevenLabs). It adds a browser-like User-Agent (KIE's
 * Cloudflare answers bare clients with 403 "error code 1010"), a timeout, the caller's AbortSignal, and
 * turns every failure into an AppError that says whether retrying helps (classify.ts). Keys passed in
 * `secrets` are redacted from every message and log line. A request that says how it may be retried
 * (`retry`, see retry.ts) is tried again here, with backoff and jitter from the one retry policy,
 * before its caller (and the job queue) sees the failure.
 */
import { appError, AppError } from '../../errors.js';
import { errorForStatus, networkError, parseRetryAfter, plainDetail, redact, redactError, timeoutError } from './classify.js';
import { markUnreceived, withRetries, type HttpRetry } from './retry.js';

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
  /** How this request may be tried again here (idempotent reads; creates only when provably not received). */
  retry?: HttpRetry;
  /** Runs on every accepted answer inside the retries: a retryable AppError thrown here is tried again. */
  check?: (response: HttpResponse) => void;
  /** Runs before every attempt (a rate gate); the function it resolves to runs when the attempt ends. */
  beforeAttempt?: () => Promise<() => void>;
  /** Values never to show in a message or a log line (the API key). */
  secrets?: readonly (string | null | undefined)[];
  /**
   * Whether an error status (with its body) is the provider's own refusal, so the request was not
   * carried out (an `unreceived` request may then be sent again). Default: every error status.
   */
  provesUnreceived?: (status: number, body: string) => boolean;
  /** Statuses answered as a response instead of thrown; default 2xx only. */
  acceptStatus?: (status: number) => boolean;
  /** The provider's own explanation from an error body (e.g. ElevenLabs' detail.message). */
  describeError?: (status: number, body: string) => string | undefined;
  /** Refuse bodies larger than this (default 64 MB). */
  maxBytes?: number;
  log?: (line: string) => void;
  /** Called with each piece of an accepted body as it arrives (streamed answers); the whole body is still returned. */
  onChunk?: (chunk: Uint8Array) => void;
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

async function readCapped(response: Response, maxBytes: number, provider: string, onChunk?: (chunk: Uint8Array) => void): Promise<Buffer> {
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > maxBytes) throw appError('provider_error', 'http.tooLarge', { declared, maxBytes, provider });
  if (!response.body) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    total += chunk.byteLength;
    if (total > maxBytes) throw appError('provider_error', 'http.tooLargeStream', { maxBytes, provider });
    chunks.push(Buffer.from(chunk));
    onChunk?.(chunk);
  }
  return Buffer.concat(chunks);
}

/** One request, tried again as `request.retry` allows (retry.ts); every failure is an AppError. */
export async function httpRequest(request: HttpRequest): Promise<HttpResponse> {
  return withRetries(request, async () => {
    const release = request.beforeAttempt ? await request.beforeAttempt() : undefined;
    try {
      const response = await httpOnce(request);
      request.check?.(response);
      return response;
    } finally {
      release?.();
    }
  });
}

async function httpOnce(request: HttpRequest): Promise<HttpResponse> {
  const { provider, url } = request;
  const secrets = request.secrets ?? [];
  const method = request.method ?? (request.json !== undefined || request.body !== undefined ? 'POST' : 'GET');
  const timeoutMs = request.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const host = hostOf(url);
  if (request.signal?.aborted) throw appError('cancelled', 'error.cancelled');

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
  const fail = (error: AppError, unreceived = false): never => {
    const clean = redactError(error, secrets);
    if (unreceived) markUnreceived(clean);
    request.log?.(redact(`[http] ${method} ${loggableUrl(url)} failed after ${Date.now() - started} ms: ${clean.code}: ${clean.message}`, secrets));
    throw clean;
  };
  try {
    let response: Response;
    try {
      response = await fetch(url, { method, headers, ...(body === undefined ? {} : { body: body as unknown as NonNullable<RequestInit['body']> }), signal, redirect: 'follow' });
    } catch (error) {
      if (request.signal?.aborted) throw appError('cancelled', 'error.cancelled');
      if (timeout.signal.aborted) return fail(timeoutError(provider, host, timeoutMs));
      // A refused connection never reached the server: the one network failure that proves it.
      return fail(networkError(provider, host, error), connectionRefused(error));
    }
    const accepted = request.acceptStatus ? request.acceptStatus(response.status) : response.status >= 200 && response.status < 300;
    let data: Buffer;
    try {
      data = await readCapped(response, request.maxBytes ?? DEFAULT_MAX_BYTES, provider, accepted ? request.onChunk : undefined);
    } catch (error) {
      if (request.signal?.aborted) throw appError('cancelled', 'error.cancelled');
      if (timeout.signal.aborted) return fail(timeoutError(provider, host, timeoutMs));
      if (error instanceof AppError) return fail(error);
      return fail(networkError(provider, host, error));
    }
    request.log?.(`[http] ${method} ${loggableUrl(url)} ${response.status} ${Date.now() - started} ms`);
    if (!accepted) {
      const text = data.toString('utf8');
      const textual = /json|text|html|xml/i.test(response.headers.get('content-type') ?? '');
      let detail = request.describeError ? request.describeError(response.status, text) : textual ? text : undefined;
      if (detail === undefined && /error code:? 1010/i.test(text)) detail = 'blocked by Cloudflare (error code 1010)';
      const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
      const plain = detail === undefined ? undefined : plainDetail(redact(detail, secrets), 300);
      // An error status is the server's own answer (unless the caller knows better): not carried out.
      const refused = request.provesUnreceived ? request.provesUnreceived(response.status, text) : true;
      return fail(errorForStatus(provider, response.status, plain, retryAfter, { host, sentKey: secrets.some((k) => Boolean(k)) }), refused);
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
          return fail(appError('provider_error', 'http.badJson', { host, provider }, { retryable: options.retryable ?? false }));
        }
      },
    };
  } finally {
    clearTimeout(timer);
  }
}

function connectionRefused(error: unknown): boolean {
  const code = (error as { cause?: { code?: string }; code?: string })?.cause?.code ?? (error as { code?: string })?.code;
  return code === 'ECONNREFUSED';
}
