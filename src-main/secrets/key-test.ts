/**
 * What "Test" of a stored key answers: ok or not, the English words (CLI, logs) and the message key
 * and values the page words in its language (src-renderer/src/i18n/core/).
 */
import { toAppError } from '../errors.js';
import { wordEn, type CoreMessageKey, type MessageValues } from '../messages.js';

export interface KeyTestResult {
  ok: boolean;
  message: string;
  key?: string;
  values?: MessageValues;
}

/** A test's answer from a message key. */
export function keyTestResult(ok: boolean, key: CoreMessageKey, values?: MessageValues): KeyTestResult {
  return { ok, message: wordEn({ key, ...(values ? { values } : {}) }), key, ...(values ? { values } : {}) };
}

/** A failed test: the error's words, with its key when it has one. */
export function keyTestFailure(error: unknown): KeyTestResult {
  const e = toAppError(error);
  return { ok: false, message: e.message, ...(e.key ? { key: e.key, ...(e.values ? { values: e.values } : {}) } : {}) };
}
