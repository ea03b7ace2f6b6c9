#!/usr/bin/env node
// Runs a TypeScript script (benchmarks, sample generators) with tsx: node bin/run-ts.mjs scripts/x.ts [args]
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const [script, ...args] = process.argv.slice(2);
if (!script) {
  console.error('usage: node bin/run-ts.mjs <script.ts> [args]');
  process.exit(2);
}
process.argv = [process.argv[0], script, ...args];
await import(pathToFileURL(path.resolve(script)).href);
