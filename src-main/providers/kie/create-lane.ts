/**
 * The one lane for creates to a KIE account (issue #20): creates run one after another (polls,
 * downloads and uploads stay parallel; every request still passes the client's rate gate), so a
 * balance read just before and just after a create is that create's alone, and the credit witness
 * (credit-witness.ts) can tell whether a create whose answer was lost was received:
 * - the balance did not move and the witness is trusted: not received, sent again (bounded);
 * - it moved: received (and paid) or maybe so: never sent again;
 * - the witness is not trusted yet: the lost create waits outside the lane for another create of the
 *   same price to calibrate it (or for the lane to run dry), then is judged.
 * Consecutive creates share a read: the balance after one is the balance before the next (only
 * creates spend credits, and they all pass here; another app spending at the same moment only makes
 * the balance move, the safe direction). A lane running dry forgets the balance.
 */
import { appError, type AppError, toAppError } from '../../errors.js';
import { mayHaveBeenReceived } from '../http/retry.js';
import { UNCALIBRATED, calibrate, judge, awaitsCalibration, trusted, type Calibration, type Verdict } from './credit-witness.js';

export interface LaneReads {
  /** The account's balance, read until a clean answer (bounded); null when none came. */
  readBalance(signal?: AbortSignal): Promise<number | null>;
  /** Waits after a lost answer before the balance is read (lets a late-carried request show). */
  settle(signal?: AbortSignal): Promise<void>;
  /**
   * After a while (long enough to see it), whether a task of this account ended failed since `at`:
   * KIE may have refunded it, which can hide a charge from the balance. Default: never.
   */
  refundsSince?: ((at: number, signal?: AbortSignal) => Promise<boolean>) | undefined;
  /** Called when the creates waiting their turn change (the rate gate keeps places for them). */
  changed?: (() => void) | undefined;
  log?: ((line: string) => void) | undefined;
}

/** A create whose answer was lost, as the balance judged it. */
export interface LostCreate {
  verdict: Verdict;
  /** The failure of the last send (a timeout, a reset, a cut answer ...). */
  cause: AppError;
  /** Credits the balance moved by over that send (positive: spent); null when not read. */
  moved: number | null;
  /** Sends in all. */
  sends: number;
}

/** Run in the lane around each send: `beforeSend` may refuse it by throwing; `onRefused` sees KIE's refusals at once. */
export interface SendHooks {
  beforeSend?: (() => void) | undefined;
  onRefused?: ((error: AppError) => void) | undefined;
}

export type LaneResult = { ok: true; taskId: string; sends: number } | ({ ok: false } & LostCreate);

type Step = { kind: 'done'; taskId: string } | { kind: 'lost'; cause: AppError; before: number | null; after: number | null; since: number };

interface Reading {
  value: number;
  at: number;
}

