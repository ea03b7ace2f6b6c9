import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findViolations } from '../../scripts/checks/purity.js';

const root = path.resolve(import.meta.dirname, '../..');

function fixture(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'whatif-purity-'));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

describe('layering rules', () => {
  it('hold for the real source tree', () => {
    expect(findViolations(root)).toEqual([]);
  });

  it('catch a core file importing electron, but allow the shell', () => {
    const dir = fixture({
      'src-main/store/bad.ts': "import { app } from 'electron';\nexport const x = app;\n",
      'src-main/jobs/also-bad.ts': "const e = await import('electron');\n",
      'src-main/shell/window.ts': "import { BrowserWindow } from 'electron';\n",
      'src-main/media/fine.ts': "// electron is mentioned in a comment only\nimport fs from 'node:fs';\n",
    });
    const found = findViolations(dir);
    expect(found.map((v) => v.file).sort()).toEqual(['src-main/jobs/also-bad.ts', 'src-main/store/bad.ts']);
    expect(found.every((v) => v.rule === 'electron-in-core')).toBe(true);
  });

  it('catch the renderer reaching a Node built-in directly or through a core module', () => {
    const dir = fixture({
      'src-renderer/src/App.tsx': "import { x } from '../../src-main/project/model.js';\nimport React from 'react';\n",
      'src-renderer/src/io.ts': "import fs from 'fs';\n",
      'src-main/project/model.ts': "import path from 'node:path';\nexport const x = path.sep;\n",
    });
    const found = findViolations(dir);
    expect(found).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: 'src-renderer/src/io.ts', specifier: 'fs', rule: 'node-in-renderer' }),
        expect.objectContaining({ file: 'src-main/project/model.ts', specifier: 'node:path', via: 'src-renderer/src/App.tsx' }),
      ]),
    );
  });
});
