/**
 * KIE answers most errors as HTTP 200 with the error in the JSON envelope's `code` (providers.md). This
 * pure module turns an envelope into its data or the AppError that says whether retrying helps.
 */
import { AppError } from '../../errors.js';

export interface KieEnvelope<T = unknown> {
  code?: number;
  msg?: string;
  /** Market endpoints (jobs/recordInfo) say `message` instead of `msg`. */
  message?: string;
  data?: T;
}

/** Default wait for an envelope 429 (KIE sends no Retry-After there; its window is 10 s); 455 waits 3x this. */
export const ENVELOPE_429_RETRY_SECONDS = 10;

export function envelopeError(code: number, said: string, context: string, rateLimitRetrySeconds = ENVELOPE_429_RETRY_SECONDS): AppError {
  const detail = said ? ` (${said.slice(0, 200)})` : '';
  switch (code) {
    case 401:
    case 403:
      return new AppError('auth_error', `KIE refused the API key while ${context}${detail}. Check the key in Settings.`);
    case 402:
      return new AppError('provider_error', `Not enough KIE credits to finish ${context}${detail}. Top up your KIE account.`);
    case 404:
      return new AppError('not_found', `KIE does not know this while ${context}${detail}.`);
    case 422:
      return new AppError('invalid_input', `KIE refused the request while ${context}${detail}. Change the prompt or settings.`);
    case 429:
      return new AppError('rate_limited', `KIE is rate limiting while ${context}${detail}.`, { retryable: true, retryAfterSeconds: rateLimitRetrySeconds });
    case 455:
      return new AppError('provider_error', `KIE is under maintenance while ${context}${detail}. Trying again later.`, { retryable: true, retryAfterSeconds: rateLimitRetrySeconds * 3 });
    case 501:
    case 505:
      return new AppError('unsupported', `KIE has this feature disabled (code ${code}) while ${context}${detail}. Pick another model.`);
    default:
      if (code >= 500) return new AppError('provider_error', `KIE had a server error (code ${code}) while ${context}${detail}.`, { retryable: true });
      return new AppError('provider_error', `KIE answered code ${code} while ${context}${detail}.`);
  }
}

/** The envelope's data, or the mapped error. `context` reads like "creating the image for scene 3". */
export function unwrapEnvelope<T>(body: unknown, context: string, rateLimitRetrySeconds?: number): T {
  if (!body || typeof body !== 'object') throw new AppError('provider_error', `KIE sent an unexpected answer while ${context}.`, { retryable: true });
  const envelope = body as KieEnvelope<T>;
  const code = typeof envelope.code === 'number' ? envelope.code : Number(envelope.code);
  if (code !== 200) throw envelopeError(Number.isFinite(code) ? code : 0, String(envelope.msg ?? envelope.message ?? ''), context, rateLimitRetrySeconds);
  if (envelope.data === undefined || envelope.data === null) {
    throw new AppError('provider_error', `KIE sent an empty answer while ${context}.`, { retryable: true });
  }
  return envelope.data;
}
