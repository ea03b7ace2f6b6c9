/**
 * `whatif animate <project-dir> [--scene N | --all] --model M --duration S [--resolution R]
 * [--prompt "..."] [--last-frame]`: scene stills animated by KIE image-to-video through the same job
 * queue as the app. Prints the estimate, the cap and the balance first, then a line per scene as it
 * progresses; Ctrl+C cancels. `whatif credits` prints the KIE balance.
 */
import path from 'node:path';
import { animateScenes, readBalance } from '../../animation/batch.js';
import { createCore } from '../../core.js';
import { AppError } from '../../errors.js';
import { readProjectFile } from '../../project/project-file.js';
import { DEFAULT_VIDEO_MODEL, KIE_VIDEO_MODELS } from '../../providers/kie/video-models.js';
import { parseCommandArgs, sceneFlag, type Command } from '../command.js';
import { followJobs } from '../job-progress.js';

const USAGE = 'whatif animate <project-dir> [--scene N | --all] [--model ID] [--duration S] [--resolution R] [--prompt TEXT] [--last-frame]';

function modelsList(): string {
  return Object.values(KIE_VIDEO_MODELS)
    .map((m) => `${m.id} (${m.durations.join('/')} s${m.resolutions.length ? `, ${m.resolutions.join('/')}` : ''})`)
    .join(', ');
}

export const animate: Command = {
  name: 'animate',
  usage: USAGE,
  summary: `Animate scene images with KIE image-to-video (needs WHATIF_KIE_API_KEY); models: ${Object.keys(KIE_VIDEO_MODELS).join(', ')}.`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(
      args,
      { scene: { type: 'string' }, all: { type: 'boolean' }, model: { type: 'string' }, duration: { type: 'string' }, resolution: { type: 'string' }, prompt: { type: 'string' }, 'last-frame': { type: 'boolean' } },
      USAGE,
    );
    const target = positionals[0];
    if (!target) throw new AppError('invalid_input', `missing <project-dir>\nusage: ${USAGE}`);
    if (values.scene !== undefined && values.all) throw new AppError('invalid_input', `use --scene N or --all, not both\nusage: ${USAGE}`);
    const modelId = values.model ?? DEFAULT_VIDEO_MODEL;
    const model = KIE_VIDEO_MODELS[modelId];
    if (!model) throw new AppError('invalid_input', `--model must be one of: ${modelsList()}; not "${modelId}"`);
    const duration = values.duration === undefined ? model.durations[0]! : Number(values.duration);
    const core = createCore({ mode: 'cli', startJobs: false, log: process.env.WHATIF_DEBUG ? (l) => io.err(l) : undefined });
    try {
      const { summary } = core.projects.openFolder(path.resolve(target));
      const doc = readProjectFile(summary.dir);
      const sceneIds = sceneFlag(doc.scenes, values.scene);
      const balance = await readBalance(core, io.signal);
      const { jobs, estimate } = animateScenes(core, { projectId: summary.id, sceneIds, model: modelId, duration, resolution: values.resolution ?? null, prompt: values.prompt, lastFrame: values['last-frame'] });
      io.out(
        `Animating ${jobs.length} scene(s) of "${doc.name}" with ${estimate.label} (${estimate.duration} s${estimate.resolution ? `, ${estimate.resolution}` : ''}): ${estimate.clips} × ${estimate.creditsPerClip} = about ${estimate.totalCredits} credits (cap ${estimate.cap}; prices as of ${estimate.tableDate}). ` +
          (balance.credits === null ? `KIE balance unknown: ${balance.message}` : `KIE balance: ${balance.credits} credits.`),
      );
      if (estimate.skipped.length) io.err(`note: left out (no image yet): ${estimate.skipped.join(', ')}`);
      for (const warning of estimate.warnings) io.err(`warning: ${warning}`);
      const finished = await followJobs(core, jobs, io);
      if (io.signal.aborted) throw new AppError('cancelled', 'Cancelled.');
      const done = finished.filter((j) => j.state === 'done');
      io.out(`${done.length} of ${finished.length} scene(s) animated; the clips are in ${path.join(summary.dir, 'assets')} and on the timeline in place of the stills.`);
      return done.length === finished.length ? 0 : 1;
    } finally {
      await core.close();
    }
  },
};

export const credits: Command = {
  name: 'credits',
  usage: 'whatif credits',
  summary: 'Print the KIE credit balance (needs WHATIF_KIE_API_KEY).',
  async run(_args, io) {
    const core = createCore({ mode: 'cli', startJobs: false });
    try {
      const balance = await readBalance(core, io.signal);
      if (balance.credits === null) {
        io.err(balance.message ?? 'KIE could not be asked.');
        return 1;
      }
      io.out(`KIE balance: ${balance.credits} credits.`);
      return 0;
    } finally {
      await core.close();
    }
  },
};
