/**
 * What the script writer must produce, checked by zod whichever provider wrote it (pure: the renderer
 * may import it). One scene per beat: each beat carries the sentences the narrator reads over it and
 * the image prompt written for exactly that moment; the character and style sheets are appended to
 * every prompt so one look runs through the short. `SCRIPT_JSON_SCHEMA` is the same shape as a JSON
 * Schema for providers with structured output (OpenAI `json_schema`, Ollama `format`).
 */
import { z } from 'zod';
import { LanguageSchema } from '../project/document.js';

export const ScriptSceneSchema = z.object({
  /** What the narrator says during this scene: one or two sentences. */
  narration: z.string().trim().min(1).max(600),
  /** The image for this moment, in English (image models read English best). */
  prompt: z.string().trim().min(1).max(1000),
});
export type ScriptScene = z.infer<typeof ScriptSceneSchema>;

export const ScriptSchema = z.object({
  title: z.string().trim().min(1).max(120),
  /** The opening line that stops the scroll; scene 1's narration starts with it. */
  hook: z.string().trim().min(1).max(300),
  /** Who appears in every scene, described once (face, clothes, age). May be empty for no recurring character. */
  character: z.string().trim().max(600),
  /** The visual style shared by every image. */
  style: z.string().trim().min(1).max(600),
  scenes: z.array(ScriptSceneSchema).min(1).max(30),
  /** Big text shown over the first seconds. */
  onScreenTitle: z.string().trim().min(1).max(80),
  /** For posting: a description and hashtags. */
  description: z.string().trim().max(1500),
  hashtags: z.array(z.string().trim().min(1).max(60)).max(20),
});
export type Script = z.infer<typeof ScriptSchema>;

/** What the user asks for. `scenes` null = the writer chooses (about one per 5–7 s). */
export const ScriptRequestSchema = z.object({
  idea: z.string().trim().min(3, 'write the idea, e.g. "What if humans could fly?"').max(500),
  language: LanguageSchema,
  seconds: z.number().int().min(10).max(180),
  tone: z.string().trim().max(100).default(''),
  scenes: z.number().int().min(2).max(30).nullable().default(null),
});
export type ScriptRequest = z.infer<typeof ScriptRequestSchema>;

/** A draft as it streams in: whatever fields have arrived so far. */
export interface ScriptDraft {
  title?: string;
  hook?: string;
  character?: string;
  style?: string;
  scenes: { narration: string; prompt: string }[];
}

const str = (max: number, min = 0) => ({ type: 'string', minLength: min, maxLength: max });

export const SCRIPT_JSON_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['title', 'hook', 'character', 'style', 'scenes', 'onScreenTitle', 'description', 'hashtags'],
  properties: {
    title: str(120, 1),
    hook: str(300, 1),
    character: str(600),
    style: str(600, 1),
    scenes: {
      type: 'array',
      minItems: 1,
      maxItems: 30,
      items: { type: 'object', additionalProperties: false, required: ['narration', 'prompt'], properties: { narration: str(600, 1), prompt: str(1000, 1) } },
    },
    onScreenTitle: str(80, 1),
    description: str(1500),
    hashtags: { type: 'array', maxItems: 20, items: str(60, 1) },
  },
} as const;

/** Hashtags as posted: one leading #, no spaces. */
export function normaliseHashtags(tags: string[]): string[] {
  const out: string[] = [];
  for (const tag of tags) {
    const clean = `#${tag.replace(/^#+/, '').replace(/\s+/g, '')}`;
    if (clean.length > 1 && !out.includes(clean)) out.push(clean);
  }
  return out;
}

/** The narration as the narrator reads it: one paragraph per scene, so scene lengths follow the beats. */
export function narrationText(script: Pick<Script, 'scenes'>): string {
  return script.scenes.map((s) => s.narration.replace(/\s+/g, ' ').trim()).join('\n\n');
}

/** The shared look appended to every scene prompt: the character sheet, then the style sheet. */
export function sharedStyle(script: Pick<Script, 'character' | 'style'>): string {
  return [script.character.trim(), script.style.trim()].filter(Boolean).join('. ');
}
