/**
 * Pure parts of a KIE create's outcome: which answers are KIE's own refusal (so the create was not
 * carried out and may be resent), what makes a create's price (the witness calibrates per price), and
 * the error a scene shows when a create's answer was lost (create-lane.ts judged it by the balance).
 */
import { appError, type AppError } from '../../errors.js';
import { markUnreceived } from '../http/retry.js';
import type { LostCreate } from './create-lane.js';
import type { GenerationRequest } from './models.js';

/**
 * Whether an answer is KIE's own refusal: an HTTP 4xx (KIE, or Cloudflare in front of it, refused it
 * whole), or a body in KIE's envelope with a code other than 200 (429, 455, 500, 501 ... per
 * providers.md), whatever the HTTP status. A 5xx page without KIE's code may come from a gateway after
 * KIE acted, so it proves nothing.
 */
export function refusedByKie(status: number, body: unknown): boolean {
  if (status >= 400 && status < 500) return true;
  let envelope = body;
  if (typeof body === 'string') {
    try {
      envelope = JSON.parse(body) as unknown;
    } catch {
      return false;
    }
  }
  if (!envelope || typeof envelope !== 'object') return false;
  const code = (envelope as { code?: unknown }).code;
  const number = typeof code === 'number' ? code : typeof code === 'string' && /^\d+$/.test(code) ? Number(code) : NaN;
  return Number.isFinite(number) && number !== 200;
}

/**
 * What sets a create's price (as the credits tables have it): the endpoint, the model asked for (a
 * reference may switch to another model id, e.g. flux-2/pro-image-to-image), a video's length and
 * resolution. The prompt, the aspect and the reference images themselves do not.
 */
export function priceKeyOf(path: string, body: Record<string, unknown>, request: GenerationRequest): string {
  const video = 'duration' in request ? `${request.duration}s ${request.resolution ?? ''}`.trim() : '';
  return [path, String(body.model ?? ''), video].join('|');
}

/** The cause of a lost answer in a few words: the HTTP client's message without its "not sent again" tail. */
function causeOf(error: AppError): string {
  return error.message
    .replace(/\s*The request may have been carried out anyway, so it is not sent again automatically\.?/, '')
    .replace(/\.$/, '')
    .trim();
}

/** The error of a scene whose create's answer was lost, as the balance judged it. */
export function lostCreateError(lost: LostCreate, scene: number | undefined): AppError {
  const values = { scene: scene ?? '?', cause: causeOf(lost.cause), credits: lost.moved ?? 0, sends: lost.sends };
  switch (lost.verdict) {
    case 'paid':
      return appError('provider_error', 'error.kieCreatePaidLost', values);
    case 'moved':
      return appError('provider_error', 'error.kieCreateBalanceMoved', values);
    case 'unreceived': {
      // Proven not taken every time: the job queue may try it again later at no risk.
      const error = appError('provider_error', 'error.kieCreateNotTaken', values, { retryable: true });
      markUnreceived(error);
      return error;
    }
    default:
      return appError('provider_error', 'error.kieCreateUnproven', values);
  }
}
