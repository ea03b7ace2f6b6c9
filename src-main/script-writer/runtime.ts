/**
 * Which script writer a core uses, from Settings (→ script writer) with environment overrides for the
 * CLI and tests: WHATIF_LLM_PROVIDER (auto|openai|ollama|offline), WHATIF_LLM_BASE_URL,
 * WHATIF_LLM_MODEL, WHATIF_OLLAMA_URL, WHATIF_OLLAMA_MODEL; the key is the secret store's `llm`
 * (WHATIF_LLM_API_KEY). `auto` takes the OpenAI-compatible endpoint when a key is set, else a running
 * Ollama (found through /api/tags), else the offline template writer, and says which.
 */
import type { Core } from '../core.js';
import { appError } from '../errors.js';
import type { ScriptWriterSettings } from '../ipc/contract/settings.js';
import { createOllama, detectOllama } from './ollama.js';
import { createOpenAiCompatible } from './openai-compatible.js';
import type { ChatProvider } from './provider.js';

export interface ResolvedWriter {
  /** null: the offline template writer. */
  provider: ChatProvider | null;
  settings: ScriptWriterSettings;
  /** Why this one, for the log and the CLI ("no key and no Ollama running: offline template"). */
  reason: string;
}

export function writerSettings(core: Core, env: NodeJS.ProcessEnv = process.env): ScriptWriterSettings {
  const base = core.settings.get().scriptWriter;
  const provider = env.WHATIF_LLM_PROVIDER as ScriptWriterSettings['provider'] | undefined;
  return {
    ...base,
    ...(provider && ['auto', 'openai', 'ollama', 'offline'].includes(provider) ? { provider } : {}),
    ...(env.WHATIF_LLM_BASE_URL ? { baseUrl: env.WHATIF_LLM_BASE_URL } : {}),
    ...(env.WHATIF_LLM_MODEL ? { model: env.WHATIF_LLM_MODEL } : {}),
    ...(env.WHATIF_OLLAMA_URL ? { ollamaUrl: env.WHATIF_OLLAMA_URL } : {}),
    ...(env.WHATIF_OLLAMA_MODEL ? { ollamaModel: env.WHATIF_OLLAMA_MODEL } : {}),
  };
}

async function openAi(core: Core, settings: ScriptWriterSettings): Promise<ChatProvider> {
  if (!settings.baseUrl || !settings.model) throw appError('invalid_input', 'script.needsAddress');
  const keyed = (await core.secrets.get('llm')) !== null;
  // A keyless loopback server (LM Studio, Ollama's /v1) costs nothing; with a key it may be a paid proxy.
  const loopback = /^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(\/|$)/.test(settings.baseUrl);
  return createOpenAiCompatible({ baseUrl: settings.baseUrl, model: settings.model, apiKey: () => core.secrets.get('llm'), local: loopback && !keyed, log: core.log });
}

export async function resolveWriter(core: Core, options: { signal?: AbortSignal | undefined; forceOffline?: boolean } = {}): Promise<ResolvedWriter> {
  const settings = writerSettings(core);
  if (options.forceOffline || settings.provider === 'offline') return { provider: null, settings, reason: 'the offline template writer was chosen' };
  if (settings.provider === 'openai') return { provider: await openAi(core, settings), settings, reason: 'an OpenAI-compatible endpoint was chosen' };
  if (settings.provider === 'auto' && (await core.secrets.get('llm'))) return { provider: await openAi(core, settings), settings, reason: 'a script writer key is set' };
  const models = await detectOllama(settings.ollamaUrl, { signal: options.signal, log: core.log });
  if (settings.provider === 'ollama' && !models) throw appError('provider_error', 'script.ollamaNotRunning', { ollamaUrl: settings.ollamaUrl }, { retryable: true });
  if (models && models.length > 0) {
    const model = settings.ollamaModel && models.some((m) => m === settings.ollamaModel || m.startsWith(`${settings.ollamaModel}:`)) ? settings.ollamaModel : settings.ollamaModel || models[0]!;
    return { provider: createOllama({ baseUrl: settings.ollamaUrl, model, log: core.log }), settings, reason: `Ollama runs here with ${model}` };
  }
  if (settings.provider === 'ollama') throw appError('invalid_input', 'script.ollamaNoModel');
  return { provider: null, settings, reason: 'no script writer key and no Ollama running: the offline template writer' };
}
