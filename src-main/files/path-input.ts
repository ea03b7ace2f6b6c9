/**
 * Paths that arrive from outside the core (the page, a saved setting, a job payload) are checked here
 * before any file-system work: text rules first (pure: a string, absolute, no NUL, not too long), then
 * what is on disk (an existing folder, a regular file: never a FIFO, a device or a socket), and never
 * anything under a special file system (/proc, /sys, /dev ...), where a recursive mkdir loops forever.
 * Every refusal is an `invalid_input` that names the field and what the user sees (the file's name).
 */
import fs from 'node:fs';
import path from 'node:path';
import { appError, AppError, toAppError } from '../errors.js';

export const MAX_PATH_LENGTH = 4096;

/** The last part of a path, as the user knows it ("music.mp3"). */
export function shownName(p: string): string {
  const base = path.basename(p);
  return (base || p).slice(0, 120);
}

/** Pure: the text rules. Returns the normalised absolute path. */
export function checkPathText(field: string, value: unknown, platform: NodeJS.Platform = process.platform): string {
  if (typeof value !== 'string' || value.trim() === '') throw appError('invalid_input', 'files.pathNeeded', { field });
  if (value.length > MAX_PATH_LENGTH) throw appError('invalid_input', 'files.pathTooLong', { field, max: MAX_PATH_LENGTH });
  if (value.includes('\u0000')) throw appError('invalid_input', 'files.pathNul', { field });
  const api = platform === 'win32' ? path.win32 : path.posix;
  if (!api.isAbsolute(value)) throw appError('invalid_input', 'files.notFullPath', { field, name: shownName(value) });
  if (platform === 'win32' && /^[\\/]{2}[.?][\\/]/.test(value)) throw appError('invalid_input', 'files.devicePath', { field });
  const resolved = api.resolve(value);
  if (api.basename(resolved).length > 255) throw appError('invalid_input', 'files.nameTooLong', { field, name: shownName(resolved).slice(0, 40) });
  return resolved;
}

/** Linux special file systems, by statfs type: proc, sysfs, cgroup, cgroup2, debugfs, tracefs, securityfs, devpts, configfs, bpf, pstore, fusectl. */
const SPECIAL_FS = new Set([0x9fa0, 0x62656572, 0x27e0eb, 0x63677270, 0x64626720, 0x74726163, 0x73636673, 0x1cd1, 0x62656570, 0xcafe4a11, 0x6165676c, 0x65735543]);
const SPECIAL_ROOTS = ['/proc', '/sys', '/dev'];

function under(child: string, root: string): boolean {
  return child === root || child.startsWith(`${root}/`);
}

/** The nearest part of `p` that exists (bounded: a path has at most a few hundred parts). */
export function nearestExisting(p: string): { existing: string; missing: string[] } {
  const missing: string[] = [];
  let current = p;
  for (let i = 0; i < 512; i++) {
    try {
      fs.lstatSync(current);
      return { existing: current, missing };
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code !== 'ENOENT') throw toAppError(error);
    }
    const parent = path.dirname(current);
    if (parent === current) break;
    missing.unshift(path.basename(current));
    current = parent;
  }
  throw appError('invalid_input', 'files.noFolderAbove', { name: shownName(p) });
}

/** Refuses a path on (or reached through a link into) a special file system. */
export function refuseSpecial(field: string, p: string): void {
  if (process.platform !== 'linux' && process.platform !== 'darwin') return;
  const { existing } = nearestExisting(p);
  let real = existing;
  try {
    real = fs.realpathSync(existing);
  } catch {
    // A dangling link: judged by its own path below.
  }
  const special = () => appError('invalid_input', 'files.systemFolder', { field, name: shownName(p), system: real.split('/').slice(0, 2).join('/') || '/' });
  for (const candidate of [existing, real]) if (SPECIAL_ROOTS.some((root) => under(candidate, root))) throw special();
  try {
    if (SPECIAL_FS.has(Number(fs.statfsSync(real).type))) throw special();
  } catch (error) {
    if (error instanceof AppError) throw error;
  }
}

function statOf(field: string, p: string): fs.Stats {
  try {
    return fs.statSync(p);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw appError('not_found', 'files.doesNotExist', { field, name: shownName(p) });
    throw toAppError(error);
  }
}

/** An existing folder, checked and resolved. */
export function existingFolder(field: string, value: unknown): string {
  const p = checkPathText(field, value);
  refuseSpecial(field, p);
  if (!statOf(field, p).isDirectory()) throw appError('invalid_input', 'files.fileNotFolder', { field, name: shownName(p) });
  return p;
}

/** An existing regular file (not a folder, FIFO, device or socket), checked and resolved. */
export function existingFile(field: string, value: unknown): string {
  const p = checkPathText(field, value);
  refuseSpecial(field, p);
  const stat = statOf(field, p);
  if (stat.isDirectory()) throw appError('invalid_input', 'files.folderNotFile', { field, name: shownName(p) });
  if (!stat.isFile()) throw appError('invalid_input', 'files.notRegular', { field, name: shownName(p) });
  return p;
}

/**
 * Creates `dir` and the folders missing above it, one level at a time (never `recursive: true`, which
 * loops forever under /proc), refusing special file systems. Existing folders are fine.
 */
export function ensureFolder(field: string, dir: string): void {
  refuseSpecial(field, dir);
  const { existing, missing } = nearestExisting(dir);
  let current = existing;
  if (!fs.statSync(current).isDirectory()) throw appError('invalid_input', 'files.fileNotFolder', { field, name: shownName(current) });
  for (const part of missing) {
    current = path.join(current, part);
    try {
      fs.mkdirSync(current);
    } catch (error) {
      if ((error as { code?: string }).code === 'EEXIST' && fs.statSync(current).isDirectory()) continue;
      throw toAppError(error);
    }
  }
}
