/**
 * Ollama's native API on this machine (no key, no cost): `GET /api/tags` finds it and its models,
 * `POST /api/chat` with `format` (a JSON Schema, or "json") streams newline-delimited JSON objects
 * (`message.content` pieces, then `done: true` with `prompt_eval_count` / `eval_count`).
 */
import { appError, toAppError } from '../errors.js';
import { httpRequest } from '../providers/http/client.js';
import { estimateTokens, type ChatAnswer, type ChatProvider, type ChatRequest } from './provider.js';
import { LineSplitter } from './stream-lines.js';

export const OLLAMA_DEFAULT_URL = 'http://127.0.0.1:11434';

export interface OllamaOptions {
  baseUrl: string;
  model: string;
  timeoutMs?: number;
  log?: (line: string) => void;
}

interface ChatLine {
  message?: { content?: string };
  done?: boolean;
  done_reason?: string;
  prompt_eval_count?: number;
  eval_count?: number;
  error?: string;
}

/** The models of a running Ollama, or null when none answers at `baseUrl` (quickly: it is local). */
export async function detectOllama(baseUrl: string, options: { signal?: AbortSignal | undefined; timeoutMs?: number; log?: (line: string) => void } = {}): Promise<string[] | null> {
  try {
    const response = await httpRequest({
      provider: 'Ollama',
      url: `${baseUrl.replace(/\/+$/, '')}/api/tags`,
      timeoutMs: options.timeoutMs ?? 1500,
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.log ? { log: options.log } : {}),
    });
    const body = response.json<{ models?: { name?: string; model?: string }[] }>();
    return (body.models ?? []).map((m) => m.name ?? m.model ?? '').filter(Boolean);
  } catch (error) {
    if (toAppError(error).code === 'cancelled') throw error;
    return null;
  }
}

export function createOllama(options: OllamaOptions): ChatProvider {
  const provider = `Ollama (${options.model})`;
  return {
    kind: 'ollama',
    label: provider,
    model: options.model,
    local: true,
    async chat(request: ChatRequest): Promise<ChatAnswer> {
      let content = '';
      let final: ChatLine | null = null;
      let streamError: string | null = null;
      const lines = new LineSplitter();
      const onLine = (line: string) => {
        if (!line.trim()) return;
        let event: ChatLine;
        try {
          event = JSON.parse(line) as ChatLine;
        } catch {
          return;
        }
        if (event.error) streamError = event.error;
        const piece = event.message?.content;
        if (piece) {
          content += piece;
          request.onDelta?.(piece);
        }
        if (event.done) final = event;
      };
      await httpRequest({
        provider,
        url: `${options.baseUrl.replace(/\/+$/, '')}/api/chat`,
        json: {
          model: options.model,
          messages: request.messages,
          stream: true,
          ...(request.jsonMode === 'none' ? {} : { format: request.jsonMode === 'schema' && request.schema ? request.schema : 'json' }),
          options: { temperature: request.temperature ?? 0.8 },
        },
        signal: request.signal,
        timeoutMs: options.timeoutMs ?? 300_000,
        describeError: (_status, body) => {
          try {
            return (JSON.parse(body) as { error?: string }).error ?? body.slice(0, 200);
          } catch {
            return body.slice(0, 200);
          }
        },
        onChunk: (chunk) => lines.push(chunk).forEach(onLine),
        ...(options.log ? { log: options.log } : {}),
      });
      lines.end().forEach(onLine);
      if (streamError) throw appError('provider_error', 'script.streamFailed', { provider, streamError }, { retryable: true });
      const done = final as ChatLine | null;
      const promptText = request.messages.map((m) => m.content).join('\n');
      return {
        content,
        refusal: null,
        finishReason: done ? (done.done_reason ?? 'stop') : 'length',
        usage: done?.prompt_eval_count !== undefined
          ? { promptTokens: done.prompt_eval_count, completionTokens: done.eval_count ?? estimateTokens(content), estimated: false }
          : { promptTokens: estimateTokens(promptText), completionTokens: estimateTokens(content), estimated: true },
      };
    },
  };
}
