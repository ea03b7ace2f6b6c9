/**
 * The KIE client: Bearer auth through the one HTTP client, envelope errors (envelope.ts), every call
 * (and every retry) through one RateGate (20 per 10 s overall, polls 3 per second), polling by time
 * with backoff up to the task's deadline, result download without the key (result URLs are public and
 * expire), and the base64 upload for reference images. Reads are retried inside the HTTP client; a
 * create only when KIE's answer proves it was not taken (retry.ts).
 */
import crypto from 'node:crypto';
import { appError, type AppError, nestedValues, toAppError } from '../../errors.js';
import { httpRequest, type HttpResponse } from '../http/client.js';
import { markMaybeReceived, markUnreceived, type HttpRetry } from '../http/retry.js';
import { CreateLane, type SendHooks } from './create-lane.js';
import { readBalance } from './credit-witness.js';
import { lostCreateError, priceKeyOf, refusedByKie } from './create-outcome.js';
import { unwrapEnvelope, type KieContext } from './envelope.js';
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
  /** Retries inside the HTTP client: tries per request and the backoff between them. */
  retryAttempts: number;
  retryBaseMs: number;
  retryMaxMs: number;
  /** After a create's answer is lost, wait this long before reading the balance (its witness). */
  witnessSettleMs: number;
  /** Tries of a balance read for the witness (an idempotent GET, with the retry backoff). */
  witnessReadAttempts: number;
  /** Before a lost create is resent, wait this long to see whether a task failed meanwhile (a refund). */
  witnessRefundWaitMs: number;
}

export const DEFAULT_KIE_TIMINGS: KieTimings = {
  requestTimeoutMs: 30_000,
  pollInitialMs: 2_500,
  pollMaxMs: 10_000,
  pollTimeoutMs: 15 * 60_000,
  rateLimitRetrySeconds: 10,
  retryAttempts: 4,
  retryBaseMs: 1_000,
  retryMaxMs: 15_000,
  witnessSettleMs: 2_000,
  witnessReadAttempts: 8,
  witnessRefundWaitMs: 12_000,
};

