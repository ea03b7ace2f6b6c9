/**
 * ffprobe summary of a media file: container duration, first video and audio stream. Used by the
 * export (inputs before encoding, the result after), `export.probe`, narration and waveforms.
 */
import fs from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { appError } from '../../errors.js';
import { resolveBinary } from '../../platform/binaries.js';
import { lastStderrLines } from './run-ffmpeg.js';

export interface MediaProbe {
  file: string;
  formatName: string;
  durationSeconds: number;
  bytes: number;
  /** width/height as stored; `rotation` the display rotation in degrees (0, 90, 180, 270), from the display matrix. */
  video: { codec: string; width: number; height: number; fps: number; pixFmt: string; frames: number | null; rotation?: number; durationSeconds?: number } | null;
  audio: { codec: string; sampleRate: number; channels: number } | null;
}

interface RawStream {
  codec_type?: string;
  codec_name?: string;
  width?: number;
  height?: number;
  avg_frame_rate?: string;
  r_frame_rate?: string;
  pix_fmt?: string;
  nb_frames?: string;
  sample_rate?: string;
  channels?: number;
  duration?: string;
  tags?: { rotate?: string };
  side_data_list?: Array<{ rotation?: number }>;
}

/** The display rotation of a stream as 0, 90, 180 or 270 (the display matrix's angle, else the old `rotate` tag). */
function rotationOf(s: RawStream): number {
  const angle = s.side_data_list?.find((d) => typeof d.rotation === 'number')?.rotation ?? Number(s.tags?.rotate ?? 0);
  return (((Math.round(angle / 90) * 90) % 360) + 360) % 360;
}

function rate(text: string | undefined): number {
  const [n, d] = (text ?? '0/1').split('/').map(Number);
  return n && d ? n / d : 0;
}

/** Pure: ffprobe's JSON to a MediaProbe. */
export function summarizeProbe(file: string, json: { format?: { format_name?: string; duration?: string; size?: string }; streams?: RawStream[] }): MediaProbe {
  const streams = json.streams ?? [];
  const v = streams.find((s) => s.codec_type === 'video');
  const a = streams.find((s) => s.codec_type === 'audio');
  return {
    file,
    formatName: json.format?.format_name ?? 'unknown',
    durationSeconds: Number(json.format?.duration ?? 0) || 0,
    bytes: Number(json.format?.size ?? 0) || 0,
    video: v
      ? {
          codec: v.codec_name ?? 'unknown',
          width: v.width ?? 0,
          height: v.height ?? 0,
          fps: rate(v.r_frame_rate) || rate(v.avg_frame_rate),
          pixFmt: v.pix_fmt ?? 'unknown',
          frames: v.nb_frames ? Number(v.nb_frames) : null,
          rotation: rotationOf(v),
          ...(Number(v.duration) > 0 ? { durationSeconds: Number(v.duration) } : {}),
        }
      : null,
    audio: a ? { codec: a.codec_name ?? 'unknown', sampleRate: Number(a.sample_rate ?? 0), channels: a.channels ?? 0 } : null,
  };
}

/** Only local files and our own pipes: no http, no concat:, no subfile:, whatever a file lists. */
export const PROTOCOL_WHITELIST = ['-protocol_whitelist', 'file,pipe'];

/** ffmpeg's URL of a local file: `file:` so a name like "concat:a|b" is never read as a protocol. */
export function fileUrl(file: string): string {
  return `file:${path.resolve(file)}`;
}

/** ffprobe reads headers: a file it cannot summarise in this long is not a media file it can use. */
export const PROBE_TIMEOUT_MS = 20_000;

/**
 * Probes a regular file (never a FIFO or device, which would block ffprobe), bounded in time and by
 * the caller's signal; a missing or unreadable one is an AppError naming it. Local files only; user
 * media comes through user-media.ts `probeUserMedia`, which also forces the demuxer (`inputArgs`).
 */
export async function probeMedia(file: string, signal?: AbortSignal, inputArgs: string[] = [...PROTOCOL_WHITELIST, '-i', fileUrl(file)]): Promise<MediaProbe> {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw appError('not_found', 'media.fileNotFound', { file: path.basename(file) });
  }
  if (!stat.isFile()) throw appError('invalid_input', 'media.notRegular', { file: path.basename(file) });
  const bin = resolveBinary('ffprobe');
  const result = await execa(bin, ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', ...inputArgs], {
    reject: false,
    stdin: 'ignore',
    ...(signal ? { cancelSignal: signal } : {}),
    timeout: PROBE_TIMEOUT_MS,
    forceKillAfterDelay: 1000,
    maxBuffer: 8 * 1024 * 1024,
    windowsHide: true,
  });
  if (result.isCanceled) throw appError('cancelled', 'error.cancelled');
  if (result.timedOut) throw appError('invalid_input', 'media.probeTimeout', { file: path.basename(file), seconds: PROBE_TIMEOUT_MS / 1000 });
  if (result.failed) {
    throw appError('invalid_input', 'media.unreadable', { detail: lastStderrLines(String(result.stderr), 3) || String(result.message), file });
  }
  return summarizeProbe(file, JSON.parse(String(result.stdout)) as Parameters<typeof summarizeProbe>[1]);
}
