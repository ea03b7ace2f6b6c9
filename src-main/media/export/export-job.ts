/**
 * The `export.render` job: one project to one MP4 through the persistent job queue. Concurrency 1
 * (an export uses every core), not retried (a failed encode fails the same way again), not resumable
 * (a crash marks it interrupted; the temp file was beside the destination and is gone).
 */
import path from 'node:path';
import { encodeMessage, storedRef } from '../../messages.js';
import { z } from 'zod';
import type { Core } from '../../core.js';
import { appError, nestedValues } from '../../errors.js';
import { ExportSettingsSchema, type ExportJobResult, type ExportSettings } from '../../ipc/contract/export.js';
import type { Job } from '../../ipc/contract/jobs.js';
import { readProjectFile } from '../../project/project-file.js';
import { requireMediaTools } from '../../platform/binaries.js';
import { exportEncoder } from '../encoders/export-encoder.js';
import { exportProject } from './export-project.js';
import { defaultDestination, resolveOutput } from './output-path.js';
import { checkDestination } from './preflight.js';

export const EXPORT_KIND = 'export.render';

const ExportPayload = ExportSettingsSchema.extend({ destination: z.string().min(1) });
type ExportPayload = z.infer<typeof ExportPayload>;

export type { ExportJobResult };

/** Queues an export; the destination is fixed now so the UI can show where it will go. */
export function startExport(core: Core, input: ExportSettings): { jobId: string; job: Job; destination: string } {
  // A missing ffmpeg is said once, before any work (not as a "corrupt" input found halfway).
  requireMediaTools();
  const dir = core.projects.dirOf(input.projectId);
  const doc = readProjectFile(dir);
  const output = resolveOutput(doc.output, input);
  const destination = input.destination ? path.resolve(input.destination) : defaultDestination(dir, core.paths.home, doc.name, output.preset);
  if (path.extname(destination).toLowerCase() !== '.mp4') throw appError('invalid_input', 'export.notMp4', { file: path.basename(destination) });
  checkDestination(destination); // a folder or an unwritable place is found now, not after the render
  const job = core.jobs.enqueue(EXPORT_KIND, { ...input, destination }, { projectId: input.projectId, title: encodeMessage({ key: 'job.export', values: { preset: output.preset, name: doc.name } }) });
  return { jobId: job.id, job, destination };
}

export function registerExportKinds(core: Core): void {
  core.jobs.register<ExportPayload, ExportJobResult>({
    kind: EXPORT_KIND,
    payload: ExportPayload,
    concurrency: 1,
    maxAttempts: 1,
    resumable: false,
    title: (p) => encodeMessage(p.preset ? { key: 'export.title', values: { preset: p.preset } } : { key: 'export.titlePlain' }),
    run: async (payload, ctx) => {
      const dir = core.projects.dirOf(payload.projectId);
      const doc = readProjectFile(dir);
      const output = resolveOutput(doc.output, payload);
      const result = await exportProject({
        cacheDir: path.join(core.paths.cache, 'export'),
        encoder: await exportEncoder(core, ctx.signal),
        projectDir: dir,
        doc,
        output,
        destination: payload.destination,
        silentAudio: payload.silentAudio ?? false,
        signal: ctx.signal,
        onProgress: (percent, message, eta) => ctx.progress(percent, eta === null ? message : encodeMessage({ key: 'export.progress.eta', values: { ...nestedValues('step', storedRef(message)), eta: formatEta(eta) } })),
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
