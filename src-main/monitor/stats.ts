/**
 * The numbers behind the Monitor panel: pure counting over what the core already records (job rows,
 * the KIE rate gate's grants) plus a folder-size walk.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { JOB_STATES, type JobState } from '../ipc/contract/jobs.js';
import type { BucketSpec } from '../providers/kie/rate-gate.js';

/** Requests granted in each bucket's current window (what the provider sees right now). */
export function rateUse(
  granted: readonly { at: number; buckets: string[] }[],
  specs: Record<string, BucketSpec>,
  now: number,
  prefix = '',
): { name: string; used: number; limit: number; windowMs: number }[] {
  return Object.entries(specs).map(([name, spec]) => ({
    name: prefix + name,
    used: granted.filter((g) => g.at > now - spec.windowMs && g.buckets.includes(name)).length,
    limit: spec.limit,
    windowMs: spec.windowMs,
  }));
}

/** Every state present, zero where no row has it. */
export function queueCounts(rows: readonly { state: string; n: number }[]): Record<JobState, number> {
  const counts = Object.fromEntries(JOB_STATES.map((s) => [s, 0])) as Record<JobState, number>;
  for (const row of rows) if ((JOB_STATES as readonly string[]).includes(row.state)) counts[row.state as JobState] += row.n;
  return counts;
}

/** Bytes under a folder (files only, symlinks not followed); a missing folder is 0. */
export async function folderBytes(dir: string): Promise<number> {
  let entries: import('node:fs').Dirent[];
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  let total = 0;
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) total += await folderBytes(full);
    else if (entry.isFile()) total += await fs.stat(full).then((s) => s.size, () => 0);
  }
  return total;
}