/** A task id from an answer cut short: KIE created the task, so its id is worth more than the JSON. */
export function salvageTaskId(text: string): string | null {
  return /"taskId"\s*:\s*"([A-Za-z0-9_-]{4,128})"/.exec(text)?.[1] ?? null;
}

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
  /** Creates to the account, one at a time, each witnessed by the balance (create-lane.ts). */
  readonly lane: CreateLane;
  /** When tasks of this client ended failed or were given up (KIE may refund them): the witness asks. */
  private readonly failures: number[] = [];

  constructor(private readonly options: KieClientOptions) {
    this.gate = options.gate ?? new RateGate(KIE_LIMITS);
    this.timings = { ...DEFAULT_KIE_TIMINGS, ...options.timings };
    this.lane = new CreateLane({
      readBalance: (signal) => this.witnessBalance(signal),
      settle: (signal) => sleep(this.timings.witnessSettleMs, signal),
      refundsSince: async (at, signal) => {
        await sleep(this.timings.witnessRefundWaitMs, signal);
        return this.failures.some((t) => t >= at);
      },
      changed: () => this.gate.poke(),
      log: options.log,
    });
    this.gate.reserve('all', () => this.lane.queued);
  }

  private async key(): Promise<string> {
    const key = await this.options.apiKey();
    if (!key) throw appError('auth_error', 'error.kieNoKey');
    return key;
  }

  private retry(mode: HttpRetry['mode'], attempts = this.timings.retryAttempts): HttpRetry {
    return { mode, attempts, baseDelayMs: this.timings.retryBaseMs, maxDelayMs: this.timings.retryMaxMs, maxRetryAfterMs: 60_000 };
  }

  /**
   * One API call. `unwrap` reads the envelope inside the client's retries, so an envelope 429/5xx is
   * retried like an HTTP one (and counts as "not taken" for a create). Returns the envelope's data.
   */
  private async call<T>(
    path: string,
    init: { json?: unknown; signal?: AbortSignal | undefined; poll?: boolean; base?: string; mode: HttpRetry['mode']; attempts?: number; context: KieContext; parse?: (response: HttpResponse) => unknown },
  ): Promise<T> {
    const key = await this.key();
    let data: T | undefined;
    const parse = init.parse ?? ((response: HttpResponse) => response.json({ retryable: true }));
    await httpRequest({
      provider: 'KIE',
      url: `${init.base ?? this.options.baseUrl}${path}`,
      headers: { Authorization: `Bearer ${key}` },
      ...(init.json === undefined ? {} : { json: init.json }),
      ...(init.signal ? { signal: init.signal } : {}),
      timeoutMs: this.timings.requestTimeoutMs,
      secrets: [key],
      describeError: (_status, body) => body,
      // A 5xx page is not KIE's own answer (a gateway's, maybe after KIE acted); KIE's envelope is.
      provesUnreceived: refusedByKie,
      retry: this.retry(init.mode, init.attempts),
      // A poll yields to the creates queued in the lane (a poll waiting costs only time).
      beforeAttempt: () => this.gate.acquire(init.poll ? ['all', 'poll'] : ['all'], init.signal, { yields: init.poll === true }),
      check: (response) => {
        const body = parse(response);
        try {
          data = unwrapEnvelope<T>(body, init.context, this.timings.rateLimitRetrySeconds);
        } catch (error) {
          // An error envelope is KIE's own answer: whatever was asked was not carried out. A "success"
          // without its data is not: KIE may have acted on it.
          const failure = toAppError(error);
          if (refusedByKie(200, body)) markUnreceived(failure);
          throw failure;
        }
      },
      ...(this.options.log ? { log: this.options.log } : {}),
    });
    return data as T;
  }

  /**
   * Starts a paid generation in the create lane. Resent at once when KIE's answer proves it was not
   * taken (429, 455, an error envelope, a refused connection); when the answer is lost (a hang, a
   * reset, a 5xx page, an answer cut before its task id), only when the credit balance proves it was
   * not received (create-lane.ts). An id in a cut answer is kept. `scene` (1-based) names the scene
   * in the error; `hooks` run in the lane around each send (create-lane.ts SendHooks).
   */
  async createTask(model: KieModel, request: GenerationRequest, signal?: AbortSignal, where: { scene?: number } & SendHooks = {}): Promise<string> {
    const { path, body } = buildCreateRequest(model, request);
    const account = crypto.createHash('sha256').update(await this.key()).digest('hex').slice(0, 16);
    const result = await this.lane.create(account, priceKeyOf(path, body, request), () => this.sendCreate(model, path, body, signal), signal, where);
    if (result.ok) return result.taskId;
    throw lostCreateError(result, where.scene);
  }

  private async sendCreate(model: KieModel, path: string, body: Record<string, unknown>, signal?: AbortSignal): Promise<string> {
    const lost = (error: AppError) => {
      markMaybeReceived(error);
      return error;
    };
    const data = await this.call<{ taskId?: string }>(path, {
      json: body,
      signal,
      mode: 'unreceived',
      context: { key: model.kind === 'video' ? 'kie.ctx.startVideo' : 'kie.ctx.startImage', values: { model: model.label } },
      parse: (response) => {
        try {
          return JSON.parse(response.text()) as unknown;
        } catch {
          const salvaged = salvageTaskId(response.text());
          if (salvaged) return { code: 200, data: { taskId: salvaged } };
          throw lost(appError('provider_error', model.kind === 'video' ? 'kie.cutShortVideo' : 'kie.cutShortImage'));
        }
      },
    });
    if (!data.taskId) throw lost(appError('provider_error', 'kie.noTaskIdImage'));
    return data.taskId;
  }

  async status(model: KieModel, taskId: string, signal?: AbortSignal): Promise<TaskStatus> {
    return parseTaskRecord(model, await this.call(recordPath(model, taskId), { signal, poll: true, mode: 'idempotent', context: { key: 'kie.ctx.check' } }));
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
      const elapsed = () => Date.now() - startedAt;
      let status: TaskStatus | null = null;
      try {
        status = await this.status(model, taskId, options.signal);
      } catch (thrown) {
        // A poll is a read: a failure that retrying can fix costs only time, so the task is polled
        // again until its deadline instead of failing the job (and abandoning a paid task).
        const error = toAppError(thrown);
        if (!error.retryable || elapsed() > this.timings.pollTimeoutMs) throw error;
        this.options.log?.(`[kie] task ${taskId}: poll failed (${error.code}); polling on until the deadline`);
      }
      if (status?.state === 'success') return status.urls;
      if (status?.state === 'failed') this.noteFailure();
      if (status?.state === 'failed') throw appError('provider_error', model.kind === 'video' ? 'kie.failedVideo' : 'kie.failedImage', { model: model.label, message: status.message });
      const spent = elapsed();
      if (spent > this.timings.pollTimeoutMs) {
        this.noteFailure();
        throw appError('provider_error', 'kie.gaveUp', { spent: spent >= 120_000 ? `${Math.round(spent / 60_000)} min` : `${Math.round(spent / 1000)} s` });
      }
      options.onPoll?.(polls, spent);
      delay = Math.min(this.timings.pollMaxMs, Math.round(delay * 1.5));
      await sleep(Math.min(delay, Math.max(0, this.timings.pollTimeoutMs - spent) + 1), options.signal);
    }
  }

  /**
   * Downloads a result at once (URLs expire), retried inside the HTTP client. The key is never sent to
   * the result host. A final failure stays retryable: the job polls the same task again for its link.
   */
  async download(url: string, signal?: AbortSignal, complete: (body: Buffer) => boolean = () => true): Promise<Buffer> {
    if (!/^https?:\/\//i.test(url)) throw appError('provider_error', 'kie.resultNotUrl');
    try {
      const response = await httpRequest({
        provider: 'KIE result storage',
        url,
        ...(signal ? { signal } : {}),
        timeoutMs: this.timings.requestTimeoutMs * 4,
        maxBytes: 64 * 1024 * 1024,
        describeError: (_status, body) => body,
        retry: this.retry('idempotent'),
        check: (response) => {
          if (!complete(response.body)) throw appError('provider_error', 'kie.resultCutShort', { host: new URL(url).host, length: response.body.length }, { retryable: true });
        },
        ...(this.options.log ? { log: this.options.log } : {}),
      });
      return response.body;
    } catch (error) {
      const failure = toAppError(error);
      if (failure.code === 'cancelled') throw failure;
      throw appError('provider_error', 'kie.downloadFailed', nestedValues('message', failure), { retryable: true });
    }
  }

  /** Uploads a reference image (KIE takes only URLs; uploads are kept 24 h). Returns its URL. */
  async uploadImage(data: Buffer, fileName: string, mime: string, signal?: AbortSignal): Promise<string> {
    // Storing the same bytes twice costs nothing: an upload is retried like a read.
    const out = await this.call<{ downloadUrl?: string; fileUrl?: string }>('/api/file-base64-upload', {
      base: this.options.uploadBaseUrl,
      json: { base64Data: `data:${mime};base64,${data.toString('base64')}`, uploadPath: 'whatif-references', fileName },
      signal,
      mode: 'idempotent',
      context: { key: 'kie.ctx.upload' },
    });
    const url = out.downloadUrl ?? out.fileUrl;
    if (!url) throw appError('provider_error', 'kie.referenceNoAddress');
    return url;
  }

  private noteFailure(): void {
    this.failures.push(Date.now());
    if (this.failures.length > 200) this.failures.splice(0, 100);
  }

  /** The balance for the create lane's witness: tried until a clean answer (bounded); null if none came. */
  private async witnessBalance(signal?: AbortSignal): Promise<number | null> {
    try {
      const data = await this.call<unknown>('/api/v1/chat/credit', { signal, mode: 'idempotent', attempts: this.timings.witnessReadAttempts, context: 'reading your credits' });
      return readBalance(data);
    } catch (error) {
      if (toAppError(error).code === 'cancelled') throw error;
      this.options.log?.(`[kie] the credit balance could not be read for the create witness: ${toAppError(error).message}`);
      return null;
    }
  }

  /** Remaining credits (also the "Test connection" of the key). */
  async credits(signal?: AbortSignal): Promise<number> {
    return Number(await this.call<number>('/api/v1/chat/credit', { signal, mode: 'idempotent', context: { key: 'kie.ctx.credits' } }));
  }
}
