/**
 * The one resolver for bundled binaries (ffmpeg, ffprobe, espeak-ng ...). Order:
 *   1. bundled with the app: resources/bin/<platform>-<arch>/<name>[.exe] (scripts/fetch-binaries puts them there)
 *   2. an environment override: FFMPEG_BIN, FFPROBE_BIN, ESPEAK_NG_BIN
 *   3. ffmpeg-static (optional dependency; absent where its download fails)
 *   4. the PATH
 * A missing binary is an AppError('missing_binary') whose message says what to install.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { appError } from '../errors.js';
import { resourcesDir } from './app-root.js';

export type BinaryName = 'ffmpeg' | 'ffprobe' | 'espeak-ng';

const ENV_OVERRIDE: Record<BinaryName, string> = {
  ffmpeg: 'FFMPEG_BIN',
  ffprobe: 'FFPROBE_BIN',
  'espeak-ng': 'ESPEAK_NG_BIN',
};

/** How to get a binary on this OS: one short sentence (the first-run message is one line). */
/** How to install a tool, as message values (`{package}{includes} with: {how}, or set {variable}`). */
export function installValues(name: BinaryName, platform: NodeJS.Platform = process.platform): { package: string; includes: string; how: string; variable: string } {
  const pkg = name === 'espeak-ng' ? 'espeak-ng' : 'ffmpeg';
  const includes = name === 'ffprobe' ? ' (+ ffprobe)' : '';
  const how =
    platform === 'darwin' ? `brew install ${pkg}` : platform === 'win32' ? `winget install ${pkg === 'ffmpeg' ? 'Gyan.FFmpeg' : 'eSpeak-NG.eSpeak-NG'}` : `sudo apt-get install ${pkg} (Debian/Ubuntu; dnf, pacman)`;
  return { package: pkg, includes, how, variable: ENV_OVERRIDE[name] };
}

export function installHint(name: BinaryName, platform: NodeJS.Platform = process.platform): string {
  const v = installValues(name, platform);
  return `Install ${v.package}${v.includes} with: ${v.how}, or set ${v.variable} to its path.`;
}

const cache = new Map<BinaryName, string>();

export function platformDirName(platform: string = process.platform, arch: string = process.arch): string {
  return `${platform}-${arch}`;
}

function executableName(name: string, platform: string = process.platform): string {
  return platform === 'win32' ? `${name}.exe` : name;
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function fromPath(name: string, env: NodeJS.ProcessEnv): string | null {
  const dirs = (env.PATH ?? '').split(path.delimiter).filter(Boolean);
  const exts = process.platform === 'win32' ? (env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';') : [''];
  for (const dir of dirs) {
    for (const ext of exts) {
      const candidate = path.join(dir, name + ext.toLowerCase());
      if (isExecutable(candidate)) return candidate;
      const upper = path.join(dir, name + ext);
      if (ext && isExecutable(upper)) return upper;
    }
  }
  return null;
}

function fromFfmpegStatic(name: BinaryName): string | null {
  if (name !== 'ffmpeg') return null;
  try {
    const require = createRequire(import.meta.url);
    const found = require('ffmpeg-static') as string | null;
    return found && isExecutable(found) ? found : null;
  } catch {
    return null;
  }
}

/** Candidate paths in resolution order, for diagnostics and tests. */
export function binaryCandidates(name: BinaryName, env: NodeJS.ProcessEnv = process.env): { source: string; path: string | null }[] {
  const bundled = path.join(resourcesDir(), 'bin', platformDirName(), executableName(name));
  return [
    { source: 'bundled', path: isExecutable(bundled) ? bundled : null },
    { source: ENV_OVERRIDE[name], path: env[ENV_OVERRIDE[name]] ?? null },
    { source: 'ffmpeg-static', path: fromFfmpegStatic(name) },
    { source: 'PATH', path: fromPath(name, env) },
  ];
}

export function resolveBinary(name: BinaryName, env: NodeJS.ProcessEnv = process.env): string {
  const hit = cache.get(name);
  if (hit && env === process.env) return hit;
  for (const candidate of binaryCandidates(name, env)) {
    if (!candidate.path) continue;
    if (candidate.source === ENV_OVERRIDE[name] && !isExecutable(candidate.path)) {
      throw appError('missing_binary', 'tools.notExecutable', { path: candidate.path, ...installValues(name) });
    }
    if (env === process.env) cache.set(name, candidate.path);
    return candidate.path;
  }
  throw appError('missing_binary', 'tools.missing', { name, ...installValues(name) });
}

/** Before any media work (an export, the demo): ffmpeg and ffprobe are both there, or one clear error. */
export function requireMediaTools(): void {
  resolveBinary('ffmpeg');
  resolveBinary('ffprobe');
}

/** For tests and for Settings' "find again" after the user installs something. */
export function clearBinaryCache(): void {
  cache.clear();
}
