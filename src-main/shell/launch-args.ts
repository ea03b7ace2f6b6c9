/**
 * Which project a launch asks for: `whatif-studio /path/to/project` (or its project.json), a second
 * launch forwarded by the single-instance lock, or macOS `open-file`. Pure apart from `stat`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_FILE } from '../project/project-file.js';

/** The project folder a path names (the folder, or its project.json), or null. */
export function projectDirOf(candidate: string, cwd: string = process.cwd()): string | null {
  if (!candidate || candidate.startsWith('-')) return null;
  const full = path.resolve(cwd, candidate);
  try {
    const stat = fs.statSync(full);
    if (stat.isDirectory()) return fs.existsSync(path.join(full, PROJECT_FILE)) ? full : null;
    if (stat.isFile() && path.basename(full) === PROJECT_FILE) return path.dirname(full);
  } catch {
    return null;
  }
  return null;
}

/** The first project path among the arguments after the executable (and the app path in development). */
export function projectDirFromArgv(argv: readonly string[], cwd: string = process.cwd(), packaged = true): string | null {
  const args = argv.slice(packaged ? 1 : 2);
  for (const arg of args) {
    const dir = projectDirOf(arg, cwd);
    if (dir) return dir;
  }
  return null;
}
