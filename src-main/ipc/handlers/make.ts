import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '../../core.js';
import { appError } from '../../errors.js';
import { continueMake, startMake, type MakeInput } from '../../make/start-make.js';
import { estimateScriptCost } from '../../script-writer/cost.js';
import { rewritePart } from '../../script-writer/rewrite.js';
import { resolveWriter } from '../../script-writer/runtime.js';
import { ScriptRequestSchema } from '../../script-writer/script-schema.js';
import type { makeCalls } from '../contract/make.js';
import type { HandlersFor } from '../handle.js';

/**
 * The options as the job takes them; a folder of pictures is checked before any project is made. The
 * page names a folder only as the user granted it (the folder dialog, or the bridge's roots): outside
 * them the answer is the same whether it exists or not.
 */
function options(core: Core, input: Omit<MakeInput, 'idea'>): Omit<MakeInput, 'idea'> {
  const out: Omit<MakeInput, 'idea'> = { language: input.language, seconds: input.seconds };
  if (input.images === 'own' && !input.ownImagesDir) throw appError('invalid_input', 'make.ownFolderNeeded');
  if (input.ownImagesDir !== undefined && !path.isAbsolute(input.ownImagesDir)) throw appError('invalid_input', 'make.ownFolderNotFull', { folder: input.ownImagesDir });
  if (input.ownImagesDir !== undefined) core.grants.check('ownImagesDir', input.ownImagesDir);
  if (input.ownImagesDir !== undefined && !fs.statSync(input.ownImagesDir, { throwIfNoEntry: false })?.isDirectory()) {
    throw appError('not_found', 'make.ownFolderMissing', { folder: input.ownImagesDir });
  }
  for (const key of ['tone', 'scenes', 'voiceId', 'images', 'ownImagesDir', 'stopAfterStoryboard', 'offline'] as const) {
    if (input[key] !== undefined) (out as Record<string, unknown>)[key] = input[key];
  }
  return out;
}

export function makeHandlers(core: Core): HandlersFor<keyof typeof makeCalls> {
  return {
    'make.estimate': async (input) => {
      const writer = await resolveWriter(core);
      const request = ScriptRequestSchema.parse({ idea: input.idea, language: input.language, seconds: input.seconds, scenes: input.scenes ?? null });
      if (!writer.provider) return { writer: 'offline template', offline: true, estimate: { promptTokens: 0, completionTokens: 0, usd: 0, estimated: false }, capUsd: writer.settings.costCapUsd, withinCap: true };
      const estimate = estimateScriptCost(request, writer.settings, writer.provider.local);
      return { writer: writer.provider.label, offline: false, estimate, capUsd: writer.settings.costCapUsd, withinCap: estimate.usd <= writer.settings.costCapUsd };
    },
    'make.start': ({ idea, ...rest }) => startMake(core, { idea, ...options(core, rest) }),
    'make.batch': ({ ideas, ...rest }) => ({ items: ideas.map((idea) => ({ idea, ...startMake(core, { idea, ...options(core, rest) }) })) }),
    'make.continue': ({ projectId, images }) => continueMake(core, projectId, images),
    'script.rewrite': (input) => rewritePart(core, input),
  };
}
