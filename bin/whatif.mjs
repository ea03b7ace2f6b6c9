#!/usr/bin/env node
// The `whatif` command. Runs the TypeScript core through tsx, so a fresh clone needs no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src-main/cli/main.ts');
