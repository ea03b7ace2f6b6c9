// Bundles the preload into one CommonJS file: sandboxed preloads can require only `electron`.
import { build } from 'esbuild';

await build({
  entryPoints: ['src-preload/preload.ts'],
  outfile: 'dist/preload/preload.cjs',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['electron'],
  minify: false,
  sourcemap: false,
  logLevel: 'warning',
});
