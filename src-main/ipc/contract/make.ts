import { z } from 'zod';
import { LanguageSchema, ProjectDocumentSchema } from '../../project/document.js';
import { ImagesModeSchema } from '../../make/make-payload.js';
import { call } from './define.js';
import { JobSchema } from './jobs.js';

const makeOptions = {
  language: LanguageSchema,
  seconds: z.number().int().min(10).max(180),
  tone: z.string().trim().max(100).optional(),
  scenes: z.number().int().min(2).max(30).nullable().optional(),
  voiceId: z.string().min(1).max(200).optional(),
  images: ImagesModeSchema.optional(),
  /** images "own": the folder of the user's pictures (absolute; scenes beyond its pictures get placeholder art). */
  ownImagesDir: z.string().trim().min(1).max(4096).optional(),
  stopAfterStoryboard: z.boolean().optional(),
  offline: z.boolean().optional(),
};
const idea = z.string().trim().min(3, 'write the idea, e.g. "What if humans could fly?"').max(500);

export const ScriptCostSchema = z.object({ promptTokens: z.number(), completionTokens: z.number(), usd: z.number(), estimated: z.boolean() });

export const makeCalls = {
  'make.estimate': call(
    z.object({ idea, language: LanguageSchema, seconds: makeOptions.seconds, scenes: makeOptions.scenes }).strict(),
    z.object({ writer: z.string(), offline: z.boolean(), estimate: ScriptCostSchema, capUsd: z.number(), withinCap: z.boolean() }),
    'Which script writer would write this idea, and its estimated tokens and cost (before anything is paid).',
  ),
  'make.start': call(
    z.object({ idea, ...makeOptions }).strict(),
    z.object({ projectId: z.string(), job: JobSchema }),
    '"New from an idea": a new project and the job that takes it to an MP4 (script, narration, images, timeline, export).',
  ),
  'make.batch': call(
    z.object({ ideas: z.array(idea).min(1).max(50), ...makeOptions }).strict(),
    z.object({ items: z.array(z.object({ idea: z.string(), projectId: z.string(), job: JobSchema })) }),
    'One project and one MP4 per idea, through the queue; one failure does not stop the others.',
  ),
  'make.continue': call(
    z.object({ projectId: z.string().min(1), images: ImagesModeSchema.optional() }).strict(),
    z.object({ projectId: z.string(), job: JobSchema }),
    'Go on from a reviewed storyboard: narration, images, timeline and export (the script is kept as edited).',
  ),
  'script.rewrite': call(
    z
      .object({
        projectId: z.string().min(1),
        /** sentence: one narration sentence (1-based, as read); prompt: one scene's image prompt (1-based scene). */
        part: z.enum(['sentence', 'prompt']),
        index: z.number().int().min(1).max(1000),
        instruction: z.string().trim().max(300).optional(),
      })
      .strict(),
    z.object({ text: z.string(), document: ProjectDocumentSchema }),
    'Rewrite one sentence of the narration or one scene prompt with the script writer; saved in the project (undo in the editor).',
  ),
} as const;

export const makeEvents = {} as const;
