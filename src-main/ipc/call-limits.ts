/**
 * Bounds of every IPC call: how long it may run before it is stopped (its signal aborted) and answered
 * `interrupted`, and how large an answer may be. Long work belongs in jobs; calls are short.
 */
import type { CallName } from './contract/index.js';

/** An answer larger than this is refused (a preview WAV or a big project fit well below). */
export const MAX_ANSWER_BYTES = 48 * 1024 * 1024;

export const DEFAULT_CALL_TIMEOUT_MS = 30_000;

/** Calls that legitimately take longer: network checks, copying a project, loading a voice. */
const SLOW_CALLS: Partial<Record<CallName, number>> = {
  'project.exportCopy': 300_000,
  'project.createDemo': 120_000,
  'secrets.test': 90_000,
  'voices.add': 120_000,
  'voices.elevenlabs': 90_000,
  'waveform.peaks': 120_000,
  'monitor.snapshot': 60_000,
  'images.import': 90_000,
  'images.importData': 90_000,
  'export.probe': 30_000,
  // The native dialog waits for the user.
  'os.pickPath': 24 * 3600_000,
};

/** Request bodies: small for every call but the ones that carry a document or a file's bytes. */
export const DEFAULT_MAX_INPUT_BYTES = 1024 * 1024;
const LARGE_INPUTS: Partial<Record<CallName, number>> = {
  'images.importData': 60 * 1024 * 1024,
  'project.save': 16 * 1024 * 1024,
};

export function maxInputBytes(channel: string): number {
  return Object.prototype.hasOwnProperty.call(LARGE_INPUTS, channel) ? LARGE_INPUTS[channel as CallName]! : DEFAULT_MAX_INPUT_BYTES;
}

let override: number | null = null;

/** Tests shorten every bound at once (never by waiting for a real one). */
export function setCallTimeoutForTests(ms: number | null): void {
  override = ms;
}

export function callTimeoutMs(channel: CallName): number {
  return override ?? SLOW_CALLS[channel] ?? DEFAULT_CALL_TIMEOUT_MS;
}
