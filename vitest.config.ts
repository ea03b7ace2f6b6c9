import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Build the renderer once up front: browser tests in parallel workers must not race to build it.
    globalSetup: ['test/helpers/build-renderer-once.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Media and browser tests are heavy on a 2-core machine: keep the number of workers small.
    maxWorkers: 2,
    pool: 'forks',
    reporters: ['default'],
  },
});
