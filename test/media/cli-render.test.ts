import fs from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-core.js';
import { makeProject } from './fixtures.js';

const root = tempDir('whatif-cli-render-');
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
const bin = path.resolve('bin/whatif.mjs');
const env = { WHATIF_HOME: path.join(root, 'home') };

describe('whatif render', () => {
  it('renders a project folder with -o and --preset and prints the result', async () => {
    const { dir } = await makeProject(path.join(root, 'ok'), { count: 1, seconds: 0.4 });
    const out = path.join(root, 'ok.mp4');
    const { stdout, exitCode } = await execa(process.execPath, [bin, 'render', dir, '-o', out, '--preset', '1:1', '--fps', '25', '--quality', 'draft'], { env, reject: false });
    expect(exitCode).toBe(0);
    expect(stdout).toContain(`Done: ${out}`);
    expect(stdout).toMatch(/1080x1080 25 fps, 0\.40 s/);
  }, 60_000);

  it('refuses a bad --fps with the usage line', async () => {
    const { stderr, exitCode } = await execa(process.execPath, [bin, 'render', root, '--fps', '31'], { env, reject: false });
    expect(exitCode).toBe(2);
    expect(stderr).toMatch(/--fps must be 24, 25, 30 or 60/);
  });

  it('Ctrl+C cancels cleanly: exit 130 and no file left behind', async () => {
    const { dir } = await makeProject(path.join(root, 'cancel'), { count: 2, seconds: 5, width: 720, height: 1280 });
    const outDir = path.join(root, 'cancel-out');
    const out = path.join(outDir, 'cancel.mp4');
    const child = execa(process.execPath, [bin, 'render', dir, '-o', out, '--quality', 'high'], { env, reject: false });
    let sent = false;
    child.stderr?.on('data', (chunk: Buffer) => {
      if (!sent && /Encoding video/.test(chunk.toString())) {
        sent = true;
        child.kill('SIGINT');
      }
    });
    const result = await child;
    expect(sent).toBe(true);
    expect(result.exitCode).toBe(130);
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.existsSync(outDir) ? fs.readdirSync(outDir) : []).toEqual([]);
  }, 60_000);
});
