/**
 * Failures of the command line end with a clear message, no stack trace, nothing left behind and the
 * job row in a final state: SIGTERM during a render, a folder as destination, a folder indexed under
 * another project id (render, import and `project new`), output to a closed pipe, a data folder that
 * cannot grow.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../src-main/core.js';
import { MemorySecretStore } from '../../src-main/secrets/secret-store.js';
import { tempDirsForThisFile } from '../helpers/temp-core.js';
import { makeProject, toneFile } from './fixtures.js';

const dir = tempDirsForThisFile('whatif-cli-robust-');
const bin = path.resolve('bin/whatif.mjs');
const whatif = (home: string, args: string[]) => execa(process.execPath, [bin, ...args], { env: { WHATIF_HOME: home }, reject: false, timeout: 90_000 });

function jobRows(home: string): Array<{ kind: string; state: string; error: string | null }> {
  const db = new Database(path.join(home, 'whatif.sqlite'), { readonly: true });
  try {
    return db.prepare('SELECT kind, state, error FROM jobs ORDER BY created_at').all() as Array<{ kind: string; state: string; error: string | null }>;
  } finally {
    db.close();
  }
}

/** util-linux's prlimit runs a command under a resource limit (Linux). */
const hasPrlimit = spawnSync('prlimit', ['--version']).status === 0;

