/**
 * What the storyboard keeps beside the document: the image models, the job of each scene, and the
 * last estimate. Scene edits themselves go through the document store's actions.
 */
import { create } from 'zustand';
import type { CallOutput } from '../../../../src-main/ipc/contract/index.js';
import type { Job } from '../../../../src-main/ipc/contract/jobs.js';
import { invoke } from '../../ipc/client.js';
import { upsertJob, useJobsStore } from '../jobs/jobs-store.js';

export type ImageModel = CallOutput<'images.models'>['models'][number];
export type Estimate = CallOutput<'scenes.estimate'>;

interface StoryboardState {
  models: ImageModel[];
  /** sceneId → the id of the job generating its image (from this session's generate calls). */
  jobBySceneId: Record<string, string>;
  /** Scenes waiting for the image of their reference scene before they are generated. */
  waiting: string[];
  wait(ids: string[]): void;
  unwait(ids: string[]): void;
  loadModels(): Promise<void>;
  remember(jobs: Job[], sceneIds: string[]): void;
}

export const useStoryboardStore = create<StoryboardState>()((set, get) => ({
  models: [],
  jobBySceneId: {},
  waiting: [],
  wait: (ids) => set((s) => ({ waiting: [...new Set([...s.waiting, ...ids])] })),
  unwait: (ids) => set((s) => ({ waiting: s.waiting.filter((id) => !ids.includes(id)) })),
  async loadModels() {
    if (get().models.length) return;
    const { models } = await invoke('images.models', {});
    set({ models });
  },
  remember(jobs, sceneIds) {
    const next = { ...get().jobBySceneId };
    jobs.forEach((job, i) => {
      const sceneId = sceneIds.find((id) => job.title.endsWith(id)) ?? sceneIds[i];
      if (sceneId) next[sceneId] = job.id;
    });
    set({ jobBySceneId: next });
    for (const job of jobs) upsertJob(job);
  },
}));

/** The image job of one scene: the one started here, else the newest whose title names the scene. */
export function useSceneJob(projectId: string | null, sceneId: string): Job | undefined {
  const jobId = useStoryboardStore((s) => s.jobBySceneId[sceneId]);
  return useJobsStore((s) =>
    s.jobs?.find((j) => (jobId ? j.id === jobId : j.projectId === projectId && j.kind === 'scene.image' && j.title.endsWith(sceneId))),
  );
}
