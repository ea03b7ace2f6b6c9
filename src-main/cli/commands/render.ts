/**
 * `whatif render <project-dir> [-o out.mp4] [--preset 9:16|16:9|1:1] [--fps N] [--quality q]`: the
 * same export job as the app's "Export to MP4", run in-process through the job queue, with a progress
 * bar and ETA. Ctrl+C cancels the job: ffmpeg is stopped and no partial file is left.
 */
import path from 'node:path';
import { createCore } from '../../core.js';
import { AppError } from '../../errors.js';
import { startExport, type ExportJobResult } from '../../media/export/export-job.js';
import { AspectPresetSchema, QualitySchema } from '../../project/document.js';
import { requireMediaTools } from '../../platform/binaries.js';
import { parseCommandArgs, type Command } from '../command.js';
import { awaitJobWithProgress } from '../job-progress.js';

const USAGE = 'whatif render <project-dir> [-o out.mp4] [--preset 9:16|16:9|1:1] [--fps 24|25|30|60] [--quality draft|standard|high] [--silent-audio]';

function parseFps(value: string | undefined): 24 | 25 | 30 | 60 | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (n === 24 || n === 25 || n === 30 || n === 60) return n;
  throw new AppError('invalid_input', `--fps must be 24, 25, 30 or 60, not "${value}"\nusage: ${USAGE}`);
}

export const render: Command = {
  name: 'render',
  usage: USAGE,
  summary: 'Export a project folder to MP4 (H.264/AAC), with a progress bar; Ctrl+C cancels cleanly.',
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(
      args,
      { output: { type: 'string', short: 'o' }, preset: { type: 'string' }, fps: { type: 'string' }, quality: { type: 'string' }, 'silent-audio': { type: 'boolean' } },
      USAGE,
    );
    const target = positionals[0];
    if (!target) throw new AppError('invalid_input', `missing <project-dir>\nusage: ${USAGE}`);
    const preset = values.preset === undefined ? undefined : AspectPresetSchema.safeParse(values.preset);
    if (preset && !preset.success) throw new AppError('invalid_input', `--preset must be 9:16, 16:9 or 1:1, not "${values.preset}"\nusage: ${USAGE}`);
    const quality = values.quality === undefined ? undefined : QualitySchema.safeParse(values.quality);
    if (quality && !quality.success) throw new AppError('invalid_input', `--quality must be draft, standard or high, not "${values.quality}"\nusage: ${USAGE}`);
    const fps = parseFps(values.fps);
    // ffmpeg and ffprobe first: a first run without them gets one line, before anything is touched.
    requireMediaTools();
    const core = createCore({ mode: 'cli', startJobs: false, log: process.env.WHATIF_DEBUG ? (l) => io.err(l) : undefined });
    try {
      const { summary } = core.projects.openFolder(path.resolve(target));
      const { job, destination } = startExport(core, {
        projectId: summary.id,
        ...(preset?.data ? { preset: preset.data } : {}),
        ...(fps ? { fps } : {}),
        ...(quality?.data ? { quality: quality.data } : {}),
        ...(values.output ? { destination: path.resolve(values.output) } : {}),
        ...(values['silent-audio'] ? { silentAudio: true } : {}),
      });
      io.out(`Rendering "${summary.name}" to ${destination}`);
      const done = await awaitJobWithProgress(core, job, io, 'The export');
      const r = done.result as ExportJobResult;
      for (const warning of r.warnings ?? []) io.err(`Warning: ${warning.message}`);
      io.out(`Done: ${r.file}`);
      io.out(`${r.width}x${r.height} ${Math.round(r.fps)} fps, ${r.durationSeconds.toFixed(2)} s, ${(r.bytes / 1e6).toFixed(1)} MB${r.hasAudio ? ', H.264 + AAC' : ', H.264 (no audio)'}, rendered in ${r.elapsedSeconds.toFixed(1)} s`);
      const reused = r.segments.reused > 0 ? `, ${r.segments.reused} of ${r.segments.total} picture segments reused from the last export${r.audioReused ? ' (and the sound)' : ''}` : '';
      io.out(`Encoder: ${r.encoder}${r.fellBack ? ` (${r.fellBack} failed, so the software encoder finished the export)` : ''}${reused}`);
      return 0;
    } finally {
      await core.close();
    }
  },
};
