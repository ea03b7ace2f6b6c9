/**
 * A flaky network in front of a loopback provider: a seeded share of requests meets a fault, of every
 * kind the field shows, and each fault is honest about whether the provider acted:
 * - not carried out (the provider never sees the request): 429 (Retry-After 0), a 5xx (a 500/502/503
 *   HTML page from a gateway, or KIE's own envelope code 500), KIE's 455 maintenance envelope, a
 *   connection that hangs before the request is passed on, a reset;
 * - carried out, then the answer damaged: a hang after the provider answered, an answer cut short,
 *   a slow answer (within the client's timeout);
 * and every result link fails its first download. So a fake KIE behind it charges (and counts in its
 * own ledger) exactly the creates that reached it. Answers' links to the upstream are rewritten to
 * pass through the proxy, so downloads meet the faults too.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type FaultKind = '429' | '5xx' | '455' | 'hang-before' | 'reset' | 'hang-after' | 'truncated' | 'slow' | '5xx-page' | '5xx-envelope';
/**
 * Every kind, drawn alike: the list (429, 5xx, 455, hung connections, resets, cut JSON, slow
 * answers). A drawn 5xx is a gateway's page or KIE's envelope; scripted tests may name which.
 */
export const FAULT_KINDS: FaultKind[] = ['429', '5xx', '455', 'hang-before', 'reset', 'hang-after', 'truncated', 'slow'];
/** The kinds whose request reached the provider (and was carried out) before the answer was damaged. */
export const PROCESSED_KINDS = new Set<FaultKind>(['hang-after', 'truncated', 'slow']);

export interface Fault {
  path: string;
  kind: FaultKind | 'link-once';
  /** The prompt of a create (so a test can tell which scene met it). */
  prompt: string | null;
  /** Whether the provider carried the request out. */
  processed: boolean;
}

function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** mulberry32: a small seeded PRNG, so a run can be repeated exactly. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface FlakyProxyOptions {
  upstream: string;
  seed: number;
  rate?: number;
  firstDownloadFails?: boolean;
  kinds?: FaultKind[];
  /** Longest delay of a slow answer (default 900 ms; keep it under the client's timeout). */
  slowMaxMs?: number;
  /** Picks the fault of the n-th request for `what` ("POST /path prompt") instead of the seed (scripted tests). */
  decide?: (what: string, n: number) => FaultKind | null;
}

export async function startFlakyProxy(options: FlakyProxyOptions) {
  const rate = options.rate ?? 0.3;
  const kinds = options.kinds ?? FAULT_KINDS;
  // The n-th request for the same thing (a create for one prompt, a poll of one task) meets the same
  // fault in every run of a seed, whatever order the scenes' requests arrive in.
  const seen = new Map<string, number>();
  const faults: Fault[] = [];
  const downloadsSeen = new Set<string>();
  const sockets = new Set<import('node:net').Socket>();
  let self = '';

  const page = (res: http.ServerResponse, status: number) => {
    res.writeHead(status, { 'content-type': 'text/html' });
    res.end(`<!DOCTYPE html><html><head><title>${status} Server Error</title></head><body><h1>${status}</h1><p>upstream failed</p></body></html>`);
  };
  const envelope = (res: http.ServerResponse, code: number, msg: string) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ code, msg }));
  };

  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', 'http://proxy');
    const isResult = url.pathname.startsWith('/results/');
    if (isResult && options.firstDownloadFails !== false && !downloadsSeen.has(url.pathname)) {
      downloadsSeen.add(url.pathname);
      faults.push({ path: url.pathname, kind: 'link-once', prompt: null, processed: false });
      res.writeHead(503, { 'content-type': 'text/html' });
      return res.end('<html><head><title>503 Service Unavailable</title></head><body>storage busy</body></html>');
    }
    let what = `${req.method} ${url.pathname}`;
    let prompt: string | null = null;
    try {
      const json = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { prompt?: string; input?: { prompt?: string } }) : null;
      prompt = json?.prompt ?? json?.input?.prompt ?? null;
      what += ` ${prompt ?? url.search}`;
    } catch {
      what += ` ${url.search}`;
    }
    const n = (seen.get(what) ?? 0) + 1;
    seen.set(what, n);
    const random = seededRandom(hash(`${options.seed}|${what}|${n}`));
    const kind = options.decide ? options.decide(what, n) : random() < rate ? kinds[Math.floor(random() * kinds.length)]! : null;
    if (kind) faults.push({ path: url.pathname, kind, prompt, processed: PROCESSED_KINDS.has(kind) });
    // Not carried out: the provider never sees these.
    if (kind === 'hang-before') return;
    if (kind === 'reset') return void req.socket.destroy();
    if (kind === '429') {
      res.writeHead(429, { 'retry-after': '0', 'content-type': 'text/plain' });
      return res.end('Too Many Requests');
    }
    if (kind === '5xx' || kind === '5xx-page' || kind === '5xx-envelope') {
      const variant = kind === '5xx-page' ? Math.floor(random() * 3) : kind === '5xx-envelope' ? 3 : Math.floor(random() * 4);
      // KIE's own "server error" envelope (on API calls), or a gateway's page.
      if (variant === 3 && !isResult) return envelope(res, 500, 'Server error, please try again later');
      return page(res, [500, 502, 503][variant % 3]!);
    }
    if (kind === '455') return isResult ? page(res, 503) : envelope(res, 455, 'Service unavailable: maintenance');

    // Carried out upstream (a create is charged), then the answer may be damaged.
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string' && name !== 'host' && name !== 'content-length') headers[name] = value;
    const upstream = await fetch(`${options.upstream}${url.pathname}${url.search}`, {
      method: req.method ?? 'GET',
      headers,
      ...(chunks.length ? { body: Buffer.concat(chunks) } : {}),
    });
    let body = Buffer.from(await upstream.arrayBuffer());
    const type = upstream.headers.get('content-type') ?? 'application/octet-stream';
    if (type.includes('json')) body = Buffer.from(body.toString('utf8').split(options.upstream).join(self));
    if (kind === 'hang-after') return; // carried out upstream, the answer never comes
    if (kind === 'truncated') {
      res.writeHead(upstream.status, { 'content-type': type });
      res.write(body.subarray(0, Math.max(1, Math.floor(body.length * (0.3 + random() * 0.6)))));
      return void res.end();
    }
    if (kind === 'slow') await new Promise((resolve) => setTimeout(resolve, 100 + Math.floor(random() * ((options.slowMaxMs ?? 900) - 100))));
    if (res.destroyed) return;
    res.writeHead(upstream.status, { 'content-type': type, 'content-length': String(body.length) });
    res.end(body);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  self = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: self,
    faults,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
