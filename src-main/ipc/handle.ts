/**
 * The one entry point for every IPC call (Electron ipcMain, the loopback bridge, tests): look the
 * channel up in the contract, validate the input, run the handler, validate the output, and answer a
 * Result. Handlers throw AppError; nothing else leaks to the caller.
 */
import type { z } from 'zod';
import { AppError, toAppError } from '../errors.js';
import { calls, isCallName, type CallName, type Calls, type Result } from './contract/index.js';

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

export function createDispatcher(handlers: Handlers, log: (line: string) => void = () => {}): Dispatch {
  return async (channel, payload, ctx = {}) => {
    if (!isCallName(channel)) {
      return { ok: false, error: { code: 'not_found', message: `Unknown channel: ${String(channel).slice(0, 80)}` } };
    }
    const spec = calls[channel];
    const parsed = spec.input.safeParse(payload ?? {});
    if (!parsed.success) {
      return { ok: false, error: { code: 'invalid_input', message: `Invalid input for ${channel}: ${describeZodError(parsed.error)}` } };
    }
    try {
      const handler = handlers[channel] as (input: unknown, ctx: CallContext) => unknown;
      const raw = await handler(parsed.data, ctx);
      const output = spec.output.safeParse(raw);
      if (!output.success) {
        log(`[ipc] ${channel} returned a value outside the contract: ${describeZodError(output.error)}`);
        return { ok: false, error: { code: 'internal', message: `${channel} produced an invalid answer; this is a bug.` } };
      }
      return { ok: true, data: output.data };
    } catch (error) {
      const appError = toAppError(error);
      if (appError.code === 'internal') log(`[ipc] ${channel} failed: ${(error as Error)?.stack ?? String(error)}`);
      return { ok: false, error: appError.toJSON() };
    }
  };
}

/** For callers inside the core (CLI, tests) that want the data or a thrown AppError. */
export async function unwrap<T>(result: Result<T>): Promise<T> {
  if (result.ok) return result.data;
  throw new AppError(result.error.code, result.error.message);
}
