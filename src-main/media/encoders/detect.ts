/**
 * Which hardware H.264 encoders work on this machine: each one ffmpeg lists is tried with a one-second
 * encode (listing alone proves nothing: a build has NVENC whether or not there is an NVIDIA card).
 * The answer is remembered per ffmpeg build (its path, size, date and version line) in a JSON file
 * in the data folder, so the trials run once, not at every export. Every trial is bounded in time.
 */
import fs from 'node:fs';
import { resolveBinary } from '../../platform/binaries.js';
import { writeFileAtomic } from '../../platform/atomic-file.js';
import { ffmpegInfo, runFfmpeg } from '../ffmpeg/run-ffmpeg.js';
import { HARDWARE, parseEncoderList, type EncoderSpec } from './encoders.js';

export interface EncoderReport {
  /** The ffmpeg build the report is for. */
  build: string;
  checkedAt: string;
  /** Hardware encoders that passed the trial, in preference order. */
  working: string[];
  /** Every hardware encoder ffmpeg lists, and how its trial went. */
  tried: { id: string; ok: boolean; error?: string }[];
}

const TRIAL_MS = 15_000;

/** The build's identity: where the binary is, its size and date, and what it says its version is. */
export async function ffmpegBuild(): Promise<string> {
  const bin = resolveBinary('ffmpeg');
  const stat = fs.statSync(bin);
  const version = (await ffmpegInfo(['-version'])).split('\n')[0]!.trim();
  return `${bin}|${stat.size}|${Math.round(stat.mtimeMs)}|${version}`;
}

async function trial(spec: EncoderSpec, signal?: AbortSignal): Promise<string | null> {
  const timeout = AbortSignal.timeout(TRIAL_MS);
  try {
    await runFfmpeg({
      args: [...spec.globalArgs, '-f', 'lavfi', '-i', 'testsrc2=size=256x256:rate=30', '-t', '1', ...(spec.filter ? ['-vf', spec.filter] : []), ...spec.args('standard'), '-f', 'null', '-'],
      durationSeconds: 1,
      label: { key: 'ffmpeg.label.trial', values: { encoder: spec.label } },
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
    return null;
  } catch (error) {
    if (timeout.aborted) return 'no answer within 15 s';
    // The line that says why (ffmpeg's last line is often only "Conversion failed!").
    const lines = (error as Error).message.split('\n').map((l) => l.trim()).filter((l) => l && !/^Conversion failed!?$|^Error (while|initializing)/i.test(l));
    return (lines.at(-1) ?? 'failed').slice(0, 300);
  }
}

function readReport(file: string): EncoderReport | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as EncoderReport;
  } catch {
    return null;
  }
}

/** The report for the ffmpeg in use: from `cacheFile` when it is for this build, else tried now and saved. */
export async function detectEncoders(cacheFile: string, options: { signal?: AbortSignal; fresh?: boolean } = {}): Promise<EncoderReport> {
  const build = await ffmpegBuild();
  const cached = options.fresh ? null : readReport(cacheFile);
  if (cached && cached.build === build) return cached;
  const listed = parseEncoderList(await ffmpegInfo(['-encoders']));
  const tried: EncoderReport['tried'] = [];
  for (const spec of HARDWARE) {
    if (!listed.has(spec.id)) continue;
    const error = await trial(spec, options.signal);
    tried.push(error === null ? { id: spec.id, ok: true } : { id: spec.id, ok: false, error });
  }
  const report: EncoderReport = { build, checkedAt: new Date().toISOString(), working: tried.filter((t) => t.ok).map((t) => t.id), tried };
  try {
    writeFileAtomic(cacheFile, JSON.stringify(report, null, 2));
  } catch {
    // Not remembered (a read-only data folder): the trials run again next time, nothing else is lost.
  }
  return report;
}
