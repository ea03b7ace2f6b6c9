/**
 * Errors are typed values with a message a user understands. Every layer throws `AppError`;
 * the IPC `handle()` turns it into `{ ok: false, error: { code, message, key, values } }`.
 * Build them with `appError(code, key, values)`: the key's English (messages.ts) is the message the
 * CLI and the logs show, the page words the key in its language.
 */
import { wordEn, type CoreMessageKey, type MessageRef } from './messages.js';

export const ERROR_CODES = [
  'invalid_input',
  'not_found',
  'conflict',
  'provider_error',
  'auth_error',
  'rate_limited',
  /** The provider account has no credits left (KIE 402): never retried, stops a batch. */
  'no_credits',
  'cancelled',
  'unsupported',
  'missing_binary',
  'io_error',
  'disk_full',
  'interrupted',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** Values of a message key (see messages.ts): the page words `key` with them in the UI language. */
export type ErrorValues = Record<string, string | number>;

export class AppError extends Error {
  readonly code: ErrorCode;
  /** Whether trying again can help (network, 5xx, 429). The job runner's retry policy reads it. */
  readonly retryable: boolean;
  /** Seconds the caller should wait before retrying, when the remote side said so. */
  readonly retryAfterSeconds?: number;
  /** The message as a key and values, for the page to word in its language (messages.ts). */
  readonly key?: string;
  readonly values?: ErrorValues;

  constructor(
    code: ErrorCode,
    message: string,
    options: { retryable?: boolean; retryAfterSeconds?: number; cause?: unknown; key?: string; values?: ErrorValues } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.retryable = options.retryable ?? false;
    if (options.retryAfterSeconds !== undefined) this.retryAfterSeconds = options.retryAfterSeconds;
    if (options.key !== undefined) this.key = options.key;
    if (options.values !== undefined) this.values = options.values;
  }

  toJSON(): { code: ErrorCode; message: string; key?: string; values?: ErrorValues } {
    return { code: this.code, message: this.message, ...(this.key ? { key: this.key, ...(this.values ? { values: this.values } : {}) } : {}) };
  }
}

/** An AppError worded from a message key: English `message` from messages.ts, key and values for the page. */
export function appError(
  code: ErrorCode,
  key: CoreMessageKey,
  values?: ErrorValues,
  options: { retryable?: boolean; retryAfterSeconds?: number | undefined; cause?: unknown } = {},
): AppError {
  const { retryAfterSeconds, ...rest } = options;
  return new AppError(code, wordEn({ key, ...(values ? { values } : {}) }), {
    ...rest,
    ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
    key,
    ...(values && Object.keys(values).length > 0 ? { values } : {}),
  });
}

/** The same error (code, words, key and values) with other retry hints. */
export function sameError(error: AppError, options: { retryable?: boolean; retryAfterSeconds?: number | undefined } = {}): AppError {
  const retryAfterSeconds = 'retryAfterSeconds' in options ? options.retryAfterSeconds : error.retryAfterSeconds;
  return new AppError(error.code, error.message, {
    retryable: options.retryable ?? error.retryable,
    ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
    ...(error.key ? { key: error.key, ...(error.values ? { values: error.values } : {}) } : {}),
  });
}

/**
 * Another message as one value of a message ("{message} It failed twice…"): `name` holds its
 * English; when it has a key, `nameKey` and its values as `name.<value>` let the page word it too.
 * Text without a key (a provider's or ffmpeg's own words) travels as it is.
 */
export function nestedValues(name: string, inner: AppError | MessageRef | string | unknown): ErrorValues {
  const ref: MessageRef | null =
    inner instanceof AppError ? (inner.key ? { key: inner.key, ...(inner.values ? { values: inner.values } : {}) } : null)
    : inner && typeof inner === 'object' && typeof (inner as MessageRef).key === 'string' && !(inner instanceof Error) ? (inner as MessageRef)
    : null;
  const text = inner instanceof Error ? inner.message : ref ? wordEn(ref, false) : String(inner ?? '');
  if (!ref) return { [name]: text };
  const out: ErrorValues = { [name]: text, [`${name}Key`]: ref.key };
  for (const [k, v] of Object.entries(ref.values ?? {})) out[`${name}.${k}`] = v;
  return out;
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}

/** The last part of a path, as the user knows it ("music.mp3"); pure (the contract imports this file). */
function nameIn(p: string | undefined): string {
  if (!p) return '';
  const parts = String(p).replace(/\u0000/g, '').split(/[\\/]/).filter(Boolean);
  const last = parts[parts.length - 1] ?? String(p);
  return ` ("${last.slice(0, 80)}")`;
}

/**
 * Maps anything thrown to an AppError. Node's file-system errors become typed errors with a user
 * message naming the file by its name; anything else is `internal` with a message that carries no raw
 * Node text, path or stack (those go to the log only).
 */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (isAbortError(error)) return appError('cancelled', 'error.cancelled');
  const nodeError = error as { code?: string; path?: string; dest?: string } | undefined;
  const at = nameIn(nodeError?.path);
  const options = { cause: error };
  const where = { where: at };
  // SQLite's I/O errors (SQLITE_IOERR_WRITE, _SHMSIZE ...): the data folder's disk is full or failing.
  if (nodeError?.code?.startsWith('SQLITE_IOERR')) return appError('io_error', 'error.dataDiskIo', undefined, options);
  switch (nodeError?.code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return appError('disk_full', 'error.diskFull', where, options);
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return appError('io_error', 'error.permission', where, options);
    case 'ENOENT':
      return appError('not_found', 'error.fileNotFound', where, options);
    case 'ENOTDIR':
      return appError('invalid_input', 'error.partIsFile', where, options);
    case 'EISDIR':
      return appError('invalid_input', 'error.isFolder', where, options);
    case 'EEXIST':
    case 'ENOTEMPTY':
      return appError('conflict', 'error.alreadyThere', where, options);
    case 'ENAMETOOLONG':
      return appError('invalid_input', 'error.nameTooLong', undefined, options);
    case 'ELOOP':
      return appError('invalid_input', 'error.linkLoop', where, options);
    case 'EINVAL':
    case 'ERR_INVALID_ARG_VALUE':
    case 'ERR_INVALID_ARG_TYPE':
      return appError('invalid_input', 'error.badCharacters', undefined, options);
    case 'EMFILE':
    case 'ENFILE':
      return appError('io_error', 'error.tooManyOpen', undefined, options);
    case 'EBUSY':
    case 'ETXTBSY':
      return appError('io_error', 'error.inUse', where, options);
    case 'EIO':
      return appError('io_error', 'error.diskIo', where, options);
    case 'EXDEV':
      return appError('io_error', 'error.acrossDisks', undefined, options);
    case 'ENXIO':
    case 'ENODEV':
    case 'ESPIPE':
      return appError('invalid_input', 'error.isDevice', where, options);
    case 'SQLITE_FULL':
      return appError('disk_full', 'error.dataDiskFull', undefined, options);
    case 'SQLITE_READONLY':
    case 'SQLITE_CANTOPEN':
      return appError('io_error', 'error.dataReadOnly', undefined, options);
    default:
      break;
  }
  return appError('internal', 'error.unexpected', undefined, options);
}

/** The raw text behind an AppError's cause, for the log only (never for the page). */
export function causeText(error: unknown): string {
  const cause = error instanceof AppError ? error.cause : error;
  if (cause instanceof Error) return cause.stack ?? cause.message;
  return cause === undefined ? '' : String(cause);
}

export function isAbortError(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    ((error as { name?: string }).name === 'AbortError' || (error as { code?: string }).code === 'ABORT_ERR')
  );
}
