/**
 * A loopback KIE that keeps the contract of shared/docs/providers.md, odd corners included: errors in
 * HTTP-200 envelopes, `msg` vs `message`, resultJson as a JSON string, 20 requests per 10 s (extra ones
 * get 429 and are not queued), polls at most 3 a second, Cloudflare 403 without a browser User-Agent,
 * expiring result URLs. Every task family of kie-shapes.ts: Flux Kontext, 4o Image, Midjourney,
 * Market images and image-to-video, Veo 3.1, Runway; video results are real MP4s of the asked length.
 * A result is painted in a colour made from its task's prompt (md5), so a test can tell whose it is.
 * Every create's path and body is kept (`createBodies`) for the request-shape tests.
 * Faults are asked for in the prompt: "[fault:402]", "[fault:stuck]", "[fault:slow]" (generating for
 * `slowPolls` polls), "[fault:corrupt]" (an MP4 cut short), "[fault:expired]" ...
 * ("[fault:exif6]" is no fault: a JPEG result stored sideways with EXIF orientation 6.)
 * Retryable faults (429, 455, 500, poll-timeout, malformed) happen once per prompt, the others always.
 */
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import { corruptMp4, fakeMp4 } from './fake-mp4.js';
import { CREATE_PATHS, readCreate, recordData, RECORD_PATHS, SIZES, type FakeShape } from './kie-shapes.js';

export interface FakeKieOptions {
  apiKey?: string;
  /** Added before every API answer. */
  latencyMs?: number;
  /** A task generates for this long. */
  generationMs?: number;
  /** How long a hanging request hangs (the client's timeout should fire first). */
  hangMs?: number;
  /**
   * A provider that echoes the key it was sent: every error message, task failure message, error page
   * and expired-link body quotes the Authorization value (the redaction test plants it this way).
   */
  leakKey?: boolean;
  /** Polls a "[fault:slow]" task answers "generating" before it succeeds (default 6). */
  slowPolls?: number;
  /** Credits on the account (GET /api/v1/chat/credit); creates cost `creditsPerTask` each and get 402 when short. */
  credits?: number;
  creditsPerTask?: number;
  /** Requests per window before the fake answers 429 (default KIE's 20 per 10 s). */
  rateLimit?: { limit: number; windowMs: number };
  /** Polls per second before the fake answers 429 (default KIE's 3). */
  pollsPerSecond?: number;
}

export interface FakeTask {
  id: string;
  model: string;
  prompt: string;
  aspect: string;
  inputImage: string | null;
  createdAt: number;
  fault: string | null;
  shape: FakeShape;
  lastFrame: string | null;
  /** Seconds (video tasks); null for images. */
  duration: number | null;
  resolution: string | null;
  polls: number;
}
const ONCE = new Set(['429', '455', '500', 'poll-timeout', 'malformed', 'create-timeout', 'html502']);

