import { z } from 'zod';
import { LanguageSchema, ProjectDocumentSchema } from '../../project/document.js';
import { TemplateSummarySchema } from '../../templates/template-schema.js';
import { call } from './define.js';

export const templateCalls = {
  'templates.list': call(
    z.object({ language: LanguageSchema.optional() }).strict(),
    z.array(TemplateSummarySchema),
    '"What if...?" templates in one language (default: the UI language).',
  ),
  'templates.apply': call(
    z
      .object({
        projectId: z.string().min(1),
        templateId: z.string().min(1),
        premise: z.string().trim().min(1).max(2000).optional(),
        sceneCount: z.number().int().min(1).max(30).optional(),
        language: LanguageSchema.optional(),
      })
      .strict(),
    ProjectDocumentSchema,
    'Fill a project from a template: scenes from the premise, shared style and negative prompt.',
  ),
} as const;

export const templateEvents = {} as const;
