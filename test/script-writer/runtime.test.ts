/** Which script writer a core picks: a keyed endpoint, a running Ollama found by itself, or the offline templates. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '../../src-main/errors.js';
import { resolveWriter } from '../../src-main/script-writer/runtime.js';
import { startFakeLlm, type FakeLlm } from '../fakes/llm-server.js';
import { makeTestCore } from '../helpers/temp-core.js';

let fake: FakeLlm;
beforeAll(async () => {
  fake = await startFakeLlm({ models: ['qwen2.5:3b', 'llama3.2:latest'] });
});
afterAll(() => fake.close());

function coreWith(writer: Record<string, unknown>) {
  const core = makeTestCore();
  core.settings.set({ scriptWriter: { ...core.settings.get().scriptWriter, baseUrl: fake.url, model: 'fake-gpt', ollamaUrl: 'http://127.0.0.1:9', ...writer } });
  return core;
}

describe('choosing the script writer', () => {
  it('auto: Ollama when it runs here (its first model, or the one asked for), with no key and no cost', async () => {
    const core = coreWith({ provider: 'auto', ollamaUrl: fake.url });
    const first = await resolveWriter(core);
    expect(first.provider).toMatchObject({ kind: 'ollama', model: 'qwen2.5:3b', local: true });
    expect(first.reason).toBe('Ollama runs here with qwen2.5:3b');
    core.settings.set({ scriptWriter: { ...core.settings.get().scriptWriter, ollamaModel: 'llama3.2' } });
    expect((await resolveWriter(core)).provider?.model).toBe('llama3.2');
    await core.cleanup();
  });

  it('auto: the OpenAI-compatible endpoint once its key is set; nothing at all: the offline templates', async () => {
    const core = coreWith({ provider: 'auto' });
    expect((await resolveWriter(core)).provider).toBeNull();
    await core.secrets.set('llm', fake.apiKey);
    expect((await resolveWriter(core)).provider).toMatchObject({ kind: 'openai', model: 'fake-gpt', local: false });
    await core.cleanup();
  });

  it('Ollama chosen but not running is a retryable error that says how to start it', async () => {
    const core = coreWith({ provider: 'ollama' });
    const error = await resolveWriter(core).catch((e: unknown) => e);
    expect(isAppError(error) && error.retryable).toBe(true);
    expect((error as Error).message).toBe('Ollama is not running at http://127.0.0.1:9. Start it (ollama serve) or pick another script writer in Settings.');
    await core.cleanup();
  });
});
