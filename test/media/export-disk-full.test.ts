/**
 * A real export (export.start, the export.render job, real ffmpeg) while the app's data folder is
 * full: the job database is held at its page count and every page a row could grow into is packed
 * (real SQLITE_FULL, as in test/jobs/queue-storage.test.ts). The job ends in a final state with a
 * clear message and no stack, leaves no work folder, temp MP4 or destination file, and the core
 * keeps answering.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src-main/core.js';
import type { Job } from '../../src-main/ipc/contract/jobs.js';
import { call, makeTestCore, tempDirsForThisFile } from '../helpers/temp-core.js';
import { makeProject } from './fixtures.js';

const dir = tempDirsForThisFile('whatif-export-full-');
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

const FILLER = "INSERT INTO jobs (id, kind, title, payload, state, created_at, updated_at) VALUES (?, 'filler', 'filler', ?, 'done', '1970-01-01', '1970-01-01')";
let fillers = 0;

/**
 * Small finished rows written in order before the export is queued: SQLite packs the table's pages
 * as it appends, so the pages beside the export's row have no room to lend when that row grows.
 */
function packedHistory(core: Core): void {
  const insert = core.db.prepare(FILLER);
  for (let i = 0; i < 150; i++) insert.run(`~filler-${String(fillers++).padStart(6, '0')}`, JSON.stringify('x'.repeat(40)));
}

/**
 * The data folder is full: the database is held at its current size, the free room of the page
 * holding the newest rows is packed with rows of shrinking size, then every filler row grows until
 * nothing fits. Appending packs only the last page; a growing row can otherwise borrow the room
 * SQLite leaves on earlier pages when it balances them (on a fast machine the export's next progress
 * save fitted there). So a row that grows (a progress message, a final state) needs a page it cannot
 * get: SQLITE_FULL.
 */
function fillDatabase(core: Core): void {
  core.db.pragma(`max_page_count = ${core.db.pragma('page_count', { simple: true }) as number}`);
  const insert = core.db.prepare(FILLER);
  for (const size of [800, 200, 50, 10, 0]) {
    for (;;) {
      try {
        insert.run(`~filler-${String(fillers++).padStart(6, '0')}`, JSON.stringify('x'.repeat(size)));
      } catch (error) {
        if ((error as { code?: string }).code === 'SQLITE_FULL') break;
        throw error;
      }
    }
  }
  const fillerIds = core.db.prepare("SELECT id FROM jobs WHERE kind = 'filler' ORDER BY rowid").pluck().all() as string[];
  const grow = core.db.prepare('UPDATE jobs SET title = title || ? WHERE id = ?');
  for (const step of [512, 64, 8, 1]) {
    for (const id of fillerIds) {
      for (;;) {
        try {
          grow.run('x'.repeat(step), id);
        } catch (error) {
          if ((error as { code?: string }).code === 'SQLITE_FULL') break;
          throw error;
        }
      }
    }
  }
}

const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+|SqliteError/);

/** Everything in the destination folder but what was there before: work folders, temp MP4s, the file. */
const leftIn = (folder: string) => (fs.existsSync(folder) ? fs.readdirSync(folder) : []);

/** Runs a real export, filling the database at the first event `when` accepts (at once when null). */
async function exportWhileFull(when: ((job: Job) => boolean) | null) {
  const root = dir();
  const core = makeTestCore();
  cleanups.push(() => core.cleanup());
  const { dir: project } = await makeProject(path.join(root, 'p'), { count: 2, seconds: 10 });
  const { summary } = core.projects.openFolder(project);
  const outDir = path.join(root, 'out');
  fs.mkdirSync(outDir);
  const destination = path.join(outDir, 'full.mp4');
  packedHistory(core);
  const started = await call<{ jobId: string }>(core, 'export.start', { projectId: summary.id, destination });
  let filledAt: Job | null = null;
  let sawWorkFolder = false;
  const stop = core.events.subscribe((name, payload) => {
    const job = payload as Job;
    sawWorkFolder ||= leftIn(outDir).some((n) => n.startsWith('.whatif-export-'));
    if (name === 'job.changed' && job.id === started.jobId && !filledAt && when?.(job)) {
      filledAt = job;
      fillDatabase(core);
    }
  });
  cleanups.push(async () => void stop());
  if (!when) fillDatabase(core);
  core.jobs.start();
  const done = await core.jobs.waitFor(started.jobId);
  return { core, done, destination, outDir, filledAt: filledAt as Job | null, sawWorkFolder, jobId: started.jobId };
}

describe('an export while the data folder is full', () => {
  it('during the render: the job ends in error with a clear message, nothing left behind, the core still answers', async () => {
    // Filled once the first progress is saved: the next save, half a second on, fails. The project is
    // 20 s long so that its render outlasts that half second on a fast machine (4 s rendered in 0.4 s
    // and ended done, its file whole, before any save was tried).
    const { core, done, destination, outDir, filledAt, sawWorkFolder, jobId } = await exportWhileFull((job) => job.messageKey === 'export.progress.checking');
    expect(filledAt).not.toBeNull();
    expect(sawWorkFolder).toBe(true); // it failed with its work folder made, pictures being prepared or encoded
    expect(done.state).toBe('error');
    expect(done.error).toMatchObject({ code: 'disk_full', key: 'jobs.progressDiskFull' });
    noStack(done.error!.message);
    // The row read back from the database, not only what the waiter was told.
    const row = core.db.prepare('SELECT state, error FROM jobs WHERE id = ?').get(jobId) as { state: string; error: string };
    expect(row.state).toBe('error');
    expect(JSON.parse(row.error)).toMatchObject({ code: 'disk_full' });
    expect(fs.existsSync(destination)).toBe(false);
    expect(leftIn(outDir)).toEqual([]);
    // The core keeps answering: reads work, a new export is refused with a message, not a crash.
    const listed = await call<Job[]>(core, 'jobs.list', { limit: 5 });
    expect(listed.length).toBeGreaterThan(0);
    const again = await core.dispatch('export.start', { projectId: done.projectId!, destination: path.join(outDir, 'again.mp4') });
    expect(again.ok).toBe(false);
    if (!again.ok) {
      expect(again.error.code).toBe('disk_full');
      noStack(again.error.message);
    }
    expect(leftIn(outDir)).toEqual([]);
  }, 60_000);

  it('before the job is claimed: it still ends in a final state with a message, no file made', async () => {
    const { core, done, destination, outDir, jobId } = await exportWhileFull(null);
    expect(['error', 'cancelled']).toContain(done.state);
    expect(done.error?.code).toBe('disk_full');
    noStack(done.error!.message);
    expect((core.db.prepare('SELECT state FROM jobs WHERE id = ?').get(jobId) as { state: string }).state).not.toBe('running');
    expect(fs.existsSync(destination)).toBe(false);
    expect(leftIn(outDir)).toEqual([]);
    expect((await core.dispatch('jobs.list', { limit: 5 })).ok).toBe(true);
  }, 60_000);
});
