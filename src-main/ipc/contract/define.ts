/**
 * Building blocks of the IPC contract. Pure (zod only): main, preload, the bridge and the renderer all
 * import the contract, so it must never reach for Node or Electron.
 */
import { z } from 'zod';
import { ERROR_CODES } from '../../errors.js';

export interface CallSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  /** One line for docs and the developer console. */
  summary: string;
}

export function call<I extends z.ZodType, O extends z.ZodType>(input: I, output: O, summary: string): CallSpec<I, O> {
  return { input, output, summary };
}

/** `message` in English; `key` and `values` (when the core has them) for the page to word (messages.ts). */
export const ErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  key: z.string().optional(),
  values: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type IpcError = z.infer<typeof ErrorSchema>;

export type Result<T> = { ok: true; data: T } | { ok: false; error: IpcError };

export const Empty = z.object({}).strict();
export const Ok = z.object({ ok: z.literal(true) });
