/** A "What if...?" template: JSON in resources/templates/, validated by zod, text in Spanish and English. */
import { z } from 'zod';
import { LanguageSchema } from '../project/document.js';

export const TemplateTextSchema = z.object({
  title: z.string().min(1).max(200),
  description: z.string().max(500),
  /** Fills {premise} in each scene prompt; the user may replace it. */
  premise: z.string().min(1).max(2000),
  style: z.string().max(2000),
  negativePrompt: z.string().max(2000),
  script: z.string().max(10_000),
  scenes: z.array(z.string().min(1).max(4000)).min(2).max(30),
});

export const TemplateSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]{1,64}$/),
    version: z.literal(1),
    model: z.string().min(1),
    sceneSeconds: z.number().positive().max(60),
    /** Scenes 2..N take scene 1's image as reference (consistent characters). */
    characterFromFirstScene: z.boolean(),
    text: z.object({ en: TemplateTextSchema, es: TemplateTextSchema }),
  })
  .strict();
export type Template = z.infer<typeof TemplateSchema>;

export const TemplateSummarySchema = z.object({
  id: z.string(),
  language: LanguageSchema,
  title: z.string(),
  description: z.string(),
  premise: z.string(),
  sceneCount: z.number().int(),
  model: z.string(),
  characterFromFirstScene: z.boolean(),
});
export type TemplateSummary = z.infer<typeof TemplateSummarySchema>;
