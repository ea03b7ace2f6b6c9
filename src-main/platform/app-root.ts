/**
 * The app's install root (where package.json and resources/ sit), found from this file's location so
 * it works from src (tsx, tests), from dist (compiled) and inside a packaged app (resources path).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

function isOurPackage(file: string): boolean {
  try {
    return (JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string }).name === 'whatif-studio';
  } catch {
    return false;
  }
}

export function appRoot(): string {
  if (cached) return cached;
  // Set by bin/whatif.mjs: the compiled copy of src-main may sit in a node_modules shared with another checkout.
  const given = process.env.WHATIF_APP_ROOT;
  if (given && isOurPackage(path.join(given, 'package.json'))) return (cached = path.resolve(given));
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (isOurPackage(path.join(dir, 'package.json'))) break;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('WhatIf Studio could not find its install folder (its package.json is missing).');
    dir = parent;
  }
  cached = dir;
  return dir;
}

/** Bundled resources: resources/ in development; Electron's process.resourcesPath when packaged. */
export function resourcesDir(): string {
  const packaged = (process as { resourcesPath?: string }).resourcesPath;
  if (packaged && fs.existsSync(path.join(packaged, 'sample'))) return packaged;
  return path.join(appRoot(), 'resources');
}

export function resourcePath(...parts: string[]): string {
  return path.join(resourcesDir(), ...parts);
}
