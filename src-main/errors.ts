/**
 * Errors are typed values with a message a user understands. Every layer throws `AppError`;
 * the IPC `handle()` turns it into `{ ok: false, error: { code, message } }`.
 */
export const ERROR_CODES = [
  'invalid_input',
  'not_found',
  'conflict',
  'provider_error',
  'auth_error',
  'rate_limited',
  'cancelled',
  'unsupported',
  'missing_binary',
  'io_error',
  'disk_full',
  'interrupted',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export class AppError extends Error {
  readonly code: ErrorCode;
  /** Whether trying again can help (network, 5xx, 429). The job runner's retry policy reads it. */
  readonly retryable: boolean;
  /** Seconds the caller should wait before retrying, when the remote side said so. */
  readonly retryAfterSeconds?: number;

  constructor(
    code: ErrorCode,
    message: string,
    options: { retryable?: boolean; retryAfterSeconds?: number; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.retryable = options.retryable ?? false;
    if (options.retryAfterSeconds !== undefined) this.retryAfterSeconds = options.retryAfterSeconds;
  }

  toJSON(): { code: ErrorCode; message: string } {
    return { code: this.code, message: this.message };
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}

/** Maps anything thrown to an AppError, translating the Node errors users meet (disk full, permissions). */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (isAbortError(error)) return new AppError('cancelled', 'Cancelled.');
  const nodeError = error as { code?: string; path?: string } | undefined;
  const path = nodeError?.path ? ` (${nodeError.path})` : '';
  switch (nodeError?.code) {
    case 'ENOSPC':
      return new AppError('disk_full', `The disk is full${path}. Free some space and try again.`, { cause: error });
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new AppError('io_error', `Permission denied${path}. Choose a folder you can write to.`, { cause: error });
    case 'ENOENT':
      return new AppError('not_found', `File or folder not found${path}.`, { cause: error });
    default:
      break;
  }
  const message = error instanceof Error ? error.message : String(error);
  return new AppError('internal', `Unexpected error: ${message}`, { cause: error });
}

export function isAbortError(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    ((error as { name?: string }).name === 'AbortError' || (error as { code?: string }).code === 'ABORT_ERR')
  );
}
