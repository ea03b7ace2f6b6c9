/**
 * Token and origin checks for the loopback bridge. The token is random per start; the page receives it
 * once in its URL and then rides on an HttpOnly, SameSite=Strict cookie, so <img>/<audio> and the
 * WebSocket carry it too. Comparisons are constant-time.
 */
import crypto from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const TOKEN_COOKIE = 'whatif_token';

export function newToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

export function tokensEqual(expected: string, given: string | null | undefined): boolean {
  if (typeof given !== 'string') return false;
  const a = crypto.createHash('sha256').update(expected).digest();
  const b = crypto.createHash('sha256').update(given).digest();
  return crypto.timingSafeEqual(a, b);
}

export function parseCookies(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    try {
      cookies[name] = decodeURIComponent(part.slice(eq + 1).trim());
    } catch {
      // A malformed cookie is simply absent.
    }
  }
  return cookies;
}

/** The token a request presents: Authorization: Bearer, then ?token=, then the cookie. */
export function presentedToken(req: IncomingMessage, url: URL): string | null {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice('Bearer '.length);
  const query = url.searchParams.get('token');
  if (query) return query;
  return parseCookies(req.headers.cookie)[TOKEN_COOKIE] ?? null;
}

/**
 * The Host a request names must be the bridge's own address (DNS rebinding: a hostile name that
 * resolves to 127.0.0.1 would otherwise reach the bridge as "same origin" for the browser).
 */
export function hostAllowed(req: IncomingMessage, port: number): boolean {
  const host = req.headers.host;
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

/** The media token a request presents in its address (?t=) or as the main token (Bearer, ?token=); never the cookie alone. */
export function presentedMediaToken(req: IncomingMessage, url: URL): string | null {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice('Bearer '.length);
  return url.searchParams.get('t') ?? url.searchParams.get('token');
}

/** A browser request from another site carries its Origin; only our own origin may call. */
export function originAllowed(req: IncomingMessage, ownOrigins: string[]): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  return ownOrigins.includes(origin);
}
