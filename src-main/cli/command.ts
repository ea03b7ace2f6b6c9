/** A CLI command: a name of one or two words, a usage line, and a run() that returns an exit code. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { AppError } from '../errors.js';

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  /** True when stderr is a terminal (progress bars redraw in place). */
  isTty: boolean;
  /** Aborted on Ctrl+C. */
  signal: AbortSignal;
}

export interface Command {
  name: string;
  usage: string;
  summary: string;
  run(args: string[], io: CliIo): Promise<number>;
}

/** node:util parseArgs with errors turned into a clear AppError. */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T, usage: string) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new AppError('invalid_input', `${(error as Error).message}\nusage: ${usage}`);
  }
}

/** A text progress bar: [#####.....]  42%  ETA 0:13  message */
export function progressLine(percent: number, etaSeconds: number | null, message = '', width = 30): string {
  const clamped = Math.max(0, Math.min(100, percent));
  const filled = Math.round((clamped / 100) * width);
  const eta = etaSeconds === null || !Number.isFinite(etaSeconds) ? '--:--' : `${Math.floor(etaSeconds / 60)}:${String(Math.round(etaSeconds % 60)).padStart(2, '0')}`;
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${clamped.toFixed(0).padStart(3)}%  ETA ${eta}  ${message}`.trimEnd();
}

/** `--scene N` (1-based, as the page numbers scenes) as the one scene id it names; undefined when not given. */
export function sceneFlag(scenes: readonly { id: string }[], value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > scenes.length) {
    throw new AppError('invalid_input', `--scene must be a number from 1 to ${scenes.length} (the project has ${scenes.length} scenes), not "${value}"`);
  }
  return [scenes[n - 1]!.id];
}
