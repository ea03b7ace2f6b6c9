// npm run dist: installers for the current OS with electron-builder (electron-builder.yml):
// Linux AppImage + deb, Windows NSIS, macOS dmg (arm64 and x64). Needs the Electron binary: where it is
// missing, this says so and exits 1. Binaries for the target come from `npm run fetch-binaries`.
//   node scripts/dist.mjs [--no-build] [-- extra electron-builder args]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { explainMissingElectron, findElectronBinary } from './electron-binary.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const extra = args.includes('--') ? args.slice(args.indexOf('--') + 1) : [];
const TARGET = { linux: '--linux', darwin: '--mac', win32: '--win' }[process.platform];

if (!TARGET) {
  console.error(`WhatIf Studio: no installer is configured for ${process.platform}.`);
  process.exit(1);
}
const electron = findElectronBinary(root);
if (!electron.path) {
  console.error(explainMissingElectron(electron.reason, 'build installers'));
  process.exit(1);
}
const bin = path.join(root, 'resources', 'bin', `${process.platform}-${process.arch}`);
if (!fs.existsSync(bin)) {
  console.error(`WhatIf Studio: ${path.relative(root, bin)} is missing; run \`npm run fetch-binaries\` first so the installer ships ffmpeg and ffprobe.`);
  process.exit(1);
}
const run = (command, commandArgs) => {
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(result.status || 1);
};
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
if (!args.includes('--no-build')) run(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build']);
// Package the local Electron instead of downloading another copy.
run(npx, ['electron-builder', '--config', 'electron-builder.yml', TARGET, `-c.electronDist=${electron.dist}`, ...extra]);
