/** A real core (real SQLite, real folders) in a fresh temp data folder, for integration tests. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { createCore, type Core, type CoreOptions } from '../../src-main/core.js';
import { MemorySecretStore } from '../../src-main/secrets/secret-store.js';

export function tempDir(prefix = 'whatif-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A maker of fresh temp folders that are all removed after the calling test file's tests. */
export function tempDirsForThisFile(prefix: string): () => string {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
  return () => {
    const d = tempDir(prefix);
    dirs.push(d);
    return d;
  };
}

export function makeTestCore(options: Partial<CoreOptions> = {}): Core & { cleanup(): Promise<void> } {
  const home = options.home ?? tempDir();
  const core = createCore({ mode: 'cli', startJobs: false, secrets: new MemorySecretStore(), ...options, home });
  return Object.assign(core, {
    async cleanup() {
      await core.close();
      fs.rmSync(home, { recursive: true, force: true });
    },
  });
}

/** Dispatch and return the data, failing the test with the error message otherwise. */
export async function call<T = unknown>(core: Core, channel: string, payload: unknown): Promise<T> {
  const result = await core.dispatch(channel, payload);
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.code}: ${result.error.message}`);
  return result.data as T;
}
