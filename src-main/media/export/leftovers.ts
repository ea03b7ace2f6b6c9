/**
 * An export works in a hidden folder beside its destination and writes the MP4 to a hidden temp file
 * there (withTempOutput). A normal end, an error or a cancel removes both; a killed process (power
 * cut, kill -9, a crash) cannot. Each names the process that made it, so the next export into the
 * same folder removes what a dead process left behind, and never what a running one is using.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ownerTag } from '../../platform/owner-tag.js';

const WORK_PREFIX = '.whatif-export-';
const OWNER_FILE = 'owner';

/** Makes this export's work folder in `folder`, tagged with this process. */
export function makeWorkDir(folder: string): string {
  const dir = fs.mkdtempSync(path.join(folder, WORK_PREFIX));
  fs.writeFileSync(path.join(dir, OWNER_FILE), ownerTag(), 'utf8');
  return dir;
}

/** Whether the process of a "pid@host" tag is known to be gone (another host's is never judged). */
export function ownerIsGone(tag: string): boolean {
  const match = /^(\d+)@(.+)$/.exec(tag.trim());
  if (!match || match[2] !== os.hostname()) return false;
  try {
    process.kill(Number(match[1]), 0);
    return false;
  } catch (error) {
    return (error as { code?: string }).code === 'ESRCH';
  }
}

/** Removes the work folders and temp MP4s in `folder` whose process is gone. Best effort: never throws. */
export function removeLeftovers(folder: string): void {
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) {
    const full = path.join(folder, name);
    try {
      if (name.startsWith(WORK_PREFIX)) {
        if (ownerIsGone(fs.readFileSync(path.join(full, OWNER_FILE), 'utf8'))) fs.rmSync(full, { recursive: true, force: true });
      } else {
        // withTempOutput's ".<name>.partial-<pid>@<host>-<random><ext>"
        const tag = /^\..+\.partial-(\d+@.+)-[0-9a-f]{8}\.[^.]+$/.exec(name)?.[1];
        if (tag && ownerIsGone(tag)) fs.rmSync(full, { force: true });
      }
    } catch {
      // unreadable or already gone: leave it
    }
  }
}
