/**
 * The `export.render` job: one project to one MP4 through the persistent job queue. Concurrency 1
 * (an export uses every core), not retried (a failed encode fails the same way again), not resumable
 * (a crash marks it interrupted; the temp file was beside the destination and is gone).
 */
import path from 'node:path';
import { z } from 'zod';
import type { Core } from '../../core.js';
import { AppError } from '../../errors.js';
import { ExportSettingsSchema, type ExportJobResult, type ExportSettings } from '../../ipc/contract/export.js';
import type { Job } from '../../ipc/contract/jobs.js';
import { readProjectFile } from '../../project/project-file.js';
import { exportProject } from './export-project.js';
import { defaultDestination, resolveOutput } from './output-path.js';

export const EXPORT_KIND = 'export.render';

const ExportPayload = ExportSettingsSchema.extend({ destination: z.string().min(1) });
type ExportPayload = z.infer<typeof ExportPayload>;

export type { ExportJobResult };

/** Queues an export; the destination is fixed now so the UI can show where it will go. */
export function startExport(core: Core, input: ExportSettings): { jobId: string; job: Job; destination: string } {
  const dir = core.projects.dirOf(input.projectId);
  const doc = readProjectFile(dir);
  const output = resolveOutput(doc.output, input);
  const destination = input.destination ? path.resolve(input.destination) : defaultDestination(dir, core.paths.home, doc.name, output.preset);
  if (path.extname(destination).toLowerCase() !== '.mp4') throw new AppError('invalid_input', `The export must be an .mp4 file, not ${path.basename(destination)}.`);
  const job = core.jobs.enqueue(EXPORT_KIND, { ...input, destination }, { projectId: input.projectId, title: `Export ${output.preset} ${doc.name}` });
  return { jobId: job.id, job, destination };
}

export function registerExportKinds(core: Core): void {
  core.jobs.register<ExportPayload, ExportJobResult>({
    kind: EXPORT_KIND,
    payload: ExportPayload,
    concurrency: 1,
    maxAttempts: 1,
    resumable: false,
    title: (p) => `Export ${p.preset ?? ''}`.trim(),
    run: async (payload, ctx) => {
      const dir = core.projects.dirOf(payload.projectId);
      const doc = readProjectFile(dir);
      const output = resolveOutput(doc.output, payload);
      const result = await exportProject({
        projectDir: dir,
        doc,
        output,
        destination: payload.destination,
        silentAudio: payload.silentAudio ?? false,
        signal: ctx.signal,
        onProgress: (percent, message, eta) => ctx.progress(percent, eta === null ? message : `${message} · ETA ${formatEta(eta)}`),
      });
      const { probe: _probe, ...rest } = result;
      return { ...rest, folder: path.dirname(result.file) };
    },
  });
}

export function formatEta(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
