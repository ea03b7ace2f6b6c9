/**
 * Editing the way CapCut and OpenCut do it, pure: the main track is magnetic (its clips sit back to
 * back from 0:00, so dragging one reorders it and dropping between two inserts), a ripple delete closes
 * the gap a clip leaves on its track, and text overlays ride with the picture they sit on when the
 * main track changes (a time map from the old picture to the new one). Used by reduce.ts.
 */
import { mainTrack, type MediaClip, type ProjectDocument, type Scene } from '../../../../src-main/project/document.js';
import { editError } from './actions.js';
import { mediaTrackById } from './clips.js';

const round = (t: number) => Math.round(t * 1000) / 1000;
const EPS = 1e-6;

const byStart = (clips: readonly MediaClip[]) => [...clips].sort((a, b) => a.start - b.start);

/** Clips laid back to back from 0:00 in the given order; transitions shortened to what they join. */
export function packClips(ordered: readonly MediaClip[]): MediaClip[] {
  let t = 0;
  return ordered.map((clip, i) => {
    const start = round(t);
    t = start + clip.duration;
    const previous = ordered[i - 1];
    const limit = previous ? Math.min(previous.duration, clip.duration) : clip.duration;
    const transitionIn = clip.transitionIn.duration > limit ? { ...clip.transitionIn, duration: round(limit) } : clip.transitionIn;
    return clip.start === start && transitionIn === clip.transitionIn ? clip : { ...clip, start, transitionIn };
  });
}

/**
 * Where a clip dropped at `time` lands in the main track's order (an index into the clips without
 * it): before the first clip whose middle is right of the drop point.
 */
export function dropIndex(clips: readonly MediaClip[], movingId: string | null, time: number): number {
  const rest = byStart(clips).filter((c) => c.id !== movingId);
  const index = rest.findIndex((c) => time < c.start + c.duration / 2);
  return index < 0 ? rest.length : index;
}

/** The main track's clips with `clip` placed at `index` of the others, packed. */
export function mainOrderWith(clips: readonly MediaClip[], clip: MediaClip, index: number): MediaClip[] {
  const rest = byStart(clips).filter((c) => c.id !== clip.id);
  const at = Math.max(0, Math.min(rest.length, Math.round(index)));
  return packClips([...rest.slice(0, at), clip, ...rest.slice(at)]);
}

/** Where the main track's clips show while `id` is dragged toward `index`: the others make room. */
export function previewStarts(clips: readonly MediaClip[], id: string, index: number): Map<string, number> {
  const moving = clips.find((c) => c.id === id);
  const out = new Map<string, number>();
  if (!moving) return out;
  for (const c of mainOrderWith(clips, moving, index)) if (c.id !== id) out.set(c.id, c.start);
  return out;
}

/** The scenes reordered to follow their clips on the main track (scenes without a clip keep their slot). */
export function scenesFollowingMain(scenes: readonly Scene[], main: readonly MediaClip[]): Scene[] {
  const order = byStart(main).map((c) => c.sceneId).filter((id): id is string => !!id);
  const withClip = new Set(order);
  const byId = new Map(scenes.map((s) => [s.id, s]));
  const queue = order.filter((id, i) => byId.has(id) && order.indexOf(id) === i).map((id) => byId.get(id)!);
  return scenes.map((s) => (withClip.has(s.id) ? queue.shift() ?? s : s));
}

function withMain(doc: ProjectDocument, clips: MediaClip[]): ProjectDocument {
  const main = mainTrack(doc);
  const media = doc.tracks.media.map((t) => (t.id === main.id ? { ...t, clips } : t));
  const next = { ...doc, tracks: { ...doc.tracks, media } };
  const scenes = scenesFollowingMain(doc.scenes, clips);
  return scenes.every((s, i) => s === doc.scenes[i]) ? next : { ...next, scenes };
}

/** Reorder one main-track clip to `index` (of the others); the rest make room. */
export function reorderMainClip(doc: ProjectDocument, id: string, index: number): ProjectDocument {
  const main = mainTrack(doc);
  const clip = main.clips.find((c) => c.id === id);
  if (!clip) throw editError('edit.clipGone');
  const clips = mainOrderWith(main.clips, clip, index);
  const sorted = byStart(main.clips);
  return clips.every((c, i) => c === sorted[i]) ? doc : withMain(doc, clips);
}

export type Compatible = 'ok' | 'picture-on-sound' | 'sound-on-picture' | 'same';

/** Whether a media clip of `assetId` may sit on track `trackId` (pictures on video tracks, sound on audio tracks). */
export function trackAccepts(doc: ProjectDocument, trackId: string, assetId: string): boolean {
  const track = mediaTrackById(doc, trackId);
  const asset = Object.hasOwn(doc.assets, assetId) ? doc.assets[assetId] : undefined;
  if (!track || !asset) return false;
  if (track.kind === 'video') return asset.kind === 'image' || asset.kind === 'video';
  return asset.kind === 'audio' || (asset.kind === 'video' && asset.hasAudio !== false);
}

