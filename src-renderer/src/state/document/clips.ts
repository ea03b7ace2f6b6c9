/**
 * Pure helpers to find and list clips across the tracks of a project document.
 */
import type { AudioClip, CaptionCue, ImageClip, MusicClip, ProjectDocument, TextClip } from '../../../../src-main/project/document.js';
import type { TrackName } from './actions.js';

export type AnyClip =
  | { track: 'images'; clip: ImageClip }
  | { track: 'text'; clip: TextClip }
  | { track: 'captions'; clip: CaptionCue }
  | { track: 'narration'; clip: AudioClip }
  | { track: 'music'; clip: MusicClip };

export const TRACK_ORDER: TrackName[] = ['images', 'text', 'captions', 'narration', 'music'];

/** Start and end of any clip (caption cues have start/end, the others start/duration). */
export function clipSpan(found: AnyClip): { start: number; end: number } {
  if (found.track === 'captions') return { start: found.clip.start, end: found.clip.end };
  return { start: found.clip.start, end: found.clip.start + found.clip.duration };
}

export function findClip(doc: ProjectDocument, id: string): AnyClip | null {
  const t = doc.tracks;
  const image = t.images.find((c) => c.id === id);
  if (image) return { track: 'images', clip: image };
  const text = t.text.find((c) => c.id === id);
  if (text) return { track: 'text', clip: text };
  const cue = t.captions.cues.find((c) => c.id === id);
  if (cue) return { track: 'captions', clip: cue };
  const narration = t.narration.find((c) => c.id === id);
  if (narration) return { track: 'narration', clip: narration };
  const music = t.music.find((c) => c.id === id);
  if (music) return { track: 'music', clip: music };
  return null;
}

/** Every clip of one track with its span, in document order. */
export function trackSpans(doc: ProjectDocument, track: TrackName): { id: string; start: number; end: number }[] {
  if (track === 'captions') return doc.tracks.captions.cues.map((c) => ({ id: c.id, start: c.start, end: c.end }));
  return doc.tracks[track].map((c) => ({ id: c.id, start: c.start, end: c.start + c.duration }));
}

/** Every clip id in the document (for unique-id checks). */
export function allClipIds(doc: ProjectDocument): Set<string> {
  const ids = new Set<string>();
  for (const track of TRACK_ORDER) for (const span of trackSpans(doc, track)) ids.add(span.id);
  return ids;
}

/** Replace one clip (found by id) in whichever track holds it. */
export function replaceClip(doc: ProjectDocument, found: AnyClip): ProjectDocument {
  const t = doc.tracks;
  switch (found.track) {
    case 'images':
      return { ...doc, tracks: { ...t, images: t.images.map((c) => (c.id === found.clip.id ? found.clip : c)) } };
    case 'text':
      return { ...doc, tracks: { ...t, text: t.text.map((c) => (c.id === found.clip.id ? found.clip : c)) } };
    case 'captions':
      return { ...doc, tracks: { ...t, captions: { ...t.captions, cues: t.captions.cues.map((c) => (c.id === found.clip.id ? found.clip : c)) } } };
    case 'narration':
      return { ...doc, tracks: { ...t, narration: t.narration.map((c) => (c.id === found.clip.id ? found.clip : c)) } };
    case 'music':
      return { ...doc, tracks: { ...t, music: t.music.map((c) => (c.id === found.clip.id ? found.clip : c)) } };
  }
}

/** A copy of a clip placed at [start, end) (trimStart follows for audio when the start moves). */
export function withSpan(found: AnyClip, start: number, end: number, keepContent: boolean): AnyClip {
  const duration = end - start;
  switch (found.track) {
    case 'captions': {
      const shift = start - found.clip.start;
      const words = keepContent && found.clip.words ? found.clip.words.map((w) => ({ ...w, start: Math.max(0, w.start + shift), end: Math.max(0, w.end + shift) })) : found.clip.words;
      return { track: 'captions', clip: { ...found.clip, start, end, ...(words ? { words } : {}) } };
    }
    case 'narration':
    case 'music': {
      const trimStart = keepContent ? found.clip.trimStart : Math.max(0, found.clip.trimStart + (start - found.clip.start));
      return { track: found.track, clip: { ...found.clip, start, duration, trimStart } } as AnyClip;
    }
    case 'images':
      return { track: 'images', clip: { ...found.clip, start, duration } };
    case 'text':
      return { track: 'text', clip: { ...found.clip, start, duration } };
  }
}

/** Remove clips by id from every track. */
export function withoutClips(doc: ProjectDocument, ids: ReadonlySet<string>): ProjectDocument {
  const t = doc.tracks;
  return {
    ...doc,
    tracks: {
      ...t,
      images: t.images.filter((c) => !ids.has(c.id)),
      text: t.text.filter((c) => !ids.has(c.id)),
      captions: { ...t.captions, cues: t.captions.cues.filter((c) => !ids.has(c.id)) },
      narration: t.narration.filter((c) => !ids.has(c.id)),
      music: t.music.filter((c) => !ids.has(c.id)),
    },
  };
}
