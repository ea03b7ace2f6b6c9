import path from 'node:path';
import { createCore } from '../../core.js';
import { AppError } from '../../errors.js';
import { AspectPresetSchema, clipsWithRole, LanguageSchema, projectDuration, type TrackRole } from '../../project/document.js';
import { readProjectFile } from '../../project/project-file.js';
import { parseCommandArgs, type Command } from '../command.js';

const NEW_USAGE = 'whatif project new <dir> [--name NAME] [--template ID] [--language es|en] [--preset 9:16|16:9|1:1]';

export const projectNew: Command = {
  name: 'project new',
  usage: NEW_USAGE,
  summary: 'Create a project folder (optionally from a "What if...?" template).',
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(
      args,
      { name: { type: 'string' }, template: { type: 'string' }, language: { type: 'string' }, preset: { type: 'string' } },
      NEW_USAGE,
    );
    const target = positionals[0];
    if (!target) throw new AppError('invalid_input', `missing <dir>\nusage: ${NEW_USAGE}`);
    const language = values.language === undefined ? undefined : LanguageSchema.safeParse(values.language);
    if (language && !language.success) throw new AppError('invalid_input', `--language must be es or en, not "${values.language}"`);
    const preset = values.preset === undefined ? undefined : AspectPresetSchema.safeParse(values.preset);
    if (preset && !preset.success) throw new AppError('invalid_input', `--preset must be 9:16, 16:9 or 1:1, not "${values.preset}"`);
    const dir = path.resolve(target);
    const core = createCore({ mode: 'cli', startJobs: false });
    try {
      const result = await core.dispatch('project.create', {
        name: values.name ?? path.basename(dir),
        parentDir: path.dirname(dir),
        ...(language?.success ? { language: language.data } : {}),
        ...(preset?.success ? { preset: preset.data } : {}),
        ...(values.template ? { templateId: values.template } : {}),
      });
      if (!result.ok) throw new AppError(result.error.code, result.error.message);
      const summary = result.data as { dir: string; name: string; id: string };
      io.out(`Created "${summary.name}" in ${summary.dir}`);
      return 0;
    } finally {
      await core.close();
    }
  },
};

const INFO_USAGE = 'whatif project info <dir> [--json]';

export const projectInfo: Command = {
  name: 'project info',
  usage: INFO_USAGE,
  summary: 'Show a project folder: name, output, scenes, tracks, duration.',
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' } }, INFO_USAGE);
    const target = positionals[0];
    if (!target) throw new AppError('invalid_input', `missing <dir>\nusage: ${INFO_USAGE}`);
    const doc = readProjectFile(path.resolve(target));
    const duration = projectDuration(doc);
    if (values.json) {
      io.out(JSON.stringify({ id: doc.id, name: doc.name, version: doc.version, output: doc.output, duration, scenes: doc.scenes.length }, null, 2));
      return 0;
    }
    const t = doc.tracks;
    io.out(`${doc.name}  (format v${doc.version}, id ${doc.id})`);
    io.out(`  output     ${doc.output.width}x${doc.output.height} (${doc.output.preset}) at ${doc.output.fps} fps, ${doc.output.quality}`);
    io.out(`  duration   ${duration.toFixed(2)} s`);
    io.out(`  scenes     ${doc.scenes.length}`);
    const count = (role: TrackRole) => clipsWithRole(doc, role).length;
    io.out(`  tracks     ${count('main')} main, ${count('overlay')} overlay, ${t.text.length} text, ${t.captions.cues.length} caption cues, ${count('narration')} narration, ${count('music')} music, ${count('effects')} effects`);
    io.out(`  narration  ${doc.narration.engine}${doc.narration.voiceId ? ` (${doc.narration.voiceId})` : ''}, ${doc.narration.wordsPerMinute} wpm, ${doc.narration.language}`);
    io.out(`  assets     ${Object.keys(doc.assets).length}`);
    return 0;
  },
};
