/**
 * A template applied to a document (pure): the premise expands into N scene prompts sharing the
 * template's style and negative prompt, saved in the project where the user can edit them.
 */
import type { Language, ProjectDocument, Scene } from '../project/document.js';
import type { Template } from './template-schema.js';

export interface ApplyOptions {
  language?: Language;
  /** Replaces the template's premise in every scene prompt. */
  premise?: string;
  /** How many scenes (prompts repeat with a shot number past the template's own). */
  sceneCount?: number;
  newId: () => string;
}

export function applyTemplate(doc: ProjectDocument, template: Template, options: ApplyOptions): ProjectDocument {
  const language = options.language ?? doc.language;
  const text = template.text[language];
  const premise = options.premise?.trim() || text.premise;
  const count = Math.max(1, Math.min(30, options.sceneCount ?? text.scenes.length));
  const scenes: Scene[] = [];
  for (let i = 0; i < count; i++) {
    const base = text.scenes[i % text.scenes.length]!.replaceAll('{premise}', premise);
    const prompt = i < text.scenes.length ? base : `${base} (${language === 'es' ? 'plano' : 'shot'} ${i + 1})`;
    scenes.push({
      id: options.newId(),
      prompt,
      negativePrompt: '',
      model: template.model,
      imageAssetId: null,
      referenceSceneId: template.characterFromFirstScene && i > 0 ? scenes[0]!.id : null,
      duration: template.sceneSeconds,
    });
  }
  return {
    ...doc,
    style: { templateId: template.id, premise, style: text.style, negativePrompt: text.negativePrompt },
    scenes,
    narration: doc.narration.script.trim() ? doc.narration : { ...doc.narration, script: text.script },
  };
}
