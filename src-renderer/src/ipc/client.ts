/**
 * The renderer's one client for the core, typed by the IPC contract. In Electron the preload exposes
 * `window.whatif` ({ invoke, on }); in a browser the same calls go to the loopback bridge
 * (POST /api/call/<channel>, WebSocket /api/events; the token rides on a cookie the bridge set).
 */
import type { CallInput, CallName, CallOutput, EventName, EventPayload, IpcError, Result } from '../../../src-main/ipc/contract/index.js';

export interface PreloadApi {
  invoke(channel: string, input: unknown): Promise<Result<unknown>>;
  on(event: string, handler: (payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    whatif?: PreloadApi;
  }
}

/** A failed call: the core's error code and its user-facing message. */
export class CallError extends Error {
  readonly code: IpcError['code'];
  /** The message as a key and values, worded by the page in its language (i18n/messages.ts errorWords). */
  readonly key: string | undefined;
  readonly values: IpcError['values'];
  constructor(error: IpcError) {
    super(error.message);
    this.name = 'CallError';
    this.code = error.code;
    this.key = error.key;
    this.values = error.values;
  }
}

type Listener = (payload: unknown) => void;

class BridgeTransport implements PreloadApi {
  private socket: WebSocket | null = null;
  private readonly listeners = new Map<string, Set<Listener>>();
  private retryMs = 500;
  connectionListener: ((connected: boolean) => void) | null = null;

  async invoke(channel: string, input: unknown): Promise<Result<unknown>> {
    let response: Response;
    try {
      response = await fetch(`/api/call/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(input ?? {}),
        credentials: 'same-origin',
      });
    } catch {
      return { ok: false, error: { code: 'io_error', message: 'The app core is not reachable (the bridge stopped?). Your edits are kept here; try again.' } };
    }
    if (response.status === 401 || response.status === 403) {
      return { ok: false, error: { code: 'auth_error', message: 'The bridge refused this page: open the address printed by `npm run web` again.' } };
    }
    try {
      return (await response.json()) as Result<unknown>;
    } catch {
      return { ok: false, error: { code: 'internal', message: `The bridge answered ${response.status} without a result.` } };
    }
  }

  on(event: string, handler: Listener): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(handler);
    this.connect();
    return () => set.delete(handler);
  }

  private connect(): void {
    if (this.socket) return;
    const protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const socket = new WebSocket(`${protocol}//${location.host}/api/events`);
    this.socket = socket;
    socket.onopen = () => {
      this.retryMs = 500;
      this.connectionListener?.(true);
    };
    socket.onmessage = (message) => {
      try {
        const { event, payload } = JSON.parse(String(message.data)) as { event: string; payload: unknown };
        for (const handler of this.listeners.get(event) ?? []) handler(payload);
      } catch {
        // Ignore a malformed frame; the next one carries fresh state.
      }
    };
    socket.onclose = () => {
      this.socket = null;
      this.connectionListener?.(false);
      setTimeout(() => this.connect(), this.retryMs);
      this.retryMs = Math.min(this.retryMs * 2, 10_000);
    };
  }
}

const bridge = typeof window !== 'undefined' && window.whatif ? null : new BridgeTransport();
const transport: PreloadApi = (typeof window !== 'undefined' && window.whatif) || bridge!;

/** Call the core; resolves with the data or throws a CallError with a message to show the user. */
export async function invoke<C extends CallName>(channel: C, input: CallInput<C>): Promise<CallOutput<C>> {
  const result = await transport.invoke(channel, input);
  if (!result.ok) throw new CallError(result.error);
  return result.data as CallOutput<C>;
}

/** Subscribe to a pushed event; returns the unsubscribe function. */
export function on<E extends EventName>(event: E, handler: (payload: EventPayload<E>) => void): () => void {
  return transport.on(event, handler as Listener);
}

/** Bridge mode only: told when the event socket drops or comes back (the UI shows a banner). */
export function onConnectionChange(listener: (connected: boolean) => void): void {
  if (bridge) bridge.connectionListener = listener;
}

let mediaToken = '';

/**
 * Bridge mode: fetch the media token once before the app renders (media addresses must carry it:
 * the bridge never serves media on the cookie alone). Electron needs none.
 */
export async function loadMediaToken(): Promise<void> {
  if (window.whatif) return;
  try {
    const response = await fetch('/api/media-token', { credentials: 'same-origin' });
    if (response.ok) mediaToken = ((await response.json()) as { mediaToken?: string }).mediaToken ?? '';
  } catch {
    // The bridge is down: media stays blank until the page is reloaded.
  }
}

/** URL of a project asset for <img>, <audio> and Konva images: media:// in Electron, /media/ on the bridge. */
export function mediaUrl(projectId: string, assetIdOrRenderPath: string): string {
  const path = `${encodeURIComponent(projectId)}/${assetIdOrRenderPath.split('/').map(encodeURIComponent).join('/')}`;
  return window.whatif ? `media://${path}` : `/media/${path}?t=${encodeURIComponent(mediaToken)}`;
}
