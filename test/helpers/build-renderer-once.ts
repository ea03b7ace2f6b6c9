/**
 * Vitest global setup: build the renderer once before any test file runs, so the browser tests (the
 * bridge e2e tests and the desktop shell's page test) never start parallel vite builds into the same
 * dist/renderer. A failed build is reported here and again by the tests that need the renderer.
 */
import path from 'node:path';
import { ensureRendererBuilt } from '../../src-main/bridge/renderer-build.js';

export default async function setup(): Promise<void> {
  const root = path.resolve(import.meta.dirname, '../..');
  try {
    await ensureRendererBuilt(root, (line) => console.log(line));
  } catch (error) {
    console.error(`[global setup] ${(error as Error).message}`);
  }
}
