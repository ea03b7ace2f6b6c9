/**
 * THE one place that opens user media (anything in a project folder, which users download and share,
 * so untrusted) for ffmpeg and ffprobe: import checks, export checks and inputs, waveforms, video clips.
 *
 * The file's first bytes say what it is (a signature check, whatever its extension); only the
 * containers the app accepts for that kind pass, and ffmpeg is then told to read exactly that demuxer
 * (`-f`) through the `file` protocol only (`-protocol_whitelist file,pipe`, a `file:` URL). So a
 * playlist or a reference format (HLS, DASH, ffconcat, image2 patterns, `concat:`/`subfile:` URLs)
 * is refused as such before ffmpeg opens it, and ffmpeg could not follow its references anyway.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError, appError, nestedValues } from '../../errors.js';
import { wordEn, type CoreMessageKey } from '../../messages.js';
import { fileUrl, probeMedia, PROTOCOL_WHITELIST, type MediaProbe } from './probe.js';

export { fileUrl, PROTOCOL_WHITELIST };

export type UserMediaKind = 'audio' | 'video' | 'image';

/** A container the app reads, with the ffmpeg demuxer forced for it. */
export interface UserMediaFormat {
  container: 'wav' | 'mp3' | 'aac' | 'mp4' | 'ogg' | 'flac' | 'matroska' | 'jpeg' | 'png' | 'webp';
  /** ffmpeg's `-f` name (mp4/mov/m4a are all the `mov` demuxer; webm is `matroska`). */
  demuxer: string;
}

const FORMATS: Record<UserMediaFormat['container'], string> = {
  wav: 'wav',
  mp3: 'mp3',
  aac: 'aac',
  mp4: 'mov',
  ogg: 'ogg',
  flac: 'flac',
  matroska: 'matroska',
  jpeg: 'jpeg_pipe',
  png: 'png_pipe',
  webp: 'webp_pipe',
};

/** Which containers each kind accepts: wav, mp3, m4a/aac, ogg/opus, flac (and webm/mka audio); mp4/mov, webm/mkv; images. */
export const ACCEPTED: Record<UserMediaKind, ReadonlyArray<UserMediaFormat['container']>> = {
  audio: ['wav', 'mp3', 'aac', 'mp4', 'ogg', 'flac', 'matroska'],
  video: ['mp4', 'matroska'],
  image: ['jpeg', 'png', 'webp'],
};

/** Bytes read to recognise a file. */
export const SIGNATURE_BYTES = 64;

const ascii = (head: Buffer, at: number, text: string): boolean => head.length >= at + text.length && head.toString('latin1', at, at + text.length) === text;

/** Pure: the container of a file from its first bytes, or null when it is none the app reads. */
export function sniffContainer(head: Buffer): UserMediaFormat['container'] | null {
  if ((ascii(head, 0, 'RIFF') || ascii(head, 0, 'RF64')) && ascii(head, 8, 'WAVE')) return 'wav';
  if (ascii(head, 0, 'RIFF') && ascii(head, 8, 'WEBP')) return 'webp';
  if (ascii(head, 0, 'fLaC')) return 'flac';
  if (ascii(head, 0, 'OggS')) return 'ogg';
  if (head.length >= 4 && head.readUInt32BE(0) === 0x1a45dfa3) return 'matroska';
  if (head.length >= 8 && ['ftyp', 'moov', 'mdat', 'wide', 'free'].some((box) => ascii(head, 4, box))) return 'mp4';
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  if (head.length >= 8 && head.readUInt32BE(0) === 0x89504e47 && head.readUInt32BE(4) === 0x0d0a1a0a) return 'png';
  if (ascii(head, 0, 'ID3')) return 'mp3';
  if (head.length >= 2 && head[0] === 0xff && (head[1]! & 0xe0) === 0xe0) {
    // MPEG audio frame sync: layer bits 00 are ADTS AAC, the others MP1/2/3.
    return (head[1]! & 0x06) === 0 ? 'aac' : 'mp3';
  }
  return null;
}

