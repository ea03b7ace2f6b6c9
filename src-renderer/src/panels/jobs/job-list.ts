/** Pure rules for the job list and its toasts (tested in test/renderer/jobs.test.ts). */
import type { Job, JobState } from '../../../../src-main/ipc/contract/jobs.js';
import { errorWords, jobMessage, jobTitle } from '../../i18n/messages.js';
import type { UiLanguage } from '../../i18n/strings.js';

export const MAX_JOBS_SHOWN = 300;

/** Insert or replace a job, newest first, keeping at most MAX_JOBS_SHOWN. */
const TERMINAL: readonly JobState[] = ['done', 'error', 'cancelled'];

/** Whether `incoming` is older than what the list already has (a call's reply can lose the race with the job's own events). */
function isStale(existing: Job | undefined, incoming: Job): boolean {
  if (!existing) return false;
  if (existing.updatedAt !== incoming.updatedAt) return existing.updatedAt > incoming.updatedAt;
  return TERMINAL.includes(existing.state) && !TERMINAL.includes(incoming.state);
}

/** The list with `job` in it, newest first; a job older than the one already held is ignored. */
export function mergeJob(list: readonly Job[], job: Job): Job[] {
  if (isStale(list.find((j) => j.id === job.id), job)) return [...list];
  const rest = list.filter((j) => j.id !== job.id);
  const next = [job, ...rest].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
  return next.slice(0, MAX_JOBS_SHOWN);
}

export function canCancel(state: JobState): boolean {
  return state === 'queued' || state === 'running';
}

export function canRetry(state: JobState): boolean {
  return state === 'error' || state === 'cancelled';
}

export interface JobToast {
  kind: 'success' | 'error';
  key: 'jobs.toastDone' | 'jobs.toastFailed';
  values: { title: string; message: string };
}

/** A toast when a job has just finished or failed (not for jobs already finished when first seen). */
export function toastFor(previous: Job | undefined, next: Job, language: UiLanguage = 'en'): JobToast | null {
  if (previous?.state === next.state) return null;
  const title = jobTitle(language, next);
  if (next.state === 'done') return { kind: 'success', key: 'jobs.toastDone', values: { title, message: '' } };
  if (next.state === 'error') {
    return { kind: 'error', key: 'jobs.toastFailed', values: { title, message: next.error ? errorWords(language, next.error) : jobMessage(language, next) } };
  }
  return null;
}

/** "in 12 s" style wait before an automatic retry, or null when none is scheduled. */
export function secondsUntil(iso: string | null, now: number): number | null {
  if (!iso) return null;
  const ms = Date.parse(iso) - now;
  return Number.isFinite(ms) && ms > 0 ? Math.ceil(ms / 1000) : null;
}

/** One line about a job for the panel that started it: the error, or its state and current step. */
export function jobLine(job: Job, stateLabel: string, language: UiLanguage = 'en'): string {
  if (job.state === 'error') return job.error ? errorWords(language, job.error) : jobMessage(language, job);
  const step = job.state === 'running' || job.state === 'queued' ? jobMessage(language, job).trim() : '';
  return step && step.toLowerCase() !== stateLabel.toLowerCase() ? `${stateLabel} · ${step}` : stateLabel;
}
