import { describe, expect, it } from 'vitest';
import type { Job } from '../../src-main/ipc/contract/jobs.js';
import { canCancel, canRetry, jobLine, mergeJob, secondsUntil, toastFor } from '../../src-renderer/src/panels/jobs/job-list.js';
import { formatBytes, usePercent } from '../../src-renderer/src/panels/monitor/format.js';

function job(id: string, patch: Partial<Job> = {}): Job {
  return {
    id,
    kind: 'scene.image',
    projectId: null,
    title: `Job ${id}`,
    state: 'queued',
    progress: 0,
    message: '',
    attempts: 0,
    maxAttempts: 3,
    nextRunAt: null,
    result: null,
    error: null,
    createdAt: `2026-01-01T00:00:0${id}.000Z`,
    updatedAt: `2026-01-01T00:00:0${id}.000Z`,
    startedAt: null,
    finishedAt: null,
    ...patch,
  };
}

describe('job list rules', () => {
  it('a call\'s reply that lost the race with the job\'s own events does not undo them', () => {
    const failed = job('4', { state: 'error', updatedAt: '2026-01-01T00:00:05.000Z', error: { code: 'provider_error', message: 'md5 mismatch' } });
    let list = mergeJob([], failed);
    list = mergeJob(list, job('4')); // the voices.download reply: queued, older
    expect(list.map((j) => j.state)).toEqual(['error']);
    list = mergeJob(list, job('4', { state: 'running', updatedAt: failed.updatedAt })); // same instant: the end wins
    expect(list.map((j) => j.state)).toEqual(['error']);
    list = mergeJob(list, job('4', { state: 'queued', updatedAt: '2026-01-01T00:00:09.000Z' })); // a retry: newer
    expect(list.map((j) => j.state)).toEqual(['queued']);
  });

  it('inserts newest first and replaces an updated job in place', () => {
    let list = mergeJob([], job('1'));
    list = mergeJob(list, job('3'));
    list = mergeJob(list, job('2'));
    expect(list.map((j) => j.id)).toEqual(['3', '2', '1']);
    list = mergeJob(list, job('2', { state: 'running', progress: 40 }));
    expect(list.map((j) => [j.id, j.state])).toEqual([
      ['3', 'queued'],
      ['2', 'running'],
      ['1', 'queued'],
    ]);
  });

  it('offers cancel only while queued or running and retry only after failure or cancel', () => {
    expect(['queued', 'running', 'done', 'error', 'cancelled'].map((s) => canCancel(s as Job['state']))).toEqual([true, true, false, false, false]);
    expect(['queued', 'running', 'done', 'error', 'cancelled'].map((s) => canRetry(s as Job['state']))).toEqual([false, false, false, true, true]);
  });

  it('toasts a job that just finished or failed, once, with the error message', () => {
    const running = job('1', { state: 'running' });
    expect(toastFor(running, job('1', { state: 'done' }))).toMatchObject({ kind: 'success', key: 'jobs.toastDone' });
    expect(toastFor(undefined, job('1', { state: 'done' }))).toMatchObject({ kind: 'success' });
    const failed = job('1', { state: 'error', error: { code: 'provider_error', message: 'KIE refused the prompt.' } });
    expect(toastFor(running, failed)).toEqual({ kind: 'error', key: 'jobs.toastFailed', values: { title: 'Job 1', message: 'KIE refused the prompt.' } });
    expect(toastFor(failed, failed)).toBeNull();
    expect(toastFor(job('1'), running)).toBeNull();
  });

  it('counts down to a scheduled retry', () => {
    expect(secondsUntil('2026-01-01T00:00:10.000Z', Date.parse('2026-01-01T00:00:07.500Z'))).toBe(3);
    expect(secondsUntil('2026-01-01T00:00:10.000Z', Date.parse('2026-01-01T00:00:11.000Z'))).toBeNull();
    expect(secondsUntil(null, 0)).toBeNull();
  });
});

describe('monitor formatting', () => {
  it('formats byte counts readably', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.50 KB');
    expect(formatBytes(23 * 1024 * 1024)).toBe('23.0 MB');
    expect(formatBytes(150 * 1024 ** 3)).toBe('150 GB');
    expect(formatBytes(-1)).toBe('—');
  });
  it('caps the rate bar at 100 %', () => {
    expect(usePercent(10, 20)).toBe(50);
    expect(usePercent(25, 20)).toBe(100);
    expect(usePercent(1, 0)).toBe(0);
  });
});

describe('job line', () => {
  it('shows the error, or the state with the current step while it runs', () => {
    expect(jobLine(job('1', { state: 'running', message: 'Polling KIE' }), 'Running')).toBe('Running · Polling KIE');
    expect(jobLine(job('1', { state: 'done', message: 'Done' }), 'Hecha')).toBe('Hecha');
    expect(jobLine(job('1', { state: 'error', message: 'Failed', error: { code: 'provider_error', message: 'KIE is down.' } }), 'Failed')).toBe('KIE is down.');
  });
});
