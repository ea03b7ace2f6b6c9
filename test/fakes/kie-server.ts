/**
 * A loopback KIE that keeps the contract of shared/docs/providers.md, odd corners included: errors in
 * HTTP-200 envelopes, `msg` vs `message`, resultJson as a JSON string, 20 requests per 10 s (extra ones
 * get 429 and are not queued), polls at most 3 a second, Cloudflare 403 without a browser User-Agent,
 * expiring result URLs. Faults are asked for in the prompt: "[fault:402]", "[fault:stuck]" ...
 * Retryable faults (429, 455, 500, poll-timeout, malformed) happen once per prompt, the others always.
 */
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';

export interface FakeKieOptions {
  apiKey?: string;
  /** Added before every API answer. */
  latencyMs?: number;
  /** A task generates for this long. */
  generationMs?: number;
  /** How long a hanging request hangs (the client's timeout should fire first). */
  hangMs?: number;
}

export interface FakeTask {
  id: string;
  model: string;
  prompt: string;
  aspect: string;
  inputImage: string | null;
  createdAt: number;
  fault: string | null;
}

const SIZES: Record<string, [number, number]> = { '9:16': [288, 512], '16:9': [512, 288], '1:1': [384, 384] };
const ONCE = new Set(['429', '455', '500', 'poll-timeout', 'malformed', 'create-timeout']);

export async function startFakeKie(options: FakeKieOptions = {}) {
  const apiKey = options.apiKey ?? 'kie-test-key-0123456789';
  const tasks = new Map<string, FakeTask>();
  const requests: { at: number; path: string; method: string }[] = [];
  const faultsUsed = new Set<string>();
  const stats = { self429: 0, pollRate429: 0, creates: 0, polls: 0, uploads: 0, downloads: 0, userAgents: new Set<string>(), authHeaders: new Set<string>() };
  const uploads = new Map<string, Buffer>();
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
    const send = (body: unknown, status = 200, type = 'application/json') => {
      res.writeHead(status, { 'content-type': type });
      res.end(typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body));
    };
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>) : {};

    if (url.pathname.startsWith('/results/')) {
      stats.downloads++;
      const task = tasks.get(url.pathname.slice('/results/'.length).replace(/\.png$/, ''));
      if (!task) return send('not found', 404, 'text/plain');
      if (task.fault === 'expired') return send('<Error>Request has expired</Error>', 403, 'application/xml');
      if (task.fault === 'notimage') return send('<html>an ad page</html>', 200, 'text/html');
      const [w, h] = SIZES[task.aspect] ?? [384, 384];
      const hue = crypto.createHash('md5').update(task.prompt).digest();
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
    if (requests.filter((r) => r.at > now - 10_000).length > 20) {
      stats.self429++;
      return send({ code: 429, msg: 'Too many requests' });
    }

    const isPoll = url.pathname.endsWith('record-info') || url.pathname.endsWith('recordInfo');
    if (isPoll) {
      stats.polls++;
      if (requests.filter((r) => r.at > now - 1000 && (r.path.endsWith('record-info') || r.path.endsWith('recordInfo'))).length > 3) {
        stats.pollRate429++;
        return send({ code: 429, msg: 'Polling too fast' });
      }
      const task = tasks.get(url.searchParams.get('taskId') ?? '');
      if (!task) return send({ code: 422, msg: 'recordInfo is null' });
      if (once(task.fault, task.id, 'poll-timeout')) return void setTimeout(() => send({ code: 500, msg: 'late' }), options.hangMs ?? 5_000);
      if (once(task.fault, task.id, 'malformed')) return send('{"code":200,"data":{"succ', 200);
      const done = task.fault !== 'stuck' && now - task.createdAt >= (options.generationMs ?? 0);
      const failed = task.fault === 'genfail';
      const resultUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/results/${task.id}.png`;
      if (task.model.startsWith('flux-kontext')) {
        return send({ code: 200, msg: 'success', data: { taskId: task.id, successFlag: failed ? 3 : done ? 1 : 0, errorMessage: failed ? 'content refused by the model' : null, response: done && !failed ? { resultImageUrl: resultUrl } : null } });
      }
      return send({ code: 200, message: 'success', data: { taskId: task.id, state: failed ? 'fail' : done ? 'success' : 'generating', failMsg: failed ? 'content refused by the model' : '', resultJson: done && !failed ? JSON.stringify({ resultUrls: [resultUrl] }) : '' } });
    }

    if (url.pathname === '/api/v1/flux/kontext/generate' || url.pathname === '/api/v1/jobs/createTask') {
      const market = url.pathname.endsWith('createTask');
      const input = (market ? body.input : body) as Record<string, unknown>;
      const prompt = String(input?.prompt ?? '');
      if (!prompt) return send({ code: 422, msg: 'prompt is required' });
      const fault = faultOf(prompt);
      for (const code of ['401', '402', '422', '429', '455', '500', '501', '505']) {
        if (once(fault, prompt, code)) return send({ code: Number(code), msg: `fault ${code}` });
      }
      if (once(fault, prompt, 'create-timeout')) return void setTimeout(() => send({ code: 500, msg: 'late' }), options.hangMs ?? 5_000);
      stats.creates++;
      const id = `task_${crypto.randomUUID().slice(0, 12)}`;
      const aspect = String(market ? input.aspect_ratio : input.aspectRatio);
      const ref = market ? ((input.input_urls as string[] | undefined)?.[0] ?? null) : ((input.inputImage as string | undefined) ?? null);
      tasks.set(id, { id, model: String(body.model), prompt, aspect, inputImage: ref, createdAt: now, fault });
      return send({ code: 200, msg: 'success', data: { taskId: id } });
    }
    if (url.pathname === '/api/file-base64-upload') {
      stats.uploads++;
      const data = String(body.base64Data ?? '').replace(/^data:[^;]+;base64,/, '');
      const name = `${crypto.randomUUID().slice(0, 8)}-${String(body.fileName ?? 'file')}`;
      uploads.set(name, Buffer.from(data, 'base64'));
      return send({ code: 200, msg: 'success', data: { downloadUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/uploads/${name}` } });
    }
    if (url.pathname === '/api/v1/chat/credit') return send({ code: 200, msg: 'success', data: 1234 });
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
