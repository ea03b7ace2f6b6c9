/**
 * The one way the app writes a file that must never be seen half-written (project.json, assets,
 * caches, keys): a temp file beside the target, flushed, then renamed over it; on failure the temp
 * file is removed and the target is as it was. Errors become AppErrors (a full disk says so).
 */
import fs from 'node:fs';
import path from 'node:path';
import { toAppError } from '../errors.js';
import { ensureFolder } from '../files/path-input.js';

function tempBeside(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
}

export function writeFileAtomic(file: string, data: string | Buffer, options: { mode?: number } = {}): void {
  ensureFolder('the folder', path.dirname(file));
  const temp = tempBeside(file);
  try {
    const fd = fs.openSync(temp, 'w', options.mode ?? 0o666);
    try {
      if (options.mode !== undefined) fs.fchmodSync(fd, options.mode);
      fs.writeFileSync(fd, data);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw toAppError(error);
  }
}

export function copyFileAtomic(source: string, target: string): void {
  ensureFolder('the folder', path.dirname(target));
  const temp = tempBeside(target);
  try {
    fs.copyFileSync(source, temp);
    fs.renameSync(temp, target);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw toAppError(error);
  }
}
