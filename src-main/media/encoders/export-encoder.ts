/**
 * The encoder an export uses on this machine, from the user's setting and the remembered trials
 * (detect.ts, in the data folder's cache). A detection that fails costs nothing but speed: libx264.
 */
import path from 'node:path';
import type { Core } from '../../core.js';
import { chooseEncoder, HARDWARE, SOFTWARE, type EncoderSpec } from './encoders.js';
import { detectEncoders, type EncoderReport } from './detect.js';

type Needs = Pick<Core, 'paths' | 'settings'>;

const reportFile = (core: Needs) => path.join(core.paths.cache, 'encoders.json');

export async function encoderReport(core: Needs, options: { fresh?: boolean; signal?: AbortSignal } = {}): Promise<EncoderReport & { inUse: string }> {
  const report = await detectEncoders(reportFile(core), options);
  return { ...report, inUse: chooseEncoder(core.settings.get().videoEncoder, report.working).label };
}

export async function exportEncoder(core: Needs, signal?: AbortSignal): Promise<EncoderSpec> {
  const choice = core.settings.get().videoEncoder;
  if (choice === 'software') return SOFTWARE;
  try {
    return chooseEncoder(choice, (await detectEncoders(reportFile(core), signal ? { signal } : {})).working);
  } catch {
    return SOFTWARE;
  }
}

export const encoderLabel = (id: string): string => HARDWARE.find((e) => e.id === id)?.label ?? id;
