/**
 * Pure helpers to find and list clips across the lanes of a project document. A lane is one row of
 * the timeline: the text lane, the captions lane, or one media track (by its id). Media clips are
 * one type whatever they hold (OpenTimelineIO's model, src-main/project/media-tracks.ts), so moving,
 * trimming and splitting are written once for images, video and audio.
 */
import type { CaptionCue, MediaClip, ProjectDocument, Track, TextClip } from '../../../../src-main/project/document.js';
import type { TrackName } from './actions.js';

export type AnyClip = { track: 'media'; trackId: string; clip: MediaClip } | { track: 'text'; clip: TextClip } | { track: 'captions'; clip: CaptionCue };

/** The lane a found clip sits in. */
export function laneOf(found: AnyClip): TrackName {
  return found.track === 'media' ? found.trackId : found.track;
}

/** Lanes top to bottom as the timeline shows them: text, captions, overlays (top one first), main, sound tracks. */
export function laneIds(doc: Pick<ProjectDocument, 'tracks'>): TrackName[] {
  const media = doc.tracks.media;
  const overlays = media.filter((t) => t.role === 'overlay').reverse();
  const main = media.filter((t) => t.role === 'main');
  const sound = media.filter((t) => t.role !== 'overlay' && t.role !== 'main');
  return ['text', 'captions', ...[...overlays, ...main, ...sound].map((t) => t.id)];
}

export function mediaTrackById(doc: Pick<ProjectDocument, 'tracks'>, id: string): Track | undefined {
  return doc.tracks.media.find((t) => t.id === id);
}

/** Start and end of any clip (caption cues have start/end, the others start/duration). */
export function clipSpan(found: AnyClip): { start: number; end: number } {
  if (found.track === 'captions') return { start: found.clip.start, end: found.clip.end };
  return { start: found.clip.start, end: found.clip.start + found.clip.duration };
}

export function findClip(doc: ProjectDocument, id: string): AnyClip | null {
  const t = doc.tracks;
  for (const track of t.media) {
    const clip = track.clips.find((c) => c.id === id);
    if (clip) return { track: 'media', trackId: track.id, clip };
  }
  const text = t.text.find((c) => c.id === id);
  if (text) return { track: 'text', clip: text };
  const cue = t.captions.cues.find((c) => c.id === id);
  if (cue) return { track: 'captions', clip: cue };
  return null;
}

/** Every clip of one lane with its span, in document order. */
export function trackSpans(doc: ProjectDocument, lane: TrackName): { id: string; start: number; end: number }[] {
  if (lane === 'captions') return doc.tracks.captions.cues.map((c) => ({ id: c.id, start: c.start, end: c.end }));
  const clips = lane === 'text' ? doc.tracks.text : (mediaTrackById(doc, lane)?.clips ?? []);
  return clips.map((c) => ({ id: c.id, start: c.start, end: c.start + c.duration }));
}

/** Every clip id in the document (for unique-id checks). */
export function allClipIds(doc: ProjectDocument): Set<string> {
  const ids = new Set<string>();
  for (const lane of laneIds(doc)) for (const span of trackSpans(doc, lane)) ids.add(span.id);
  return ids;
}

function mapMediaTrack(doc: ProjectDocument, trackId: string, f: (clips: MediaClip[]) => MediaClip[]): ProjectDocument {
  const media = doc.tracks.media.map((t) => (t.id === trackId ? { ...t, clips: f(t.clips).sort((a, b) => a.start - b.start) } : t));
  return { ...doc, tracks: { ...doc.tracks, media } };
}

/** Replace one clip (found by id) in whichever lane holds it. */
export function replaceClip(doc: ProjectDocument, found: AnyClip): ProjectDocument {
  const t = doc.tracks;
  switch (found.track) {
    case 'media':
      return mapMediaTrack(doc, found.trackId, (clips) => clips.map((c) => (c.id === found.clip.id ? found.clip : c)));
    case 'text':
      return { ...doc, tracks: { ...t, text: t.text.map((c) => (c.id === found.clip.id ? found.clip : c)) } };
    case 'captions':
      return { ...doc, tracks: { ...t, captions: { ...t.captions, cues: t.captions.cues.map((c) => (c.id === found.clip.id ? found.clip : c)) } } };
  }
}

/** Add a clip to the lane `found` names. */
export function insertClip(doc: ProjectDocument, found: AnyClip): ProjectDocument {
  const t = doc.tracks;
  switch (found.track) {
    case 'media':
      return mapMediaTrack(doc, found.trackId, (clips) => [...clips, found.clip]);
    case 'text':
      return { ...doc, tracks: { ...t, text: [...t.text, found.clip] } };
    case 'captions':
      return { ...doc, tracks: { ...t, captions: { ...t.captions, cues: [...t.captions.cues, found.clip] } } };
  }
}

/**
 * A copy of a clip placed at [start, end). With `keepContent` (a move) the content moves with the
 * clip; otherwise (a trim or split) a media clip's source stays where it was on the timeline, so its
 * `sourceIn` follows the start edge (times the clip's speed).
 */
export function withSpan(found: AnyClip, start: number, end: number, keepContent: boolean): AnyClip {
  const duration = end - start;
  switch (found.track) {
    case 'captions': {
      const shift = start - found.clip.start;
      const words = keepContent && found.clip.words ? found.clip.words.map((w) => ({ ...w, start: Math.max(0, w.start + shift), end: Math.max(0, w.end + shift) })) : found.clip.words;
      return { track: 'captions', clip: { ...found.clip, start, end, ...(words ? { words } : {}) } };
    }
    case 'media': {
      const c = found.clip;
      const sourceIn = keepContent ? c.sourceIn : Math.max(0, Math.round((c.sourceIn + (start - c.start) * c.speed) * 1000) / 1000);
      return { track: 'media', trackId: found.trackId, clip: { ...c, start, duration, sourceIn } };
    }
    case 'text':
      return { track: 'text', clip: { ...found.clip, start, duration } };
  }
}

/** Remove clips by id from every lane. */
export function withoutClips(doc: ProjectDocument, ids: ReadonlySet<string>): ProjectDocument {
  const t = doc.tracks;
  return {
    ...doc,
    tracks: {
      ...t,
      media: t.media.map((track) => (track.clips.some((c) => ids.has(c.id)) ? { ...track, clips: track.clips.filter((c) => !ids.has(c.id)) } : track)),
      text: t.text.filter((c) => !ids.has(c.id)),
      captions: { ...t.captions, cues: t.captions.cues.filter((c) => !ids.has(c.id)) },
    },
  };
}
