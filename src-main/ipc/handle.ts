/**
 * The one entry point for every IPC call (Electron ipcMain, the loopback bridge, tests): look the
 * channel up in the contract, validate the input, run the handler, validate the output, and answer a
 * Result. Handlers throw AppError; nothing else leaks to the caller. Every call has a time bound
 * (call-limits.ts: the caller's signal is aborted and `interrupted` answered), every answer a size
 * cap, and no known key leaves in an answer.
 */
import type { z } from 'zod';
import { appError, AppError, causeText, toAppError } from '../errors.js';
import { scrub } from '../secrets/known-secrets.js';
import { callTimeoutMs, MAX_ANSWER_BYTES } from './call-limits.js';
import { calls, isCallName, type CallName, type Calls, type IpcError, type Result } from './contract/index.js';

export interface CallContext {
  /** Aborted when the caller goes away (window closed, socket dropped). */
  signal?: AbortSignal;
}

export type Handler<C extends CallName> = (
  input: z.output<Calls[C]['input']>,
  ctx: CallContext,
) => Promise<z.input<Calls[C]['output']>> | z.input<Calls[C]['output']>;

export type Handlers = { [C in CallName]: Handler<C> };
export type HandlersFor<K extends CallName> = { [C in K]: Handler<C> };

/** "name: must not be empty; preset: Invalid option ..." naming each bad field. */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => {
      const where = issue.path.length ? issue.path.join('.') : 'payload';
      return `${where}: ${issue.message}`;
    })
    .join('; ');
}

export type Dispatch = (channel: unknown, payload: unknown, ctx?: CallContext) => Promise<Result<unknown>>;

/** A failed Result: the error's code, its English (scrubbed of known keys), and its key and values for the page. */
function failure(error: AppError, maxChars = 4000): { ok: false; error: IpcError } {
  const values = error.values ? Object.fromEntries(Object.entries(error.values).map(([k, v]) => [k, typeof v === 'string' ? scrub(v).slice(0, maxChars) : v])) : undefined;
  return { ok: false, error: { code: error.code, message: scrub(error.message).slice(0, maxChars), ...(error.key ? { key: error.key, ...(values ? { values } : {}) } : {}) } };
}

export function createDispatcher(handlers: Handlers, log: (line: string) => void = () => {}): Dispatch {
  return async (channel, payload, ctx = {}) => {
    if (!isCallName(channel)) {
      return failure(appError('not_found', 'ipc.unknownChannel', { channel: String(channel).slice(0, 80) }));
    }
    const spec = calls[channel];
    const parsed = spec.input.safeParse(payload ?? {});
    if (!parsed.success) {
      return failure(appError('invalid_input', 'ipc.invalidInput', { channel, problem: describeZodError(parsed.error) }), 2000);
    }
    const limitMs = callTimeoutMs(channel);
    const controller = new AbortController();
    const signal = ctx.signal ? AbortSignal.any([ctx.signal, controller.signal]) : controller.signal;
    let timer: NodeJS.Timeout | undefined;
    try {
      const handler = handlers[channel] as (input: unknown, ctx: CallContext) => unknown;
      const timedOut = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          controller.abort(appError('interrupted', 'ipc.tookTooLong'));
          reject(appError('interrupted', 'ipc.timedOut', { channel, limit: limitMs < 1000 ? `${limitMs} ms` : `${Math.round(limitMs / 1000)} s` }));
        }, limitMs);
        timer.unref?.();
      });
      const raw = await Promise.race([Promise.resolve().then(() => handler(parsed.data, { ...ctx, signal })), timedOut]);
      const output = spec.output.safeParse(raw);
      if (!output.success) {
        log(`[ipc] ${channel} returned a value outside the contract: ${describeZodError(output.error)}`);
        return failure(appError('internal', 'ipc.invalidAnswer', { channel }));
      }
      const text = JSON.stringify(output.data) ?? 'null';
      if (text.length > MAX_ANSWER_BYTES) {
        log(`[ipc] ${channel} answer of ${text.length} characters refused (cap ${MAX_ANSWER_BYTES})`);
        return failure(appError('unsupported', 'ipc.answerTooLarge', { channel, mb: Math.round(text.length / 1e6) }));
      }
      const clean = scrub(text);
      return { ok: true, data: clean === text ? output.data : JSON.parse(clean) };
    } catch (error) {
      const appError = toAppError(error);
      if (appError.code === 'internal' || appError.code === 'interrupted') log(`[ipc] ${channel} failed: ${appError.message} ${causeText(error)}`);
      return failure(appError);
    } finally {
      clearTimeout(timer);
    }
  };
}

/** For callers inside the core (CLI, tests) that want the data or a thrown AppError. */
export async function unwrap<T>(result: Result<T>): Promise<T> {
  if (result.ok) return result.data;
  throw new AppError(result.error.code, result.error.message, result.error.key ? { key: result.error.key, ...(result.error.values ? { values: result.error.values } : {}) } : {});
}
