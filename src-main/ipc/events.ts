/**
 * Pushed events: validated against the contract, delivered to every subscriber (Electron windows,
 * bridge sockets, the CLI). High-rate events are coalesced per key: at most one every 100 ms
 * (job progress), always delivering the latest value, never dropping the final one.
 */
import { scrubValue } from '../secrets/known-secrets.js';
import { events, type EventName, type EventPayload } from './contract/index.js';

export type EventListener = <E extends EventName>(name: E, payload: EventPayload<E>) => void;

const COALESCE_MS = 100;

/** Events whose bursts are coalesced, and the key that identifies "the same thing". */
const COALESCED: Partial<Record<EventName, (payload: never) => string>> = {
  'job.changed': (job: EventPayload<'job.changed'>) => job.id,
};

export class EventBus {
  private readonly listeners = new Set<EventListener>();
  private readonly lastSent = new Map<string, number>();
  private readonly pending = new Map<string, { name: EventName; payload: unknown; timer: NodeJS.Timeout }>();

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<E extends EventName>(name: E, payload: EventPayload<E>, options: { immediate?: boolean } = {}): void {
    const checked = events[name].parse(payload) as EventPayload<E>;
    const keyOf = COALESCED[name] as ((p: EventPayload<E>) => string) | undefined;
    if (!keyOf || options.immediate) {
      if (keyOf) this.clearPending(`${name}:${keyOf(checked)}`);
      this.deliver(name, checked);
      return;
    }
    const key = `${name}:${keyOf(checked)}`;
    const now = Date.now();
    const since = now - (this.lastSent.get(key) ?? 0);
    const waiting = this.pending.get(key);
    if (since >= COALESCE_MS && !waiting) {
      this.lastSent.set(key, now);
      this.deliver(name, checked);
      return;
    }
    if (waiting) {
      waiting.payload = checked;
      return;
    }
    const timer = setTimeout(() => {
      const entry = this.pending.get(key);
      this.pending.delete(key);
      if (!entry) return;
      this.lastSent.set(key, Date.now());
      this.deliver(entry.name, entry.payload as EventPayload<E>);
    }, COALESCE_MS - since);
    timer.unref?.();
    this.pending.set(key, { name, payload: checked, timer });
  }

  /** Deliver everything still waiting (on shutdown, and in tests). */
  flush(): void {
    for (const [key, entry] of [...this.pending]) {
      clearTimeout(entry.timer);
      this.pending.delete(key);
      this.deliver(entry.name, entry.payload as never);
    }
  }

  private clearPending(key: string): void {
    const entry = this.pending.get(key);
    if (entry) clearTimeout(entry.timer);
    this.pending.delete(key);
    this.lastSent.set(key, Date.now());
  }

  private deliver<E extends EventName>(name: E, raw: EventPayload<E>): void {
    // The edge: no known key leaves in an event, whatever a provider wrote into a job's message.
    const payload = this.listeners.size ? scrubValue(raw) : raw;
    for (const listener of this.listeners) {
      try {
        listener(name, payload);
      } catch {
        // A broken subscriber (closed window, dead socket) must not stop the others.
      }
    }
  }
}