const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe('whatif and signals, destinations, ids, pipes', () => {
  it('SIGTERM during a render cancels it like Ctrl+C: exit 143, no work folder or temp file, the job row cancelled', async () => {
    const root = dir();
    const home = path.join(root, 'home');
    const { dir: project } = await makeProject(path.join(root, 'p'), { count: 2, seconds: 5, width: 720, height: 1280 });
    const outDir = path.join(root, 'out');
    const child = whatif(home, ['render', project, '-o', path.join(outDir, 'term.mp4'), '--quality', 'high']);
    let sent = false;
    child.stderr?.on('data', (chunk: Buffer) => {
      if (!sent && /Encoding video/.test(chunk.toString())) {
        sent = true;
        child.kill('SIGTERM');
      }
    });
    const result = await child;
    expect(sent).toBe(true);
    expect(result.exitCode).toBe(143);
    expect(result.stderr).toMatch(/whatif: cancelled/);
    noStack(result.stderr);
    expect(fs.existsSync(outDir) ? fs.readdirSync(outDir) : []).toEqual([]);
    expect(jobRows(home)).toEqual([{ kind: 'export.render', state: 'cancelled', error: null }]);
  }, 90_000);

  it('a folder as destination is refused before anything is queued', async () => {
    const root = dir();
    const home = path.join(root, 'home');
    const { dir: project } = await makeProject(path.join(root, 'p'), { count: 1, seconds: 0.4 });
    const folder = path.join(root, 'taken.mp4');
    fs.mkdirSync(folder);
    const result = await whatif(home, ['render', project, '-o', folder]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/The destination "taken.mp4" is a folder/);
    noStack(result.stderr);
    expect(fs.readdirSync(folder)).toEqual([]);
    expect(jobRows(home)).toEqual([]);
  }, 60_000);

  it('a folder indexed under another project id renders, and `project new` reuses a name whose folder was removed by hand', async () => {
    const root = dir();
    const home = path.join(root, 'home');
    const { dir: project } = await makeProject(path.join(root, 'p'), { count: 1, seconds: 0.4 });
    expect((await whatif(home, ['render', project, '-o', path.join(root, 'a.mp4')])).exitCode).toBe(0);
    // Another project's file copied over this folder's (a shared project unpacked in the same place).
    const file = path.join(project, 'project.json');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/"id": "[^"]+"/, '"id": "another-project"'));
    const again = await whatif(home, ['render', project, '-o', path.join(root, 'b.mp4')]);
    expect(again.stderr).not.toMatch(/UNIQUE/);
    expect(again.exitCode).toBe(0);
    expect(fs.existsSync(path.join(root, 'b.mp4'))).toBe(true);

    const target = path.join(root, 'short');
    expect((await whatif(home, ['project', 'new', target])).exitCode).toBe(0);
    fs.rmSync(target, { recursive: true });
    const second = await whatif(home, ['project', 'new', target]);
    expect(second.stderr).toBe('');
    expect(second.exitCode).toBe(0);
    expect(fs.existsSync(path.join(target, 'project.json'))).toBe(true);
    const db = new Database(path.join(home, 'whatif.sqlite'), { readonly: true });
    const rows = db.prepare('SELECT dir FROM projects ORDER BY dir').all() as Array<{ dir: string }>;
    db.close();
    expect(rows.map((r) => r.dir)).toEqual([project, target].sort());
  }, 90_000);

  it('`whatif import` into a folder indexed under another project id imports, with no stack trace', async () => {
    const root = dir();
    const home = path.join(root, 'home');
    const { dir: project } = await makeProject(path.join(root, 'p'), { count: 1, seconds: 0.4 });
    const first = await toneFile(root, 'first.wav', 440, 0.5);
    const second = await toneFile(root, 'second.wav', 660, 0.5);
    expect((await whatif(home, ['import', project, first])).exitCode).toBe(0);
    // Another project's file copied over this folder's (a shared project unpacked in the same place).
    const file = path.join(project, 'project.json');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/"id": "[^"]+"/, '"id": "another-project"'));
    const again = await whatif(home, ['import', project, second, '--track', 'music']);
    expect(again.stderr).not.toMatch(/UNIQUE|SqliteError/);
    noStack(again.stderr);
    expect(again.exitCode).toBe(0);
    const doc = JSON.parse(fs.readFileSync(file, 'utf8')) as { id: string; assets: Record<string, { originalName?: string }> };
    expect(doc.id).toBe('another-project');
    expect(Object.values(doc.assets).map((a) => a.originalName).filter((n) => n?.endsWith('.wav')).sort()).toEqual(['first.wav', 'second.wav']);
    const db = new Database(path.join(home, 'whatif.sqlite'), { readonly: true });
    const rows = db.prepare('SELECT id, dir FROM projects').all() as Array<{ id: string; dir: string }>;
    db.close();
    expect(rows).toEqual([{ id: 'another-project', dir: project }]);
  }, 90_000);

  it.skipIf(!hasPrlimit)('`whatif render` when the data folder cannot grow: exit 1, one line, no stack, nothing made', async () => {
    const root = dir();
    const home = path.join(root, 'home');
    const { dir: project } = await makeProject(path.join(root, 'p'), { count: 1, seconds: 0.4 });
    // The data folder and its database made with room to spare, and the CLI compiled (bin/whatif.mjs).
    await createCore({ mode: 'cli', startJobs: false, home, secrets: new MemorySecretStore() }).close();
    expect((await whatif(home, ['--version'])).exitCode).toBe(0);
    const outDir = path.join(root, 'out');
    // No file the process writes may grow past 16 KB (RLIMIT_FSIZE), as on a full disk: SQLite cannot
    // even size its shared-memory file, a real SQLITE_IOERR when the database opens.
    const result = await execa('prlimit', ['--fsize=16384', process.execPath, bin, 'render', project, '-o', path.join(outDir, 'full.mp4')], { env: { WHATIF_HOME: home }, reject: false, timeout: 60_000 });
    expect(result.exitCode).toBe(1);
    expect(result.stderr.trim()).toBe("whatif: The app's data folder could not be read or written (its disk may be full or failing). Free some space and try again.");
    expect(fs.existsSync(outDir) ? fs.readdirSync(outDir) : []).toEqual([]);
    expect(jobRows(home)).toEqual([]);
  }, 60_000);

  it('output to a closed pipe exits quietly', async () => {
    const root = dir();
    const { dir: project } = await makeProject(path.join(root, 'p'), { count: 1, seconds: 0.4 });
    const child = execa(process.execPath, [bin, 'project', 'info', project], { env: { WHATIF_HOME: path.join(root, 'home') }, reject: false, timeout: 60_000 });
    child.stdout?.destroy(); // the reader is gone before the first line, as with `| head -0`
    const result = await child;
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
  }, 60_000);
});
