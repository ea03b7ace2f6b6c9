/**
 * The messages sent to the script writer (pure): a system message that fixes the JSON shape and the
 * rules (one scene per beat, the prompt written for that beat, the character and style once), the
 * user's request, and the single repair message that quotes what was wrong with the first answer.
 */
import { languageName } from './language.js';
import { SCRIPT_JSON_SCHEMA, type ScriptRequest } from './script-schema.js';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** Words a narrator reads in `seconds` at an ordinary pace (~150 wpm, minus pauses). */
export function targetWords(seconds: number): number {
  return Math.round((seconds * 140) / 60);
}

export function sceneCountFor(request: Pick<ScriptRequest, 'seconds' | 'scenes'>): number {
  return request.scenes ?? Math.max(3, Math.min(12, Math.round(request.seconds / 6)));
}

export function scriptMessages(request: ScriptRequest): ChatMessage[] {
  const language = languageName(request.language);
  const scenes = sceneCountFor(request);
  const system = [
    'You write scripts for vertical "What if...?" short videos (TikTok, Reels, Shorts).',
    'Answer with ONE JSON object and nothing else, matching this JSON Schema:',
    JSON.stringify(SCRIPT_JSON_SCHEMA),
    'Rules:',
    `- Write title, hook, every scene's narration, onScreenTitle and description in ${language}. Write every image prompt, the character and the style in English.`,
    `- About ${targetWords(request.seconds)} words of narration in total, for about ${request.seconds} seconds read aloud.`,
    `- Exactly ${scenes} scenes, one per beat of the story. A scene's narration is one or two sentences; its prompt shows exactly what those sentences say, as one concrete image (subject, action, setting, camera).`,
    "- Scene 1's narration starts with the hook. The last scene ends with a line that makes people comment.",
    '- character: the one recurring character described once (age, face, hair, clothes) or "" if there is none. style: one shared visual style (medium, lighting, palette). Do not repeat them inside the prompts: they are appended to every prompt.',
    '- hashtags: 3 to 8, without spaces.',
  ].join('\n');
  const tone = request.tone ? ` Tone: ${request.tone}.` : '';
  return [
    { role: 'system', content: system },
    { role: 'user', content: `Idea: ${request.idea}\nLanguage: ${language}. Length: ${request.seconds} seconds. Scenes: ${scenes}.${tone}` },
  ];
}

/** The one repair round: the first answer and what was wrong with it, quoted. */
export function repairMessages(first: ChatMessage[], answer: string, problem: string): ChatMessage[] {
  return [
    ...first,
    { role: 'assistant', content: answer.slice(0, 12_000) },
    { role: 'user', content: `Your answer cannot be used: ${problem}. Answer again with the complete JSON object only, following the schema and every rule.` },
  ];
}

/** Rewriting one sentence or one scene prompt of a finished script. */
export function rewriteMessages(input: { language: ScriptRequest['language']; idea: string; kind: 'sentence' | 'prompt'; text: string; context: string; instruction: string }): ChatMessage[] {
  const what = input.kind === 'sentence' ? `one narration sentence, in ${languageName(input.language)}` : 'one image prompt, in English';
  return [
    { role: 'system', content: `You edit scripts of "What if...?" short videos. Answer with JSON {"text": "..."}: ${what}, nothing else.` },
    {
      role: 'user',
      content: `Idea: ${input.idea}\nThe rest of the script, for context:\n${input.context.slice(0, 4000)}\n\nRewrite this: ${input.text}\n${input.instruction ? `How: ${input.instruction}` : 'Make it more vivid and surprising, same length.'}`,
    },
  ];
}
