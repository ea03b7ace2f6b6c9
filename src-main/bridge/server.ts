/**
 * The loopback bridge: the real core's IPC contract over HTTP + WebSocket on 127.0.0.1, plus the built
 * renderer and project media. It is how the UI is tested in Chromium here, and a developer mode.
 *
 *   GET  /?token=T            sets the token cookie, redirects to / (the token leaves the address bar)
 *   GET  /, /assets/...       the renderer (cookie required)
 *   POST /api/call/<channel>  body: the call's input as JSON; answer: Result JSON
 *   WS   /api/events          pushed events: {"event": name, "payload": ...}
 *   GET  /api/media-token     the page's media token (cookie auth; other origins cannot read it)
 *   GET  /media/<projectId>/<assetId>?t=M | /media/<projectId>/renders/<file>?t=M   (Range supported)
 *
 * Every request needs the token (Bearer header, ?token= or cookie); a request from a foreign Origin is
 * refused with 403, one naming another Host (DNS rebinding) with 421, one without the token with 401.
 * Media asks its token in every request, never the cookie alone: a page on another 127.0.0.1 port
 * shares the cookie (cookies ignore ports) but cannot learn the media token.
 */
import fs from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Core } from '../core.js';
import { appError } from '../errors.js';
import { resolveMediaRequest } from '../protocol/media-request.js';
import { hostAllowed, newToken, originAllowed, presentedMediaToken, presentedToken, TOKEN_COOKIE, tokensEqual } from './auth.js';
import { contentSecurityPolicy, resolveStaticFile, sendStaticFile } from './static-files.js';
import { maxInputBytes } from '../ipc/call-limits.js';

export interface BridgeOptions {
  core: Core;
  rendererDir: string;
  port?: number;
  /** Fixed token for tests; a random one otherwise. */
  token?: string;
}

export interface Bridge {
  url: string;
  origin: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 64 * 1024 * 1024;

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-store' });
  res.end(text);
}

function refuse(res: ServerResponse, status: 401 | 403 | 404 | 405 | 413 | 421, message: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(`${message}\n`);
}

async function readBody(req: IncomingMessage, maxBytes = MAX_BODY_BYTES): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > maxBytes) throw new Error('too large');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw new Error('too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const { core, rendererDir } = options;
  const token = options.token ?? newToken();
  const mediaToken = newToken();
  let origins: string[] = [];
  let port = 0;
  let csp = '';

  const authorised = (req: IncomingMessage, url: URL) => tokensEqual(token, presentedToken(req, url));

  const server = http.createServer((req, res) => {
    void route(req, res).catch((error: unknown) => {
      core.log(`[bridge] ${req.method} ${req.url}: ${String(error)}`);
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: appError('internal', 'ipc.bridgeFailed').toJSON() });
      else res.destroy();
    });
  });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (!hostAllowed(req, port)) return refuse(res, 421, 'Misdirected request: this server answers only to its own address.');
    if (!originAllowed(req, origins)) return refuse(res, 403, 'Forbidden: requests from other sites are refused.');
    if (url.pathname.startsWith('/media/')) {
      const given = presentedMediaToken(req, url);
      if (!tokensEqual(mediaToken, given) && !tokensEqual(token, given)) return refuse(res, 401, 'Unauthorised: media addresses carry their own token.');
    } else if (!authorised(req, url)) {
      return refuse(res, 401, 'Unauthorised: open the address printed by `npm run web`; it carries the access token.');
    }
    if (url.searchParams.has('token') && req.method === 'GET' && !url.pathname.startsWith('/media/')) {
      // Trade the token in the address for a strict cookie, then drop it from the address bar.
      const rest = new URLSearchParams(url.searchParams);
      rest.delete('token');
      const query = rest.toString();
      res.writeHead(303, {
        'Set-Cookie': `${TOKEN_COOKIE}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`,
        Location: `${url.pathname}${query ? `?${query}` : ''}`,
        'Cache-Control': 'no-store',
      });
      res.end();
      return;
    }
    if (url.pathname.startsWith('/api/call/')) {
      if (req.method !== 'POST') return refuse(res, 405, 'Use POST for calls.');
      let channel: string;
      try {
        channel = decodeURIComponent(url.pathname.slice('/api/call/'.length));
      } catch {
        return sendJson(res, 404, { ok: false, error: appError('not_found', 'ipc.malformedAddress').toJSON() });
      }
      let payload: unknown;
      const limit = maxInputBytes(channel);
      try {
        const body = await readBody(req, limit);
        payload = body.length ? JSON.parse(body.toString('utf8')) : {};
      } catch (error) {
        if ((error as Error).message === 'too large') {
          res.setHeader('Connection', 'close');
          return sendJson(res, 413, { ok: false, error: appError('invalid_input', 'ipc.requestTooLarge', { channel: channel.slice(0, 80), mb: Math.round(limit / (1024 * 1024)) }).toJSON() });
        }
        return sendJson(res, 400, { ok: false, error: appError('invalid_input', 'ipc.notJson').toJSON() });
      }
      const controller = new AbortController();
      res.on('close', () => {
        if (!res.writableFinished) controller.abort();
      });
      const result = await core.dispatch(channel, payload, { signal: controller.signal });
      return sendJson(res, 200, result);
    }
    if (url.pathname === '/api/media-token' && req.method === 'GET') {
      // Readable only by our own page: other origins get no CORS header, so their fetch cannot see it.
      return sendJson(res, 200, { mediaToken });
    }
    if (url.pathname === '/api/channels' && req.method === 'GET') {
      const { CALL_NAMES, EVENT_NAMES } = await import('../ipc/contract/index.js');
      return sendJson(res, 200, { calls: CALL_NAMES, events: EVENT_NAMES });
    }
    if (url.pathname.startsWith('/media/')) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Use GET for media.');
      const reply = resolveMediaRequest(core.projects, url.pathname.slice('/media/'.length), req.headers.range ?? null);
      res.writeHead(reply.status, reply.headers);
      if (!reply.file || req.method === 'HEAD') return void res.end(reply.message ? `${reply.message}\n` : undefined);
      fs.createReadStream(reply.file, { start: reply.start, end: reply.end }).pipe(res);
      return;
    }
    if (req.method !== 'GET') return refuse(res, 405, 'Method not allowed.');
    const file = resolveStaticFile(rendererDir, url.pathname) ?? (url.pathname.includes('.') ? null : resolveStaticFile(rendererDir, '/'));
    if (!file) return refuse(res, 404, 'Not found.');
    sendStaticFile(res, file, csp);
  }

  const sockets = new WebSocketServer({ noServer: true });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const reject = (status: string) => {
      socket.write(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`);
      socket.destroy();
    };
    if (url.pathname !== '/api/events') return reject('404 Not Found');
    if (!hostAllowed(req, port)) return reject('421 Misdirected Request');
    if (!originAllowed(req, origins)) return reject('403 Forbidden');
    if (!authorised(req, url)) return reject('401 Unauthorized');
    sockets.handleUpgrade(req, socket, head, (ws) => sockets.emit('connection', ws, req));
  });
  const unsubscribe = core.events.subscribe((event, payload) => {
    const message = JSON.stringify({ event, payload });
    for (const client of sockets.clients as Set<WebSocket>) if (client.readyState === client.OPEN) client.send(message);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  origins = [origin, `http://localhost:${port}`];
  csp = contentSecurityPolicy(`ws://127.0.0.1:${port} ws://localhost:${port}`);

  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    port,
    async close() {
      unsubscribe();
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
