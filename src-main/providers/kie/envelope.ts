/**
 * KIE answers most errors as HTTP 200 with the error in the JSON envelope's `code` (providers.md). This
 * pure module turns an envelope into its data or the AppError that says whether retrying helps.
 */
import { appError, type AppError, nestedValues } from '../../errors.js';
import type { MessageRef } from '../../messages.js';

export interface KieEnvelope<T = unknown> {
  code?: number;
  msg?: string;
  /** Market endpoints (jobs/recordInfo) say `message` instead of `msg`. */
  message?: string;
  data?: T;
}

/** Default wait for an envelope 429 (KIE sends no Retry-After there; its window is 10 s); 455 waits 3x this. */
export const ENVELOPE_429_RETRY_SECONDS = 10;

/** What the app was doing when KIE answered ("starting a Flux Kontext Pro image"): a message key, or plain words. */
export type KieContext = MessageRef | string;

export function envelopeError(code: number, said: string, context: KieContext, rateLimitRetrySeconds = ENVELOPE_429_RETRY_SECONDS): AppError {
  const values = { ...nestedValues('context', context), detail: said ? ` (${said.slice(0, 200)})` : '', code };
  switch (code) {
    case 401:
    case 403:
      return appError('auth_error', 'kie.refusedKey', values);
    case 402:
      return appError('no_credits', 'kie.noCredits', values);
    case 404:
      return appError('not_found', 'kie.unknown', values);
    case 422:
      return appError('invalid_input', 'kie.refused', values);
    case 429:
      return appError('rate_limited', 'kie.rateLimited', values, { retryable: true, retryAfterSeconds: rateLimitRetrySeconds });
    case 455:
      return appError('provider_error', 'kie.maintenance', values, { retryable: true, retryAfterSeconds: rateLimitRetrySeconds * 3 });
    case 501:
      // "Generation Failed" (docs.kie.ai): the request was not carried out, so trying again may work.
      return appError('provider_error', 'kie.generationFailed', values, { retryable: true });
    case 505:
      return appError('unsupported', 'kie.disabled', values);
    default:
      if (code >= 500) return appError('provider_error', 'kie.serverError', values, { retryable: true });
      return appError('provider_error', 'kie.otherCode', values);
  }
}

/** The envelope's data, or the mapped error. `context` reads like "creating the image for scene 3". */
export function unwrapEnvelope<T>(body: unknown, context: KieContext, rateLimitRetrySeconds?: number): T {
  if (!body || typeof body !== 'object') throw appError('provider_error', 'kie.unexpectedAnswer', nestedValues('context', context), { retryable: true });
  const envelope = body as KieEnvelope<T>;
  const code = typeof envelope.code === 'number' ? envelope.code : Number(envelope.code);
  if (code !== 200) throw envelopeError(Number.isFinite(code) ? code : 0, String(envelope.msg ?? envelope.message ?? ''), context, rateLimitRetrySeconds);
  if (envelope.data === undefined || envelope.data === null) {
    throw appError('provider_error', 'kie.emptyAnswer', nestedValues('context', context), { retryable: true });
  }
  return envelope.data;
}