/** Pure: what a refused file looks like, as a message key ("an HLS playlist"). */
export function unreadableLook(head: Buffer): CoreMessageKey {
  const text = head.toString('latin1').replace(/^\uFEFF|^\xEF\xBB\xBF/, '').trimStart();
  if (/^#EXTM3U/i.test(text)) return 'media.looks.hls';
  if (/^ffconcat/i.test(text) || /^file\s+['"]?/i.test(text)) return 'media.looks.ffconcat';
  if (/^<\?xml|^<MPD/i.test(text)) return /<MPD/i.test(text) ? 'media.looks.dash' : 'media.looks.xml';
  if (/^\[playlist\]/i.test(text)) return 'media.looks.playlist';
  if (head.length === 0) return 'media.looks.empty';
  const printable = [...head].every((b) => b === 9 || b === 10 || b === 13 || (b >= 32 && b < 127));
  return printable ? 'media.looks.text' : 'media.looks.unknown';
}

/** Pure: what a refused file looks like, in English ("an HLS/M3U playlist"). */
export function describeUnreadable(head: Buffer): string {
  return wordEn({ key: unreadableLook(head) });
}

const KIND_WORDS = { audio: 'media.kind.audio', video: 'media.kind.video', image: 'media.kind.image' } as const satisfies Record<UserMediaKind, CoreMessageKey>;

/** Reads the signature of `file` and returns the format ffmpeg must use, or an AppError naming the file. */
export function detectUserMedia(kind: UserMediaKind, file: string): UserMediaFormat {
  const head = Buffer.alloc(SIGNATURE_BYTES);
  let length: number;
  try {
    // A pipe or device would block the read below (and ffmpeg after it): only regular files are media.
    const stat = fs.statSync(file);
    if (!stat.isFile() && !stat.isDirectory()) throw appError('invalid_input', 'media.notRegular', { file: path.basename(file) });
    const fd = fs.openSync(file, 'r');
    try {
      length = fs.readSync(fd, head, 0, SIGNATURE_BYTES, 0);
    } finally {
      fs.closeSync(fd);
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'ENOENT') throw appError('not_found', 'media.missing', { file: path.basename(file) }, { cause: error });
    if (code === 'EISDIR') throw appError('invalid_input', 'media.folderNotKind', { file: path.basename(file), ...nestedValues('kind', { key: KIND_WORDS[kind] }) }, { cause: error });
    throw appError('io_error', 'media.cannotRead', { file: path.basename(file), problem: code ?? (error as Error).message }, { cause: error });
  }
  const sample = head.subarray(0, length);
  const container = sniffContainer(sample);
  if (!container || !ACCEPTED[kind].includes(container)) {
    const what = container ? { key: 'media.looks.container', values: { container } } : { key: unreadableLook(sample) };
    throw appError('invalid_input', 'media.notKind', { file: path.basename(file), ...nestedValues('kind', { key: KIND_WORDS[kind] }), ...nestedValues('what', what) });
  }
  return { container, demuxer: FORMATS[container] };
}

/**
 * The ffmpeg/ffprobe input arguments that open `file` as `kind`: the protocol whitelist, the forced
 * demuxer and `-i file:<path>`. Input options (`-ss`, `-t`, `-stream_loop`) may be put before them.
 * Throws an AppError naming the file when it is not media of that kind.
 */
export function userMediaInputArgs(kind: UserMediaKind, file: string): string[] {
  const format = detectUserMedia(kind, file);
  return [...PROTOCOL_WHITELIST, '-f', format.demuxer, '-i', fileUrl(file)];
}

/** ffprobe of user media through the same checks (the summary of probe.ts). */
export async function probeUserMedia(kind: UserMediaKind, file: string, signal?: AbortSignal): Promise<MediaProbe & { container: UserMediaFormat['container'] }> {
  const format = detectUserMedia(kind, file);
  const probe = await probeMedia(file, signal, [...PROTOCOL_WHITELIST, '-f', format.demuxer, '-i', fileUrl(file)]);
  return { ...probe, container: format.container };
}
