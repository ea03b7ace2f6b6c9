/**
 * A written script (or a draft of one, while it streams) put into a project document (pure): the
 * narration text with one paragraph per scene, one storyboard scene per beat with its own prompt, the
 * character and style sheets as the shared style appended to every prompt, and scenes 2..N taking
 * scene 1's image as the character reference when there is a character. Scene ids come from `idFor`
 * (stable per beat index), so a draft's scenes keep their ids when the finished script arrives.
 */
import type { Language, ProjectDocument, Scene } from '../project/document.js';
import { narrationText, sharedStyle, type Script, type ScriptDraft } from '../script-writer/script-schema.js';

export interface ApplyScriptOptions {
  idea: string;
  language: Language;
  model: string;
  /** Planned seconds per scene until the narration gives real lengths. */
  sceneSeconds: number;
  idFor: (index: number) => string;
}

function scenesOf(beats: { prompt: string }[], withReference: boolean, options: ApplyScriptOptions, previous: Scene[]): Scene[] {
  const firstId = options.idFor(0);
  return beats.map((beat, i) => {
    const id = options.idFor(i);
    const before = previous.find((s) => s.id === id);
    return {
      id,
      prompt: beat.prompt.slice(0, 4000) || '…',
      negativePrompt: '',
      model: options.model,
      imageAssetId: before?.imageAssetId ?? null,
      referenceSceneId: withReference && i > 0 ? firstId : null,
      duration: options.sceneSeconds,
    };
  });
}

export function applyScript(doc: ProjectDocument, script: Script, options: ApplyScriptOptions): ProjectDocument {
  return {
    ...doc,
    language: options.language,
    narration: { ...doc.narration, language: options.language, script: narrationText(script) },
    style: { ...doc.style, premise: options.idea.slice(0, 2000), style: sharedStyle(script).slice(0, 2000) },
    scenes: scenesOf(script.scenes, script.character.trim().length > 0, options, doc.scenes),
  };
}

/** A draft: whatever beats have arrived, so the Voice and Storyboard panels fill while the model writes. */
export function applyDraft(doc: ProjectDocument, draft: ScriptDraft, options: ApplyScriptOptions): ProjectDocument {
  const beats = draft.scenes.filter((s) => s.narration.trim() || s.prompt.trim());
  if (beats.length === 0) return doc;
  return {
    ...doc,
    narration: { ...doc.narration, language: options.language, script: narrationText({ scenes: beats.map((b) => ({ narration: b.narration || '…', prompt: b.prompt })) }) },
    style: { ...doc.style, premise: options.idea.slice(0, 2000), style: sharedStyle({ character: draft.character ?? '', style: draft.style ?? '' }).slice(0, 2000) },
    scenes: scenesOf(beats.map((b) => ({ prompt: b.prompt })), Boolean(draft.character?.trim()), options, doc.scenes),
  };
}
