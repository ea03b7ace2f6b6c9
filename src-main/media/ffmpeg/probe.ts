/**
 * ffprobe summary of a media file: container duration, first video and audio stream. Used by the
 * export (inputs before encoding, the result after), `export.probe`, narration and waveforms.
 */
import fs from 'node:fs';
import { execa } from 'execa';
import { AppError } from '../../errors.js';
import { resolveBinary } from '../../platform/binaries.js';
import { lastStderrLines } from './run-ffmpeg.js';

export interface MediaProbe {
  file: string;
  formatName: string;
  durationSeconds: number;
  bytes: number;
  video: { codec: string; width: number; height: number; fps: number; pixFmt: string; frames: number | null } | null;
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
        }
      : null,
    audio: a ? { codec: a.codec_name ?? 'unknown', sampleRate: Number(a.sample_rate ?? 0), channels: a.channels ?? 0 } : null,
  };
}

/** Probes a file; a missing or unreadable one is an AppError naming it. */
export async function probeMedia(file: string, signal?: AbortSignal): Promise<MediaProbe> {
  if (!fs.existsSync(file)) throw new AppError('not_found', `File not found: ${file}`);
  const bin = resolveBinary('ffprobe');
  const result = await execa(bin, ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', file], {
    reject: false,
    stdin: 'ignore',
    ...(signal ? { cancelSignal: signal } : {}),
    windowsHide: true,
  });
  if (result.isCanceled) throw new AppError('cancelled', 'Cancelled.');
  if (result.failed) {
    throw new AppError('invalid_input', `${file} is not a media file ffmpeg can read: ${lastStderrLines(String(result.stderr), 3) || result.message}`);
  }
  return summarizeProbe(file, JSON.parse(String(result.stdout)) as Parameters<typeof summarizeProbe>[1]);
}
