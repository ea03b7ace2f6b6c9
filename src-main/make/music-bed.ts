/**
 * The automatic mode's music (pure): when the project's library holds a sound the user brought
 * (imported, or the sample's) that no clip uses yet and the music track is empty, it becomes the bed
 * under the whole short, repeated back to back if it is shorter, ducked under the narration, faded in
 * at the start and out at the end. A music track the user already filled is left alone.
 */
import { makeClip, withTrackClips, type Asset, type MediaClip, type ProjectDocument } from '../project/document.js';

/** Music sits this far under the narration's level before ducking (most shorts keep it well back). */
export const BED_GAIN_DB = -8;
const FADE_IN = 0.5;
const FADE_OUT = 1.5;
/** Pieces shorter than this are dropped at the end rather than played as a blip. */
const MIN_PIECE = 0.5;

/** The first unused sound the user brought, in the library's order, or null. */
export function musicForBed(doc: Pick<ProjectDocument, 'assets' | 'tracks'>): Asset | null {
  const used = new Set(doc.tracks.media.flatMap((t) => t.clips.map((c) => c.assetId)));
  const candidates = Object.values(doc.assets).filter((a) => a.kind === 'audio' && (a.source === 'import' || a.source === 'sample') && !used.has(a.id) && (a.duration ?? 0) >= 1);
  return candidates[0] ?? null;
}

/** The bed's clips for `length` seconds of a sound lasting `sourceSeconds`. */
export function bedClips(assetId: string, sourceSeconds: number, length: number): MediaClip[] {
  const clips: MediaClip[] = [];
  for (let start = 0, n = 1; start < length - MIN_PIECE; start += sourceSeconds, n++) {
    const duration = Math.round(Math.min(sourceSeconds, length - start) * 1000) / 1000;
    clips.push(makeClip({ id: `make-music-${n}`, assetId, start: Math.round(start * 1000) / 1000, duration, gainDb: BED_GAIN_DB, duck: true }));
  }
  if (clips.length) {
    clips[0] = { ...clips[0]!, fadeIn: Math.min(FADE_IN, clips[0]!.duration / 2) };
    const last = clips.length - 1;
    clips[last] = { ...clips[last]!, fadeOut: Math.min(FADE_OUT, clips[last]!.duration / 2) };
  }
  return clips;
}

/** The document with the bed laid on its empty music track, or unchanged (no music, no track, a filled track). */
export function withMusicBed<D extends ProjectDocument>(doc: D, length: number): { doc: D; music: Asset | null } {
  const track = doc.tracks.media.find((t) => t.role === 'music');
  const music = musicForBed(doc);
  if (!track || track.clips.length > 0 || !music || !(length > MIN_PIECE)) return { doc, music: null };
  return { doc: withTrackClips(doc, track.id, bedClips(music.id, music.duration!, length)), music };
}
