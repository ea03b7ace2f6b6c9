// npm start: build main, preload and renderer, then launch the desktop app with Electron.
// Where the Electron binary is missing (as on machines without its download host) it says so, points
// to `npm run web`, and exits 1 before spending time on a build nobody can run.
//   node scripts/start.mjs [--no-build] [-- extra electron args]
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { explainMissingElectron, findElectronBinary } from './electron-binary.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const skipBuild = args.includes('--no-build');
const extra = args.includes('--') ? args.slice(args.indexOf('--') + 1) : [];

const electron = findElectronBinary(root);
if (!electron.path) {
  console.error(explainMissingElectron(electron.reason, 'launch the desktop app'));
  process.exit(1);
}
if (!skipBuild) {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const build = spawnSync(npm, ['run', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (build.status !== 0) {
    console.error('WhatIf Studio: the build failed (see above); not launching.');
    process.exit(build.status || 1);
  }
}
const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE;
const child = spawn(electron.path, ['.', ...extra], { cwd: root, stdio: 'inherit', env });
child.on('error', (error) => {
  console.error(`WhatIf Studio: could not start Electron (${electron.path}): ${error.message}`);
  process.exit(1);
});
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
