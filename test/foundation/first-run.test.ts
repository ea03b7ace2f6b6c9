/**
 * A new user's first commands: `npm run demo` without ffmpeg says so in one line with the install
 * hint; `whatif narrate` without --voice uses the language's default voice; a project.json saved with
 * a byte order mark opens; a folder named project.json gets a clear message.
 */
import fs from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';
import { readProjectFile } from '../../src-main/project/project-file.js';
import { createCore } from '../../src-main/core.js';
import { tempDir } from '../helpers/temp-core.js';

const home = tempDir('whatif-first-run-');
afterAll(() => fs.rmSync(home, { recursive: true, force: true }));

const whatif = (args: string[], env: Record<string, string> = {}, extendEnv = true) =>
  execa(process.execPath, ['bin/whatif.mjs', ...args], { reject: false, extendEnv, env: { WHATIF_HOME: path.join(home, 'data'), ...env }, timeout: 60_000 });

describe('first run', () => {
  it('npm run demo without ffmpeg prints one line saying it is missing and how to get it', async () => {
    // A PATH holding only node: no ffmpeg, no ffprobe, no overrides.
    const bin = path.join(home, 'bin');
    fs.mkdirSync(bin);
    fs.symlinkSync(process.execPath, path.join(bin, 'node'));
    const run = await whatif(['render', 'resources/sample'], { PATH: bin, HOME: home, WHATIF_HOME: path.join(home, 'data') }, false);
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^whatif: ffmpeg is missing\. Install ffmpeg with: sudo apt-get install ffmpeg .*, or set FFMPEG_BIN to its path\.$/)]);
    expect(fs.existsSync(path.join(home, 'data'))).toBe(false);
  });

  it('whatif narrate without --voice narrates with the language default (the system voice)', async () => {
    const text = path.join(home, 't.txt');
    fs.writeFileSync(text, 'What if the moon vanished? The tides would fall silent.');
    const out = path.join(home, 'out.wav');
    const run = await whatif(['narrate', '--text-file', text, '--language', 'en', '-o', out]);
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Wrote .*out\.wav: \d+\.\d+ s, 2 sentences/);
    expect(fs.readFileSync(out).subarray(0, 4).toString('latin1')).toBe('RIFF');
  }, 60_000);

  it('opens a project.json saved with a byte order mark, and names a folder mistaken for the file', async () => {
    const core = createCore({ mode: 'cli', home: path.join(home, 'data2'), startJobs: false });
    try {
      const summary = core.projects.create({ name: 'Bom', parentDir: home });
      const file = path.join(summary.dir, 'project.json');
      fs.writeFileSync(file, `\uFEFF${fs.readFileSync(file, 'utf8')}`);
      expect(readProjectFile(summary.dir).name).toBe('Bom');
      const odd = path.join(home, 'odd');
      fs.mkdirSync(path.join(odd, 'project.json'), { recursive: true });
      expect(() => core.projects.openFolder(odd)).toThrow(/project\.json is a folder, not a project file\. A project folder holds a file named project\.json\./);
      const run = await whatif(['render', odd]);
      expect(run.stderr).toMatch(/project\.json is a folder, not a project file/);
      expect(run.stderr).not.toMatch(/EISDIR|Unexpected/);
    } finally {
      await core.close();
    }
  }, 60_000);
});
