/**
 * `whatif captions <dir>`: show a project's caption style, apply one of the gallery's styles
 * (--style, sized for the project's output), make the project's style the default for new
 * projects (--default), the same as the editor's caption style gallery; -o writes the captions
 * to an SRT file (the media bin's "Save captions as SRT").
 */
import path from 'node:path';
import { createCore } from '../../core.js';
import { AppError } from '../../errors.js';
import { CAPTION_PRESET_IDS, captionLook, captionStyleOf, presetFor, withCaptionStyle } from '../../media/captions/look.js';
import { CaptionPresetSchema } from '../../project/document.js';
import { writeFileAtomic } from '../../platform/atomic-file.js';
import { parseCommandArgs, type Command } from '../command.js';

const USAGE = `whatif captions <dir> [--style ${CAPTION_PRESET_IDS.join('|')}] [--default] [-o captions.srt]`;

export const captions: Command = {
  name: 'captions',
  usage: USAGE,
  summary: "Show or set a project's caption style (the editor's gallery); --default uses it for new projects; -o saves the captions as SRT.",
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, { style: { type: 'string' }, default: { type: 'boolean' }, output: { type: 'string', short: 'o' } }, USAGE);
    const target = positionals[0];
    if (!target) throw new AppError('invalid_input', `missing <dir>\nusage: ${USAGE}`);
    const style = values.style === undefined ? undefined : CaptionPresetSchema.safeParse(values.style);
    if (style && !style.success) throw new AppError('invalid_input', `--style must be one of ${CAPTION_PRESET_IDS.join(', ')}, not "${values.style}"`);
    if (values.output && path.extname(values.output).toLowerCase() !== '.srt') throw new AppError('invalid_input', `The captions file must end in .srt, not ${path.basename(values.output)}.`);
    const core = createCore({ mode: 'cli', startJobs: false });
    try {
      const { summary, document } = core.projects.openFolder(path.resolve(target));
      let doc = document;
      if (style?.success) {
        doc = { ...doc, tracks: { ...doc.tracks, captions: withCaptionStyle(doc.tracks.captions, presetFor(style.data, doc.output.height)) } };
        core.projects.save(summary.id, doc);
      }
      const track = doc.tracks.captions;
      const look = captionLook(track);
      if (values.default) core.settings.set({ defaultCaptionStyle: captionStyleOf(track) });
      io.out(`${summary.name}: captions ${track.enabled ? 'on' : 'off'}, style ${track.preset ?? 'karaoke'}${style?.success ? ' (applied)' : ''}`);
      io.out(`  ${track.style.font} ${track.style.size}px, spoken word ${track.style.highlightColor}${look.activeScale !== 1 ? ` at ${look.activeScale}x` : ''}, animation ${look.animation}`);
      io.out(`  ${look.wordsPerCue > 0 ? `${look.wordsPerCue} words` : 'whole caption'} on screen${Number.isFinite(look.linesPerCue) ? `, at most ${look.linesPerCue} line${look.linesPerCue === 1 ? '' : 's'}` : ''}${look.uppercase ? ', capitals' : ''}`);
      if (values.default) io.out('New projects will start with this caption style.');
      if (values.output) {
        const result = await core.dispatch('captions.exportSrt', { projectId: summary.id });
        if (!result.ok) throw new AppError(result.error.code, result.error.message);
        const { srt, cues } = result.data as { srt: string; cues: number };
        const out = path.resolve(values.output);
        writeFileAtomic(out, srt);
        io.out(`Wrote ${cues} captions to ${out}`);
      }
      return 0;
    } finally {
      await core.close();
    }
  },
};
