/**
 * `npm run bench`: runs every `bench:<area>` script in package.json one after another (each prints its
 * ratios against a baseline measured in the same run) and summarises which ones ran and which failed.
 * Benchmarks, not tests: the machines are shared and noisy, so nothing here is a pass/fail timing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { appRoot } from '../../src-main/platform/app-root.js';

const root = appRoot();
const scripts = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
const only = process.argv.slice(2);
const names = Object.keys(scripts)
  .filter((name) => name.startsWith('bench:'))
  .filter((name) => only.length === 0 || only.includes(name.slice('bench:'.length)));

if (names.length === 0) {
  console.error(`No benchmarks${only.length ? ` named ${only.join(', ')}` : ''}. Known: ${Object.keys(scripts).filter((n) => n.startsWith('bench:')).join(', ') || 'none'}`);
  process.exit(1);
}

const outcomes: string[] = [];
for (const name of names) {
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  const result = await execa('npm', ['run', '--silent', name], { cwd: root, stdio: 'inherit', reject: false });
  outcomes.push(`${name.padEnd(20)} ${result.exitCode === 0 ? 'ok    ' : `FAILED (exit ${result.exitCode})`} ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
console.log(`\n=== summary ===\n${outcomes.join('\n')}`);
process.exit(outcomes.some((line) => line.includes('FAILED')) ? 1 : 0);
