/**
 * A key planted in provider answers of every kind (error envelopes, task failure messages, HTML error
 * pages, expired-link bodies) must be found nowhere: not in page answers, events, the database, the
 * data folder, the project files, the logs, nor the CLI's stdout/stderr. The test also checks that the
 * planting worked ([redacted] stands where the provider quoted the key).
 */
import fs from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startBridge } from '../../src-main/bridge/server.js';
import { createCore } from '../../src-main/core.js';
import { configureImages } from '../../src-main/images/runtime.js';
import type { Job, Result } from '../../src-main/ipc/contract/index.js';
import { startFakeKie } from '../fakes/kie-server.js';
import { tempDir } from '../helpers/temp-core.js';
import { createProjectWith, FAST_TIMINGS, makeScenes } from './harness.js';

const KEY = 'kie-PLANTED-9f8e7d6c5b4a3210zz';
const FAULTS = ['ok', '402', '422', '500', 'html502', 'genfail', 'expired', 'malformed', 'stuck', 'notimage'];
const dirs: string[] = [];
const closers: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const close of closers) await close();
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

/** Every file under `dir` (the SQLite database and its WAL included), as bytes. */
function filesContaining(dir: string, needle: string, skip: (file: string) => boolean = () => false): string[] {
  const hits: string[] = [];
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && !skip(full) && fs.readFileSync(full).includes(needle)) hits.push(full);
    }
  };
  walk(dir);
  return hits;
}

const forms = [KEY, encodeURIComponent(KEY), KEY.slice(4, 24)];

describe('a key a provider echoes back is removed at every edge', () => {
  it('never reaches the page, events, database, data folder, project files or logs (bridge)', async () => {
    const fake = await startFakeKie({ apiKey: KEY, leakKey: true, hangMs: 1500 });
    const home = tempDir('whatif-planted-');
    dirs.push(home);
    const logs: string[] = [];
    const core = createCore({ mode: 'bridge', home, log: (line) => logs.push(line), jobRetry: { baseDelayMs: 10, maxDelayMs: 40 } });
    configureImages(core, { baseUrl: fake.url, timings: { ...FAST_TIMINGS, requestTimeoutMs: 3000, retryBaseMs: 5, retryMaxMs: 20 } });
    const rendererDir = tempDir('whatif-planted-renderer-');
    dirs.push(rendererDir);
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html>');
    const bridge = await startBridge({ core, rendererDir });
    closers.push(async () => {
      await bridge.close();
      await core.close();
      await fake.close();
    });
    const answers: string[] = [];
    const api = async <T>(channel: string, body: unknown): Promise<T> => {
      const text = await (await fetch(`${bridge.origin}/api/call/${channel}`, { method: 'POST', headers: { Authorization: `Bearer ${bridge.token}` }, body: JSON.stringify(body) })).text();
      answers.push(text);
      const result = JSON.parse(text) as Result<T>;
      if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
      return result.data;
    };
    const events: string[] = [];
    const socket = new WebSocket(`ws://127.0.0.1:${bridge.port}/api/events`, { headers: { Authorization: `Bearer ${bridge.token}` } });
    socket.on('message', (data) => events.push(String(data)));
    await new Promise((resolve) => socket.once('open', resolve));

    await api('secrets.set', { name: 'kie', value: KEY });
    const projectId = createProjectWith(core, makeScenes(FAULTS.map((f) => `A lamp [fault:${f}]`)), 'Planted');
    const { jobs } = await api<{ jobs: Job[] }>('scenes.generate', { projectId });
    for (const job of jobs) await core.jobs.waitFor(job.id);
    await api('secrets.test', { name: 'kie' });
    const listed = await api<Job[]>('jobs.list', {});
    for (const job of listed) await api('jobs.get', { id: job.id });
    await api('monitor.snapshot', {});
    await api('project.open', { id: projectId });
    core.events.flush();
    await new Promise((resolve) => setTimeout(resolve, 200));
    socket.close();

    const errors = listed.filter((j) => j.state === 'error').map((j) => j.error!.message);
    expect(errors.length).toBeGreaterThanOrEqual(5);
    // Planted indeed: the provider's words arrived, with the key cut out.
    expect(errors.filter((m) => m.includes('[redacted]')).length).toBeGreaterThanOrEqual(4);
    expect(logs.some((l) => l.includes('[redacted]'))).toBe(true);
    for (const form of forms) {
      expect(answers.filter((a) => a.includes(form)), form).toEqual([]);
      expect(events.filter((e) => e.includes(form)), form).toEqual([]);
      expect(logs.filter((l) => l.includes(form)), form).toEqual([]);
      // The key's own store (0600) holds it; nothing else in the data folder may.
      expect(filesContaining(home, form, (f) => path.basename(f) === 'secrets.json'), form).toEqual([]);
    }
  }, 120_000);

  it('never reaches the CLI output, its data folder or the project folder (whatif generate)', async () => {
    const fake = await startFakeKie({ apiKey: KEY, leakKey: true, hangMs: 1500 });
    closers.push(() => fake.close());
    const home = tempDir('whatif-planted-cli-');
    dirs.push(home);
    const setup = createCore({ mode: 'cli', home: path.join(home, 'data'), startJobs: false });
    // Faults that end quickly with the CLI's real timings (no stuck task, no hung request).
    const summary = setup.projects.create({ name: 'Lamps', parentDir: home }, (doc) => ({ ...doc, scenes: makeScenes(['ok', '402', '422', 'genfail', 'html502'].map((f) => `A lamp [fault:${f}]`)) }));
    await setup.close();
    const result = await execa('node', ['bin/whatif.mjs', 'generate', summary.dir, '--all'], {
      reject: false,
      env: { WHATIF_HOME: path.join(home, 'data'), WHATIF_KIE_BASE_URL: fake.url, WHATIF_KIE_API_KEY: KEY, WHATIF_DEBUG: '1' },
      timeout: 100_000,
    });
    const output = `${result.stdout}\n${result.stderr}`;
    expect(result.timedOut).toBe(false);
    expect(result.exitCode, output).toBe(1);
    expect(output).toMatch(/Scene 1 image: done/);
    expect(output).toMatch(/Not enough KIE credits.*\[redacted\]/);
    for (const form of forms) {
      expect(output.includes(form), form).toBe(false);
      expect(filesContaining(home, form), form).toEqual([]);
    }
  }, 120_000);
});
