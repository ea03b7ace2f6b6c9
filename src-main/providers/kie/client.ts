/**
 * The KIE client: Bearer auth through the one HTTP client, envelope errors (envelope.ts), every call
 * through one RateGate (20 per 10 s overall, polls 3 per second), polling with backoff, result download
 * without the key (result URLs are public and expire), and the base64 upload for reference images.
 */
import { AppError } from '../../errors.js';
import { httpRequest, type HttpResponse } from '../http/client.js';
import { unwrapEnvelope } from './envelope.js';
import { buildCreateRequest, parseTaskRecord, recordPath, type GenerationRequest, type KieModel, type TaskStatus } from './models.js';
import { KIE_LIMITS, RateGate, sleep } from './rate-gate.js';

export const KIE_DEFAULT_BASE_URL = 'https://api.kie.ai';
export const KIE_DEFAULT_UPLOAD_URL = 'https://kieai.redpandaai.co';

export interface KieTimings {
  requestTimeoutMs: number;
  /** First poll after this long; then ×1.5 per poll up to pollMaxMs (KIE advises every 2–3 s, with backoff). */
  pollInitialMs: number;
  pollMaxMs: number;
  /** Give up on a task still generating after this long (KIE: 10–15 min). */
  pollTimeoutMs: number;
  /** Wait after an envelope 429 (no Retry-After there). */
  rateLimitRetrySeconds: number;
}

export const DEFAULT_KIE_TIMINGS: KieTimings = {
  requestTimeoutMs: 30_000,
  pollInitialMs: 2_500,
  pollMaxMs: 10_000,
  pollTimeoutMs: 15 * 60_000,
  rateLimitRetrySeconds: 10,
};

export interface KieClientOptions {
  baseUrl: string;
  uploadBaseUrl: string;
  apiKey: () => Promise<string | null>;
  gate?: RateGate;
  timings?: Partial<KieTimings>;
  log?: (line: string) => void;
}

export class KieClient {
  readonly gate: RateGate;
  readonly timings: KieTimings;

  constructor(private readonly options: KieClientOptions) {
    this.gate = options.gate ?? new RateGate(KIE_LIMITS);
    this.timings = { ...DEFAULT_KIE_TIMINGS, ...options.timings };
  }

  private async key(): Promise<string> {
    const key = await this.options.apiKey();
    if (!key) throw new AppError('auth_error', 'No KIE API key. Add it in Settings, or set WHATIF_KIE_API_KEY for the CLI.');
    return key;
  }

  private async call(path: string, init: { json?: unknown; signal?: AbortSignal | undefined; poll?: boolean; base?: string; timeoutRetryable?: boolean }): Promise<HttpResponse> {
    const key = await this.key();
    const release = await this.gate.acquire(init.poll ? ['all', 'poll'] : ['all'], init.signal);
    try {
      return await httpRequest({
        provider: 'KIE',
        url: `${init.base ?? this.options.baseUrl}${path}`,
        headers: { Authorization: `Bearer ${key}` },
        ...(init.json === undefined ? {} : { json: init.json }),
        ...(init.signal ? { signal: init.signal } : {}),
        timeoutMs: this.timings.requestTimeoutMs,
        ...(init.timeoutRetryable === undefined ? {} : { timeoutRetryable: init.timeoutRetryable }),
        secrets: [key],
        describeError: (_status, body) => body.slice(0, 200),
        ...(this.options.log ? { log: this.options.log } : {}),
      });
    } finally {
      release();
    }
  }

  /** Starts a paid generation. Not retried on timeout or a garbled answer: it may exist already. */
  async createTask(model: KieModel, request: GenerationRequest, signal?: AbortSignal): Promise<string> {
    const { path, body } = buildCreateRequest(model, request);
    const response = await this.call(path, { json: body, signal, timeoutRetryable: false });
    const data = unwrapEnvelope<{ taskId?: string }>(response.json({ retryable: false }), `starting a ${model.label} image`, this.timings.rateLimitRetrySeconds);
    if (!data.taskId) throw new AppError('provider_error', 'KIE accepted the image request but sent no task id.');
    return data.taskId;
  }

