import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createCore, type Core } from '../../src-main/core.js';
import { AppError } from '../../src-main/errors.js';
import type { Job } from '../../src-main/ipc/contract/jobs.js';
import type { JobKind } from '../../src-main/jobs/types.js';
import { MemorySecretStore } from '../../src-main/secrets/secret-store.js';
import { makeTestCore, tempDir } from '../helpers/temp-core.js';

const FAST = { baseDelayMs: 5, maxDelayMs: 20 };
const cores: Core[] = [];
afterEach(async () => {
  for (const core of cores.splice(0)) await core.close().catch(() => {});
});

function core(home?: string): Core {
  const c = home ? createCore({ mode: 'cli', startJobs: false, home, secrets: new MemorySecretStore(), jobRetry: FAST }) : makeTestCore({ jobRetry: FAST });
  cores.push(c);
  return c;
}

function kind(name: string, run: JobKind<{ n: number }, unknown>['run'], extra: Partial<JobKind<{ n: number }, unknown>> = {}): JobKind<{ n: number }, unknown> {
  return { kind: name, payload: z.object({ n: z.number() }), concurrency: 1, resumable: false, title: (p) => `${name} ${p.n}`, run, ...extra };
}

/** Resolves when the signal aborts, rejecting with its reason like real work would. */
function untilAborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true }));
}

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('job queue', () => {
  it('moves a job queued -> running -> done, with the row and events to show it', async () => {
    const c = core();
    const seen: string[] = [];
    c.events.subscribe((name, payload) => {
      if (name === 'job.changed') seen.push((payload as Job).state);
    });
    c.jobs.register(kind('echo', async (p, ctx) => {
      ctx.progress(50, 'half');
      return { doubled: p.n * 2 };
    }));
    c.jobs.start();
    const job = c.jobs.enqueue('echo', { n: 21 }, { title: 'Echo' });
    expect(job.state).toBe('queued');
    const done = await c.jobs.waitFor(job.id);
    expect(done).toMatchObject({ state: 'done', progress: 100, result: { doubled: 42 }, attempts: 1, error: null, title: 'Echo' });
    expect(c.jobs.get(job.id).finishedAt).not.toBeNull();
    expect(c.jobs.list().map((j) => j.id)).toContain(job.id);
    expect(seen[0]).toBe('queued');
    expect(seen).toContain('running');
    expect(seen.at(-1)).toBe('done');
  });

  it('refuses unknown kinds and bad payloads with clear errors', () => {
    const c = core();
    c.jobs.register(kind('echo', async () => null));
    expect(() => c.jobs.enqueue('nope', {})).toThrow(/Unknown job kind "nope"/);
    expect(() => c.jobs.enqueue('echo', { n: 'x' })).toThrow(/Invalid echo job: n:/);
  });

  it('runs at most `concurrency` jobs of a kind at once, kinds independent', async () => {
    const c = core();
    const active: Record<string, number> = { one: 0, two: 0 };
    const peak: Record<string, number> = { one: 0, two: 0 };
    const work = (name: string) => async () => {
      active[name]!++;
      peak[name] = Math.max(peak[name]!, active[name]!);
      await new Promise((r) => setTimeout(r, 20));
      active[name]!--;
      return null;
    };
    c.jobs.register(kind('one', work('one'), { concurrency: 1 }));
    c.jobs.register(kind('two', work('two'), { concurrency: 2 }));
    c.jobs.start();
    const ids = [1, 2, 3, 4].flatMap((n) => [c.jobs.enqueue('one', { n }).id, c.jobs.enqueue('two', { n }).id]);
    const results = await Promise.all(ids.map((id) => c.jobs.waitFor(id)));
    expect(results.every((j) => j.state === 'done')).toBe(true);
    expect(peak).toEqual({ one: 1, two: 2 });
  });

  it('retries only retryable errors, up to 3 attempts', async () => {
    const c = core();
    let flaky = 0;
    c.jobs.register(kind('flaky', async () => {
      flaky++;
      if (flaky < 3) throw new AppError('provider_error', 'server hiccup', { retryable: true });
      return 'ok';
    }));
    c.jobs.register(kind('bad-key', async () => {
      throw new AppError('auth_error', 'bad key');
    }));
    c.jobs.register(kind('down', async () => {
      throw new AppError('provider_error', 'still down', { retryable: true });
    }));
    c.jobs.start();
    const [a, b, d] = await Promise.all(['flaky', 'bad-key', 'down'].map((k) => c.jobs.waitFor(c.jobs.enqueue(k, { n: 1 }).id)));
    expect(a).toMatchObject({ state: 'done', attempts: 3, result: 'ok' });
    expect(b).toMatchObject({ state: 'error', attempts: 1, error: { code: 'auth_error', message: 'bad key' } });
    expect(d).toMatchObject({ state: 'error', attempts: 3, error: { code: 'provider_error' } });
  });

  it('honours Retry-After when scheduling the next attempt', async () => {
    const c = core();
    c.jobs.register(kind('limited', async () => {
      throw new AppError('rate_limited', 'slow down', { retryable: true, retryAfterSeconds: 30 });
    }));
    c.jobs.start();
    const job = c.jobs.enqueue('limited', { n: 1 });
    await until(() => c.jobs.get(job.id).attempts === 1 && c.jobs.get(job.id).state === 'queued', 'the first failure');
    const row = c.jobs.get(job.id);
    expect(Date.parse(row.nextRunAt!) - Date.parse(row.updatedAt)).toBeGreaterThanOrEqual(29_000);
    expect(row.error?.code).toBe('rate_limited');
    expect(c.jobs.cancel(job.id).state).toBe('cancelled');
  });

  it('cancels running work through its AbortSignal within a second, and can retry it', async () => {
    const c = core();
    let runs = 0;
    c.jobs.register(kind('hang', async (_p, ctx) => {
      runs++;
      if (runs > 1) return 'second time';
      return untilAborted(ctx.signal);
    }));
    c.jobs.start();
    const job = c.jobs.enqueue('hang', { n: 1 });
    await until(() => c.jobs.get(job.id).state === 'running', 'running');
    const asked = Date.now();
    c.jobs.cancel(job.id);
    const cancelled = await c.jobs.waitFor(job.id);
    expect(cancelled.state).toBe('cancelled');
    expect(Date.now() - asked).toBeLessThan(1000);
    expect(() => c.jobs.retry(c.jobs.enqueue('hang', { n: 2 }).id)).toThrow(/Only failed or cancelled/);
    c.jobs.retry(job.id);
    expect(await c.jobs.waitFor(job.id)).toMatchObject({ state: 'done', result: 'second time' });
  });

  it('after a crash resumes resumable kinds from their checkpoint and marks the others interrupted', async () => {
    const home = tempDir();
    const first = core(home);
    const hang = (name: string, resumable: boolean) =>
      kind(name, async (_p, ctx) => {
        if (ctx.saved) return { resumedFrom: ctx.saved };
        ctx.checkpoint({ taskId: `task-${name}` });
        return untilAborted(ctx.signal);
      }, { resumable });
    first.jobs.register(hang('resumable', true));
    first.jobs.register(hang('oneshot', false));
    first.jobs.start();
    const r = first.jobs.enqueue('resumable', { n: 1 });
    const o = first.jobs.enqueue('oneshot', { n: 1 });
    await until(() => first.jobs.get(r.id).state === 'running' && first.jobs.get(o.id).state === 'running', 'both running');
    await first.close(); // like a crash: rows stay `running`
    const second = core(home);
    expect(second.jobs.get(r.id).state).toBe('running');
    second.jobs.register(hang('resumable', true));
    second.jobs.register(hang('oneshot', false));
    second.jobs.start();
    expect(await second.jobs.waitFor(r.id)).toMatchObject({ state: 'done', result: { resumedFrom: { taskId: 'task-resumable' } } });
    const interrupted = second.jobs.get(o.id);
    expect(interrupted).toMatchObject({ state: 'error', error: { code: 'interrupted' } });
    second.jobs.retry(o.id);
    expect((await second.jobs.waitFor(o.id)).state).toBe('done');
    await second.close();
    fs.rmSync(home, { recursive: true, force: true });
  });

  it('coalesces progress events to about ten a second per job', async () => {
    const c = core();
    let count = 0;
    c.events.subscribe((name, payload) => {
      if (name === 'job.changed' && (payload as Job).kind === 'chatty') count++;
    });
    let elapsed = 0;
    c.jobs.register(kind('chatty', async (_p, ctx) => {
      const started = Date.now();
      for (let i = 0; i < 2000; i++) {
        ctx.progress(i / 20, `step ${i}`);
        if (i % 50 === 0) await new Promise((r) => setTimeout(r, 10));
      }
      elapsed = Date.now() - started;
      return null;
    }));
    c.jobs.start();
    await c.jobs.waitFor(c.jobs.enqueue('chatty', { n: 1 }).id);
    // queued + running + done are immediate; progress at most one per 100 ms window.
    expect(count).toBeLessThanOrEqual(3 + Math.ceil(elapsed / 100) + 1);
    expect(count).toBeGreaterThan(3);
  });

  it('a job that enqueues another before its first await launches every job exactly once', async () => {
    const c = core();
    const runs = new Map<number, number>();
    c.jobs.register(kind('child', async (p) => {
      runs.set(p.n, (runs.get(p.n) ?? 0) + 1);
      return null;
    }, { concurrency: 1 }));
    c.jobs.register(kind('parent', async (p) => {
      const child = c.jobs.enqueue('child', { n: p.n }); // synchronously, as the automatic mode's steps do
      await c.jobs.waitFor(child.id);
      return null;
    }, { concurrency: 4 }));
    const parents = [1, 2, 3].map((n) => c.jobs.enqueue('parent', { n }));
    c.jobs.start();
    await Promise.all(parents.map((p) => c.jobs.waitFor(p.id)));
    expect([...runs.entries()].sort()).toEqual([[1, 1], [2, 1], [3, 1]]);
    expect(c.jobs.list().filter((j) => j.kind === 'child')).toHaveLength(3);
    expect(c.jobs.list().every((j) => j.attempts === 1)).toBe(true);
  });
});
