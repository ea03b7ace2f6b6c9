/** The one place the shell hands a URL to the OS: http(s) only, everything else is dropped and logged. */
import { shell } from 'electron';
import { isSafeExternalUrl } from './policy.js';

export function openExternalSafe(url: string, log: (line: string) => void = () => {}): boolean {
  if (!isSafeExternalUrl(url)) {
    log(`[shell] refused to open a non-http(s) link: ${String(url).slice(0, 80)}`);
    return false;
  }
  void shell.openExternal(url).catch((error: unknown) => log(`[shell] opening ${url} failed: ${String(error)}`));
  return true;
}
