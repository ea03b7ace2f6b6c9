/**
 * The two custom schemes. app://whatif/ serves the built renderer (dist/renderer) with the strict CSP;
 * media://<projectId>/<assetId> serves project assets and renders through the same resolver as the
 * bridge's /media route (src-main/protocol/media-request.ts): Range, MIME types and confinement.
 * No file:// path ever reaches the page.
 */
import fs from 'node:fs';
import { Readable } from 'node:stream';
import { protocol, type Session } from 'electron';
import { resolveStaticFile, staticFileHeaders } from '../bridge/static-files.js';
import { resolveMediaRequest, type MediaProjects } from '../protocol/media-request.js';
import { APP_HOST, APP_ORIGIN, APP_SCHEME, appContentSecurityPolicy, MEDIA_SCHEME } from './policy.js';

/** Must run before app `ready`. */
export function registerSchemePrivileges(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
    // Not `standard`: Chromium would lowercase the host, and a project id (any string in a hand-made
    // project) sits there. `stream` lets <video> and <audio> seek.
    { scheme: MEDIA_SCHEME, privileges: { secure: true, supportFetchAPI: true, stream: true, corsEnabled: true } },
  ]);
}

function textReply(status: number, message: string, extra: Record<string, string> = {}): Response {
  return new Response(`${message}\n`, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff', ...extra } });
}

function fileBody(file: string, start?: number, end?: number): ReadableStream {
  return Readable.toWeb(fs.createReadStream(file, { start, end })) as ReadableStream;
}

/** app://whatif/<path> → a file of the built renderer; unknown extension-less paths get index.html. */
export function serveApp(rendererDir: string, requestUrl: string, method = 'GET'): Response {
  const csp = appContentSecurityPolicy();
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return textReply(400, 'Bad address.', { 'Content-Security-Policy': csp });
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return textReply(404, 'Not found.', { 'Content-Security-Policy': csp });
  if (method !== 'GET' && method !== 'HEAD') return textReply(405, 'Method not allowed.', { 'Content-Security-Policy': csp });
  const file = resolveStaticFile(rendererDir, url.pathname) ?? (url.pathname.includes('.') ? null : resolveStaticFile(rendererDir, '/'));
  if (!file) return textReply(404, 'Not found.', { 'Content-Security-Policy': csp });
  // Every answer carries the policy (not only HTML), so no document on app:// is ever without it.
  const headers = { ...staticFileHeaders(file, csp), 'Content-Security-Policy': csp };
  return new Response(method === 'HEAD' ? null : fileBody(file), { status: 200, headers });
}

/** The part of a media:// URL after the scheme, without query or fragment: `<projectId>/<assetId>`. */
export function mediaPathOf(requestUrl: string): string {
  const rest = requestUrl.slice(`${MEDIA_SCHEME}:`.length).replace(/^\/+/, '');
  return rest.split(/[?#]/, 1)[0] ?? '';
}

/** media://<projectId>/<assetId> | media://<projectId>/preview/<assetId> | media://<projectId>/renders/<file>, honouring Range. */
export function serveMedia(projects: MediaProjects, requestUrl: string, range: string | null, method = 'GET'): Response {
  if (!requestUrl.startsWith(`${MEDIA_SCHEME}:`)) return textReply(400, 'Not a media address.');
  if (method !== 'GET' && method !== 'HEAD') return textReply(405, 'Use GET for media.');
  const reply = resolveMediaRequest(projects, mediaPathOf(requestUrl), range);
  // Our page (app://whatif) may fetch() media and draw it on a canvas it reads back; no one else may.
  const headers = { ...reply.headers, 'Access-Control-Allow-Origin': APP_ORIGIN, Vary: 'Origin' };
  if (!reply.file || method === 'HEAD') {
    return new Response(reply.message ? `${reply.message}\n` : null, { status: reply.status, headers });
  }
  return new Response(fileBody(reply.file, reply.start, reply.end), { status: reply.status, headers });
}

/** Installs both handlers on a session (after `ready`). */
export function handleSchemes(session: Session, rendererDir: string, projects: MediaProjects, log: (line: string) => void): void {
  session.protocol.handle(APP_SCHEME, (request) => serveApp(rendererDir, request.url, request.method));
  session.protocol.handle(MEDIA_SCHEME, (request) => {
    try {
      return serveMedia(projects, request.url, request.headers.get('range'), request.method);
    } catch (error) {
      log(`[media] ${request.url}: ${String(error)}`);
      return textReply(500, 'The media file could not be read.');
    }
  });
}
