/**
 * `npm run fetch-binaries [-- --platform linux --arch x64 | --all] [--out resources/bin]`
 * Downloads each pinned binary for a platform (scripts/fetch-binaries/manifest.ts), refuses it unless
 * its sha256 matches the pinned sum, and unpacks it into resources/bin/<platform>-<arch>/, where
 * electron-builder's extraResources picks it up and src-main/platform/binaries.ts finds it.
 * Already-installed binaries whose recorded sum matches are skipped.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { parseArgs } from 'node:util';
import { execa } from 'execa';
import { AppError } from '../../src-main/errors.js';
import { httpRequest } from '../../src-main/providers/http/index.js';
import { BINARY_MANIFEST, type BinarySource } from './manifest.js';

export interface FetchOptions {
  platform: string;
  arch: string;
  /** resources/bin by default. */
  outRoot: string;
  manifest?: Record<string, BinarySource[]>;
  log?: (line: string) => void;
}

export interface Installed {
  name: string;
  path: string;
  skipped: boolean;
}

export function sha256Of(data: Buffer): string {
  return crypto.createHash('sha256').update(data).digest('hex');
}

function stampFile(dir: string, source: BinarySource): string {
  return path.join(dir, `.${source.name}.sha256`);
}

function installedPath(dir: string, source: BinarySource, platform: string): string {
  if (source.archive === 'tar.gz') return path.join(dir, source.name);
  return path.join(dir, platform === 'win32' ? `${source.name}.exe` : source.name);
}

/** Throws (and writes nothing) unless `data` has the pinned sum. */
export function verifySha256(source: BinarySource, data: Buffer): void {
  const actual = sha256Of(data);
  if (actual !== source.sha256.toLowerCase()) {
    throw new AppError('invalid_input', `Refusing ${source.name} from ${source.url}: its sha256 is ${actual}, but ${source.sha256} is pinned. Nothing was installed.`);
  }
}

async function unpack(source: BinarySource, data: Buffer, dir: string, target: string): Promise<void> {
  const temp = fs.mkdtempSync(path.join(dir, `.${source.name}-`));
  try {
    if (source.archive === 'gzip') {
      const file = path.join(temp, path.basename(target));
      fs.writeFileSync(file, zlib.gunzipSync(data), { mode: 0o755 });
      fs.chmodSync(file, 0o755);
      fs.rmSync(target, { force: true, recursive: true });
      fs.renameSync(file, target);
    } else {
      const archive = path.join(temp, 'archive.tar.gz');
      fs.writeFileSync(archive, data);
      const out = path.join(temp, 'out');
      fs.mkdirSync(out);
      await execa('tar', ['-xzf', archive, '-C', out]);
      const top = path.join(out, source.name);
      if (!fs.existsSync(top)) throw new AppError('invalid_input', `The ${source.name} archive has no ${source.name}/ folder at its top.`);
      fs.rmSync(target, { force: true, recursive: true });
      fs.renameSync(top, target);
    }
  } finally {
    fs.rmSync(temp, { recursive: true, force: true });
  }
}

export async function fetchBinaries(options: FetchOptions): Promise<Installed[]> {
  const key = `${options.platform}-${options.arch}`;
  const sources = (options.manifest ?? BINARY_MANIFEST)[key];
  if (!sources) throw new AppError('unsupported', `No binaries are pinned for ${key}. Pinned: ${Object.keys(options.manifest ?? BINARY_MANIFEST).join(', ')}.`);
  const log = options.log ?? (() => {});
  const dir = path.join(options.outRoot, key);
  fs.mkdirSync(dir, { recursive: true });
  const installed: Installed[] = [];
  for (const source of sources) {
    const target = installedPath(dir, source, options.platform);
    const stamp = stampFile(dir, source);
    if (fs.existsSync(target) && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8').trim() === source.sha256) {
      log(`${key}/${source.name}: already installed (sha256 ${source.sha256.slice(0, 12)}…)`);
      installed.push({ name: source.name, path: target, skipped: true });
      continue;
    }
    log(`${key}/${source.name}: downloading ${source.url}`);
    const response = await httpRequest({ provider: `${source.name} download`, url: source.url, timeoutMs: 15 * 60_000, maxBytes: 512 * 1024 * 1024, headers: { Accept: '*/*' } });
    verifySha256(source, response.body);
    await unpack(source, response.body, dir, target);
    fs.writeFileSync(stamp, `${source.sha256}\n`);
    log(`${key}/${source.name}: sha256 verified, installed at ${target}`);
    installed.push({ name: source.name, path: target, skipped: false });
  }
  return installed;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { platform: { type: 'string' }, arch: { type: 'string' }, all: { type: 'boolean' }, out: { type: 'string' } },
  });
  const outRoot = path.resolve(values.out ?? path.join('resources', 'bin'));
  const targets = values.all
    ? Object.keys(BINARY_MANIFEST).map((key) => key.split('-') as [string, string])
    : [[values.platform ?? process.platform, values.arch ?? process.arch] as [string, string]];
  for (const [platform, arch] of targets) {
    await fetchBinaries({ platform, arch, outRoot, log: (line) => console.log(line) });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  main().catch((error: unknown) => {
    console.error(`fetch-binaries: ${(error as Error).message}`);
    process.exitCode = 1;
  });
}
