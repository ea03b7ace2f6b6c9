/**
 * `whatif narrate --text-file s.txt --voice <id> --wpm 170 -o out.wav [--timings out.json]`: a script
 * to a WAV and a timings file (sentences, words, caption cues, scene lengths, measured wpm).
 * `whatif narrate <project-dir>`: the project's script through its voice into its narration and
 * captions tracks, through the job queue like the app.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createCore, type Core } from '../../core.js';
import { AppError } from '../../errors.js';
import { durationOf, encodeWav } from '../../narration/audio/wav.js';
import { NARRATION_SYNTHESIZE_KIND } from '../../narration/jobs.js';
import type { ProjectNarrationResult } from '../../narration/project-narration.js';
import { closeNarration, narrationRuntime, resolveEngine } from '../../narration/runtime.js';
import { synthesizeScript } from '../../narration/synthesize.js';
import { buildTimingsFile } from '../../narration/timing/timings-file.js';
import { parseCommandArgs, type CliIo, type Command } from '../command.js';
import { awaitJobWithProgress } from '../job-progress.js';
import { writeFileAtomic } from '../../platform/atomic-file.js';
import { decodeMessage } from '../../messages.js';

const USAGE = 'whatif narrate --text-file <s.txt> [--voice <id>] [--wpm 170] -o <out.wav> [--timings <out.json>] [--sentence-silence 0.3] [--language es|en]\n       whatif narrate <project-dir> [--keep-scene-durations]';


async function narrateFile(core: Core, values: Record<string, string | boolean | undefined>, io: CliIo): Promise<number> {
  const textFile = values['text-file'] as string | undefined;
  const out = values.output as string | undefined;
  if (!textFile || !out) throw new AppError('invalid_input', `--text-file and -o are needed\nusage: ${USAGE}`);
  // No --voice: the language's default voice (the system voice of --language, else of the default language).
  const language = (values.language as string | undefined) ?? core.settings.get().defaultLanguage;
  if (language !== 'es' && language !== 'en') throw new AppError('invalid_input', `--language must be es or en, not "${language}"\nusage: ${USAGE}`);
  const voice = (values.voice as string | undefined) ?? `system:${language}`;
  const wpm = Number(values.wpm ?? 170);
  const sentenceSilence = Number(values['sentence-silence'] ?? 0.3);
  if (!Number.isFinite(sentenceSilence) || sentenceSilence < 0 || sentenceSilence > 3) throw new AppError('invalid_input', '--sentence-silence must be between 0 and 3 seconds.');
  let script: string;
  try {
    script = fs.readFileSync(path.resolve(textFile), 'utf8');
  } catch {
    throw new AppError('not_found', `Cannot read the script file ${textFile}.`);
  }
  const engine = resolveEngine(core, voice, { language });
  let last = -1;
  const result = await synthesizeScript(engine, narrationRuntime(core).calibration, {
    script,
    wpm,
    sentenceSilence,
    signal: io.signal,
    progress: (percent, message) => {
      if (Math.floor(percent / 10) === last) return;
      last = Math.floor(percent / 10);
      io.err(`${Math.round(percent)}% ${decodeMessage(message).text}`);
    },
  });
  for (const warning of result.warnings) io.err(`warning: ${decodeMessage(warning).text}`);
  const outFile = path.resolve(out);
  writeFileAtomic(outFile, encodeWav(result.audio));
  if (values.timings) writeFileAtomic(path.resolve(values.timings as string), `${JSON.stringify(buildTimingsFile(result), null, 2)}\n`);
  io.out(`Wrote ${outFile}: ${durationOf(result.audio).toFixed(2)} s, ${result.sentences.length} sentences, ${result.wpm.measured} words per minute measured (asked ${wpm}).`);
  return 0;
}

async function narrateProjectDir(core: Core, dir: string, keepScenes: boolean, io: CliIo): Promise<number> {
  const { summary } = core.projects.openFolder(path.resolve(dir));
  const job = core.jobs.enqueue(NARRATION_SYNTHESIZE_KIND, { projectId: summary.id, applySceneDurations: !keepScenes }, { projectId: summary.id });
  const done = await awaitJobWithProgress(core, job, io, 'Narration');
  const r = done.result as ProjectNarrationResult;
  for (const warning of r.warnings) io.err(`warning: ${warning}`);
  io.out(`Narrated "${summary.name}": ${r.duration.toFixed(2)} s on the narration track, ${r.cues} caption cues, ${r.measuredWpm} wpm measured (asked ${r.requestedWpm}).`);
  io.out(`Scene lengths ${r.applied ? 'applied' : 'suggested'}: ${r.sceneDurations.map((s) => `${s.duration.toFixed(2)}s`).join(', ')}`);
  return 0;
}

export const narrate: Command = {
  name: 'narrate',
  usage: USAGE,
  summary: 'Narrate a script file to a WAV + timings, or a project folder into its narration and captions tracks.',
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(
      args,
      {
        'text-file': { type: 'string' },
        voice: { type: 'string' },
        wpm: { type: 'string' },
        output: { type: 'string', short: 'o' },
        timings: { type: 'string' },
        'sentence-silence': { type: 'string' },
        'keep-scene-durations': { type: 'boolean' },
        language: { type: 'string' },
      },
      USAGE,
    );
    const core = createCore({ mode: 'cli', startJobs: false, log: process.env.WHATIF_DEBUG ? (l) => io.err(l) : undefined });
    try {
      if (positionals[0]) return await narrateProjectDir(core, positionals[0], Boolean(values['keep-scene-durations']), io);
      return await narrateFile(core, values, io);
    } finally {
      closeNarration(core);
      await core.close();
    }
  },
};
