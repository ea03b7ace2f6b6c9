/**
 * ElevenLabs on the one HTTP client: voices, models, and `with-timestamps` synthesis (raw PCM + a
 * character alignment). The key comes from the secret store on every call and is passed to the client
 * as a secret, so it is redacted from every message and log line. Errors read ElevenLabs' own
 * `detail.status` and say what to do (bad key, quota used up, voice not found, busy).
 */
import { appError, AppError } from '../../errors.js';
import { httpRequest } from '../../providers/http/client.js';

export const ELEVENLABS_DEFAULT_BASE_URL = 'https://api.elevenlabs.io';
export const ELEVENLABS_SAMPLE_RATE = 24000;

export function elevenLabsBaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return (env.WHATIF_ELEVENLABS_BASE_URL || ELEVENLABS_DEFAULT_BASE_URL).replace(/\/+$/, '');
}

export interface ElevenLabsVoice {
  voice_id: string;
  name: string;
  category?: string;
  labels?: Record<string, string>;
}

export interface ElevenLabsModel {
  model_id: string;
  can_do_text_to_speech?: boolean;
  maximum_text_length_per_request?: number;
  languages?: { language_id: string; name: string }[];
}

export interface Alignment {
  characters: string[];
  character_start_times_seconds: number[];
  character_end_times_seconds: number[];
}

export interface TimestampedSpeech {
  pcm: Buffer;
  alignment: Alignment;
}

const FRIENDLY: Record<string, string> = {
  invalid_api_key: 'the API key is not valid',
  quota_exceeded: 'the account has no characters left this month (quota_exceeded); upgrade the plan or wait for the reset',
  voice_not_found: 'the voice does not exist in this account (voice_not_found); pick another voice',
  max_character_limit_exceeded: 'the text is longer than the model accepts in one request',
  too_many_concurrent_requests: 'too many requests at once for this plan',
  system_busy: 'ElevenLabs is busy',
  only_for_creator: 'this needs a Creator plan or higher',
};

/** ElevenLabs' explanation of an error body, in words a user understands. Pure. */
export function describeElevenLabsError(_status: number, body: string): string | undefined {
  try {
    const detail = (JSON.parse(body) as { detail?: unknown }).detail;
    if (Array.isArray(detail)) return (detail as { msg?: string }[]).map((d) => d.msg).filter(Boolean).join('; ') || undefined;
    if (detail && typeof detail === 'object') {
      const { status, message } = detail as { status?: string; message?: string };
      const known = status ? Object.entries(FRIENDLY).find(([k]) => status.startsWith(k))?.[1] : undefined;
      return known ?? message ?? status;
    }
    if (typeof detail === 'string') return detail;
  } catch {
    // not JSON: the status alone speaks
  }
  return undefined;
}

export class ElevenLabsClient {
  constructor(private readonly options: { baseUrl: string; apiKey: () => Promise<string | null>; log?: (line: string) => void; timeoutMs?: number }) {}

  private async key(): Promise<string> {
    const key = await this.options.apiKey();
    if (!key) throw appError('auth_error', 'elevenlabs.noKey');
    return key;
  }

  private async request(path: string, init: { json?: unknown; signal?: AbortSignal | undefined; timeoutMs?: number }) {
    const key = await this.key();
    try {
      return await httpRequest({
        provider: 'ElevenLabs',
        url: `${this.options.baseUrl}${path}`,
        headers: { 'xi-api-key': key },
        ...(init.json === undefined ? {} : { json: init.json }),
        ...(init.signal ? { signal: init.signal } : {}),
        timeoutMs: init.timeoutMs ?? this.options.timeoutMs ?? 30_000,
        secrets: [key],
        describeError: describeElevenLabsError,
        // Lists are reads; speech costs characters, so it is resent only when the answer proves it was not made.
        retry: { mode: init.json === undefined ? 'idempotent' : 'unreceived' },
        ...(this.options.log ? { log: this.options.log } : {}),
      });
    } catch (error) {
      // ElevenLabs answers an empty quota with 401: it is not a bad key.
      if (error instanceof AppError && error.code === 'auth_error' && /quota_exceeded/.test(error.message)) {
        throw appError('provider_error', 'elevenlabs.quota');
      }
      throw error;
    }
  }

  async voices(signal?: AbortSignal): Promise<ElevenLabsVoice[]> {
    const body = (await this.request('/v1/voices', { signal })).json<{ voices?: ElevenLabsVoice[] }>();
    if (!Array.isArray(body.voices)) throw appError('provider_error', 'elevenlabs.noVoices');
    return body.voices.map((v) => ({ voice_id: v.voice_id, name: v.name, ...(v.category ? { category: v.category } : {}), ...(v.labels ? { labels: v.labels } : {}) }));
  }

  async models(signal?: AbortSignal): Promise<ElevenLabsModel[]> {
    const body = (await this.request('/v1/models', { signal })).json<ElevenLabsModel[]>();
    if (!Array.isArray(body)) throw appError('provider_error', 'elevenlabs.badModels');
    return body;
  }

  async speakWithTimestamps(
    voiceId: string,
    input: { text: string; modelId: string; languageCode?: string | undefined; speed: number; previousText?: string | undefined; nextText?: string | undefined },
    signal?: AbortSignal,
  ): Promise<TimestampedSpeech> {
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(voiceId)) throw appError('invalid_input', 'elevenlabs.badVoiceId', { voice: voiceId });
    const response = await this.request(`/v1/text-to-speech/${voiceId}/with-timestamps?output_format=pcm_${ELEVENLABS_SAMPLE_RATE}`, {
      json: {
        text: input.text,
        model_id: input.modelId,
        ...(input.languageCode ? { language_code: input.languageCode } : {}),
        voice_settings: { stability: 0.5, similarity_boost: 0.75, speed: input.speed },
        ...(input.previousText ? { previous_text: input.previousText } : {}),
        ...(input.nextText ? { next_text: input.nextText } : {}),
      },
      signal,
      timeoutMs: 120_000,
    });
    const body = response.json<{ audio_base64?: string; alignment?: Alignment | null }>();
    const a = body.alignment;
    if (typeof body.audio_base64 !== 'string' || !a || !Array.isArray(a.characters) || a.characters.length !== a.character_start_times_seconds?.length || a.characters.length !== a.character_end_times_seconds?.length) {
      throw appError('provider_error', 'elevenlabs.noAudio', undefined, { retryable: true });
    }
    return { pcm: Buffer.from(body.audio_base64, 'base64'), alignment: a };
  }
}
