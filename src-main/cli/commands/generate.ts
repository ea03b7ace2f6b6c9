/**
 * `whatif generate <project-dir> [--scene N | --all] [--model ID]`: scene images from KIE through the
 * same job queue as the app, run in-process. `--model` picks the image model of the scenes generated
 * and keeps it in the project, as choosing it on a scene card does (put back if the batch is refused).
 * Prints the estimate and any warnings first (a model without a negative prompt is said, not hidden),
 * then a line per scene as it progresses; Ctrl+C cancels the batch.
 */
import path from 'node:path';
import { createCore } from '../../core.js';
import { AppError } from '../../errors.js';
import { generateScenes } from '../../images/batch.js';
import { readProjectFile } from '../../project/project-file.js';
import { KIE_MODELS } from '../../providers/kie/models.js';
import { parseCommandArgs, sceneFlag, type Command } from '../command.js';
import { followJobs } from '../job-progress.js';

const USAGE = 'whatif generate <project-dir> [--scene N | --all] [--model ID]';

function modelsList(): string {
  return Object.values(KIE_MODELS)
    .map((m) => `${m.id} (${m.creditsPerImage} credits)`)
    .join(', ');
}

export const generate: Command = {
  name: 'generate',
  usage: USAGE,
  summary: `Generate scene images with KIE (needs WHATIF_KIE_API_KEY); --scene N for one, --all (default) for every scene; --model sets their image model: ${Object.keys(KIE_MODELS).join(', ')}.`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, { scene: { type: 'string' }, all: { type: 'boolean' }, model: { type: 'string' } }, USAGE);
    const target = positionals[0];
    if (!target) throw new AppError('invalid_input', `missing <project-dir>\nusage: ${USAGE}`);
    if (values.scene !== undefined && values.all) throw new AppError('invalid_input', `use --scene N or --all, not both\nusage: ${USAGE}`);
    const modelId = values.model;
    if (modelId !== undefined && !Object.hasOwn(KIE_MODELS, modelId)) throw new AppError('invalid_input', `--model must be one of: ${modelsList()}; not "${modelId}"`);
    const core = createCore({ mode: 'cli', startJobs: false, log: process.env.WHATIF_DEBUG ? (l) => io.err(l) : undefined });
    try {
      const { summary } = core.projects.openFolder(path.resolve(target));
      const doc = readProjectFile(summary.dir);
      const sceneIds = sceneFlag(doc.scenes, values.scene);
      const { jobs, estimate } = withModel(core, summary.id, sceneIds ?? doc.scenes.map((s) => s.id), modelId, () => generateScenes(core, summary.id, sceneIds));
      const cost = estimate.perModel.map((m) => `${m.images} × ${m.label} (${m.creditsPerImage} credits)`).join(', ') || 'nothing to pay';
      io.out(`Generating ${jobs.length} scene image(s) for "${doc.name}": ${cost}; ${estimate.cached} from cache. Estimated ${estimate.totalCredits} credits (cap ${estimate.cap}; prices as of ${estimate.tableDate}).`);
      for (const warning of estimate.warnings) io.err(`warning: ${warning}`);

      const finished = await followJobs(core, jobs, io);
      if (io.signal.aborted) throw new AppError('cancelled', 'Cancelled.');
      const done = finished.filter((j) => j.state === 'done');
      const cached = done.filter((j) => (j.result as { cached?: boolean } | null)?.cached).length;
      io.out(`${done.length} of ${finished.length} scene image(s) ready (${cached} from cache), saved in ${path.join(summary.dir, 'assets')} and on the timeline.`);
      return done.length === finished.length ? 0 : 1;
    } finally {
      await core.close();
    }
  },
};

/** Runs `start` with the scenes' model set to `modelId` (kept); a refused start puts the old models back. */
function withModel<T>(core: ReturnType<typeof createCore>, projectId: string, sceneIds: string[], modelId: string | undefined, start: () => T): T {
  if (modelId === undefined) return start();
  const wanted = new Set(sceneIds);
  const before = new Map(readProjectFile(core.projects.dirOf(projectId)).scenes.map((s) => [s.id, s.model]));
  core.projects.update(projectId, (d) => ({ ...d, scenes: d.scenes.map((s) => (wanted.has(s.id) ? { ...s, model: modelId } : s)) }), 'saved');
  try {
    return start();
  } catch (error) {
    core.projects.update(projectId, (d) => ({ ...d, scenes: d.scenes.map((s) => (wanted.has(s.id) && s.model === modelId ? { ...s, model: before.get(s.id) ?? s.model } : s)) }), 'saved');
    throw error;
  }
}
