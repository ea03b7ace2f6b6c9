import fs from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';
import { readProjectFile } from '../../src-main/project/project-file.js';
import { tempDir } from '../helpers/temp-core.js';
import { makeProject } from './fixtures.js';

const root = tempDir('whatif-cli-captions-');
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
const bin = path.resolve('bin/whatif.mjs');
const env = { WHATIF_HOME: path.join(root, 'home') };

describe('whatif captions', () => {
  it('applies a gallery style sized for the output, and makes it the default for new projects', async () => {
    const { dir } = await makeProject(path.join(root, 'p'), { count: 1, seconds: 1, width: 540, height: 960 });
    const applied = await execa(process.execPath, [bin, 'captions', dir, '--style', 'boxed', '--default'], { env, reject: false });
    expect(applied.exitCode, applied.stderr).toBe(0);
    expect(applied.stdout).toMatch(/style boxed \(applied\)/);
    const captions = readProjectFile(dir).tracks.captions;
    expect([captions.preset, captions.style.box.enabled, captions.style.size, captions.animation]).toEqual(['boxed', true, 30, 'bounce']);
    const created = await execa(process.execPath, [bin, 'project', 'new', path.join(root, 'fresh')], { env, reject: false });
    expect(created.exitCode, created.stderr).toBe(0);
    expect(readProjectFile(path.join(root, 'fresh')).tracks.captions.preset).toBe('boxed');
    const bad = await execa(process.execPath, [bin, 'captions', dir, '--style', 'sparkly'], { env, reject: false });
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toMatch(/--style must be one of karaoke, boldPop, phrase, boxed, minimal/);
  }, 60_000);
});
