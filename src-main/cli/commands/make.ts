/**
 * `whatif make "What if …?"`: an idea to a finished MP4 in one command (the same `make.short` job as
 * the page's "New from an idea"), and `--ideas ideas.txt` for a batch: one project and one MP4 per
 * idea, a table of their states at the end, one failure not stopping the others. With no network and
 * no keys it still finishes (template script, system or Piper voice, placeholder art) and says which
 * parts were made offline.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createCore } from '../../core.js';
import { AppError } from '../../errors.js';
import type { Job } from '../../ipc/contract/jobs.js';
import type { MakeResult } from '../../make/make-payload.js';
import { ImagesModeSchema } from '../../make/make-payload.js';
import { continueMake, parseIdeas, startMake } from '../../make/start-make.js';
import { importMedia } from '../../media/import/import-media.js';
import { formatUsd } from '../../script-writer/cost.js';
import { parseCommandArgs, type CliIo, type Command } from '../command.js';
import { awaitJobWithProgress } from '../job-progress.js';
import { decodeMessage } from '../../messages.js';

const USAGE =
  'whatif make "What if …?" [--lang es|en] [--seconds 45] [--scenes N] [--tone T] [--voice id] [--images auto|kie|own|none] [--own-images DIR] [--music FILE] [--offline] [--stop-after-storyboard] [-o out.mp4]\n       whatif make --ideas ideas.txt [same options; -o is then a folder]\n       whatif make --continue <project-dir> [--images …] [--music FILE]   (after --stop-after-storyboard)';

/** `--music FILE`: into the project's library only; the timeline step lays it under the short. */
function musicSource(file: string): { path: string; name: string } {
  return { path: path.resolve(file), name: path.basename(file) };
}

function report(io: CliIo, r: MakeResult, dir: string): void {
  if (r.script) {
    io.out(`Script: "${r.script.title}" by ${r.script.writer}${r.script.repaired ? ` (repaired once: ${r.script.repaired})` : ''}`);
    if (!r.script.writer.startsWith('offline')) {
      io.out(`Tokens: ${r.script.cost.promptTokens} in + ${r.script.cost.completionTokens} out${r.script.cost.estimated ? ' (estimated)' : ''}, ${formatUsd(r.script.cost.usd)} (estimated before: ${formatUsd(r.script.estimate.usd)})`);
    }
    io.out(`Description: ${r.script.description}`);
  }
  for (const warning of r.images?.warnings ?? []) io.err(`warning: ${decodeMessage(warning).text}`);
  if (r.offline.length) io.out(`Made offline: ${r.offline.map((part) => decodeMessage(part).text).join(', ')}`);
  if (r.music) io.out(`Music: "${r.music}" under the narration.`);
  if (r.stretched) io.out(`The voice ended before ${r.target} s, so the scenes were lengthened to it.`);
  if (r.stoppedAfter) io.out(`Stopped after the storyboard: review it, then go on from the page or with whatif make --continue ${dir}.`);
  if (r.file) io.out(`Done: ${r.file} (${r.durationSeconds?.toFixed(2)} s, asked ${r.target} s)`);
}

