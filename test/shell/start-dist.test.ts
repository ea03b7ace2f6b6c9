import fs from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-core.js';

const root = path.resolve(import.meta.dirname, '../..');
const env = { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: '' };
delete (env as Record<string, string | undefined>).ELECTRON_OVERRIDE_DIST_PATH;

describe('npm start / npm run dist without the Electron binary', () => {
  it.each([
    ['scripts/start.mjs', 'launch the desktop app'],
    ['scripts/dist.mjs', 'build installers'],
  ])('%s explains what is missing, points to npm run web, and exits 1', async (script, what) => {
    const fakeDist = tempDir('whatif-no-electron-');
    const result = await execa('node', [script, '--no-build'], { cwd: root, reject: false, env: { ...env, ELECTRON_OVERRIDE_DIST_PATH: fakeDist }, extendEnv: false });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain(`cannot ${what}`);
    expect(result.stderr).toContain('ELECTRON_OVERRIDE_DIST_PATH');
    expect(result.stderr).toContain('npm run web');
  });
});

describe('npm start with an Electron binary', () => {
  it('launches it on the app folder with the extra arguments and passes its exit code on', async () => {
    const dist = tempDir('whatif-fake-electron-');
    const record = path.join(dist, 'launched.txt');
    const executable = process.platform === 'darwin' ? 'Electron.app/Contents/MacOS/Electron' : 'electron';
    fs.mkdirSync(path.dirname(path.join(dist, executable)), { recursive: true });
    fs.writeFileSync(path.join(dist, executable), `#!/bin/sh\necho "$PWD|$*|$ELECTRON_RUN_AS_NODE" > "${record}"\nexit 7\n`, { mode: 0o755 });
    const result = await execa('node', ['scripts/start.mjs', '--no-build', '--', '/some/project'], {
      cwd: root,
      reject: false,
      env: { ...env, ELECTRON_OVERRIDE_DIST_PATH: dist, ELECTRON_RUN_AS_NODE: '1' },
      extendEnv: false,
    });
    expect(result.exitCode).toBe(7);
    expect(fs.readFileSync(record, 'utf8').trim()).toBe(`${root}|. /some/project|`);
  });
});
