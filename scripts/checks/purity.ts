/**
 * The two layering rules, as a function the tests (and CI) run:
 *  1. Nothing under src-main/ except src-main/shell/ imports `electron` (the core is plain Node).
 *  2. Nothing the renderer imports, directly or through src-main modules it reaches, imports a Node
 *     built-in or a Node-only package.
 */
import fs from 'node:fs';
import path from 'node:path';
import { builtinModules } from 'node:module';

const NODE_ONLY_PACKAGES = ['electron', 'electron-store', 'better-sqlite3', 'execa', 'sharp', 'sherpa-onnx-node', 'ws', 'ffmpeg-static', 'tsx'];
const IMPORT_PATTERN = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|require\s*\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm;

export interface Violation {
  file: string;
  specifier: string;
  rule: 'electron-in-core' | 'node-in-renderer';
  via?: string;
}

function listSources(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') out.push(...listSources(full));
    } else if (/\.(ts|tsx|mts|js|mjs)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

/** Strip comments so a word in a comment is not an import. */
function codeOf(file: string): string {
  return fs
    .readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

export function importsOf(file: string): string[] {
  const found: string[] = [];
  for (const match of codeOf(file).matchAll(IMPORT_PATTERN)) {
    const specifier = match[1] ?? match[2] ?? match[3] ?? match[4];
    if (specifier) found.push(specifier);
  }
  return found;
}

function isNodeBuiltin(specifier: string): boolean {
  return specifier.startsWith('node:') || builtinModules.includes(specifier.split('/')[0]!);
}

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

function resolveRelative(from: string, specifier: string): string | null {
  const base = path.resolve(path.dirname(from), specifier);
  const candidates = [base, base.replace(/\.js$/, '.ts'), base.replace(/\.js$/, '.tsx'), `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')];
  return candidates.find((c) => fs.existsSync(c) && fs.statSync(c).isFile()) ?? null;
}

export function findViolations(root: string): Violation[] {
  const violations: Violation[] = [];
  const mainDir = path.join(root, 'src-main');
  const shellDir = path.join(mainDir, 'shell') + path.sep;
  for (const file of listSources(mainDir)) {
    if (file.startsWith(shellDir)) continue;
    for (const specifier of importsOf(file)) {
      if (packageName(specifier) === 'electron') violations.push({ file: path.relative(root, file), specifier, rule: 'electron-in-core' });
    }
  }
  const seen = new Set<string>();
  const queue = listSources(path.join(root, 'src-renderer', 'src')).map((file) => ({ file, via: undefined as string | undefined }));
  while (queue.length) {
    const { file, via } = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const specifier of importsOf(file)) {
      if (specifier.startsWith('.')) {
        const target = resolveRelative(file, specifier);
        if (target) queue.push({ file: target, via: via ?? path.relative(root, file) });
        continue;
      }
      if (isNodeBuiltin(specifier) || NODE_ONLY_PACKAGES.includes(packageName(specifier))) {
        violations.push({ file: path.relative(root, file), specifier, rule: 'node-in-renderer', ...(via ? { via } : {}) });
      }
    }
  }
  return violations;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const violations = findViolations(process.cwd());
  for (const v of violations) console.error(`${v.rule}: ${v.file} imports "${v.specifier}"${v.via ? ` (reached from ${v.via})` : ''}`);
  process.exitCode = violations.length ? 1 : 0;
}
