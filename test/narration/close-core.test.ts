/** Closing the core stops its Piper engine processes, so `whatif web` and the CLI exit instead of hanging. */
import fs from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-core.js';

const root = path.resolve(import.meta.dirname, '../..');

describe('closing the core', () => {
  it('ends the engine processes: a process that narrated exits on its own', async () => {
    const home = tempDir('whatif-close-');
    const gen = tempDir('whatif-close-voice-');
    try {
      const run = await execa('node', ['bin/run-ts.mjs', 'test/narration/fixtures/narrate-then-close.ts', home, gen], { cwd: root, timeout: 45_000, reject: false });
      expect(run.timedOut, 'the process was still alive 45 s later').toBe(false);
      expect(run.stdout).toContain('preview done');
      expect(run.stdout).toContain('closed');
      expect(run.exitCode, run.stderr).toBe(0);
    } finally {
      fs.rmSync(home, { recursive: true, force: true });
      fs.rmSync(gen, { recursive: true, force: true });
    }
  }, 60_000);
});
