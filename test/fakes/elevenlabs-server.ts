/**
 * A loopback ElevenLabs keeping the contract of shared/docs/providers.md: `xi-api-key`, GET /v1/voices,
 * GET /v1/models, POST /v1/text-to-speech/{voice}/with-timestamps?output_format=pcm_24000 answering
 * {audio_base64, alignment, normalized_alignment}; errors as `{detail:{status,message}}`. The audio is
 * deterministic: each letter or digit a 60 ms tone, anything else 40 ms of silence, all divided by
 * voice_settings.speed, and the alignment gives each character's exact time in it.
 * Faults are asked for in the text: "[fault:429]", "[fault:500]" (once per text), "[fault:quota]".
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeElevenLabsOptions {
  apiKey?: string;
  /** maximum_text_length_per_request reported for every model. */
  maxChars?: number;
}

const RATE = 24000;

export function fakeSpeech(text: string, speed: number) {
  const characters = [...text];
  const starts: number[] = [];
  const ends: number[] = [];
  const chunks: Buffer[] = [];
  let t = 0;
  for (const ch of characters) {
    const voiced = /[\p{L}\p{N}]/u.test(ch);
    const seconds = (voiced ? 0.06 : 0.04) / speed;
    const n = Math.round(seconds * RATE);
    const buf = Buffer.alloc(n * 2);
    if (voiced) for (let i = 0; i < n; i++) buf.writeInt16LE(Math.round(Math.sin((2 * Math.PI * 220 * i) / RATE) * 12000), i * 2);
    chunks.push(buf);
    starts.push(t);
    t += n / RATE;
    ends.push(t);
  }
  return { pcm: Buffer.concat(chunks), alignment: { characters, character_start_times_seconds: starts, character_end_times_seconds: ends } };
}

export async function startFakeElevenLabs(options: FakeElevenLabsOptions = {}) {
  const apiKey = options.apiKey ?? 'el-test-key-abcdef0123456789';
  const requests: { path: string; body: Record<string, unknown> | null; key: string | undefined }[] = [];
  const faultsUsed = new Set<string>();
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    let body: Record<string, unknown> | null = null;
    try {
      body = raw ? (JSON.parse(raw) as Record<string, unknown>) : null;
    } catch {
      body = null;
    }
    const key = req.headers['xi-api-key'] as string | undefined;
    requests.push({ path: url.pathname, body, key });
    const send = (status: number, data: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(data));
    };
    if (key !== apiKey) return send(401, { detail: { status: 'invalid_api_key', message: 'Invalid API key' } });
    if (req.method === 'GET' && url.pathname === '/v1/voices') {
      return send(200, { voices: [{ voice_id: 'voice1', name: 'Rachel', category: 'premade', labels: { accent: 'american' } }, { voice_id: 'voice2', name: 'Mateo', category: 'premade' }] });
    }
    if (req.method === 'GET' && url.pathname === '/v1/models') {
      const max = options.maxChars ?? 10000;
      return send(200, [
        { model_id: 'eleven_multilingual_v2', can_do_text_to_speech: true, maximum_text_length_per_request: max, languages: [{ language_id: 'en', name: 'English' }, { language_id: 'es', name: 'Spanish' }] },
        { model_id: 'eleven_flash_v2_5', can_do_text_to_speech: true, maximum_text_length_per_request: max * 4 },
      ]);
    }
    const match = /^\/v1\/text-to-speech\/([^/]+)\/with-timestamps$/.exec(url.pathname);
    if (req.method === 'POST' && match) {
      if (!['voice1', 'voice2'].includes(match[1]!)) return send(400, { detail: { status: 'voice_not_found', message: `A voice with the voice_id ${match[1]} was not found.` } });
      const text = typeof body?.text === 'string' ? body.text : '';
      if (!text) return send(422, { detail: [{ loc: ['body', 'text'], msg: 'Field required', type: 'missing' }] });
      if (text.length > (options.maxChars ?? 10000)) return send(400, { detail: { status: 'max_character_limit_exceeded', message: 'Text is too long.' } });
      const fault = /\[fault:([a-z0-9]+)\]/.exec(text)?.[1];
      if (fault === 'quota') return send(401, { detail: { status: 'quota_exceeded', message: 'This request exceeds your quota.' } });
      if ((fault === '429' || fault === '500') && !faultsUsed.has(`${fault}:${text}`)) {
        faultsUsed.add(`${fault}:${text}`);
        if (fault === '429') return send(429, { detail: { status: 'too_many_concurrent_requests', message: 'Too many concurrent requests.' } }, { 'retry-after': '0' });
        return send(500, { detail: { status: 'internal', message: 'Server error' } });
      }
      const speed = Number((body?.voice_settings as { speed?: number } | undefined)?.speed ?? 1);
      const speech = fakeSpeech(text, speed);
      return send(200, { audio_base64: speech.pcm.toString('base64'), alignment: speech.alignment, normalized_alignment: speech.alignment }, { 'character-cost': String(text.length), 'request-id': `req-${requests.length}` });
    }
    send(404, { detail: { status: 'not_found', message: 'Not found' } });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    apiKey,
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