export const make: Command = {
  name: 'make',
  usage: USAGE,
  summary: 'An idea to a finished short in one step: script, narration, images, timeline, MP4 (--ideas for a batch).',
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(
      args,
      {
        lang: { type: 'string' },
        seconds: { type: 'string' },
        scenes: { type: 'string' },
        tone: { type: 'string' },
        voice: { type: 'string' },
        images: { type: 'string' },
        'own-images': { type: 'string' },
        music: { type: 'string' },
        offline: { type: 'boolean' },
        'stop-after-storyboard': { type: 'boolean' },
        ideas: { type: 'string' },
        continue: { type: 'string' },
        output: { type: 'string', short: 'o' },
      },
      USAGE,
    );
    if (values.continue) {
      const images = values.images === undefined ? undefined : ImagesModeSchema.safeParse(values.images);
      if (images && !images.success) throw new AppError('invalid_input', `--images must be auto, kie, own or none, not "${values.images}"`);
      const core = createCore({ mode: 'cli', startJobs: false, log: process.env.WHATIF_DEBUG ? (l) => io.err(l) : undefined });
      try {
        const { summary } = core.projects.openFolder(path.resolve(values.continue));
        if (values.music) await importMedia(core, { projectId: summary.id, files: [musicSource(values.music)] });
        const { job } = continueMake(core, summary.id, images?.data, values.output ? path.resolve(values.output) : undefined);
        io.out(`Continuing "${summary.name}": narration, images, timeline and export`);
        report(io, (await awaitJobWithProgress(core, job, io, 'Making the short')).result as MakeResult, summary.dir);
        return 0;
      } finally {
        await core.close();
      }
    }
    const ideas = values.ideas ? parseIdeas(fs.readFileSync(path.resolve(values.ideas), 'utf8')) : positionals.slice(0, 1);
    if (ideas.length === 0) throw new AppError('invalid_input', `${values.ideas ? `${values.ideas} has no ideas (one a line)` : 'missing the idea'}\nusage: ${USAGE}`);
    const language = values.lang ?? 'en';
    if (language !== 'en' && language !== 'es') throw new AppError('invalid_input', `--lang must be es or en, not "${language}"`);
    const seconds = Number(values.seconds ?? 45);
    if (!Number.isInteger(seconds) || seconds < 10 || seconds > 180) throw new AppError('invalid_input', `--seconds must be a whole number from 10 to 180, not "${values.seconds}"`);
    const scenes = values.scenes === undefined ? null : Number(values.scenes);
    if (scenes !== null && (!Number.isInteger(scenes) || scenes < 2 || scenes > 30)) throw new AppError('invalid_input', `--scenes must be a whole number from 2 to 30, not "${values.scenes}"`);
    const images = ImagesModeSchema.safeParse(values.images ?? 'auto');
    if (!images.success) throw new AppError('invalid_input', `--images must be auto, kie, own or none, not "${values.images}"`);
    if (images.data === 'own' && !values['own-images']) throw new AppError('invalid_input', '--images own needs --own-images <folder of pictures>');
    const batch = Boolean(values.ideas);
    const destinationFor = (idea: string, i: number): string | undefined => {
      if (!values.output) return undefined;
      if (!batch) return path.resolve(values.output);
      const slug = idea.normalize('NFKD').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 50) || 'short';
      return path.resolve(values.output, `${String(i + 1).padStart(2, '0')}-${slug}.mp4`);
    };
    if (batch && values.output) fs.mkdirSync(path.resolve(values.output), { recursive: true });

    const core = createCore({ mode: 'cli', startJobs: false, log: process.env.WHATIF_DEBUG ? (l) => io.err(l) : undefined });
    try {
      const started = ideas.map((idea, i) =>
        startMake(core, {
          idea,
          language,
          seconds,
          scenes,
          ...(values.tone ? { tone: values.tone } : {}),
          ...(values.voice ? { voiceId: values.voice } : {}),
          images: images.data,
          ...(values['own-images'] ? { ownImagesDir: path.resolve(values['own-images']) } : {}),
          ...(values.offline ? { offline: true } : {}),
          ...(values['stop-after-storyboard'] ? { stopAfterStoryboard: true } : {}),
          ...(destinationFor(idea, i) ? { destination: destinationFor(idea, i)! } : {}),
        }),
      );
      // The music goes into each new project's library before its jobs run; the timeline step lays it under the short.
      if (values.music) for (const s of started) await importMedia(core, { projectId: s.projectId, files: [musicSource(values.music)] });
      if (!batch) {
        io.out(`Making "${ideas[0]}" (${language}, ${seconds} s) in ${core.projects.dirOf(started[0]!.projectId)}`);
        const done = await awaitJobWithProgress(core, started[0]!.job, io, 'Making the short');
        report(io, done.result as MakeResult, core.projects.dirOf(started[0]!.projectId));
        return 0;
      }
      io.out(`Making ${ideas.length} shorts (${language}, ${seconds} s each) through the job queue…`);
      const onAbort = () => started.forEach((s) => core.jobs.cancel(s.job.id));
      io.signal.addEventListener('abort', onAbort, { once: true });
      core.jobs.start();
      const finished: Job[] = await Promise.all(started.map((s) => core.jobs.waitFor(s.job.id)));
      io.signal.removeEventListener('abort', onAbort);
      if (io.signal.aborted) throw new AppError('cancelled', 'Cancelled.');
      io.out('');
      io.out(`${'#'.padEnd(3)} ${'state'.padEnd(9)} ${'seconds'.padEnd(8)} idea → file or error`);
      finished.forEach((job, i) => {
        const r = job.result as MakeResult | null;
        const detail = job.state === 'done' ? (r?.file ?? 'stopped after the storyboard') : (job.error?.message ?? job.state);
        io.out(`${String(i + 1).padEnd(3)} ${job.state.padEnd(9)} ${(r?.durationSeconds?.toFixed(1) ?? '-').padEnd(8)} ${ideas[i]} → ${detail}`);
      });
      const ok = finished.filter((j) => j.state === 'done').length;
      io.out(`${ok} of ${finished.length} finished.`);
      return ok === finished.length ? 0 : 1;
    } finally {
      await core.close();
    }
  },
};
