/**
 * Every job the core knows, kept fresh from `job.changed`; shared by the Jobs panel, the Monitor and
 * the panels that show per-scene or per-narration progress. Toasts for finished and failed jobs come
 * from here so they appear whatever panel is open.
 */
import { create } from 'zustand';
import type { Job } from '../../../../src-main/ipc/contract/jobs.js';
import { translate } from '../../i18n/use-t.js';
import { invoke, on } from '../../ipc/client.js';
import { errorText, useAppStore } from '../../state/app-store.js';
import { mergeJob, toastFor } from './job-list.js';

interface JobsState {
  jobs: Job[] | null;
  refresh(): Promise<void>;
  cancel(id: string): Promise<void>;
  retry(id: string): Promise<void>;
}

export const useJobsStore = create<JobsState>()((set) => ({
  jobs: null,
  async refresh() {
    try {
      set({ jobs: await invoke('jobs.list', { limit: 300 }) });
    } catch (error) {
      useAppStore.getState().toast('error', errorText(error));
    }
  },
  async cancel(id) {
    try {
      const job = await invoke('jobs.cancel', { id });
      set((s) => ({ jobs: mergeJob(s.jobs ?? [], job) }));
    } catch (error) {
      useAppStore.getState().toast('error', errorText(error));
    }
  },
  async retry(id) {
    try {
      const job = await invoke('jobs.retry', { id });
      set((s) => ({ jobs: mergeJob(s.jobs ?? [], job) }));
    } catch (error) {
      useAppStore.getState().toast('error', errorText(error));
    }
  },
}));

/** Put a job a call just returned into the list (never over a newer state its events brought). */
export function upsertJob(job: Job): void {
  useJobsStore.setState((s) => ({ jobs: mergeJob(s.jobs ?? [], job) }));
}

/** Subscribe once (the app shell calls this); returns the unsubscribe. */
export function startJobsWatch(): () => void {
  void useJobsStore.getState().refresh();
  return on('job.changed', (job) => {
    const previous = useJobsStore.getState().jobs?.find((j) => j.id === job.id);
    useJobsStore.setState((s) => ({ jobs: mergeJob(s.jobs ?? [], job) }));
    const toast = toastFor(previous, job, useAppStore.getState().language);
    if (toast) {
      const app = useAppStore.getState();
      app.toast(toast.kind, translate(app.language, toast.key, toast.values));
    }
  });
}

/** The newest job matching a test (e.g. the image job of one scene), for progress shown elsewhere. */
export function useLatestJob(match: (job: Job) => boolean): Job | undefined {
  return useJobsStore((s) => s.jobs?.find(match));
}

/** Calls `listener(projectId)` each time a job of `kind` finishes (done); returns the unsubscribe. */
export function onJobDone(kind: string, listener: (projectId: string) => void): () => void {
  return useJobsStore.subscribe((s, prev) => {
    for (const job of s.jobs ?? []) {
      if (job.kind !== kind || job.state !== 'done' || !job.projectId) continue;
      const before = prev.jobs?.find((j) => j.id === job.id);
      if (before?.state !== 'done') listener(job.projectId);
    }
  });
}
