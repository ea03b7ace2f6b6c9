/**
 * A loopback LLM that keeps two documented contracts (shared/docs/providers.md): OpenAI-compatible
 * `POST /v1/chat/completions` (Bearer key, `response_format`, `stream` as server-sent events ending in
 * `data: [DONE]`, `usage` when `stream_options.include_usage`, `refusal`, errors as
 * `{"error":{"message"}}` with 401/404/429 + Retry-After/500) and Ollama's native `GET /api/tags` and
 * `POST /api/chat` (newline-delimited JSON ending with `done: true`, `prompt_eval_count`/`eval_count`).
 *
 * The script it writes follows the request ("Idea:", "Scenes: N", the language) so tests can check a
 * project against it (`scriptFor`). Faults are asked for in the idea, "[fault:NAME]", and stripped
 * from what it writes: malformed, truncated, schema (misses the schema once, repaired by the second
 * round), schema-always, wrong-language (once), refusal, 429 (once, Retry-After 1), 500 (once),
 * hang (once: never answers). Repeated faults are per idea.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeLlmOptions {
  apiKey?: string;
  models?: string[];
  /** Pause between streamed pieces (ms). */
  pieceDelayMs?: number;
}

export interface FakeScript {
  title: string;
  hook: string;
  character: string;
  style: string;
  scenes: { narration: string; prompt: string }[];
  onScreenTitle: string;
  description: string;
  hashtags: string[];
}

const ONCE = new Set(['schema', 'wrong-language', '429', '500', 'hang']);

const LINES = {
  en: (i: number) => `In beat ${i + 1} of the story, the world would change again and nobody would be ready for it.`,
  es: (i: number) => `En el momento ${i + 1} de la historia, el mundo cambiaría otra vez y nadie estaría preparado para ello.`,
};

/** The script the fake writes for an idea (faults stripped), in `language`, with `scenes` beats. */
export function scriptFor(rawIdea: string, language: 'en' | 'es', scenes: number): FakeScript {
  const idea = rawIdea.replace(/\s*\[fault:[a-z0-9-]+\]\s*/g, ' ').trim();
  const beats = Array.from({ length: scenes }, (_, i) => ({
    narration: i === 0 ? `${idea} ${LINES[language](i)}` : LINES[language](i),
    prompt: `fake scene ${i + 1} for ${idea.replace(/[¿?]/g, '')}, a wide shot`,
  }));
  return {
    title: idea,
    hook: idea,
    character: 'a curious girl of ten with a red raincoat and short black hair',
    style: 'soft watercolour, warm light',
    scenes: beats,
    onScreenTitle: idea.slice(0, 80),
    description: language === 'es' ? `Un vídeo sobre ${idea}` : `A video about ${idea}`,
    hashtags: ['whatif', '#shorts'],
  };
}

interface Body {
  model?: string;
  messages?: { role: string; content: string }[];
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
  response_format?: { type: string };
  format?: unknown;
}

