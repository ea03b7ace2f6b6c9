/**
 * What a file is, from its name, before anything reads it (pure): the kinds the import takes and the
 * MIME type each is served with. ffprobe then checks that the content is what the name says.
 */
import type { Asset } from '../../project/document.js';
import { wordEn } from '../../messages.js';

export type ImportKind = Asset['kind'];

const KINDS: Record<string, { kind: ImportKind; mime: string }> = {
  jpg: { kind: 'image', mime: 'image/jpeg' },
  jpeg: { kind: 'image', mime: 'image/jpeg' },
  png: { kind: 'image', mime: 'image/png' },
  webp: { kind: 'image', mime: 'image/webp' },
  mp4: { kind: 'video', mime: 'video/mp4' },
  m4v: { kind: 'video', mime: 'video/mp4' },
  mov: { kind: 'video', mime: 'video/quicktime' },
  webm: { kind: 'video', mime: 'video/webm' },
  mkv: { kind: 'video', mime: 'video/x-matroska' },
  wav: { kind: 'audio', mime: 'audio/wav' },
  mp3: { kind: 'audio', mime: 'audio/mpeg' },
  m4a: { kind: 'audio', mime: 'audio/mp4' },
  aac: { kind: 'audio', mime: 'audio/aac' },
  ogg: { kind: 'audio', mime: 'audio/ogg' },
  oga: { kind: 'audio', mime: 'audio/ogg' },
  opus: { kind: 'audio', mime: 'audio/ogg' },
  flac: { kind: 'audio', mime: 'audio/flac' },
  srt: { kind: 'subtitles', mime: 'application/x-subrip' },
};

/** The extensions the import takes, for file pickers (without dots). */
export const IMPORT_EXTENSIONS = Object.keys(KINDS);

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/** The kind and MIME type a file name announces, or null for a file the import does not take. */
export function kindOfFile(name: string): { kind: ImportKind; mime: string; ext: string } | null {
  const ext = extensionOf(name);
  const known = Object.hasOwn(KINDS, ext) ? KINDS[ext]! : null;
  return known ? { ...known, ext } : null;
}

/** The sentence for a file the import does not take (names the file and what is accepted). */
export function unsupportedFileMessage(name: string): string {
  return wordEn({ key: 'import.unsupported', values: { name } });
}
