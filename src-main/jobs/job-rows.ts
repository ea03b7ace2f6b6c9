/** SQLite persistence of jobs: rows in, `Job` values out. No scheduling here (see queue.ts). */
import { randomUUID } from 'node:crypto';
import type { Job, JobState } from '../ipc/contract/jobs.js';
import type { Db } from '../store/database.js';
import { decodeMessage, wordEn, type MessageRef } from '../messages.js';
import { scrub } from '../secrets/known-secrets.js';

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

/** A stored error; one saved compactly (settleCompact: code and key only) gets its English back. */
function parseError(text: string | null): Job['error'] {
  const error = parse(text) as (Partial<NonNullable<Job['error']>> & { code: string }) | null;
  if (!error || typeof error.message === 'string') return error as Job['error'];
  return { ...error, message: error.key ? wordEn({ key: error.key, ...(error.values ? { values: error.values } : {}) } as MessageRef) : error.code } as Job['error'];
}

/** A job's progress message fields from a stored (maybe encoded) message. */
export function messageFields(stored: string): Pick<Job, 'message' | 'messageKey' | 'messageValues'> {
  const { text, ref } = decodeMessage(stored);
  return { message: text, ...(ref ? { messageKey: ref.key, ...(ref.values ? { messageValues: ref.values } : {}) } : {}) };
}

function toStored(row: JobRow): StoredJob {
  const title = decodeMessage(row.title);
  return {
    job: {
      id: row.id,
      kind: row.kind,
      projectId: row.project_id,
      title: title.text,
      ...(title.ref ? { titleKey: title.ref.key, ...(title.ref.values ? { titleValues: title.ref.values } : {}) } : {}),
      state: row.state,
      progress: row.progress,
      ...messageFields(row.message),
      attempts: row.attempts,
      maxAttempts: row.max_attempts,
      nextRunAt: row.next_run_at === null ? null : new Date(row.next_run_at).toISOString(),
      result: parse(row.result),
      error: parseError(row.error),
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
      .run(id, input.kind, input.projectId, scrub(input.title), scrub(JSON.stringify(input.payload ?? null)), input.maxAttempts, now, now);
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
      const stored = JSON_COLUMNS.has(key) ? (value === null ? null : JSON.stringify(value)) : value;
      // The edge: no known key is written to the database, whatever a provider put in a message.
      params.push(typeof stored === 'string' ? scrub(stored) : stored);
    }
    this.db.prepare(`UPDATE jobs SET ${sets.join(', ')} WHERE id = ?`).run(...params, id);
    return this.get(id)!;
  }

  /**
   * The last resort when a job's final state cannot be written (a full disk): the smallest writes that
   * end the row, freeing room rather than taking it (the progress message and checkpoint cleared, the
   * error kept as its code and message key, then the state alone). Returns whether one was saved.
   */
  settleCompact(id: string, state: JobState, error: { code: string; message: string; key?: string; values?: unknown } | null | undefined): boolean {
    const compact = error ? JSON.stringify(error.key ? { code: error.code, key: error.key, ...(error.values ? { values: error.values } : {}) } : { code: error.code, message: error.message }) : null;
    const attempts: Array<[string, unknown[]]> = [
      ["UPDATE jobs SET state = ?, message = '', checkpoint = NULL, error = ? WHERE id = ?", [state, compact === null ? null : scrub(compact), id]],
      ["UPDATE jobs SET state = ?, message = '', checkpoint = NULL WHERE id = ?", [state, id]],
    ];
    for (const [sql, params] of attempts) {
      try {
        this.db.prepare(sql).run(...params);
        return true;
      } catch {
        // no room even for this: try a smaller write
      }
    }
    return false;
  }
}
