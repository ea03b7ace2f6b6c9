/**
 * The shell's security policy as pure values and predicates (no `electron` import, so the security
 * check and the tests can evaluate them): our page's origin, its Content-Security-Policy, which URLs
 * may call IPC, which may be opened in the system browser.
 */
import { contentSecurityPolicy } from '../bridge/static-files.js';

export const APP_SCHEME = 'app';
export const APP_HOST = 'whatif';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;
export const MEDIA_SCHEME = 'media';

/** The page's policy on app://: scripts and styles from the app only, media from media:, no sockets. */
export function appContentSecurityPolicy(): string {
  return contentSecurityPolicy('', `${MEDIA_SCHEME}:`);
}

function parse(url: string | null | undefined): URL | null {
  if (typeof url !== 'string' || !url) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** Only our own page (app://whatif/...) may call IPC or receive events. */
export function isAppUrl(url: string | null | undefined): boolean {
  const parsed = parse(url);
  return parsed !== null && parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && !parsed.username && !parsed.password;
}

/** Links the system browser may open: http and https only (never file:, javascript:, smb:, custom schemes). */
export function isSafeExternalUrl(url: string | null | undefined): boolean {
  const parsed = parse(url);
  return parsed !== null && (parsed.protocol === 'https:' || parsed.protocol === 'http:') && !parsed.username && !parsed.password && parsed.hostname !== '';
}
