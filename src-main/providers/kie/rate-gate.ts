/**
 * One client-side limiter for every KIE call. Each request names the buckets it counts against (all
 * calls: 20 per 10 s; polls also: 3 per second) and is granted only when every bucket has room.
 * The server counts arrivals, and a request arrives somewhere between its grant and its answer (a busy
 * machine can delay the send): so a request counts as "now" while in flight and, once answered, from
 * the time of its answer. That bounds its arrival from above, and the limit holds however late it
 * arrived. Waiters are served in order, except that a waiter blocked by one bucket does not hold back
 * one that only needs others (creates overtake polls). Places may be reserved for requests about to
 * come (the creates queued in the create lane): a request that yields (a poll) is granted only past
 * them, so polls of the first tasks do not push the batch's later creates into the next window.
 */
import { appError } from '../../errors.js';

export interface BucketSpec {
  limit: number;
  windowMs: number;
}

/** When a request may have reached the server at the latest: open while it is in flight. */
interface Stamp {
  at: number;
  open: boolean;
}

/** Call when the request has its answer (or failed): from then on it counts from that time. */
export type Release = () => void;

interface Waiter {
  buckets: string[];
  /** Granted only past the places reserved for others (a poll yields to queued creates). */
  yields: boolean;
  resolve: (release: Release) => void;
  reject: (error: unknown) => void;
  signal: AbortSignal | undefined;
  onAbort: () => void;
}

export class RateGate {
  private readonly stamps = new Map<string, Stamp[]>();
  private readonly waiters: Waiter[] = [];
  private timer: NodeJS.Timeout | null = null;
  /** Places per bucket kept for requests about to come (creates queued in a create lane). */
  private readonly reserves = new Map<string, (() => number)[]>();
  /** Every grant, for tests and the benchmark: [time, buckets]. */
  readonly granted: { at: number; buckets: string[] }[] = [];

  constructor(
    private readonly specs: Record<string, BucketSpec>,
    private readonly now: () => number = Date.now,
    /**
     * Added to each window. Counting from the answer already bounds the arrival from above, so a few
     * milliseconds cover only timer granularity on either side.
     */
    private readonly marginMs = 20,
  ) {
    for (const name of Object.keys(specs)) this.stamps.set(name, []);
  }

  /**
   * Milliseconds until all `buckets` have room (0 = now). Pure on the recorded stamps. A request that
   * `yields` needs room past the reserved places too (Infinity while the reserve fills the bucket:
   * `poke` serves it again when the reserve shrinks).
   */
  waitFor(buckets: string[], now = this.now(), yields = false): number {
    let wait = 0;
    for (const name of buckets) {
      const spec = this.specs[name];
      if (!spec) throw new Error(`Unknown rate bucket ${name}`);
      const window = spec.windowMs + this.marginMs;
      const recent = (this.stamps.get(name) ?? []).filter((s) => s.open || s.at > now - window);
      this.stamps.set(name, recent);
      const limit = spec.limit - (yields ? this.reserved(name) : 0);
      if (limit <= 0) return Infinity;
      if (recent.length >= limit) {
        const times = recent.map((s) => (s.open ? now : s.at)).sort((a, b) => a - b);
        wait = Math.max(wait, times[times.length - limit]! + window - now + 1);
      }
    }
    return wait;
  }

  /** Keeps `count()` places of `bucket` for requests about to come; requests that yield are granted only past them. */
  reserve(bucket: string, count: () => number): void {
    this.reserves.set(bucket, [...(this.reserves.get(bucket) ?? []), count]);
  }

  /** Serves the waiters again (a reserve changed). */
  poke(): void {
    if (this.waiters.length > 0) this.pump();
  }

  private reserved(bucket: string): number {
    return (this.reserves.get(bucket) ?? []).reduce((sum, count) => sum + Math.max(0, count()), 0);
  }

  acquire(buckets: string[], signal?: AbortSignal, options: { yields?: boolean } = {}): Promise<Release> {
    if (signal?.aborted) return Promise.reject(appError('cancelled', 'error.cancelled'));
    return new Promise<Release>((resolve, reject) => {
      const waiter: Waiter = {
        buckets,
        yields: options.yields ?? false,
        resolve,
        reject,
        signal,
        onAbort: () => {
          const index = this.waiters.indexOf(waiter);
          if (index >= 0) this.waiters.splice(index, 1);
          reject(appError('cancelled', 'error.cancelled'));
        },
      };
      signal?.addEventListener('abort', waiter.onAbort, { once: true });
      this.waiters.push(waiter);
      this.pump();
    });
  }

  private pump(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    let soonest = Infinity;
    const blocked = new Set<string>();
    for (const waiter of [...this.waiters]) {
      // Keep order within a bucket: once a bucket has a blocked waiter, later waiters on it wait too.
      if (waiter.buckets.some((b) => blocked.has(b))) continue;
      const now = this.now();
      const wait = this.waitFor(waiter.buckets, now, waiter.yields);
      if (wait > 0) {
        soonest = Math.min(soonest, wait);
        // A waiter that yields holds back no one: the places it waits past are for others.
        if (!waiter.yields) for (const b of waiter.buckets) blocked.add(b);
        continue;
      }
      const stamp: Stamp = { at: now, open: true };
      for (const b of waiter.buckets) this.stamps.get(b)!.push(stamp);
      this.granted.push({ at: now, buckets: waiter.buckets });
      if (this.granted.length > 10_000) this.granted.splice(0, 5_000);
      this.waiters.splice(this.waiters.indexOf(waiter), 1);
      waiter.signal?.removeEventListener('abort', waiter.onAbort);
      waiter.resolve(() => {
        if (!stamp.open) return;
        stamp.open = false;
        stamp.at = this.now();
        // A waiter that was held by this open stamp may now be served sooner.
        if (this.waiters.length > 0) this.pump();
      });
    }
    if (this.waiters.length > 0 && Number.isFinite(soonest)) {
      // Not unref'd: a waiter is pending, and the CLI must stay alive until it is served.
      this.timer = setTimeout(() => this.pump(), soonest);
    }
  }
}

/** KIE's published limits: 20 new requests per 10 s per account; poll a task at most 3 times a second. */
export const KIE_LIMITS: Record<'all' | 'poll', BucketSpec> = {
  all: { limit: 20, windowMs: 10_000 },
  poll: { limit: 3, windowMs: 1_000 },
};

/** Sleep that ends early (rejecting as cancelled) when the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(appError('cancelled', 'error.cancelled'));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(appError('cancelled', 'error.cancelled'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
