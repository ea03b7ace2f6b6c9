/**
 * One interface for every script-writer backend: an OpenAI-compatible chat-completions endpoint
 * (OpenAI, OpenRouter, DeepSeek, Groq, LM Studio, Ollama's /v1 ...) or Ollama's native API. A chat
 * streams its text through `onDelta` and resolves with the whole answer and the token usage.
 */
import type { ChatMessage } from './prompt.js';

/** How the provider is asked for JSON: a JSON Schema (structured output), plain JSON mode, or only by the prompt. */
export type JsonMode = 'schema' | 'object' | 'none';

export interface ChatRequest {
  messages: ChatMessage[];
  jsonMode: JsonMode;
  schema?: Record<string, unknown>;
  temperature?: number;
  signal?: AbortSignal | undefined;
  onDelta?: ((text: string) => void) | undefined;
}

export interface TokenUsage {
  promptTokens: number;
  completionTokens: number;
  /** True when the provider did not say and the counts are estimated from the text. */
  estimated: boolean;
}

export interface ChatAnswer {
  content: string;
  /** The provider's refusal (OpenAI's `refusal` field), when it declined. */
  refusal: string | null;
  /** `stop`, `length` (cut off by the token limit) ... as the provider says it. */
  finishReason: string | null;
  usage: TokenUsage;
}

export interface ChatProvider {
  kind: 'openai' | 'ollama';
  /** Shown to the user: "OpenAI-compatible (api.openai.com, gpt-4o-mini)", "Ollama (llama3.2)". */
  label: string;
  model: string;
  /** Runs on this machine (no cost, no key). */
  local: boolean;
  chat(request: ChatRequest): Promise<ChatAnswer>;
}

/** About four characters per token: the estimate used when a provider reports no usage. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}
