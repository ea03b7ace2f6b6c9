/** The script writer against the loopback fakes of an OpenAI-compatible API and of Ollama, faults included. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError, type AppError } from '../../src-main/errors.js';
import { createOllama, detectOllama } from '../../src-main/script-writer/ollama.js';
import { createOpenAiCompatible } from '../../src-main/script-writer/openai-compatible.js';
import type { ChatProvider } from '../../src-main/script-writer/provider.js';
import { ScriptRequestSchema, type ScriptDraft } from '../../src-main/script-writer/script-schema.js';
import { writeScript } from '../../src-main/script-writer/write-script.js';
import { scriptFor, startFakeLlm, type FakeLlm } from '../fakes/llm-server.js';

let fake: FakeLlm;
let openai: ChatProvider;
let ollama: ChatProvider;
beforeAll(async () => {
  fake = await startFakeLlm();
  openai = createOpenAiCompatible({ baseUrl: fake.url, model: 'fake-gpt', apiKey: async () => fake.apiKey, timeoutMs: 1500 });
  ollama = createOllama({ baseUrl: fake.url, model: 'llama3.2:latest', timeoutMs: 1500 });
});
afterAll(() => fake.close());

const request = (idea: string, extra: Record<string, unknown> = {}) => ScriptRequestSchema.parse({ idea, language: 'en', seconds: 30, scenes: 4, ...extra });

async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return error;
    throw error;
  }
  throw new Error('expected a failure');
}

describe('writing a script', () => {
  for (const [name, provider] of [['OpenAI-compatible', () => openai], ['Ollama native', () => ollama]] as const) {
    it(`${name}: an idea becomes the fake's script, streamed as drafts, with usage`, async () => {
      const drafts: ScriptDraft[] = [];
      const idea = `What if cats could talk? (${name})`;
      const written = await writeScript(provider(), request(idea), { jsonMode: 'schema', onDraft: (d) => drafts.push(d) });
      const expected = scriptFor(idea, 'en', 4);
      expect(written.script.scenes).toEqual(expected.scenes);
      expect(written.script.character).toBe(expected.character);
      expect(written.script.hashtags).toEqual(['#whatif', '#shorts']);
      expect(written.rounds).toBe(1);
      expect(written.usage.estimated).toBe(false);
      expect(written.usage.completionTokens).toBeGreaterThan(100);
      expect(drafts.at(-1)!.scenes).toHaveLength(4);
      const body = fake.calls.at(-1)!.body;
      if (name === 'Ollama native') expect(body.format).toMatchObject({ type: 'object' });
      else expect(body.response_format).toMatchObject({ type: 'json_schema' });
    });
  }

  it('asks in Spanish and gets Spanish', async () => {
    const written = await writeScript(openai, request('¿Y si no hubiera noche?', { language: 'es' }), { jsonMode: 'object' });
    expect(written.script.scenes[1]!.narration).toMatch(/^En el momento 2/);
    expect(fake.calls.at(-1)!.body.response_format).toEqual({ type: 'json_object' });
  });

  for (const fault of ['schema', 'malformed', 'truncated', 'wrong-language']) {
    it(`repairs a ${fault} answer with one more round that quotes the problem`, async () => {
      const idea = `What if the sky were green? [fault:${fault}]`;
      const problems: (string | null)[] = [];
      const written = await writeScript(openai, request(idea), { jsonMode: 'schema', onRound: (_r, p) => problems.push(p) });
      expect(written.rounds).toBe(2);
      expect(fake.callsFor(idea)).toBe(2);
      expect(written.script.scenes).toEqual(scriptFor(idea, 'en', 4).scenes);
      const repair = fake.calls.at(-1)!.body.messages!.at(-1)!.content;
      expect(repair).toContain(written.repaired!);
      expect(written.repaired).toMatch({ schema: /scenes/, malformed: /malformed/, truncated: /cut off/, 'wrong-language': /Spanish, but it must be in English/ }[fault]!);
    });
  }

  it('gives up after the repair round with an error naming the step', async () => {
    const error = await failure(writeScript(ollama, request('What if rain fell up? [fault:schema-always]'), { jsonMode: 'schema' }));
    expect(error.message).toMatch(/^Ollama \(llama3.2:latest\) answered twice without a usable script \(it does not match the schema \(scenes/);
    expect(error.retryable).toBe(false);
  });

  it('a refusal is an error at once, not a repair', async () => {
    const idea = 'What if? [fault:refusal]';
    const error = await failure(writeScript(openai, request(idea), { jsonMode: 'schema' }));
    expect(error.message).toContain("declined to write this script: \"I'm sorry, I can't help with that request.\"");
    expect(fake.callsFor(idea)).toBe(1);
  });

  it('429 with Retry-After, 500 and a hang are retryable errors; the next attempt succeeds', async () => {
    const limited = await failure(writeScript(openai, request('What if A? [fault:429]'), { jsonMode: 'schema' }));
    expect(limited).toMatchObject({ code: 'rate_limited', retryable: true, retryAfterSeconds: 1 });
    const broken = await failure(writeScript(openai, request('What if B? [fault:500]'), { jsonMode: 'schema' }));
    expect(broken).toMatchObject({ code: 'provider_error', retryable: true });
    const hung = await failure(writeScript(ollama, request('What if C? [fault:hang]'), { jsonMode: 'schema' }));
    expect(hung.message).toMatch(/did not answer within/);
    expect(hung.retryable).toBe(true);
    for (const idea of ['What if A? [fault:429]', 'What if B? [fault:500]']) expect((await writeScript(openai, request(idea), { jsonMode: 'schema' })).rounds).toBe(1);
  });

  it('a wrong key and an unknown model are clear, not retried', async () => {
    const badKey = createOpenAiCompatible({ baseUrl: fake.url, model: 'fake-gpt', apiKey: async () => 'wrong-key-123456789' });
    const keyError = await failure(writeScript(badKey, request('What if D?'), { jsonMode: 'schema' }));
    expect(keyError.code).toBe('auth_error');
    expect(keyError.message).not.toContain('wrong-key-123456789');
    const badModel = createOpenAiCompatible({ baseUrl: `${fake.url}/v1`, model: 'gpt-nope', apiKey: async () => fake.apiKey });
    const modelError = await failure(writeScript(badModel, request('What if E?'), { jsonMode: 'schema' }));
    expect(modelError.message).toContain('gpt-nope` does not exist');
    expect(modelError.retryable).toBe(false);
  });

  it('finds Ollama through /api/tags, and nothing where nothing runs', async () => {
    expect(await detectOllama(fake.url)).toEqual(['llama3.2:latest']);
    expect(await detectOllama('http://127.0.0.1:9')).toBeNull();
  });
});
