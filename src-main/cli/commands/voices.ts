/** `whatif voices`, `whatif voice add <file.onnx>`, `whatif voice download <name>`, `whatif voice remove <id>`. */
import path from 'node:path';
import { createCore } from '../../core.js';
import { AppError } from '../../errors.js';
import { VOICE_DOWNLOAD_KIND } from '../../narration/jobs.js';
import { closeNarration } from '../../narration/runtime.js';
import { addVoice, listVoices, removeVoice } from '../../narration/voices/manage.js';
import { parseCommandArgs, type CliIo, type Command } from '../command.js';
import { awaitJobWithProgress } from '../job-progress.js';

function cliCore(io: CliIo) {
  return createCore({ mode: 'cli', startJobs: false, log: process.env.WHATIF_DEBUG ? (l) => io.err(l) : undefined });
}

function size(bytes: number): string {
  return bytes === 0 ? '-' : `${(bytes / 1e6).toFixed(1)} MB`;
}

export const voices: Command = {
  name: 'voices',
  usage: 'whatif voices',
  summary: 'List the installed voices (Piper and system) with language, quality, size, sample rate and speakers.',
  async run(args, io) {
    parseCommandArgs(args, {}, 'whatif voices');
    const core = cliCore(io);
    try {
      const list = listVoices(core);
      io.out(['ID'.padEnd(34), 'LANG'.padEnd(6), 'QUALITY'.padEnd(8), 'SIZE'.padStart(9), 'RATE'.padStart(7), 'SPK'].join(' '));
      for (const v of list) {
        io.out([v.id.padEnd(34), v.language.padEnd(6), v.quality.padEnd(8), size(v.bytes).padStart(9), (v.sampleRate ? String(v.sampleRate) : '-').padStart(7), String(v.speakers)].join(' '));
      }
      if (!list.some((v) => v.engine === 'piper')) io.err('No Piper voice installed yet: "whatif voice download en_US-lessac-medium" or "whatif voice add <file.onnx>".');
      return 0;
    } finally {
      await core.close();
    }
  },
};

export const voiceAdd: Command = {
  name: 'voice add',
  usage: 'whatif voice add <file.onnx>',
  summary: 'Install a Piper voice from a local .onnx (with its .onnx.json beside it).',
  async run(args, io) {
    const { positionals } = parseCommandArgs(args, {}, this.usage);
    if (!positionals[0]) throw new AppError('invalid_input', `missing <file.onnx>\nusage: ${this.usage}`);
    const core = cliCore(io);
    try {
      const voice = await addVoice(core, path.resolve(positionals[0]));
      io.out(`Installed ${voice.id} (${voice.language}, ${voice.quality}, ${voice.sampleRate} Hz, ${size(voice.bytes)}).`);
      return 0;
    } finally {
      await core.close();
    }
  },
};

export const voiceRemove: Command = {
  name: 'voice remove',
  usage: 'whatif voice remove <voice-id>',
  summary: 'Remove an installed Piper voice.',
  async run(args, io) {
    const { positionals } = parseCommandArgs(args, {}, this.usage);
    if (!positionals[0]) throw new AppError('invalid_input', `missing <voice-id>\nusage: ${this.usage}`);
    const core = cliCore(io);
    try {
      removeVoice(core, positionals[0]);
      io.out(`Removed ${positionals[0]}.`);
      return 0;
    } finally {
      await core.close();
    }
  },
};

export const voiceDownload: Command = {
  name: 'voice download',
  usage: 'whatif voice download <name>   (e.g. en_US-lessac-medium, es_ES-davefx-medium, es_MX-ald-medium)',
  summary: 'Download a Piper voice from the voice hub (WHATIF_VOICES_BASE_URL), size and md5 checked, resumable.',
  async run(args, io) {
    const { positionals } = parseCommandArgs(args, {}, this.usage);
    const name = positionals[0];
    if (!name) throw new AppError('invalid_input', `missing <name>\nusage: ${this.usage}`);
    const core = cliCore(io);
    try {
      const job = core.jobs.enqueue(VOICE_DOWNLOAD_KIND, { name });
      const done = await awaitJobWithProgress(core, job, io, 'The download');
      const voice = done.result as { id: string; sampleRate: number; bytes: number };
      io.out(`Installed ${voice.id} (${voice.sampleRate} Hz, ${size(voice.bytes)}).`);
      return 0;
    } finally {
      closeNarration(core);
      await core.close();
    }
  },
};
