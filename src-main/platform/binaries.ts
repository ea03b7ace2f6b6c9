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
import { AppError } from '../errors.js';
import { resourcesDir } from './app-root.js';

export type BinaryName = 'ffmpeg' | 'ffprobe' | 'espeak-ng';

const ENV_OVERRIDE: Record<BinaryName, string> = {
  ffmpeg: 'FFMPEG_BIN',
  ffprobe: 'FFPROBE_BIN',
  'espeak-ng': 'ESPEAK_NG_BIN',
};

const INSTALL_HINT: Record<BinaryName, string> = {
  ffmpeg: 'Install ffmpeg (Debian/Ubuntu: sudo apt-get install ffmpeg; macOS: brew install ffmpeg; Windows: winget install ffmpeg) or set FFMPEG_BIN to its path.',
  ffprobe: 'Install ffmpeg, which includes ffprobe (Debian/Ubuntu: sudo apt-get install ffmpeg; macOS: brew install ffmpeg) or set FFPROBE_BIN.',
  'espeak-ng': 'Install espeak-ng (Debian/Ubuntu: sudo apt-get install espeak-ng; macOS: brew install espeak-ng) or set ESPEAK_NG_BIN.',
};

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
      throw new AppError('missing_binary', `${ENV_OVERRIDE[name]} points to ${candidate.path}, which is not an executable file. ${INSTALL_HINT[name]}`);
    }
    if (env === process.env) cache.set(name, candidate.path);
    return candidate.path;
  }
  throw new AppError('missing_binary', `${name} was not found. ${INSTALL_HINT[name]}`);
}

/** For tests and for Settings' "find again" after the user installs something. */
export function clearBinaryCache(): void {
  cache.clear();
}
