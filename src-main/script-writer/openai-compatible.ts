/**
 * Any OpenAI-compatible chat-completions endpoint: `POST {base}/v1/chat/completions`, Bearer key,
 * streamed as server-sent events (`choices[0].delta.content`, `[DONE]`), usage from the last event
 * (`stream_options.include_usage`). JSON is asked for with `response_format` json_schema (structured
 * output) or json_object (JSON mode) as configured. Through the one HTTP client: timeouts, redaction,
 * Retry-After and what is retryable are decided there.
 */
import { appError } from '../errors.js';
import { httpRequest } from '../providers/http/client.js';
import { estimateTokens, type ChatAnswer, type ChatProvider, type ChatRequest } from './provider.js';
import { LineSplitter, sseData } from './stream-lines.js';

export interface OpenAiCompatibleOptions {
  /** e.g. https://api.openai.com, https://openrouter.ai/api, http://127.0.0.1:1234 (with or without /v1). */
  baseUrl: string;
  model: string;
  apiKey: () => Promise<string | null>;
  timeoutMs?: number;
  /** Costs nothing (a model on this machine). Default: a loopback address; a proxy with a key may still pay upstream, so say so. */
  local?: boolean;
  log?: (line: string) => void;
}

interface StreamEvent {
  choices?: { delta?: { content?: string | null; refusal?: string | null }; finish_reason?: string | null }[];
  usage?: { prompt_tokens?: number; completion_tokens?: number } | null;
  error?: { message?: string };
}

/** `{base}/v1/chat/completions` whether or not the base already ends in /v1. */
export function chatCompletionsUrl(baseUrl: string): string {
  const base = baseUrl.replace(/\/+$/, '');
  return /\/v\d+$/.test(base) ? `${base}/chat/completions` : `${base}/v1/chat/completions`;
}

export function responseFormat(request: Pick<ChatRequest, 'jsonMode' | 'schema'>): Record<string, unknown> | undefined {
  if (request.jsonMode === 'schema' && request.schema) return { type: 'json_schema', json_schema: { name: 'script', schema: request.schema, strict: true } };
  if (request.jsonMode === 'object' || request.jsonMode === 'schema') return { type: 'json_object' };
  return undefined;
}

function describe(_status: number, body: string): string | undefined {
  try {
    const parsed = JSON.parse(body) as { error?: { message?: string } | string };
    const message = typeof parsed.error === 'string' ? parsed.error : parsed.error?.message;
    return message ?? body.slice(0, 200);
  } catch {
    return body.slice(0, 200) || undefined;
  }
}

/** The models an endpoint offers (`GET {base}/v1/models`): the key tester's check, costing nothing. */
export async function listModels(options: Pick<OpenAiCompatibleOptions, 'baseUrl' | 'apiKey' | 'log'>): Promise<string[]> {
  const key = await options.apiKey();
  const url = chatCompletionsUrl(options.baseUrl).replace(/\/chat\/completions$/, '/models');
  const response = await httpRequest({
    provider: `The script writer (${new URL(url).host})`,
    url,
    headers: key ? { Authorization: `Bearer ${key}` } : {},
    secrets: [key],
    timeoutMs: 15_000,
    describeError: describe,
    ...(options.log ? { log: options.log } : {}),
  });
  return (response.json<{ data?: { id?: string }[] }>().data ?? []).map((m) => m.id ?? '').filter(Boolean);
}

export function createOpenAiCompatible(options: OpenAiCompatibleOptions): ChatProvider {
  const host = (() => {
    try {
      return new URL(options.baseUrl).host;
    } catch {
      return options.baseUrl;
    }
  })();
  const loopback = /^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/.test(host);
  const local = options.local ?? loopback;
  const provider = `The script writer (${host})`;
  return {
    kind: 'openai',
    label: `OpenAI-compatible (${host}, ${options.model})`,
    model: options.model,
    local,
    async chat(request: ChatRequest): Promise<ChatAnswer> {
      const key = await options.apiKey();
      if (!key && !loopback) throw appError('auth_error', 'script.noKey', { host });
      const format = responseFormat(request);
      let content = '';
      let refusal = '';
      let finishReason: string | null = null;
      let usage: StreamEvent['usage'] = null;
      let streamError: string | null = null;
      let sawDone = false;
      const lines = new LineSplitter();
      const onLine = (line: string) => {
        const data = sseData(line);
        if (data === null) return;
        if (data === 'done') {
          sawDone = true;
          return;
        }
        let event: StreamEvent;
        try {
          event = JSON.parse(data) as StreamEvent;
        } catch {
          return; // a garbled event: the JSON check of the whole answer will say what is missing
        }
        if (event.error?.message) streamError = event.error.message;
        if (event.usage) usage = event.usage;
        const choice = event.choices?.[0];
        if (!choice) return;
        if (choice.finish_reason) finishReason = choice.finish_reason;
        const piece = choice.delta?.content;
        if (piece) {
          content += piece;
          request.onDelta?.(piece);
        }
        if (choice.delta?.refusal) refusal += choice.delta.refusal;
      };
      await httpRequest({
        provider,
        url: chatCompletionsUrl(options.baseUrl),
        headers: { ...(key ? { Authorization: `Bearer ${key}` } : {}), Accept: 'text/event-stream' },
        json: {
          model: options.model,
          messages: request.messages,
          temperature: request.temperature ?? 0.8,
          stream: true,
          stream_options: { include_usage: true },
          ...(format ? { response_format: format } : {}),
        },
        signal: request.signal,
        timeoutMs: options.timeoutMs ?? 180_000,
        secrets: [key],
        describeError: describe,
        onChunk: (chunk) => lines.push(chunk).forEach(onLine),
        ...(options.log ? { log: options.log } : {}),
      });
      lines.end().forEach(onLine);
      if (streamError) throw appError('provider_error', 'script.streamFailed', { provider, streamError }, { retryable: true });
      if (!sawDone && !finishReason && !content) throw appError('provider_error', 'script.noAnswer', { provider }, { retryable: true });
      const u = usage as StreamEvent['usage'];
      const promptText = request.messages.map((m) => m.content).join('\n');
      return {
        content,
        refusal: refusal || null,
        finishReason: finishReason ?? (sawDone ? 'stop' : 'length'),
        usage: u?.prompt_tokens !== undefined
          ? { promptTokens: u.prompt_tokens, completionTokens: u.completion_tokens ?? estimateTokens(content), estimated: false }
          : { promptTokens: estimateTokens(promptText), completionTokens: estimateTokens(content), estimated: true },
      };
    },
  };
}
