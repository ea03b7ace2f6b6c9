/** `npm run web` builds the renderer only when dist/renderer is missing or older than its sources. */
import fs from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { AppError } from '../errors.js';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

export function rendererIsStale(root: string): boolean {
  const built = path.join(root, 'dist', 'renderer', 'index.html');
  if (!fs.existsSync(built)) return true;
  const builtAt = fs.statSync(built).mtimeMs;
  // The renderer also bundles the export's pure drawing maths (src-main/media: Ken Burns, text layout, overlay boxes).
  const sources = [path.join(root, 'src-renderer'), path.join(root, 'src-main', 'ipc', 'contract'), path.join(root, 'src-main', 'project'), path.join(root, 'src-main', 'media')];
  return sources.some((dir) => fs.existsSync(dir) && newestMtime(dir) > builtAt);
}

export async function ensureRendererBuilt(root: string, log: (line: string) => void): Promise<string> {
  const out = path.join(root, 'dist', 'renderer');
  if (!rendererIsStale(root)) return out;
  log('Building the renderer (vite)...');
  try {
    await execa('npx', ['vite', 'build', '--config', 'src-renderer/vite.config.ts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  } catch (error) {
    throw new AppError('internal', `Building the renderer failed: ${(error as Error).message}`);
  }
  return out;
}
