/** SQLite persistence of jobs: rows in, `Job` values out. No scheduling here (see queue.ts). */
import { randomUUID } from 'node:crypto';
import type { Job, JobState } from '../ipc/contract/jobs.js';
import type { Db } from '../store/database.js';

interface JobRow {
  id: string;
  kind: string;
  project_id: string | null;
  title: string;
  payload: string;
  state: JobState;
  progress: number;
  message: string;
  attempts: number;
  max_attempts: number;
  next_run_at: number | null;
  checkpoint: string | null;
  result: string | null;
  error: string | null;
  created_at: string;
  updated_at: string;
  started_at: string | null;
  finished_at: string | null;
}

export interface StoredJob {
  job: Job;
  payload: unknown;
  checkpoint: Record<string, unknown> | null;
}

function parse(text: string | null): unknown {
  return text === null ? null : JSON.parse(text);
}

function toStored(row: JobRow): StoredJob {
  return {
    job: {
      id: row.id,
      kind: row.kind,
      projectId: row.project_id,
      title: row.title,
      state: row.state,
      progress: row.progress,
      message: row.message,
      attempts: row.attempts,
      maxAttempts: row.max_attempts,
      nextRunAt: row.next_run_at === null ? null : new Date(row.next_run_at).toISOString(),
      result: parse(row.result),
      error: parse(row.error) as Job['error'],
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      startedAt: row.started_at,
      finishedAt: row.finished_at,
    },
    payload: parse(row.payload),
    checkpoint: parse(row.checkpoint) as Record<string, unknown> | null,
  };
}

export interface JobPatch {
  state?: JobState;
  progress?: number;
  message?: string;
  attempts?: number;
  nextRunAt?: number | null;
  checkpoint?: Record<string, unknown> | null;
  result?: unknown;
  error?: { code: string; message: string } | null;
  startedAt?: string | null;
  finishedAt?: string | null;
}

const COLUMN: Record<keyof JobPatch, string> = {
  state: 'state',
  progress: 'progress',
  message: 'message',
  attempts: 'attempts',
  nextRunAt: 'next_run_at',
  checkpoint: 'checkpoint',
  result: 'result',
  error: 'error',
  startedAt: 'started_at',
  finishedAt: 'finished_at',
};
const JSON_COLUMNS = new Set<keyof JobPatch>(['checkpoint', 'result', 'error']);

export class JobRows {
  constructor(private readonly db: Db) {}

  insert(input: { kind: string; projectId: string | null; title: string; payload: unknown; maxAttempts: number }): StoredJob {
    const now = new Date().toISOString();
    const id = randomUUID();
    this.db
      .prepare(
        `INSERT INTO jobs (id, kind, project_id, title, payload, state, max_attempts, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, 'queued', ?, ?, ?)`,
      )
      .run(id, input.kind, input.projectId, input.title, JSON.stringify(input.payload ?? null), input.maxAttempts, now, now);
    return this.get(id)!;
  }

  get(id: string): StoredJob | null {
    const row = this.db.prepare('SELECT * FROM jobs WHERE id = ?').get(id) as JobRow | undefined;
    return row ? toStored(row) : null;
  }

  list(filter: { projectId?: string | undefined; states?: JobState[] | undefined; limit?: number | undefined } = {}): Job[] {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.projectId) {
      where.push('project_id = ?');
      params.push(filter.projectId);
    }
    if (filter.states?.length) {
      where.push(`state IN (${filter.states.map(() => '?').join(', ')})`);
      params.push(...filter.states);
    }
    const sql = `SELECT * FROM jobs ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at DESC, rowid DESC LIMIT ?`;
    return (this.db.prepare(sql).all(...params, filter.limit ?? 200) as JobRow[]).map((row) => toStored(row).job);
  }

  /** Queued rows whose time has come, oldest first. */
  due(now: number): StoredJob[] {
    return (
      this.db
        .prepare(`SELECT * FROM jobs WHERE state = 'queued' AND (next_run_at IS NULL OR next_run_at <= ?) ORDER BY created_at, rowid`)
        .all(now) as JobRow[]
    ).map(toStored);
  }

  /** Earliest future next_run_at among queued rows, for the wake-up timer. */
  nextWake(): number | null {
    const row = this.db.prepare(`SELECT MIN(next_run_at) AS at FROM jobs WHERE state = 'queued' AND next_run_at IS NOT NULL`).get() as { at: number | null };
    return row.at;
  }

  inState(state: JobState): StoredJob[] {
    return (this.db.prepare('SELECT * FROM jobs WHERE state = ? ORDER BY created_at').all(state) as JobRow[]).map(toStored);
  }

  update(id: string, patch: JobPatch): StoredJob {
    const sets: string[] = ['updated_at = ?'];
    const params: unknown[] = [new Date().toISOString()];
    for (const [key, value] of Object.entries(patch) as [keyof JobPatch, unknown][]) {
      if (value === undefined) continue;
      sets.push(`${COLUMN[key]} = ?`);
      params.push(JSON_COLUMNS.has(key) ? (value === null ? null : JSON.stringify(value)) : value);
    }
    this.db.prepare(`UPDATE jobs SET ${sets.join(', ')} WHERE id = ?`).run(...params, id);
    return this.get(id)!;
  }
}
