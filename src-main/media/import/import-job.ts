/**
 * The `media.import` job: a set of files imported through importMedia with progress, so a 2 GB
 * video never blocks the page. One at a time (it reads whole files), not retried (a bad file fails
 * the same way again), not resumable (a crash marks it interrupted; the document was not touched).
 * Uploads it took are removed when it ends, whatever the outcome.
 */
import path from 'node:path';
import { z } from 'zod';
import type { Core } from '../../core.js';
import { encodeMessage } from '../../messages.js';
import type { Job } from '../../ipc/contract/jobs.js';
import { importMedia, type ImportRequest, type ImportResult } from './import-media.js';
import { discardUpload, uploadedSource } from './uploads.js';

export const IMPORT_KIND = 'media.import';

const Payload = z.object({
  projectId: z.string().min(1),
  files: z.array(z.object({ path: z.string().min(1), name: z.string().min(1).max(255) })).max(200),
  uploads: z.array(z.string()).max(200),
  place: z.object({ trackId: z.string().min(1).optional(), start: z.number().finite().min(0) }).optional(),
});
type Payload = z.infer<typeof Payload>;

export interface StartImportInput {
  projectId: string;
  /** Paths on this machine (desktop dialog, CLI). */
  files?: string[] | undefined;
  /** Finished uploads from the page (media.uploadBegin / media.uploadChunk). */
  uploads?: string[] | undefined;
  place?: ImportRequest['place'];
}

/** Queues an import of paths and/or uploads; the job's title names the files. */
export function startImport(core: Core, input: StartImportInput): Job {
  const files = (input.files ?? []).map((p) => ({ path: path.resolve(p), name: path.basename(p) }));
  const uploads = input.uploads ?? [];
  const names = [...files.map((f) => f.name), ...uploads.map((id) => uploadedSource(core.paths.cache, id).name)];
  core.projects.dirOf(input.projectId);
  const title = encodeMessage(names.length === 1 ? { key: 'import.titleNamed', values: { name: names[0]! } } : { key: 'import.title', values: { count: names.length } });
  return core.jobs.enqueue(IMPORT_KIND, { projectId: input.projectId, files, uploads, ...(input.place ? { place: input.place } : {}) } satisfies Payload, { projectId: input.projectId, title });
}

export function registerImportKinds(core: Core): void {
  core.jobs.register<Payload, ImportResult>({
    kind: IMPORT_KIND,
    payload: Payload,
    concurrency: 1,
    maxAttempts: 1,
    resumable: false,
    title: (p) => encodeMessage({ key: p.files.length + p.uploads.length === 1 ? 'import.titleOne' : 'import.title', values: { count: p.files.length + p.uploads.length } }),
    run: async (payload, ctx) => {
      try {
        const sources = [...payload.files, ...payload.uploads.map((id) => uploadedSource(core.paths.cache, id))];
        return await importMedia(core, { projectId: payload.projectId, files: sources, place: payload.place }, { signal: ctx.signal, progress: (p, m) => ctx.progress(p, m) });
      } finally {
        for (const id of payload.uploads) discardUpload(core.paths.cache, id);
      }
    },
  });
}