export class CreateLane {
  private tail: Promise<unknown> = Promise.resolve();
  /** Items queued or running. */
  private pending = 0;
  private running = false;
  /** The balance read last in this run of the lane (after the previous create), or null. */
  private lastBalance: Reading | null = null;
  private calibrations = new Map<string, Calibration>();
  private account: string | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly reads: LaneReads,
    /** Sends after the first when the balance proves a lost create was not received. */
    private readonly maxResends = 3,
  ) {}

  /** Creates waiting their turn (not the one being sent): the rate gate keeps places for them. */
  get queued(): number {
    return this.pending - (this.running ? 1 : 0);
  }

  /** What the witness knows of this price (for tests and logs). */
  calibration(priceKey: string): Calibration {
    return this.calibrations.get(priceKey) ?? UNCALIBRATED;
  }

  /**
   * Runs one create (`send`: the request through the HTTP client, with its own retries of answers
   * that prove it was not taken) in the lane, judging lost answers by the balance. `account` names
   * the account (a hash of the key): a new key starts a new calibration. `hooks` run in the lane, so
   * a 402 seen by `onRefused` stops the next send's `beforeSend` before it goes out.
   */
  async create(account: string, priceKey: string, send: () => Promise<string>, signal?: AbortSignal, hooks: SendHooks = {}): Promise<LaneResult> {
    for (let sends = 1; ; sends++) {
      const step = await this.item(() => this.once(account, priceKey, send, signal, hooks));
      if (step.kind === 'done') return { ok: true, taskId: step.taskId, sends };
      let verdict = judge(this.calibration(priceKey), step.before, step.after);
      if (awaitsCalibration(this.calibration(priceKey), step.before, step.after)) {
        await this.awaitCalibration(priceKey, signal);
        if (signal?.aborted) throw appError('cancelled', 'error.cancelled');
        verdict = judge(this.calibration(priceKey), step.before, step.after);
      }
      // A refund landing in the window would cancel out a charge: then "unchanged" proves nothing.
      if (verdict === 'unreceived' && (await this.reads.refundsSince?.(step.since, signal))) {
        this.reads.log?.('[kie] a task failed while a create was lost (KIE may have refunded it): the balance cannot tell');
        verdict = 'unproven';
      }
      const moved = step.before === null || step.after === null ? null : Math.round((step.before - step.after) * 1000) / 1000;
      this.reads.log?.(`[kie] create lost its answer (${step.cause.code}); the balance ${moved === null ? 'could not be read' : `moved by ${moved}`}: ${verdict}`);
      if (verdict === 'unreceived' && sends <= this.maxResends) continue;
      return { ok: false, verdict, cause: step.cause, moved, sends };
    }
  }

  private async once(account: string, priceKey: string, send: () => Promise<string>, signal: AbortSignal | undefined, hooks: SendHooks): Promise<Step> {
    hooks.beforeSend?.();
    if (account !== this.account) {
      this.account = account;
      this.calibrations = new Map();
      this.lastBalance = null;
    }
    // A blind witness is not asked: the reads would prove nothing and cost requests.
    const witness = !this.calibration(priceKey).blind;
    const before = witness ? (this.lastBalance ?? (await this.read(signal))) : null;
    this.lastBalance = null;
    let taskId: string;
    try {
      taskId = await send();
    } catch (thrown) {
      const error = toAppError(thrown);
      if (!mayHaveBeenReceived(error)) {
        // KIE's own refusal (or a cancel): nothing was spent, the balance read still holds.
        this.lastBalance = before;
        hooks.onRefused?.(error);
        throw error;
      }
      if (before === null) return { kind: 'lost', cause: error, before: null, after: null, since: Date.now() };
      await this.reads.settle(signal);
      const after = await this.read(signal);
      this.lastBalance = after;
      return { kind: 'lost', cause: error, before: before.value, after: after?.value ?? null, since: before.at };
    }
    if (before !== null) {
      const after = await this.read(signal);
      if (after !== null) this.calibrations.set(priceKey, calibrate(this.calibration(priceKey), before.value, after.value));
      this.lastBalance = after;
    }
    return { kind: 'done', taskId };
  }

  private async read(signal: AbortSignal | undefined): Promise<Reading | null> {
    const at = Date.now();
    const value = await this.reads.readBalance(signal);
    return value === null ? null : { value, at };
  }

  /** Resolves once this price is trusted or found blind, the lane has run dry, or the signal aborts. */
  private awaitCalibration(priceKey: string, signal: AbortSignal | undefined): Promise<void> {
    return new Promise((resolve) => {
      const check = () => {
        const calibration = this.calibration(priceKey);
        if (!trusted(calibration) && !calibration.blind && this.pending > 0 && !signal?.aborted) return;
        this.listeners.delete(check);
        signal?.removeEventListener('abort', check);
        resolve();
      };
      this.listeners.add(check);
      signal?.addEventListener('abort', check, { once: true });
      check();
    });
  }

  private item<T>(fn: () => Promise<T>): Promise<T> {
    this.pending++;
    this.reads.changed?.();
    const start = () => {
      this.running = true;
      return fn();
    };
    const run = this.tail.then(start, start);
    this.tail = run.catch(() => undefined);
    return run.finally(() => {
      this.pending--;
      this.running = false;
      if (this.pending === 0) this.lastBalance = null;
      this.reads.changed?.();
      for (const listener of [...this.listeners]) listener();
    });
  }
}
