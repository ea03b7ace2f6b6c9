/**
 * Where imported media lands on the timeline (pure; the core's import and the page's drag from the
 * media bin both use it): on the track asked for when the media fits it, else on the default track
 * for its kind, at the asked time or the first free gap after it, one clip after another.
 */
import { clipEnd, makeClip, MAX_PROJECT_SECONDS, PICTURE_ROLES, SOUND_ROLES, withTrackClips, type Asset, type KenBurns, type MediaClip, type ProjectDocument, type Track } from '../../project/document.js';

/** How long a still picture shows when it is dropped on the timeline. */
export const STILL_SECONDS = 4;
const MAIN_KEN_BURNS: KenBurns = { from: { zoom: 1, x: 0.5, y: 0.5 }, to: { zoom: 1.12, x: 0.5, y: 0.5 }, easing: 'easeInOut' };

type WithTracks = Pick<ProjectDocument, 'tracks'>;

/** Whether a track can hold a clip of this asset kind (pictures on picture tracks, sound on sound tracks). */
export function fitsTrack(kind: Asset['kind'], track: Pick<Track, 'role'>): boolean {
  if (kind === 'image' || kind === 'video') return PICTURE_ROLES.includes(track.role);
  if (kind === 'audio') return SOUND_ROLES.includes(track.role);
  return false;
}

/** The track a kind goes to when none was asked for (or the one asked for does not fit). */
export function defaultTrackFor(doc: WithTracks, kind: Asset['kind']): Track | null {
  const role = kind === 'audio' ? 'music' : kind === 'subtitles' ? null : 'main';
  if (!role) return null;
  return doc.tracks.media.find((t) => t.role === role) ?? doc.tracks.media.find((t) => fitsTrack(kind, t)) ?? null;
}

/** The asked track if the kind fits it, else the default one. */
export function targetTrack(doc: WithTracks, kind: Asset['kind'], trackId?: string): Track | null {
  const asked = trackId ? doc.tracks.media.find((t) => t.id === trackId) : undefined;
  return asked && fitsTrack(kind, asked) ? asked : defaultTrackFor(doc, kind);
}

/** The first start at or after `at` where `duration` seconds fit between the clips (sorted or not). */
export function firstFreeStart(clips: readonly Pick<MediaClip, 'start' | 'duration'>[], at: number, duration: number): number {
  let start = Math.max(0, at);
  for (const clip of [...clips].sort((a, b) => a.start - b.start)) {
    if (clipEnd(clip) <= start + 1e-6) continue;
    if (clip.start >= start + duration - 1e-6) break;
    start = clipEnd(clip);
  }
  return Math.round(start * 1000) / 1000;
}

/** How long a clip of the asset lasts when placed: the whole video or sound, or STILL_SECONDS. */
export function placedDuration(asset: Pick<Asset, 'kind' | 'duration'>): number {
  if ((asset.kind === 'video' || asset.kind === 'audio') && asset.duration) return Math.min(asset.duration, MAX_PROJECT_SECONDS);
  return STILL_SECONDS;
}

function uniqueId(taken: Set<string>, base: string): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

/** Every clip id in use on the media tracks, the text track and the captions. */
function takenIds(doc: WithTracks): Set<string> {
  return new Set([...doc.tracks.media.flatMap((t) => t.clips.map((c) => c.id)), ...doc.tracks.text.map((c) => c.id), ...doc.tracks.captions.cues.map((c) => c.id)]);
}

/**
 * The clip for `asset` on `track` starting at `start` (defaults by role: a picture on the main track
 * gets a gentle Ken Burns, music and effects are lowered under the narration).
 */
export function clipFor(doc: WithTracks, track: Track, asset: Pick<Asset, 'id' | 'kind' | 'duration'>, start: number): MediaClip {
  const duration = placedDuration(asset);
  return makeClip({
    id: uniqueId(takenIds(doc), `clip-${asset.id.slice(0, 12)}`),
    assetId: asset.id,
    start: firstFreeStart(track.clips, start, duration),
    duration,
    ...(track.role === 'main' && asset.kind === 'image' ? { kenBurns: MAIN_KEN_BURNS } : {}),
    ...(track.role === 'music' || track.role === 'effects' ? { duck: true } : {}),
  });
}

/**
 * Puts the assets on the timeline one after another from `start` (each on the asked track when it
 * fits, else its kind's default track). Subtitles are not clips and are skipped. Returns the new
 * document and the clips added, with the track each went to.
 */
export function placeAssets<D extends WithTracks>(doc: D, assets: readonly Pick<Asset, 'id' | 'kind' | 'duration'>[], place: { trackId?: string | undefined; start: number }): { doc: D; placed: { trackId: string; clip: MediaClip }[] } {
  let next = doc;
  const placed: { trackId: string; clip: MediaClip }[] = [];
  const cursor = new Map<string, number>();
  for (const asset of assets) {
    const track = targetTrack(next, asset.kind, place.trackId);
    if (!track) continue;
    const clip = clipFor(next, track, asset, cursor.get(track.id) ?? place.start);
    next = withTrackClips(next, track.id, [...track.clips, clip]);
    cursor.set(track.id, clipEnd(clip));
    placed.push({ trackId: track.id, clip });
  }
  return { doc: next, placed };
}
