/**
 * Paths named by a caller of the IPC contract (the page), checked in one order: the grant first (so
 * a refused path answers the same whether it exists or not), then the text and disk rules of
 * path-input.ts. Handlers call these; the services below them trust what they are given.
 */
import type { PathGrants } from './grants.js';
import { checkPathText, existingFile, existingFolder, refuseSpecial } from './path-input.js';

interface HasGrants {
  grants: PathGrants;
}

/** An existing folder the caller may use. */
export function pageFolder(core: HasGrants, field: string, value: unknown): string {
  return existingFolder(field, core.grants.check(field, value));
}

/** An existing regular file the caller may read. */
export function pageFile(core: HasGrants, field: string, value: unknown): string {
  return existingFile(field, core.grants.check(field, value));
}

/** A file or folder to be written (it may not exist yet), never on a special file system. */
export function pageTarget(core: HasGrants, field: string, value: unknown): string {
  const p = checkPathText(field, core.grants.check(field, value));
  refuseSpecial(field, p);
  return p;
}