  async status(model: KieModel, taskId: string, signal?: AbortSignal): Promise<TaskStatus> {
    const response = await this.call(recordPath(model, taskId), { signal, poll: true });
    return parseTaskRecord(model, unwrapEnvelope(response.json({ retryable: true }), `checking task ${taskId}`, this.timings.rateLimitRetrySeconds));
  }

  /**
   * Polls until the task ends. `startedAt` (from the checkpoint) keeps the give-up deadline across
   * restarts; `immediate` polls at once (resuming a task that may have finished meanwhile).
   */
  async waitForResult(
    model: KieModel,
    taskId: string,
    options: { signal?: AbortSignal; startedAt?: number; immediate?: boolean; onPoll?: (polls: number, elapsedMs: number) => void } = {},
  ): Promise<string[]> {
    const startedAt = options.startedAt ?? Date.now();
    let delay = this.timings.pollInitialMs;
    if (!options.immediate) await sleep(delay, options.signal);
    for (let polls = 1; ; polls++) {
      const status = await this.status(model, taskId, options.signal);
      if (status.state === 'success') return status.urls;
      if (status.state === 'failed') throw new AppError('provider_error', `KIE could not make this image (task ${taskId}): ${status.message}`);
      const elapsed = Date.now() - startedAt;
      if (elapsed > this.timings.pollTimeoutMs) {
        throw new AppError('provider_error', `KIE task ${taskId} was still generating after ${elapsed >= 120_000 ? `${Math.round(elapsed / 60_000)} min` : `${Math.round(elapsed / 1000)} s`}; giving up on it.`);
      }
      options.onPoll?.(polls, elapsed);
      delay = Math.min(this.timings.pollMaxMs, Math.round(delay * 1.5));
      await sleep(delay, options.signal);
    }
  }

  /** Downloads a result at once (URLs expire). The key is never sent to the result host. */
  async download(url: string, signal?: AbortSignal): Promise<Buffer> {
    if (!/^https?:\/\//i.test(url)) throw new AppError('provider_error', 'KIE sent a result that is not a web address.');
    try {
      const response = await httpRequest({ provider: 'KIE result storage', url, ...(signal ? { signal } : {}), timeoutMs: this.timings.requestTimeoutMs * 4, maxBytes: 64 * 1024 * 1024 });
      return response.body;
    } catch (error) {
      if (error instanceof AppError && !error.retryable && error.code !== 'cancelled') {
        throw new AppError('provider_error', `The generated image could not be downloaded (${error.message.replace(/^KIE result storage /, '')}); its link may have expired. Generate it again.`);
      }
      throw error;
    }
  }

  /** Uploads a reference image (KIE takes only URLs; uploads are kept 24 h). Returns its URL. */
  async uploadImage(data: Buffer, fileName: string, mime: string, signal?: AbortSignal): Promise<string> {
    const response = await this.call('/api/file-base64-upload', {
      base: this.options.uploadBaseUrl,
      json: { base64Data: `data:${mime};base64,${data.toString('base64')}`, uploadPath: 'whatif-references', fileName },
      signal,
    });
    const out = unwrapEnvelope<{ downloadUrl?: string; fileUrl?: string }>(response.json({ retryable: true }), 'uploading the reference image');
    const url = out.downloadUrl ?? out.fileUrl;
    if (!url) throw new AppError('provider_error', 'KIE stored the reference image but sent no address for it.');
    return url;
  }

  /** Remaining credits (also the "Test connection" of the key). */
  async credits(signal?: AbortSignal): Promise<number> {
    const response = await this.call('/api/v1/chat/credit', { signal });
    return Number(unwrapEnvelope<number>(response.json({ retryable: true }), 'reading your credits'));
  }
}
