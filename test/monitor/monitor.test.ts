import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { MonitorSnapshot } from '../../src-main/ipc/contract/monitor.js';
import { imagesRuntime } from '../../src-main/images/runtime.js';
import { AppError } from '../../src-main/errors.js';
import { queueCounts, rateUse } from '../../src-main/monitor/stats.js';
import { call, makeTestCore } from '../helpers/temp-core.js';

const cores: ReturnType<typeof makeTestCore>[] = [];
afterEach(async () => {
  for (const core of cores.splice(0)) await core.cleanup();
});

describe('monitor numbers (pure)', () => {
  it('counts grants inside each bucket window only', () => {
    const specs = { all: { limit: 20, windowMs: 10_000 }, poll: { limit: 3, windowMs: 1_000 } };
    const granted = [
      { at: 1_000, buckets: ['all'] },
      { at: 9_500, buckets: ['all', 'poll'] },
      { at: 10_200, buckets: ['all', 'poll'] },
      { at: 10_900, buckets: ['all'] },
    ];
    expect(rateUse(granted, specs, 11_000, 'kie.')).toEqual([
      { name: 'kie.all', used: 3, limit: 20, windowMs: 10_000 },
      { name: 'kie.poll', used: 1, limit: 3, windowMs: 1_000 },
    ]);
    expect(rateUse(granted, specs, 30_000)[0]!.used).toBe(0);
  });

  it('reports every state, zero when absent', () => {
    expect(queueCounts([{ state: 'done', n: 3 }, { state: 'error', n: 1 }])).toEqual({ queued: 0, running: 0, done: 3, error: 1, cancelled: 0 });
  });
});

describe('monitor.snapshot through the contract', () => {
  it('reports queue counts, a failed job with its message, rate use and disk used by projects', async () => {
    const core = makeTestCore({ jobRetry: { baseDelayMs: 5, maxDelayMs: 10 } });
    cores.push(core);
    core.jobs.register({
      kind: 'test.fail',
      payload: z.object({}),
      concurrency: 1,
      resumable: false,
      title: () => 'Failing test job',
      run: () => Promise.reject(new AppError('invalid_input', 'The test job always fails.')),
    });
    const created = await call<{ id: string; dir: string }>(core, 'project.create', { name: 'Monitor test' });
    fs.writeFileSync(path.join(created.dir, 'assets', 'blob.bin'), Buffer.alloc(50_000));
    const job = core.jobs.enqueue('test.fail', {});
    core.jobs.start();
    const finished = await core.jobs.waitFor(job.id);
    expect(finished.state).toBe('error');
    await imagesRuntime(core).client.gate.acquire(['all']);

    const snap = await call<MonitorSnapshot>(core, 'monitor.snapshot', {});
    expect(snap.queue.error).toBe(1);
    expect(snap.queue.queued).toBe(0);
    expect(snap.recentErrors).toHaveLength(1);
    expect(snap.recentErrors[0]!.error.message).toBe('The test job always fails.');
    expect(snap.rateLimits.find((b) => b.name === 'kie.all')!.used).toBe(1);
    expect(snap.disk.projectCount).toBe(1);
    expect(snap.disk.projectsBytes).toBeGreaterThanOrEqual(50_000);
  });
});