/**
 * Move a media clip to another track at `start`. Onto the main track it is inserted where it is
 * dropped (the others make room); elsewhere it keeps its length at `start`. Leaving the main track
 * closes the gap it leaves there.
 */
export function moveClipToTrack(doc: ProjectDocument, id: string, trackId: string, start: number): ProjectDocument {
  const from = doc.tracks.media.find((t) => t.clips.some((c) => c.id === id));
  const target = mediaTrackById(doc, trackId);
  if (!from) throw editError('edit.clipGone');
  if (!target) throw editError('edit.trackGone');
  const clip = from.clips.find((c) => c.id === id)!;
  if (!trackAccepts(doc, trackId, clip.assetId)) {
    throw editError(target.kind === 'video' ? 'edit.pictureTrackOnly' : 'edit.soundTrackOnly');
  }
  if (from.id === target.id) return doc;
  const main = mainTrack(doc);
  const moved: MediaClip = { ...clip, start: round(Math.max(0, start)), transitionIn: target.role === 'main' ? clip.transitionIn : { kind: 'cut', duration: 0 } };
  let next: ProjectDocument = {
    ...doc,
    tracks: { ...doc.tracks, media: doc.tracks.media.map((t) => (t.id === from.id ? { ...t, clips: t.id === main.id ? packClips(byStart(t.clips.filter((c) => c.id !== id))) : t.clips.filter((c) => c.id !== id) } : t)) },
  };
  if (target.id === main.id) return withMain(next, mainOrderWith(mainTrack(next).clips, moved, dropIndex(mainTrack(next).clips, null, start + clip.duration / 2)));
  next = { ...next, tracks: { ...next.tracks, media: next.tracks.media.map((t) => (t.id === target.id ? { ...t, clips: byStart([...t.clips, moved]) } : t)) } };
  return from.id === main.id ? withMain(next, mainTrack(next).clips) : next;
}

type Span = { id: string; start: number; end: number };

/** Per lane: how far each remaining clip moves left when `removed` clips close their gaps. */
function rippleShift(spans: readonly Span[], removed: ReadonlySet<string>): Map<string, number> {
  const gone = spans.filter((s) => removed.has(s.id));
  const shifts = new Map<string, number>();
  for (const s of spans) {
    if (removed.has(s.id)) continue;
    // The time removed before this clip: the lengths of the deleted clips that end before it starts.
    let shift = 0;
    for (const g of gone) if (g.end <= s.start + EPS) shift += g.end - g.start;
    if (shift > 0) shifts.set(s.id, Math.min(shift, s.start));
  }
  return shifts;
}

/**
 * Delete clips and close the gaps they leave on their tracks (ripple delete). The main track stays
 * packed; other lanes move the clips after each deleted one left by its length.
 */
export function rippleDelete(doc: ProjectDocument, ids: ReadonlySet<string>): ProjectDocument {
  const main = mainTrack(doc);
  const shiftMedia = (clips: MediaClip[], isMain: boolean) => {
    if (!clips.some((c) => ids.has(c.id))) return clips;
    if (isMain) return packClips(byStart(clips.filter((c) => !ids.has(c.id))));
    const shifts = rippleShift(clips.map((c) => ({ id: c.id, start: c.start, end: c.start + c.duration })), ids);
    return clips.filter((c) => !ids.has(c.id)).map((c) => (shifts.has(c.id) ? { ...c, start: round(c.start - shifts.get(c.id)!) } : c));
  };
  const t = doc.tracks;
  const textShifts = rippleShift(t.text.map((c) => ({ id: c.id, start: c.start, end: c.start + c.duration })), ids);
  const cueShifts = rippleShift(t.captions.cues.map((c) => ({ id: c.id, start: c.start, end: c.end })), ids);
  const next: ProjectDocument = {
    ...doc,
    tracks: {
      ...t,
      media: t.media.map((track) => {
        const clips = shiftMedia(track.clips, track.id === main.id);
        return clips === track.clips ? track : { ...track, clips };
      }),
      text: t.text.filter((c) => !ids.has(c.id)).map((c) => (textShifts.has(c.id) ? { ...c, start: round(c.start - textShifts.get(c.id)!) } : c)),
      captions: {
        ...t.captions,
        cues: t.captions.cues.filter((c) => !ids.has(c.id)).map((c) => {
          const d = cueShifts.get(c.id);
          if (!d) return c;
          return { ...c, start: round(c.start - d), end: round(c.end - d), ...(c.words ? { words: c.words.map((w) => ({ ...w, start: Math.max(0, round(w.start - d)), end: Math.max(0, round(w.end - d)) })) } : {}) };
        }),
      },
    },
  };
  return withMain(next, mainTrack(next).clips);
}

// The time map and the text riding with it are the core's too (narration re-fits scene lengths).
export { pictureTimeMap, textRidingWithPicture } from '../../../../src-main/project/text-riding.js';
