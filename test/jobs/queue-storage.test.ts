/**
 * A job whose progress cannot be saved (the data folder's disk is full: real SQLITE_FULL, from a
 * database held at its page count) ends with a clear error instead of an uncaught exception; when
 * even its final state cannot be written, the waiter still learns it and the next start marks the
 * row interrupted, so no row stays `running`.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createCore, type Core } from '../../src-main/core.js';
import type { JobKind, JobRunContext } from '../../src-main/jobs/types.js';
import { MemorySecretStore } from '../../src-main/secrets/secret-store.js';
import { tempDirsForThisFile } from '../helpers/temp-core.js';

const dir = tempDirsForThisFile('whatif-queue-storage-');
const cores: Core[] = [];
afterEach(async () => {
  for (const core of cores.splice(0)) await core.close().catch(() => {});
});

function open(home: string): Core {
  const c = createCore({ mode: 'cli', startJobs: false, home, secrets: new MemorySecretStore() });
  cores.push(c);
  return c;
}

function kind(run: (ctx: JobRunContext) => Promise<unknown>): JobKind<{ n: number }, unknown> {
  return { kind: 'work', payload: z.object({ n: z.number() }), concurrency: 1, maxAttempts: 1, resumable: false, title: () => 'work', run: (_p, ctx) => run(ctx) };
}

/** Rejects with the abort reason once the signal aborts (at once when it already has), like real work. */
const untilAborted = (signal: AbortSignal) =>
  new Promise<never>((_, reject) => {
    if (signal.aborted) reject(signal.reason);
    else signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });

/** Holds the database at its current size: the next write that needs a new page fails with SQLITE_FULL. */
function fill(core: Core): void {
  core.db.pragma(`max_page_count = ${core.db.pragma('page_count', { simple: true }) as number}`);
}

describe('storage errors during a job', () => {
  it('a full disk during a progress write ends the job with a message, its row in a final state', async () => {
    const c = open(dir());
    let threw: unknown = null;
    let cleanedUp = false;
    c.jobs.register(
      kind(async (ctx) => {
        fill(c);
        try {
          ctx.progress(10, `Encoding ${'x'.repeat(20_000)}`); // a row that needs new pages
        } catch (error) {
          threw = error;
        }
        try {
          return await untilAborted(ctx.signal);
        } finally {
          cleanedUp = true; // the work's own cleanup runs (an export removes its work folder here)
        }
      }),
    );
    const job = c.jobs.enqueue('work', { n: 1 });
    c.jobs.start();
    const done = await c.jobs.waitFor(job.id);
    expect(threw).toBeNull();
    expect(cleanedUp).toBe(true);
    expect(done.state).toBe('error');
    expect(done.error).toEqual({ code: 'disk_full', message: "The disk holding the app's data folder is full, so the job's progress could not be saved. Free some space and try again.", key: 'jobs.progressDiskFull' });
    const row = c.db.prepare('SELECT state, error FROM jobs WHERE id = ?').get(job.id) as { state: string; error: string };
    expect(row.state).toBe('error');
    expect(JSON.parse(row.error)).toMatchObject({ code: 'disk_full' });
  });

  it('when the final state cannot be written either, the waiter still gets it and the next start ends the row', async () => {
    const home = dir();
    const c = open(home);
    c.jobs.register(
      kind(async (ctx) => {
        c.db.pragma('query_only = ON'); // every write fails from here on (SQLITE_READONLY)
        ctx.progress(10, 'Encoding');
        return untilAborted(ctx.signal);
      }),
    );
    const job = c.jobs.enqueue('work', { n: 1 });
    c.jobs.start();
    const done = await c.jobs.waitFor(job.id);
    expect(done.state).toBe('error');
    expect(done.error?.code).toBe('io_error');
    expect((c.db.prepare('SELECT state FROM jobs WHERE id = ?').get(job.id) as { state: string }).state).toBe('running');
    c.db.pragma('query_only = OFF');
    await c.close();
    cores.splice(cores.indexOf(c), 1);
    const again = open(home);
    again.jobs.register(kind(async () => null));
    again.jobs.start();
    expect(again.jobs.get(job.id)).toMatchObject({ state: 'error', error: { code: 'interrupted' } });
  });
});
