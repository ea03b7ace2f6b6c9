/** The one atomic writer: all or nothing, keys private to the user, a failed write leaves the old file and no temp file. */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src-main/errors.js';
import { copyFileAtomic, writeFileAtomic } from '../../src-main/platform/atomic-file.js';
import { FileSecretStore } from '../../src-main/secrets/secret-store.js';
import { tempDir } from '../helpers/temp-core.js';

let dir: string;
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('atomic files', () => {
  it('replaces a file whole and leaves no temp file behind', () => {
    dir = tempDir('whatif-atomic-');
    const file = path.join(dir, 'nested', 'a.json');
    writeFileAtomic(file, '{"v":1}');
    writeFileAtomic(file, Buffer.from('{"v":2}'));
    expect(fs.readFileSync(file, 'utf8')).toBe('{"v":2}');
    copyFileAtomic(file, path.join(dir, 'b.json'));
    expect(fs.readFileSync(path.join(dir, 'b.json'), 'utf8')).toBe('{"v":2}');
    expect(fs.readdirSync(path.join(dir, 'nested'))).toEqual(['a.json']);
  });

  it('a write that cannot happen keeps the old content and says why', () => {
    dir = tempDir('whatif-atomic-');
    const file = path.join(dir, 'a.json');
    writeFileAtomic(file, 'old');
    fs.mkdirSync(path.join(dir, 'blocked'));
    // A directory where the file should go: the rename fails after the temp file was written.
    expect(() => writeFileAtomic(path.join(dir, 'blocked'), 'new')).toThrow(AppError);
    expect(fs.readFileSync(file, 'utf8')).toBe('old');
    expect(fs.readdirSync(dir).sort()).toEqual(['a.json', 'blocked']);
  });

  it('the CLI key file is readable by its owner only', async () => {
    dir = tempDir('whatif-atomic-');
    const file = path.join(dir, 'secrets.json');
    const store = new FileSecretStore(file, {});
    await store.set('kie', 'sk-test-123');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(await new FileSecretStore(file, {}).get('kie')).toBe('sk-test-123');
  });
});
