/**
 * "Rewrite this sentence / this scene": one narration sentence or one scene prompt sent back to the
 * script writer with the rest of the script as context; the answer replaces just that part, in one
 * project update (the editor's undo brings the old text back). Needs a model: the offline template
 * writer cannot rewrite, and says so.
 */
import type { Core } from '../core.js';
import { appError } from '../errors.js';
import { splitScript } from '../narration/script.js';
import type { ProjectDocument } from '../project/document.js';
import { readProjectFile } from '../project/project-file.js';
import { extractJson } from './json-text.js';
import { rewriteMessages } from './prompt.js';
import { resolveWriter } from './runtime.js';

export interface RewriteInput {
  projectId: string;
  part: 'sentence' | 'prompt';
  index: number;
  instruction?: string | undefined;
}

/** The script with sentence `index` (1-based, as the narrator reads them) replaced; other paragraphs kept. Pure. */
export function replaceSentence(script: string, language: string, index: number, text: string): string {
  const sentences = splitScript(script, language);
  const target = sentences[index - 1];
  if (!target) throw appError('invalid_input', 'script.noSentence', { index, length: sentences.length });
  const paragraphs = script
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  return paragraphs
    .map((paragraph, p) => (p !== target.paragraph ? paragraph : sentences.filter((s) => s.paragraph === p).map((s) => (s.index === target.index ? text.trim() : s.text)).join(' ')))
    .join('\n\n');
}

export async function rewritePart(core: Core, input: RewriteInput, signal?: AbortSignal): Promise<{ text: string; document: ProjectDocument }> {
  const doc = readProjectFile(core.projects.dirOf(input.projectId));
  const language = doc.narration.language;
  let original: string;
  if (input.part === 'prompt') {
    const scene = doc.scenes[input.index - 1];
    if (!scene) throw appError('invalid_input', 'script.noScene', { index: input.index, length: doc.scenes.length, name: doc.name });
    original = scene.prompt;
  } else {
    const sentence = splitScript(doc.narration.script, language)[input.index - 1];
    if (!sentence) throw appError('invalid_input', 'script.noSentenceAt', { index: input.index });
    original = sentence.text;
  }
  const writer = await resolveWriter(core, { signal });
  if (!writer.provider) throw appError('unsupported', 'script.rewriteNeedsWriter');
  const context = [doc.narration.script, ...doc.scenes.map((s, i) => `Scene ${i + 1}: ${s.prompt}`)].join('\n');
  const answer = await writer.provider.chat({
    messages: rewriteMessages({ language, idea: doc.style.premise || doc.name, kind: input.part, text: original, context, instruction: input.instruction ?? '' }),
    jsonMode: writer.settings.jsonMode === 'none' ? 'none' : 'object',
    signal,
  });
  if (answer.refusal) throw appError('provider_error', 'script.rewriteDeclined', { label: writer.provider.label, refusal: answer.refusal });
  const json = extractJson(answer.content);
  const value = json.ok && json.value && typeof (json.value as { text?: unknown }).text === 'string' ? (json.value as { text: string }).text : answer.content;
  const text = value.replace(/\s+/g, ' ').trim();
  if (!text) throw appError('provider_error', 'script.noText', { label: writer.provider.label });
  const document = core.projects.update(
    input.projectId,
    (current) =>
      input.part === 'prompt'
        ? { ...current, scenes: current.scenes.map((s, i) => (i === input.index - 1 ? { ...s, prompt: text.slice(0, 4000) } : s)) }
        : { ...current, narration: { ...current.narration, script: replaceSentence(current.narration.script, language, input.index, text) } },
    'saved',
  );
  return { text, document };
}
