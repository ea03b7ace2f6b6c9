/**
 * An idea to a checked script through any provider: ask (JSON Schema or JSON mode where the provider
 * has it), read the JSON out of the answer, check it with zod and the requested language, and on a
 * miss ask once more, quoting what was wrong. A refusal is an error at once; two unusable answers are
 * an error that quotes the second problem. Drafts of the answer are handed out while it streams.
 */
import { appError } from '../errors.js';
import { describeZodError } from '../ipc/handle.js';
import { extractJson, parsePartialObject } from './json-text.js';
import { guessLanguage, languageName } from './language.js';
import { repairMessages, scriptMessages, type ChatMessage } from './prompt.js';
import type { ChatProvider, JsonMode, TokenUsage } from './provider.js';
import { normaliseHashtags, SCRIPT_JSON_SCHEMA, ScriptSchema, type Script, type ScriptDraft, type ScriptRequest } from './script-schema.js';

export interface WriteOptions {
  jsonMode: JsonMode;
  signal?: AbortSignal | undefined;
  onDraft?: ((draft: ScriptDraft) => void) | undefined;
  /** Called before each round: 1 for the first answer, 2 for the repair. */
  onRound?: ((round: number, problem: string | null) => void) | undefined;
}

export interface WrittenScript {
  script: Script;
  usage: TokenUsage;
  rounds: number;
  /** What the repair round fixed, when there was one. */
  repaired: string | null;
  provider: string;
}

type Check = { ok: true; script: Script } | { ok: false; problem: string };

const REFUSAL = /\b(I can(?:'|no)t|I'm sorry|I am sorry|I won't|lo siento|no puedo)\b/i;

/** Whether an answer is a usable script for this request (pure). */
export function checkAnswer(content: string, request: Pick<ScriptRequest, 'language'>): Check {
  const json = extractJson(content);
  if (!json.ok) return { ok: false, problem: json.error };
  const parsed = ScriptSchema.safeParse(json.value);
  if (!parsed.success) return { ok: false, problem: `it does not match the schema (${describeZodError(parsed.error)})` };
  const script = { ...parsed.data, hashtags: normaliseHashtags(parsed.data.hashtags) };
  const spoken = [script.title, script.hook, ...script.scenes.map((s) => s.narration)].join(' ');
  const language = guessLanguage(spoken);
  if (language && language !== request.language) {
    return { ok: false, problem: `the narration is in ${languageName(language)}, but it must be in ${languageName(request.language)}` };
  }
  return { ok: true, script };
}

/** A stream's text so far as a draft (the fields received whole), or null. */
export function draftOf(text: string): ScriptDraft | null {
  const value = parsePartialObject(text);
  if (!value) return null;
  const field = (name: string) => (typeof value[name] === 'string' ? (value[name] as string) : undefined);
  const scenes = Array.isArray(value.scenes)
    ? (value.scenes as unknown[])
        .filter((s): s is Record<string, unknown> => Boolean(s) && typeof s === 'object')
        .map((s) => ({ narration: typeof s.narration === 'string' ? s.narration : '', prompt: typeof s.prompt === 'string' ? s.prompt : '' }))
        .filter((s) => s.narration || s.prompt)
    : [];
  const draft: ScriptDraft = { scenes };
  for (const key of ['title', 'hook', 'character', 'style'] as const) {
    const v = field(key);
    if (v !== undefined) draft[key] = v;
  }
  return draft;
}

function addUsage(a: TokenUsage, b: TokenUsage): TokenUsage {
  return { promptTokens: a.promptTokens + b.promptTokens, completionTokens: a.completionTokens + b.completionTokens, estimated: a.estimated || b.estimated };
}

export async function writeScript(provider: ChatProvider, request: ScriptRequest, options: WriteOptions): Promise<WrittenScript> {
  const first = scriptMessages(request);
  let messages: ChatMessage[] = first;
  let usage: TokenUsage = { promptTokens: 0, completionTokens: 0, estimated: false };
  let problem: string | null = null;
  for (let round = 1; round <= 2; round++) {
    options.onRound?.(round, problem);
    let text = '';
    const answer = await provider.chat({
      messages,
      jsonMode: options.jsonMode,
      schema: SCRIPT_JSON_SCHEMA as unknown as Record<string, unknown>,
      signal: options.signal,
      onDelta: (piece) => {
        text += piece;
        // A field or a scene can only have been completed by a piece that closes a string or an object.
        if (!options.onDraft || !/["}]/.test(piece)) return;
        const draft = draftOf(text);
        if (draft) options.onDraft(draft);
      },
    });
    usage = addUsage(usage, answer.usage);
    const refusal = answer.refusal ?? (answer.content.includes('{') ? null : REFUSAL.test(answer.content) ? answer.content.trim().slice(0, 200) : null);
    if (refusal) throw appError('provider_error', 'script.declined', { label: provider.label, refusal });
    const check = checkAnswer(answer.content, request);
    if (check.ok) {
      if (options.onDraft) options.onDraft({ ...check.script });
      return { script: check.script, usage, rounds: round, repaired: round > 1 ? problem : null, provider: provider.label };
    }
    problem = answer.finishReason === 'length' && !check.problem.includes('cut off') ? `${check.problem}; the answer was cut off by the length limit` : check.problem;
    messages = repairMessages(first, answer.content, problem);
  }
  throw appError('provider_error', 'script.noUsableScript', { label: provider.label, problem: String(problem) });
}
