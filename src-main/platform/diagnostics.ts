import { isAppError } from '../errors.js';
import { resolveBinary, type BinaryName } from './binaries.js';

/** Whether a binary was found, as data for app.info and Settings (never throws). */
export function unwrapMissingBinary(name: BinaryName): { found: boolean; path: string | null; message: string | null } {
  try {
    return { found: true, path: resolveBinary(name), message: null };
  } catch (error) {
    return { found: false, path: null, message: isAppError(error) ? error.message : String(error) };
  }
}
