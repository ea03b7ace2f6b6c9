/**
 * Loads the bundled templates (resources/templates/*.json, each checked by zod; a bad file is named
 * in the error) and wires core.applyTemplate so `project.create` with a templateId fills the scenes.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '../core.js';
import { appError } from '../errors.js';
import { describeZodError } from '../ipc/handle.js';
import type { Language, ProjectDocument } from '../project/document.js';
import { resourcePath } from '../platform/app-root.js';
import { applyTemplate } from './apply-template.js';
import { TemplateSchema, type Template, type TemplateSummary } from './template-schema.js';

export function templatesDir(): string {
  return resourcePath('templates');
}

export function loadTemplates(dir: string = templatesDir()): Template[] {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  return files.map((file) => {
    let raw: unknown;
    try {
      raw = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
    } catch (error) {
      throw appError('invalid_input', 'templates.notJson', { file, message: (error as Error).message });
    }
    const parsed = TemplateSchema.safeParse(raw);
    if (!parsed.success) throw appError('invalid_input', 'templates.invalid', { file, problem: describeZodError(parsed.error) });
    return parsed.data;
  });
}

export function findTemplate(id: string): Template {
  const template = loadTemplates().find((t) => t.id === id);
  if (!template) throw appError('not_found', 'templates.unknown', { template: id, known: loadTemplates().map((t) => t.id).join(', ') });
  return template;
}

export function summarize(template: Template, language: Language): TemplateSummary {
  const text = template.text[language];
  return {
    id: template.id,
    language,
    title: text.title,
    description: text.description,
    premise: text.premise,
    sceneCount: text.scenes.length,
    model: template.model,
    characterFromFirstScene: template.characterFromFirstScene,
  };
}

export function applyTemplateToProject(core: Core, input: { projectId: string; templateId: string; premise?: string | undefined; sceneCount?: number | undefined; language?: Language | undefined }): ProjectDocument {
  const template = findTemplate(input.templateId);
  return core.projects.update(
    input.projectId,
    (doc) =>
      applyTemplate(doc, template, {
        newId: () => crypto.randomUUID(),
        ...(input.premise ? { premise: input.premise } : {}),
        ...(input.sceneCount ? { sceneCount: input.sceneCount } : {}),
        ...(input.language ? { language: input.language } : {}),
      }),
    'saved',
  );
}

export function registerTemplates(core: Core): void {
  core.applyTemplate = (projectId, templateId) => {
    applyTemplateToProject(core, { projectId, templateId });
  };
}
