import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compiledMain } from '../../bin/compiled-main.mjs';

/** A small src-main: two modules importing each other with .js paths, a data file read beside one. */
function makeSource(root: string, greeting: string): string {
  const source = path.join(root, 'src');
  fs.mkdirSync(path.join(source, 'store', 'migrations'), { recursive: true });
  fs.writeFileSync(path.join(source, 'store', 'migrations', '001.sql'), 'create table t (x);\n');
  fs.writeFileSync(
    path.join(source, 'store', 'read.ts'),
    "import fs from 'node:fs';\nimport type { Stats } from 'node:fs';\nexport const sql = (): string => fs.readFileSync(new URL('./migrations/001.sql', import.meta.url), 'utf8');\nexport type S = Stats;\n",
  );
  fs.writeFileSync(path.join(source, 'main.ts'), `import { sql } from './store/read.js';\nexport const greeting: string = ${JSON.stringify(greeting)};\nexport const migration = sql();\n`);
  return source;
}

describe('the CLI compiles src-main once per change of its sources', () => {
  it('runs the compiled modules with their data files, reuses them, and rebuilds after an edit', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'whatif-compiled-'));
    const source = makeSource(root, 'hello');
    const cache = path.join(root, 'cache');

    const first = await compiledMain({ source, cache });
    const loaded = (await import(pathToFileURL(path.join(first, 'main.js')).href)) as { greeting: string; migration: string };
    expect(loaded.greeting).toBe('hello');
    expect(loaded.migration).toBe('create table t (x);\n');
    expect(await compiledMain({ source, cache })).toBe(first);

    fs.writeFileSync(path.join(source, 'main.ts'), fs.readFileSync(path.join(source, 'main.ts'), 'utf8').replace('"hello"', '"hello again"'));
    const second = await compiledMain({ source, cache });
    expect(second).not.toBe(first);
    const reloaded = (await import(pathToFileURL(path.join(second, 'main.js')).href)) as { greeting: string };
    expect(reloaded.greeting).toBe('hello again');
    // The older copy stays a while: a command started from it may still be running.
    expect(fs.existsSync(path.join(first, 'main.js'))).toBe(true);
    expect(fs.readdirSync(cache).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('two processes starting at once both get a complete copy', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'whatif-compiled-'));
    const source = makeSource(root, 'race');
    const cache = path.join(root, 'cache');
    const [a, b] = await Promise.all([compiledMain({ source, cache }), compiledMain({ source, cache })]);
    expect(a).toBe(b);
    expect(fs.existsSync(path.join(a, 'complete'))).toBe(true);
    expect(fs.readdirSync(cache).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});
