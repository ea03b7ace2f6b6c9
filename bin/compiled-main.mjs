// The CLI's fast start: src-main compiled to plain JavaScript, file by file, in
// node_modules/.cache/whatif-main/<key>/ (key: every source file's path, size and mtime), rebuilt by
// esbuild in ~0.2 s whenever a source changes. Loading ~250 modules through tsx's loader thread
// took ~1 s of every command's start; a render waited for it. The layout mirrors src-main, so
// import.meta.url paths (migrations, the export's kernel, the Piper worker) work unchanged.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// AssemblyScript, not TypeScript: compiled by `npm run build:kernel`, not here (tsconfig excludes it too).
const NOT_TYPESCRIPT = path.join('media', 'render', 'kernel') + path.sep;

function listFiles(dir, out = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) listFiles(full, out);
    else out.push(full);
  }
  return out;
}

function isTypeScript(relative) {
  return relative.endsWith('.ts') && !relative.endsWith('.d.ts') && !relative.startsWith(NOT_TYPESCRIPT);
}

/**
 * Where the copies go: node_modules/.cache, except in a git worktree whose node_modules is a link to
 * another checkout's. There a copy would live in that checkout, find ITS package.json as the app's
 * root (platform/app-root.ts) and serve and rebuild ITS renderer; .cache/ in this checkout instead.
 */
function defaultCache() {
  const modules = path.join(ROOT, 'node_modules');
  const linked = fs.existsSync(modules) && fs.lstatSync(modules).isSymbolicLink();
  return linked ? path.join(ROOT, '.cache', 'whatif-main') : path.join(modules, '.cache', 'whatif-main');
}

/** The compiled copy of src-main for the sources as they are now, built if missing. */
export async function compiledMain({ source = path.join(ROOT, 'src-main'), cache = defaultCache() } = {}) {
  const files = listFiles(source).sort();
  const hash = crypto.createHash('sha256');
  for (const file of files) {
    const stat = fs.statSync(file);
    hash.update(`${path.relative(source, file)}\0${stat.size}\0${stat.mtimeMs}\n`);
  }
  const key = hash.digest('hex').slice(0, 16);
  const dir = path.join(cache, key);
  if (fs.existsSync(path.join(dir, 'complete'))) {
    markUsed(dir);
    return dir;
  }

  const { build } = await import('esbuild');
  // Build beside the final place and rename: another process may be building the same key.
  const temp = `${dir}.${process.pid}-${crypto.randomBytes(4).toString('hex')}.tmp`;
  fs.rmSync(temp, { recursive: true, force: true });
  await build({
    entryPoints: files.filter((file) => isTypeScript(path.relative(source, file))),
    outdir: temp,
    outbase: source,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: 'inline',
    logLevel: 'error',
  });
  for (const file of files) {
    if (file.endsWith('.ts')) continue;
    const to = path.join(temp, path.relative(source, file));
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.copyFileSync(file, to);
  }
  fs.writeFileSync(path.join(temp, 'complete'), key);
  try {
    fs.renameSync(temp, dir);
  } catch {
    fs.rmSync(temp, { recursive: true, force: true }); // the other process won; its copy is the same
  }
  removeStale(cache, key);
  return dir;
}

/** A copy's folder time says when a command last started from it (removeStale goes by it). */
function markUsed(dir) {
  const now = new Date();
  fs.utimesSync(dir, now, now);
}

/**
 * Copies no command has started from for a day: an hour was too short for a long-running
 * `whatif web`, which still forks the Piper worker from its copy. Another process may be removing
 * the same folder: a vanished one is not an error.
 */
function removeStale(cache, keep) {
  const dayAgo = Date.now() - 24 * 3600_000;
  for (const name of fs.readdirSync(cache)) {
    if (name === keep) continue;
    const full = path.join(cache, name);
    try {
      if (fs.statSync(full).mtimeMs < dayAgo) fs.rmSync(full, { recursive: true, force: true });
    } catch (error) {
      if (error?.code !== 'ENOENT') throw error;
    }
  }
}
