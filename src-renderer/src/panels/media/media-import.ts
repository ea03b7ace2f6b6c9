/**
 * Getting files from the page into the project: each file is sent to the core in pieces
 * (media.uploadBegin / media.uploadChunk; a browser gives a file no path, and a 2 GB video must not
 * sit whole in one request), then one `media.import` job takes them (the core's one import path) and
 * this waits for it through job.changed. The list of imports under way is a small zustand store the
 * media bin shows (progress, and the error naming the file).
 */
import { create } from 'zustand';
import type { Job } from '../../../../src-main/ipc/contract/jobs.js';
import { kindOfFile, unsupportedFileMessage } from '../../../../src-main/media/import/file-kinds.js';
import { CallError, invoke, on } from '../../ipc/client.js';
import { errorText } from '../../state/app-store.js';
import { documentStore } from '../../state/document/index.js';
import { bytesToBase64 } from '../storyboard/image-file.js';

/** The drag type a media bin tile carries (its asset id); the timeline reads it on drop. */
export const ASSET_DRAG_TYPE = 'application/x-whatif-asset';

export interface ImportTask {
  id: number;
  /** The file names, as the user knows them. */
  label: string;
  /** 0..100: sending the bytes is the first half, the core's job the second. */
  percent: number;
  state: 'running' | 'done' | 'error';
  error: string | null;
}

interface ImportsState {
  tasks: ImportTask[];
  dismiss(id: number): void;
}

export const useImports = create<ImportsState>()((set) => ({
  tasks: [],
  dismiss: (id) => set((s) => ({ tasks: s.tasks.filter((t) => t.id !== id) })),
}));

let nextId = 1;
const patch = (id: number, change: Partial<ImportTask>) => useImports.setState((s) => ({ tasks: s.tasks.map((t) => (t.id === id ? { ...t, ...change } : t)) }));

async function upload(file: File, onFraction: (f: number) => void): Promise<string> {
  const { uploadId, chunkBytes } = await invoke('media.uploadBegin', { name: file.name, bytes: file.size });
  for (let offset = 0; offset < file.size; offset += chunkBytes) {
    const piece = new Uint8Array(await file.slice(offset, offset + chunkBytes).arrayBuffer());
    await invoke('media.uploadChunk', { uploadId, offset, dataBase64: bytesToBase64(piece) });
    onFraction(Math.min(1, (offset + piece.length) / file.size));
  }
  return uploadId;
}

/** Resolves with the job once it is done; rejects with its error otherwise. */
function awaitJob(job: Job, onProgress: (percent: number) => void): Promise<Job> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const apply = (j: Job) => {
      if (settled || j.id !== job.id) return;
      onProgress(j.progress);
      if (j.state !== 'done' && j.state !== 'error' && j.state !== 'cancelled') return;
      settled = true;
      off();
      if (j.state === 'done') resolve(j);
      // The job's error (or its last message) keeps its key, so the bin words it in the UI language.
      else reject(new CallError(j.error ?? { code: 'cancelled', message: j.message, ...(j.messageKey ? { key: j.messageKey, ...(j.messageValues ? { values: j.messageValues } : {}) } : {}) }));
    };
    const off = on('job.changed', apply);
    invoke('jobs.get', { id: job.id }).then(apply, () => undefined);
  });
}

export type Placement = { trackId?: string; start: number };

/**
 * Imports files picked or dropped in the page (into the bin, or onto the timeline with `place`).
 * Resolves true when imported; on failure the task keeps the error for the bin to show.
 */
export async function importFiles(projectId: string, files: readonly File[], place?: Placement): Promise<boolean> {
  const id = nextId++;
  const label = files.map((f) => f.name).join(', ');
  useImports.setState((s) => ({ tasks: [...s.tasks.filter((t) => t.state === 'running' || t.state === 'error').slice(-4), { id, label, percent: 0, state: 'running', error: null }] }));
  try {
    const unknown = files.find((f) => !kindOfFile(f.name));
    if (unknown) throw new Error(unsupportedFileMessage(unknown.name));
    const total = files.reduce((n, f) => n + f.size, 0) || 1;
    let sent = 0;
    const uploads: string[] = [];
    for (const file of files) {
      uploads.push(await upload(file, (f) => patch(id, { percent: ((sent + f * file.size) / total) * 50 })));
      sent += file.size;
    }
    // Unsaved edits go to disk first, so the job's change merges cleanly with them.
    await documentStore.getState().saveNow();
    const { job } = await invoke('media.import', { projectId, uploads, ...(place ? { place } : {}) });
    await awaitJob(job, (p) => patch(id, { percent: 50 + p / 2 }));
    await documentStore.getState().refresh();
    patch(id, { percent: 100, state: 'done' });
    return true;
  } catch (error) {
    patch(id, { state: 'error', error: errorText(error) });
    return false;
  }
}

/** Imports paths from the desktop's native file dialog (no upload: the core reads the file itself). */
export async function importPaths(projectId: string, paths: string[]): Promise<boolean> {
  const id = nextId++;
  useImports.setState((s) => ({ tasks: [...s.tasks.slice(-4), { id, label: paths.map((p) => p.split(/[\\/]/).pop()).join(', '), percent: 0, state: 'running', error: null }] }));
  try {
    await documentStore.getState().saveNow();
    const { job } = await invoke('media.import', { projectId, files: paths });
    await awaitJob(job, (p) => patch(id, { percent: p }));
    await documentStore.getState().refresh();
    patch(id, { percent: 100, state: 'done' });
    return true;
  } catch (error) {
    patch(id, { state: 'error', error: errorText(error) });
    return false;
  }
}
