import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isRetryableStatus, parseRetryAfter, redact } from '../../src-main/providers/http/classify.js';
import { BROWSER_USER_AGENT, httpRequest } from '../../src-main/providers/http/client.js';
import type { AppError } from '../../src-main/errors.js';

const KEY = 'sk-test-SECRET-1234567890';
let server: http.Server;
let base = '';
const seen: { ua: string | undefined; auth: string | undefined }[] = [];
const flaky = new Map<string, number>();

beforeAll(async () => {
  server = http.createServer((req, res) => {
    seen.push({ ua: req.headers['user-agent'], auth: req.headers.authorization });
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/flaky') {
      const name = url.searchParams.get('name')!;
      const count = (flaky.get(name) ?? 0) + 1;
      flaky.set(name, count);
      if (count <= Number(url.searchParams.get('fails'))) {
        const kind = url.searchParams.get('kind');
        if (kind === 'hang') return;
        if (kind === 'html') {
          res.writeHead(502, { 'content-type': 'text/html' });
          return res.end('<html><head><title>502 Bad Gateway</title></head><body><h1>nginx</h1></body></html>');
        }
        res.writeHead(kind === '429' ? 429 : 503, { 'retry-after': '0' });
        return res.end();
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(JSON.stringify({ tries: count }));
    }
    const status = Number(url.searchParams.get('status') ?? '200');
    if (url.pathname === '/hang') return; // never answers
    if (url.pathname === '/echo-key') {
      res.writeHead(400, { 'content-type': 'text/plain' });
      res.end(`bad key ${req.headers.authorization}`);
      return;
    }
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (url.searchParams.get('retryAfter')) headers['retry-after'] = url.searchParams.get('retryAfter')!;
    res.writeHead(status, headers);
    res.end(url.pathname === '/bad-json' ? '{"code":200,' : JSON.stringify({ ok: true }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    return error as AppError;
  }
  throw new Error('expected a failure');
}

describe('classification (pure)', () => {
  it('parses Retry-After as seconds or a date', () => {
    expect(parseRetryAfter('7')).toBe(7);
    expect(parseRetryAfter(new Date(10_000 + 5_000).toUTCString(), 10_000)).toBe(5);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });
  it('retries only what retrying can fix', () => {
    for (const s of [429, 455, 500, 502, 503, 504, 408]) expect(isRetryableStatus(s), String(s)).toBe(true);
    for (const s of [400, 401, 402, 403, 404, 422, 501, 505]) expect(isRetryableStatus(s), String(s)).toBe(false);
  });
  it('redacts keys and bearer tokens', () => {
    expect(redact(`Authorization: Bearer ${KEY} and ${KEY}`, [KEY])).not.toContain(KEY);
    expect(redact('Bearer abcdefghijk', [])).toBe('Bearer [redacted]');
  });
});

describe('httpRequest against a loopback server', () => {
  it('sends a browser-like User-Agent and answers JSON', async () => {
    const res = await httpRequest({ provider: 'Test', url: `${base}/ok`, headers: { Authorization: `Bearer ${KEY}` }, secrets: [KEY] });
    expect(res.json()).toEqual({ ok: true });
    expect(seen.at(-1)?.ua).toBe(BROWSER_USER_AGENT);
    expect(seen.at(-1)?.ua).toMatch(/^Mozilla\/5\.0/);
  });

  it('maps 429 with Retry-After, 5xx to retryable, 4xx to final', async () => {
    const limited = await failure(httpRequest({ provider: 'Test', url: `${base}/x?status=429&retryAfter=3` }));
    expect([limited.code, limited.retryable, limited.retryAfterSeconds]).toEqual(['rate_limited', true, 3]);
    const server500 = await failure(httpRequest({ provider: 'Test', url: `${base}/x?status=503` }));
    expect([server500.code, server500.retryable]).toEqual(['provider_error', true]);
    const auth = await failure(httpRequest({ provider: 'Test', url: `${base}/x?status=401`, secrets: [KEY] }));
    expect([auth.code, auth.retryable]).toEqual(['auth_error', false]);
    // No key was sent (a result link): a 403 is a refused or expired link, never "check the key".
    const link = await failure(httpRequest({ provider: 'Storage', url: `${base}/x?status=403` }));
    expect([link.code, link.message]).toEqual(['provider_error', expect.stringMatching(/^Storage at 127\.0\.0\.1:\d+ refused the link \(HTTP 403\)(: .*)?; it may have expired\.$/)]);
    const invalid = await failure(httpRequest({ provider: 'Test', url: `${base}/x?status=422` }));
    expect([invalid.code, invalid.retryable]).toEqual(['provider_error', false]);
  });

  it('times out as a retryable error and honours the AbortSignal as cancelled', async () => {
    const timedOut = await failure(httpRequest({ provider: 'Test', url: `${base}/hang`, timeoutMs: 200 }));
    expect([timedOut.code, timedOut.retryable]).toEqual(['provider_error', true]);
    expect(timedOut.message).toMatch(/did not answer/);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const cancelled = await failure(httpRequest({ provider: 'Test', url: `${base}/hang`, signal: controller.signal }));
    expect(cancelled.code).toBe('cancelled');
  });

  it('maps a refused connection to a retryable network error', async () => {
    const error = await failure(httpRequest({ provider: 'Test', url: 'http://127.0.0.1:9/nothing', timeoutMs: 2000 }));
    expect([error.code, error.retryable]).toEqual(['provider_error', true]);
  });

  it('reports malformed JSON clearly', async () => {
    const res = await httpRequest({ provider: 'Test', url: `${base}/bad-json` });
    expect(() => res.json()).toThrow(/malformed JSON/);
  });

  it('retries an idempotent request inside the client (5xx, 429, hangs), then names the host and the tries', async () => {
    const retry = { mode: 'idempotent' as const, attempts: 4, baseDelayMs: 1, maxDelayMs: 5 };
    const ok = await httpRequest({ provider: 'Test', url: `${base}/flaky?name=a&fails=3&kind=503`, retry });
    expect(ok.json()).toEqual({ tries: 4 });
    expect((await httpRequest({ provider: 'Test', url: `${base}/flaky?name=b&fails=2&kind=429`, retry })).json()).toEqual({ tries: 3 });
    expect((await httpRequest({ provider: 'Test', url: `${base}/flaky?name=c&fails=1&kind=hang`, timeoutMs: 150, retry })).json()).toEqual({ tries: 2 });
    const spent = await failure(httpRequest({ provider: 'Test', url: `${base}/flaky?name=d&fails=9&kind=html`, retry }));
    expect(flaky.get('d')).toBe(4);
    expect(spent.message).toMatch(/^Test at 127\.0\.0\.1:\d+ had a server problem \(HTTP 502\): 502 Bad Gateway\. \(4 tries\)$/);
    expect(spent.message).not.toMatch(/<|Waiting/);
  });

  it('resends a create only when the answer proves it was not taken; a timeout is final and not retryable', async () => {
    const retry = { mode: 'unreceived' as const, attempts: 4, baseDelayMs: 1, maxDelayMs: 5 };
    expect((await httpRequest({ provider: 'Test', url: `${base}/flaky?name=e&fails=2&kind=503`, json: {}, retry })).json()).toEqual({ tries: 3 });
    const hung = await failure(httpRequest({ provider: 'Test', url: `${base}/flaky?name=f&fails=1&kind=hang`, json: {}, timeoutMs: 150, retry }));
    expect(flaky.get('f')).toBe(1);
    expect([hung.retryable, hung.message]).toEqual([false, expect.stringMatching(/did not answer .*not sent again automatically/)]);
  });

  it('never lets the key reach an error message or a log line', async () => {
    const lines: string[] = [];
    const error = await failure(
      httpRequest({
        provider: 'Test',
        url: `${base}/echo-key?token=${KEY}`,
        headers: { Authorization: `Bearer ${KEY}` },
        secrets: [KEY],
        describeError: (_s, body) => body,
        log: (l) => lines.push(l),
      }),
    );
    expect(error.message).toContain('bad key');
    expect(error.message).not.toContain(KEY);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join('\n')).not.toContain(KEY);
  });
});