export async function startFakeLlm(options: FakeLlmOptions = {}) {
  const apiKey = options.apiKey ?? 'llm-test-key-0123456789';
  const models = options.models ?? ['llama3.2:latest'];
  const faultsUsed = new Set<string>();
  const calls: { api: 'openai' | 'ollama'; idea: string; round: number; body: Body; at: number }[] = [];
  const sockets = new Set<import('node:net').Socket>();

  const once = (fault: string | null, idea: string, name: string): boolean => {
    if (fault !== name) return false;
    if (!ONCE.has(name)) return true;
    const key = `${name}:${idea}`;
    if (faultsUsed.has(key)) return false;
    faultsUsed.add(key);
    return true;
  };

  /** The answer text for a request, and how it ends. */
  const answer = (body: Body): { content: string; finish: string; refusal: string | null; idea: string; round: number } | 'hang' | { status: number; message: string; retryAfter?: string } => {
    const messages = body.messages ?? [];
    const user = messages.find((m) => m.role === 'user')?.content ?? '';
    const idea = /Idea: (.*)/.exec(user)?.[1]?.trim() ?? 'What if?';
    const scenes = Number(/Scenes: (\d+)/.exec(user)?.[1] ?? 4);
    const language = /Language: Spanish/.test(user) ? 'es' : 'en';
    const round = messages.filter((m) => m.role === 'assistant').length + 1;
    const fault = /\[fault:([a-z0-9-]+)\]/.exec(idea)?.[1] ?? null;
    if (messages[0]?.content.startsWith('You edit scripts')) {
      const original = /Rewrite this: (.*)/.exec(user)?.[1] ?? '';
      return { content: JSON.stringify({ text: `Even stranger: ${original}` }), finish: 'stop', refusal: null, idea, round };
    }
    if (once(fault, idea, '429')) return { status: 429, message: 'Rate limit reached for requests', retryAfter: '1' };
    if (once(fault, idea, '500')) return { status: 500, message: 'The server had an error while processing your request.' };
    if (once(fault, idea, 'hang')) return 'hang';
    if (fault === 'refusal') return { content: '', finish: 'stop', refusal: "I'm sorry, I can't help with that request.", idea, round };
    const script = scriptFor(idea, language, scenes);
    if (round === 1 && fault === 'malformed') return { content: JSON.stringify(script).replace(/","hook"/, '" "hook"'), finish: 'stop', refusal: null, idea, round };
    if (round === 1 && fault === 'truncated') {
      const text = JSON.stringify(script);
      return { content: text.slice(0, Math.floor(text.length * 0.6)), finish: 'length', refusal: null, idea, round };
    }
    if ((round === 1 && once(fault, idea, 'schema')) || fault === 'schema-always') {
      const { scenes: beats, ...rest } = script;
      return { content: `Here is your script:\n\`\`\`json\n${JSON.stringify({ ...rest, beats })}\n\`\`\``, finish: 'stop', refusal: null, idea, round };
    }
    if (round === 1 && once(fault, idea, 'wrong-language')) {
      return { content: JSON.stringify(scriptFor(idea, language === 'es' ? 'en' : 'es', scenes)), finish: 'stop', refusal: null, idea, round };
    }
    return { content: JSON.stringify(script), finish: 'stop', refusal: null, idea, round };
  };

  const pieces = (text: string) => text.match(/[\s\S]{1,40}/g) ?? [];
  const pause = () => new Promise((r) => setTimeout(r, options.pieceDelayMs ?? 0));

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    let body: Body = {};
    try {
      body = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Body) : {};
    } catch {
      return json(400, { error: { message: 'We could not parse the JSON body of your request.', type: 'invalid_request_error' } });
    }

    if (req.method === 'GET' && url.pathname === '/api/tags') {
      return json(200, { models: models.map((name) => ({ name, model: name, modified_at: '2026-11-01T00:00:00Z', size: 2_019_393_189, details: { family: 'llama', parameter_size: '3.2B', quantization_level: 'Q4_K_M' } })) });
    }

    if (req.method === 'GET' && url.pathname === '/v1/models') {
      if (req.headers.authorization !== `Bearer ${apiKey}`) return json(401, { error: { message: 'Incorrect API key provided.', code: 'invalid_api_key' } });
      return json(200, { object: 'list', data: [{ id: 'fake-gpt', object: 'model', created: 1_700_000_000, owned_by: 'fake' }] });
    }

    if (req.method === 'POST' && url.pathname === '/v1/chat/completions') {
      if (req.headers.authorization !== `Bearer ${apiKey}`) return json(401, { error: { message: 'Incorrect API key provided.', type: 'invalid_request_error', code: 'invalid_api_key' } });
      if (body.model !== 'fake-gpt') return json(404, { error: { message: `The model \`${body.model}\` does not exist or you do not have access to it.`, code: 'model_not_found' } });
      const a = answer(body);
      if (a === 'hang') return; // never answers: the client's timeout must end it
      if ('status' in a) return json(a.status, { error: { message: a.message, type: 'requests' } }, a.retryAfter ? { 'retry-after': a.retryAfter } : {});
      calls.push({ api: 'openai', idea: a.idea, round: a.round, body, at: Date.now() });
      const usage = { prompt_tokens: Math.ceil(JSON.stringify(body.messages).length / 4), completion_tokens: Math.ceil(a.content.length / 4), total_tokens: 0 };
      usage.total_tokens = usage.prompt_tokens + usage.completion_tokens;
      const id = `chatcmpl-${calls.length}`;
      const created = Math.floor(Date.now() / 1000);
      if (!body.stream) {
        return json(200, { id, object: 'chat.completion', created, model: body.model, choices: [{ index: 0, message: { role: 'assistant', content: a.refusal ? null : a.content, refusal: a.refusal }, finish_reason: a.finish }], usage });
      }
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      const event = (data: unknown) => res.write(`data: ${JSON.stringify(data)}\n\n`);
      const chunk = (delta: Record<string, unknown>, finish: string | null = null) => ({ id, object: 'chat.completion.chunk', created, model: body.model, choices: [{ index: 0, delta, finish_reason: finish }] });
      event(chunk({ role: 'assistant', content: '' }));
      for (const piece of pieces(a.refusal ?? a.content)) {
        await pause();
        event(chunk(a.refusal ? { refusal: piece } : { content: piece }));
      }
      event(chunk({}, a.finish));
      if (body.stream_options?.include_usage) event({ id, object: 'chat.completion.chunk', created, model: body.model, choices: [], usage });
      res.end('data: [DONE]\n\n');
      return;
    }

    if (req.method === 'POST' && url.pathname === '/api/chat') {
      if (!models.includes(String(body.model))) return json(404, { error: `model "${body.model}" not found, try pulling it first` });
      const a = answer(body);
      if (a === 'hang') return;
      if ('status' in a) return json(a.status, { error: a.message });
      calls.push({ api: 'ollama', idea: a.idea, round: a.round, body, at: Date.now() });
      const final = { model: body.model, created_at: new Date().toISOString(), message: { role: 'assistant', content: '' }, done: true, done_reason: a.finish === 'length' ? 'length' : 'stop', total_duration: 1_000_000, prompt_eval_count: Math.ceil(JSON.stringify(body.messages).length / 4), eval_count: Math.ceil(a.content.length / 4) };
      const text = a.refusal ?? a.content;
      if (body.stream === false) return json(200, { ...final, message: { role: 'assistant', content: text } });
      res.writeHead(200, { 'content-type': 'application/x-ndjson' });
      for (const piece of pieces(text)) {
        await pause();
        res.write(`${JSON.stringify({ model: body.model, created_at: new Date().toISOString(), message: { role: 'assistant', content: piece }, done: false })}\n`);
      }
      res.end(`${JSON.stringify(final)}\n`);
      return;
    }
    return json(404, { error: { message: `Unknown path ${url.pathname}` } });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    apiKey,
    models,
    calls,
    /** Answered chat calls whose idea contains `part`. */
    callsFor(part: string): number {
      return calls.filter((c) => c.idea.includes(part)).length;
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type FakeLlm = Awaited<ReturnType<typeof startFakeLlm>>;
