/**
 * `whatif import <project-dir> <file>... [--track main|overlay|music|... or a track id] [--at SECONDS]`:
 * the same import as the page's media bin (pictures, video, sound, SRT), as a job with a progress bar.
 * Without --track/--at the files go to the media bin only; with either they are placed on the timeline.
 */
import path from 'node:path';
import { createCore } from '../../core.js';
import { AppError } from '../../errors.js';
import { startImport } from '../../media/import/import-job.js';
import type { ImportResult } from '../../media/import/import-media.js';
import { parseCommandArgs, type Command } from '../command.js';
import { awaitJobWithProgress } from '../job-progress.js';

const USAGE = 'whatif import <project-dir> <file>... [--track main|overlay|narration|music|effects|<track id>] [--at SECONDS]';

export const importCommand: Command = {
  name: 'import',
  usage: USAGE,
  summary: 'Import pictures, videos, sound files or SRT captions into a project (optionally onto a track).',
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, { track: { type: 'string' }, at: { type: 'string' } }, USAGE);
    const [target, ...files] = positionals;
    if (!target || files.length === 0) throw new AppError('invalid_input', `missing <project-dir> or <file>\nusage: ${USAGE}`);
    const at = values.at === undefined ? undefined : Number(values.at);
    if (at !== undefined && !(Number.isFinite(at) && at >= 0)) throw new AppError('invalid_input', `--at must be a number of seconds, not "${values.at}"\nusage: ${USAGE}`);
    const core = createCore({ mode: 'cli', startJobs: false, log: process.env.WHATIF_DEBUG ? (l) => io.err(l) : undefined });
    try {
      const { summary, document } = core.projects.openFolder(path.resolve(target));
      let trackId: string | undefined;
      if (values.track !== undefined) {
        const track = document.tracks.media.find((t) => t.id === values.track) ?? document.tracks.media.find((t) => t.role === values.track);
        if (!track) throw new AppError('invalid_input', `"${summary.name}" has no track "${values.track}" (tracks: ${document.tracks.media.map((t) => t.id).join(', ')})`);
        trackId = track.id;
      }
      const place = trackId !== undefined || at !== undefined ? { ...(trackId ? { trackId } : {}), start: at ?? 0 } : undefined;
      const job = startImport(core, { projectId: summary.id, files, place });
      io.out(`Importing ${files.length === 1 ? path.basename(files[0]!) : `${files.length} files`} into "${summary.name}"`);
      const done = await awaitJobWithProgress(core, job, io, 'The import');
      const result = done.result as ImportResult;
      const after = core.projects.open(summary.id).document;
      for (const id of result.assetIds) {
        const a = after.assets[id]!;
        const size = a.width && a.height ? ` ${a.width}x${a.height}` : '';
        const length = a.duration ? ` ${a.duration.toFixed(2)} s` : '';
        const extra = a.kind === 'video' ? `${a.fps ? ` ${Math.round(a.fps * 100) / 100} fps` : ''}${a.codec ? ` ${a.codec}` : ''}${a.hasAudio ? ' with sound' : ' no sound'}${a.rotation ? ` rotated ${a.rotation}°` : ''}` : a.codec ? ` ${a.codec}` : '';
        io.out(`  ${a.originalName ?? a.file}: ${a.kind}${size}${length}${extra}`);
      }
      for (const clip of result.clips) io.out(`  placed on ${clip.trackId}: ${clip.clipId}`);
      if (result.cues > 0) io.out(`  ${result.cues} captions`);
      return 0;
    } finally {
      await core.close();
    }
  },
};