export async function startFakeKie(options: FakeKieOptions = {}) {
  const apiKey = options.apiKey ?? 'kie-test-key-0123456789';
  const tasks = new Map<string, FakeTask>();
  const requests: { at: number; path: string; method: string }[] = [];
  const faultsUsed = new Set<string>();
  const stats = { self429: 0, pollRate429: 0, creates: 0, polls: 0, uploads: 0, downloads: 0, credit402: 0, creditChecks: 0, userAgents: new Set<string>(), authHeaders: new Set<string>() };
  const account = { credits: options.credits ?? 1234 };
  const limit = options.rateLimit ?? { limit: 20, windowMs: 10_000 };
  const uploads = new Map<string, Buffer>();
  /** The prompt of every create request that reached the fake, answered or refused. */
  const createAttempts: string[] = [];
  /** The path and JSON body of every create request, as sent (the request-shape tests read them). */
  const createBodies: { path: string; body: Record<string, unknown> }[] = [];
  const sockets = new Set<import('node:net').Socket>();

  const faultOf = (prompt: string): string | null => /\[fault:([a-z0-9-]+)\]/.exec(prompt)?.[1] ?? null;
  const once = (fault: string | null, key: string, stage: string): boolean => {
    if (!fault || fault !== stage) return false;
    if (!ONCE.has(fault)) return true;
    const id = `${fault}:${key}`;
    if (faultsUsed.has(id)) return false;
    faultsUsed.add(id);
    return true;
  };

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const leak = options.leakKey ? ` (sent: ${req.headers.authorization ?? `Bearer ${apiKey}`}; key ${apiKey})` : '';
    const send = (body: unknown, status = 200, type = 'application/json') => {
      res.writeHead(status, { 'content-type': type });
      if (leak && body && typeof body === 'object' && !Buffer.isBuffer(body)) {
        const envelope = body as { code?: number; msg?: string; message?: string; data?: Record<string, unknown> };
        if (envelope.code !== 200) {
          if (envelope.msg !== undefined) envelope.msg += leak;
          if (envelope.message !== undefined) envelope.message += leak;
        }
        for (const field of ['failMsg', 'errorMessage'] as const) if (typeof envelope.data?.[field] === 'string' && envelope.data[field]) envelope.data[field] += leak;
      }
      if (leak && typeof body === 'string' && status >= 400) body = `${body}${leak}`;
      res.end(typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body));
    };
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>) : {};

    if (url.pathname.startsWith('/results/')) {
      stats.downloads++;
      const task = tasks.get(url.pathname.slice('/results/'.length).replace(/\.(png|mp4)$/, ''));
      if (!task) return send('not found', 404, 'text/plain');
      if (task.fault === 'expired') return send('<Error>Request has expired</Error>', 403, 'application/xml');
      if (task.fault === 'notimage') return send('<html>an ad page</html>', 200, 'text/html');
      const [w, h] = SIZES[task.aspect] ?? [384, 384];
      if (task.fault === 'exif6') {
        // A camera-style JPEG: stored sideways (h x w) with EXIF orientation 6, shown w x h.
        const sideways = await sharp({ create: { width: h, height: w, channels: 3, background: '#808080' } }).jpeg().withMetadata({ orientation: 6 }).toBuffer();
        return send(sideways, 200, 'image/jpeg');
      }
      // Midjourney's other three results (`?v=2` ...) are other pictures: a client that took one of them shows.
      const hue = crypto.createHash('md5').update(`${task.prompt}${url.searchParams.get('v') ?? ''}`).digest();
      if (task.duration !== null) {
        if (task.fault === 'corrupt') return send(await corruptMp4(task.duration, w, h), 200, 'video/mp4');
        return send(await fakeMp4(task.duration, w, h, [hue[0]!, hue[1]!, hue[2]!]), 200, 'video/mp4');
      }
      const png = await sharp({ create: { width: w, height: h, channels: 3, background: { r: hue[0]!, g: hue[1]!, b: hue[2]! } } }).png().toBuffer();
      return send(png, 200, 'image/png');
    }
    if (url.pathname.startsWith('/uploads/')) {
      const data = uploads.get(url.pathname.slice('/uploads/'.length));
      return data ? send(data, 200, 'image/png') : send('gone', 404, 'text/plain');
    }

    const now = Date.now();
    requests.push({ at: now, path: url.pathname, method: req.method ?? 'GET' });
    const ua = String(req.headers['user-agent'] ?? '');
    stats.userAgents.add(ua);
    stats.authHeaders.add(String(req.headers.authorization ?? ''));
    if (!ua.startsWith('Mozilla/')) return send('error code: 1010', 403, 'text/plain');
    if (options.latencyMs) await new Promise((r) => setTimeout(r, options.latencyMs));
    if (req.headers.authorization !== `Bearer ${apiKey}`) return send({ code: 401, msg: 'You do not have access permissions' });
    // The account limit: more than 20 requests in 10 s are refused, not queued.
    if (requests.filter((r) => r.at > now - limit.windowMs).length > limit.limit) {
      stats.self429++;
      return send({ code: 429, msg: 'Too many requests' });
    }

    const recordShape = RECORD_PATHS[url.pathname];
    if (recordShape) {
      stats.polls++;
      if (requests.filter((r) => r.at > now - 1000 && RECORD_PATHS[r.path]).length > (options.pollsPerSecond ?? 3)) {
        stats.pollRate429++;
        return send({ code: 429, msg: 'Polling too fast' });
      }
      const task = tasks.get(url.searchParams.get('taskId') ?? '');
      if (!task || task.shape !== recordShape) return send({ code: 422, msg: 'recordInfo is null' });
      if (once(task.fault, task.id, 'poll-timeout')) return void setTimeout(() => send({ code: 500, msg: 'late' }), options.hangMs ?? 5_000);
      if (once(task.fault, task.id, 'malformed')) return send('{"code":200,"data":{"succ', 200);
      task.polls++;
      const slow = task.fault === 'slow' && task.polls <= (options.slowPolls ?? 6);
      const done = task.fault !== 'stuck' && !slow && now - task.createdAt >= (options.generationMs ?? 0);
      const failed = task.fault === 'genfail';
      const port = (server.address() as AddressInfo).port;
      const resultUrl = `http://127.0.0.1:${port}/results/${task.id}.${task.duration === null ? 'png' : 'mp4'}`;
      const data = recordData(task.shape, task.id, failed ? 'failed' : done ? 'success' : 'generating', resultUrl);
      // Market record-info says `message`, the dedicated APIs say `msg` (providers.md).
      return send(task.shape === 'market' ? { code: 200, message: 'success', data } : { code: 200, msg: 'success', data });
    }

    const createShape = CREATE_PATHS[url.pathname];
    if (createShape) {
      createBodies.push({ path: url.pathname, body });
      const read = readCreate(createShape, body);
      if (typeof read === 'string') return send({ code: 422, msg: read });
      const prompt = read.prompt;
      createAttempts.push(prompt);
      const fault = faultOf(prompt);
      for (const code of ['401', '402', '422', '429', '455', '500', '501', '505']) {
        if (once(fault, prompt, code)) {
          if (code === '402') stats.credit402++;
          return send({ code: Number(code), msg: `fault ${code}` });
        }
      }
      if (once(fault, prompt, 'html502')) return send('<html><head><title>502 Bad Gateway</title></head><body>upstream said no</body></html>', 502, 'text/html');
      if (once(fault, prompt, 'create-timeout')) return void setTimeout(() => send({ code: 500, msg: 'late' }), options.hangMs ?? 5_000);
      const cost = options.creditsPerTask ?? 0;
      if (cost > 0 && account.credits < cost) {
        stats.credit402++;
        return send({ code: 402, msg: 'Insufficient credits' });
      }
      account.credits -= cost;
      stats.creates++;
      const id = `task_${crypto.randomUUID().slice(0, 12)}`;
      tasks.set(id, { id, model: read.model, prompt, aspect: read.aspect, inputImage: read.image, createdAt: now, fault, shape: read.shape, lastFrame: read.lastFrame, duration: read.duration, resolution: read.resolution, polls: 0 });
      return send({ code: 200, msg: 'success', data: { taskId: id } });
    }
    if (url.pathname === '/api/file-base64-upload') {
      stats.uploads++;
      const data = String(body.base64Data ?? '').replace(/^data:[^;]+;base64,/, '');
      const name = `${crypto.randomUUID().slice(0, 8)}-${String(body.fileName ?? 'file')}`;
      uploads.set(name, Buffer.from(data, 'base64'));
      return send({ code: 200, msg: 'success', data: { downloadUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/uploads/${name}` } });
    }
    if (url.pathname === '/api/v1/chat/credit') {
      stats.creditChecks++;
      return send({ code: 200, msg: 'success', data: account.credits });
    }
    return send({ code: 404, msg: 'no such endpoint' });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    apiKey,
    tasks,
    requests,
    stats,
    account,
    /** Largest number of API requests seen in any 10 s window. */
    maxPerWindow(windowMs = 10_000): number {
      let max = 0;
      for (let i = 0; i < requests.length; i++) {
        let n = 0;
        for (let j = i; j < requests.length && requests[j]!.at < requests[i]!.at + windowMs; j++) n++;
        max = Math.max(max, n);
      }
      return max;
    },
    /** Create requests sent for prompts containing `promptPart` (402s and other refusals included). */
    attemptsFor(promptPart: string): number {
      return createAttempts.filter((p) => p.includes(promptPart)).length;
    },
    uploads,
    createBodies,
    createsFor(promptPart: string): number {
      return [...tasks.values()].filter((t) => t.prompt.includes(promptPart)).length;
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type FakeKie = Awaited<ReturnType<typeof startFakeKie>>;
