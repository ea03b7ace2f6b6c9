/** Serving the built renderer (dist/renderer) confined to its folder, with the page's security headers. */
import fs from 'node:fs';
import path from 'node:path';
import type { ServerResponse } from 'node:http';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.map': 'application/json',
};

/**
 * The page's policy: the bridge passes its WebSocket origin; the desktop shell's app:// handler passes
 * no WebSocket and `media:` as the media source (src-main/shell/policy.ts).
 */
export function contentSecurityPolicy(wsOrigin: string, mediaSource = ''): string {
  const media = mediaSource ? ` ${mediaSource}` : '';
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob:${media}`,
    `media-src 'self' blob:${media}`,
    "font-src 'self' data:",
    `connect-src 'self'${wsOrigin ? ` ${wsOrigin}` : ''}${media}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ');
}

export function resolveStaticFile(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const file = path.resolve(root, relative);
  if (!file.startsWith(path.resolve(root) + path.sep)) return null;
  try {
    return fs.statSync(file).isFile() ? file : null;
  } catch {
    return null;
  }
}

/** Headers for a renderer file (the bridge and the shell's app:// scheme); CSP on HTML pages. */
export function staticFileHeaders(file: string, csp: string): Record<string, string> {
  const type = MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
  const headers: Record<string, string> = {
    'Content-Type': type,
    'Content-Length': String(fs.statSync(file).size),
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': file.endsWith('.html') ? 'no-store' : 'public, max-age=31536000, immutable',
  };
  if (file.endsWith('.html')) {
    headers['Content-Security-Policy'] = csp;
    headers['Referrer-Policy'] = 'no-referrer';
  }
  return headers;
}

export function sendStaticFile(res: ServerResponse, file: string, csp: string): void {
  res.writeHead(200, staticFileHeaders(file, csp));
  fs.createReadStream(file).pipe(res);
}
