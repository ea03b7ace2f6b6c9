/**
 * THE probe of a file being imported: what the asset records about it (length, picture size as
 * displayed, frame rate, display rotation, sound, codec). Both ffprobe runs (the summary and the small
 * one for the rotation) open the file through ../ffmpeg/user-media.ts: signature check, forced demuxer,
 * local files only.
 */
import { execa } from 'execa';
import { appError, AppError } from '../../errors.js';
import type { Asset } from '../../project/document.js';
import { resolveBinary } from '../../platform/binaries.js';
import type { MediaProbe } from '../ffmpeg/probe.js';
import { probeUserMedia, userMediaInputArgs } from '../ffmpeg/user-media.js';
import type { ImportKind } from './file-kinds.js';

export type ProbedFields = Pick<Asset, 'kind' | 'duration' | 'width' | 'height' | 'fps' | 'rotation' | 'hasAudio' | 'codec'>;

/** Clockwise display rotation from ffprobe's stream tag (`rotate`) or display matrix (`rotation`). */
export function displayRotation(tagRotate: unknown, sideDataRotation: unknown): 0 | 90 | 180 | 270 {
  const fromTag = Number(tagRotate);
  const fromMatrix = Number(sideDataRotation);
  const degrees = Number.isFinite(fromTag) && tagRotate !== undefined ? fromTag : Number.isFinite(fromMatrix) && sideDataRotation !== undefined ? -fromMatrix : 0;
  const quarter = ((Math.round(degrees / 90) * 90) % 360 + 360) % 360;
  return quarter as 0 | 90 | 180 | 270;
}

/**
 * Pure: a probe to the asset's fields. A "video" file without a picture is a sound file; a sound
 * file's cover art is not a picture. Sizes are as displayed (rotation applied), as decoders deliver.
 */
export function fieldsFromProbe(name: string, announced: ImportKind, probe: MediaProbe, rotation: 0 | 90 | 180 | 270): ProbedFields {
  const duration = Math.round(probe.durationSeconds * 1000) / 1000;
  const hasPicture = probe.video !== null && probe.video.width > 0 && probe.video.height > 0 && probe.video.codec !== 'mjpeg' && probe.video.codec !== 'png';
  const kind: ImportKind = announced === 'video' && !hasPicture ? 'audio' : announced;
  if (kind === 'audio' && !probe.audio) throw appError('invalid_input', 'import.noReadableSound', { name });
  if (kind === 'video' && !hasPicture) throw appError('invalid_input', 'import.noReadablePicture', { name });
  if (!(duration > 0)) throw appError('invalid_input', kind === 'video' ? 'import.noLengthVideo' : 'import.noLengthSound', { name });
  if (kind === 'audio') return { kind, duration, hasAudio: true, codec: probe.audio!.codec.slice(0, 40) };
  const v = probe.video!;
  const turned = rotation === 90 || rotation === 270;
  return {
    kind,
    duration,
    width: turned ? v.height : v.width,
    height: turned ? v.width : v.height,
    ...(v.fps > 0 && v.fps <= 1000 ? { fps: Math.round(v.fps * 1000) / 1000 } : {}),
    rotation,
    hasAudio: probe.audio !== null,
    codec: v.codec.slice(0, 40),
  };
}

/** The display rotation of a video file (user media: a file that is not a video is refused by name). */
export async function probeRotation(file: string, signal?: AbortSignal): Promise<0 | 90 | 180 | 270> {
  const input = userMediaInputArgs('video', file);
  const result = await execa(resolveBinary('ffprobe'), ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream_tags=rotate:stream_side_data=rotation', '-of', 'json', ...input], {
    reject: false,
    stdin: 'ignore',
    timeout: 60_000,
    windowsHide: true,
    ...(signal ? { cancelSignal: signal } : {}),
  });
  if (result.isCanceled) throw appError('cancelled', 'error.cancelled');
  if (result.failed) return 0;
  try {
    const json = JSON.parse(String(result.stdout)) as { streams?: { tags?: { rotate?: string }; side_data_list?: { rotation?: number }[] }[] };
    const stream = json.streams?.[0];
    return displayRotation(stream?.tags?.rotate, stream?.side_data_list?.find((s) => s.rotation !== undefined)?.rotation);
  } catch {
    return 0;
  }
}

/** Probes a video or sound file for import; a file ffprobe cannot read is an error naming it. */
export async function probeImportFile(file: string, name: string, announced: 'video' | 'audio', signal?: AbortSignal): Promise<ProbedFields> {
  let probe: MediaProbe;
  try {
    probe = await probeUserMedia(announced, file, signal);
  } catch (error) {
    if (error instanceof AppError && error.code === 'invalid_input') throw appError('invalid_input', announced === 'video' ? 'import.unreadableVideo' : 'import.unreadableSound', { name }, { cause: error });
    throw error;
  }
  const rotation = announced === 'video' && probe.video ? await probeRotation(file, signal) : 0;
  return fieldsFromProbe(name, announced, probe, rotation);
}
