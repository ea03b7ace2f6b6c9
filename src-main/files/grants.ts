/**
 * Which paths the page may name (VS Code's rule: the page is untrusted). A path reaches the core's
 * file work only inside a granted root:
 * - always: the data folder and the folders of indexed projects;
 * - desktop: whatever the user picked in a native dialog (os.pickPath grants it, and only it);
 * - bridge: the folders given to `whatif web --allow <folder>` or WHATIF_ALLOWED_ROOTS;
 * - cli: everything (the user typed the path on their own command line).
 * The refusal is the same whether the path exists or not, so the page cannot probe the disk.
 */
import fs from 'node:fs';
import path from 'node:path';
import { appError } from '../errors.js';
import { checkPathText, shownName } from './path-input.js';

export type GrantMode = 'desktop' | 'bridge' | 'cli';

function inside(child: string, root: string): boolean {
  const rel = path.relative(root, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

function realOrSelf(p: string): string {
  // The nearest existing part decides where a path really is (a link inside a root may point out).
  let current = p;
  const rest: string[] = [];
  for (let i = 0; i < 512; i++) {
    try {
      return path.join(fs.realpathSync(current), ...rest);
    } catch {
      const parent = path.dirname(current);
      if (parent === current) return p;
      rest.unshift(path.basename(current));
      current = parent;
    }
  }
  return p;
}

/** Roots from WHATIF_ALLOWED_ROOTS (path-delimited), for the bridge. */
export function rootsFromEnv(env: NodeJS.ProcessEnv = process.env): string[] {
  return (env.WHATIF_ALLOWED_ROOTS ?? '').split(path.delimiter).filter((p) => p && path.isAbsolute(p));
}

export class PathGrants {
  /** Folders granted with everything below them. */
  private readonly folders = new Set<string>();
  /** Single files granted (a save dialog's answer, a picked file). */
  private readonly files = new Set<string>();

  constructor(
    readonly mode: GrantMode,
    /** Always allowed: the data folder and the indexed projects' folders (asked at every check). */
    private readonly fixedRoots: () => string[],
    extraRoots: string[] = [],
  ) {
    for (const root of extraRoots) this.folders.add(path.resolve(root));
  }

  /** A folder (and all below it) the user chose. */
  grantFolder(dir: string): void {
    this.folders.add(path.resolve(dir));
  }

  /** One file the user chose. */
  grantFile(file: string): void {
    this.files.add(path.resolve(file));
  }

  allows(p: string): boolean {
    if (this.mode === 'cli') return true;
    const resolved = path.resolve(p);
    if (this.files.has(resolved)) return true;
    const real = realOrSelf(resolved);
    for (const root of [...this.fixedRoots(), ...this.folders]) {
      const realRoot = realOrSelf(path.resolve(root));
      if (inside(resolved, path.resolve(root)) && inside(real, realRoot)) return true;
    }
    return false;
  }

  /** The checked absolute path, or invalid_input naming the field (same answer whether it exists or not). */
  check(field: string, value: unknown): string {
    const p = checkPathText(field, value);
    if (this.allows(p)) return p;
    throw appError('invalid_input', this.mode === 'bridge' ? 'files.outsideBridge' : 'files.outsideDesktop', { field, name: shownName(p) });
  }
}
