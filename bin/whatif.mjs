#!/usr/bin/env node
// The `whatif` command. Runs src-main as JavaScript compiled on the fly into node_modules/.cache
// (bin/compiled-main.mjs), so a fresh clone needs no build step and a command starts in ~0.2 s.
// Without esbuild (a production install) it runs the TypeScript through tsx instead.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { compiledMain } from './compiled-main.mjs';

process.setSourceMapsEnabled(true);
// The compiled copy lives under node_modules/.cache, which may be a symlink into another checkout (a
// git worktree): tell it which checkout it serves (its renderer build, resources, package.json).
process.env.WHATIF_APP_ROOT ??= path.resolve(import.meta.dirname, '..');
let dir = null;
try {
  dir = await compiledMain();
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
}
if (dir) {
  await import(pathToFileURL(path.join(dir, 'cli', 'main.js')).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src-main/cli/main.ts');
}
