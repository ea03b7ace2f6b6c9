// Where the Electron binary is, without triggering electron's lazy download (which fails offline).
// Used by scripts/start.mjs and scripts/dist.mjs.
import fs from 'node:fs';
import path from 'node:path';

const DEFAULT_EXECUTABLE = { darwin: 'Electron.app/Contents/MacOS/Electron', win32: 'electron.exe' };

/** { path } when the binary exists, else { path: null, reason }. */
export function findElectronBinary(root, env = process.env, platform = process.platform) {
  const pkgDir = path.join(root, 'node_modules', 'electron');
  if (!fs.existsSync(path.join(pkgDir, 'package.json'))) return { path: null, reason: 'the electron package is not installed (run npm ci)' };
  const pathFile = path.join(pkgDir, 'path.txt');
  const relative = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : null;
  const executable = relative || DEFAULT_EXECUTABLE[platform] || 'electron';
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const full = path.join(env.ELECTRON_OVERRIDE_DIST_PATH, executable);
    return fs.existsSync(full) ? { path: full, dist: env.ELECTRON_OVERRIDE_DIST_PATH } : { path: null, reason: `ELECTRON_OVERRIDE_DIST_PATH is set, but ${full} does not exist` };
  }
  if (!relative) return { path: null, reason: "Electron's binary was never downloaded (node_modules/electron/path.txt is missing)" };
  const full = path.join(pkgDir, 'dist', relative);
  return fs.existsSync(full) ? { path: full, dist: path.join(pkgDir, 'dist') } : { path: null, reason: `${full} is missing` };
}

export function explainMissingElectron(reason, what) {
  return [
    `WhatIf Studio: cannot ${what}: ${reason}.`,
    '  Electron downloads its binary on first use; on machines that cannot reach its download host, that fails.',
    '  To fix: run `node node_modules/electron/install.js` where the download works, or set',
    '  ELECTRON_OVERRIDE_DIST_PATH to an unpacked Electron 45 folder.',
    '  Meanwhile `npm run web` serves the same editor (same core, same contract) in your browser.',
  ].join('\n');
}
