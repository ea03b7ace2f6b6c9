/**
 * KIE's credit balance as a witness of whether a create was received (issue #20). KIE has no
 * idempotency key and no task list, so when a create's answer is lost (a hang, a reset, a cut answer,
 * a 5xx page that is not KIE's own) only the balance can tell: read before and after the create in
 * the one create lane (create-lane.ts), it moved by the create's price if KIE took (and charged) it.
 *
 * The witness is trusted only once it has been seen to work in this session, per account and price
 * ("model and what changes its price"): a create that succeeded moved the balance. A success that left
 * it unchanged (a free account, a subscription, a balance updated later) turns it off for that price
 * for the session. Pure: the numbers come from the lane.
 */

/** What one price key has shown so far: the price seen on successes, or that the balance does not move. */
export interface Calibration {
  /** Credits a successful create took (the smallest move seen); null before any. */
  price: number | null;
  /** A success left the balance unchanged: the balance proves nothing for this price. */
  blind: boolean;
}

export const UNCALIBRATED: Calibration = { price: null, blind: false };

/** The calibration after a create that succeeded, with the balance read just before and just after it. */
export function calibrate(previous: Calibration, before: number, after: number): Calibration {
  if (previous.blind) return previous;
  const moved = roundCredits(before - after);
  if (moved === 0) return { price: previous.price, blind: true };
  // A rise (a top-up meanwhile) says nothing; a larger move than before is someone else spending too.
  if (moved < 0) return previous;
  return { price: previous.price === null ? moved : Math.min(previous.price, moved), blind: false };
}

export function trusted(calibration: Calibration): boolean {
  return !calibration.blind && calibration.price !== null;
}

/**
 * What the balance says of a create whose answer was lost:
 * - `unreceived`: the witness works and the balance did not move: KIE did not take it; send it again;
 * - `paid`: it moved by the price: KIE took it and charged it, and its task id is lost;
 * - `moved`: it moved by something else (another app spending the same credits, a top-up): it may have
 *   been taken, so it is not sent again (the safe direction);
 * - `unproven`: the witness is not (yet) trusted for this price, or a balance read failed.
 */
export type Verdict = 'unreceived' | 'paid' | 'moved' | 'unproven';

export function judge(calibration: Calibration, before: number | null, after: number | null): Verdict {
  if (before === null || after === null || !trusted(calibration)) return 'unproven';
  const moved = roundCredits(before - after);
  if (moved === 0) return 'unreceived';
  return moved === calibration.price ? 'paid' : 'moved';
}

/**
 * Whether an `unproven` verdict may still become another once this price is calibrated: both balance
 * reads came and the witness has not been found blind (unchanged, it may prove "not received"; moved,
 * it may show "paid").
 */
export function awaitsCalibration(calibration: Calibration, before: number | null, after: number | null): boolean {
  return !trusted(calibration) && !calibration.blind && before !== null && after !== null;
}

/** Balances may be fractional (0.5 credits): compare them at a fixed precision. */
function roundCredits(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** The balance from KIE's `/api/v1/chat/credit` data, or null when it is not a number. */
export function readBalance(data: unknown): number | null {
  const value = typeof data === 'number' ? data : typeof data === 'string' && data.trim() !== '' ? Number(data) : NaN;
  return Number.isFinite(value) ? value : null;
}
