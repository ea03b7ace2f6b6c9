/**
 * Reading the timeline, pure: which tracks hold what, how long the project is, and the cross-field
 * rules every saved document keeps (`timelineIssues`). Messages name what the user sees (scene 3,
 * clip 2 of Overlay 1, "beach.mp4"), never internal ids.
 */
import type { Asset, ProjectDocument } from './document.js';
import { clipEnd, MAX_PROJECT_SECONDS, sourceSpan, type MediaClip, type Track, type TrackRole } from './media-tracks.js';

type WithTracks = Pick<ProjectDocument, 'tracks'>;

const EPSILON = 1e-6;

export function mainTrack(doc: WithTracks): Track {
  const main = doc.tracks.media.find((t) => t.role === 'main');
  if (!main) throw new Error('a project always has a main track');
  return main;
}

export function tracksWithRole(doc: WithTracks, role: TrackRole): Track[] {
  return doc.tracks.media.filter((t) => t.role === role);
}

/** Every clip of the tracks with `role`, with its track, in time order. */
export function clipsWithRole(doc: WithTracks, role: TrackRole): { track: Track; clip: MediaClip }[] {
  return tracksWithRole(doc, role)
    .flatMap((track) => track.clips.map((clip) => ({ track, clip })))
    .sort((a, b) => a.clip.start - b.clip.start);
}

/** The main track's clips in time order (the picture). */
export function mainClips(doc: WithTracks): MediaClip[] {
  return [...mainTrack(doc).clips].sort((a, b) => a.start - b.start);
}

export function findMediaClip(doc: WithTracks, clipId: string): { track: Track; clip: MediaClip } | null {
  for (const track of doc.tracks.media) {
    const clip = track.clips.find((c) => c.id === clipId);
    if (clip) return { track, clip };
  }
  return null;
}

/** A copy of the document with one track replaced (found by id). */
export function withTrack<D extends WithTracks>(doc: D, track: Track): D {
  return { ...doc, tracks: { ...doc.tracks, media: doc.tracks.media.map((t) => (t.id === track.id ? track : t)) } };
}

/** A copy of the document with the clips of track `trackId` replaced (kept in time order). */
export function withTrackClips<D extends WithTracks>(doc: D, trackId: string, clips: MediaClip[]): D {
  const track = doc.tracks.media.find((t) => t.id === trackId);
  if (!track) return doc;
  return withTrack(doc, { ...track, clips: [...clips].sort((a, b) => a.start - b.start) });
}

/** The project length: the end of the last clip on the main track (the picture). */
export function projectDuration(doc: WithTracks): number {
  return mainTrack(doc).clips.reduce((end, clip) => Math.max(end, clipEnd(clip)), 0);
}

/**
 * The length the storyboard plans: the picture end or, while scene images are still arriving, the sum
 * of the scenes' durations. Captions made from a narration may run to it before every image is in.
 */
export function plannedDuration(doc: Pick<ProjectDocument, 'tracks' | 'scenes'>): number {
  return Math.max(projectDuration(doc), doc.scenes.reduce((total, scene) => total + scene.duration, 0));
}

export interface DocumentIssue {
  path: (string | number)[];
  /** In English (the CLI, logs); the page words `key` with `values` (src-main/messages.ts). */
  message: string;
  key?: string;
  values?: Record<string, string | number>;
}

/**
 * A clip named by what the user sees, as message values: `scene` (its number) on the main track,
 * else `clip` (its place on the track), `file` (its original name, maybe empty) and the track as
 * `trackName` (the user's name) or `role` + `trackN` (0 when it is the only one of its role).
 */
export function clipValues(doc: Pick<ProjectDocument, 'tracks' | 'assets' | 'scenes'>, track: Track, clip: MediaClip): Record<string, string | number> {
  const scene = clip.sceneId ? doc.scenes.findIndex((s) => s.id === clip.sceneId) : -1;
  if (scene >= 0 && track.role === 'main') return { scene: scene + 1 };
  const order = [...track.clips].sort((a, b) => a.start - b.start).indexOf(clip) + 1;
  const asset = Object.hasOwn(doc.assets, clip.assetId) ? doc.assets[clip.assetId] : undefined;
  const same = tracksWithRole(doc, track.role);
  return { clip: order, file: asset?.originalName ?? '', role: track.role, trackN: same.length > 1 ? same.indexOf(track) + 1 : 0, ...(track.name ? { trackName: track.name } : {}) };
}

const ROLE_NAMES: Record<TrackRole, string> = { main: 'Main', overlay: 'Overlay', narration: 'Narration', music: 'Music', effects: 'Effects' };

/** The track as the page labels it: its own name, or its role numbered among its kind ("Overlay 2"). */
export function trackLabel(doc: WithTracks, track: Track): string {
  if (track.name) return track.name;
  const same = tracksWithRole(doc, track.role);
  return same.length > 1 ? `${ROLE_NAMES[track.role]} ${same.indexOf(track) + 1}` : ROLE_NAMES[track.role];
}

/** A clip as the user sees it: `scene 3` on the main track, else `clip 2 ("beach.mp4") of Overlay 1`. */
export function describeClip(doc: Pick<ProjectDocument, 'tracks' | 'assets' | 'scenes'>, track: Track, clip: MediaClip): string {
  const scene = clip.sceneId ? doc.scenes.findIndex((s) => s.id === clip.sceneId) : -1;
  if (scene >= 0 && track.role === 'main') return `scene ${scene + 1}`;
  const order = [...track.clips].sort((a, b) => a.start - b.start).indexOf(clip) + 1;
  const asset = Object.hasOwn(doc.assets, clip.assetId) ? doc.assets[clip.assetId] : undefined;
  const name = asset?.originalName ? ` ("${asset.originalName}")` : '';
  return `clip ${order}${name} of ${trackLabel(doc, track)}`;
}

/**
 * Captions that start after the picture ends (a scene was shortened under a longer narration): kept,
 * not shown, and counted for the note the page shows. Empty while the storyboard still plans more.
 */
export function captionsPastEnd(doc: Pick<ProjectDocument, 'tracks' | 'scenes'>): number {
  const length = projectDuration(doc);
  if (length <= 0) return 0;
  const planned = plannedDuration(doc);
  return doc.tracks.captions.cues.filter((cue) => cue.start >= planned - EPSILON).length;
}

const PICTURE_KINDS: readonly Asset['kind'][] = ['image', 'video'];

/** Cross-field validation, pure; used by the schema and by the export before it starts. */
export function timelineIssues(doc: ProjectDocument): DocumentIssue[] {
  const issues: DocumentIssue[] = [];
  const mains = tracksWithRole(doc, 'main');
  if (mains.length !== 1) issues.push({ path: ['tracks', 'media'], message: `a project has one main track (this one has ${mains.length})`, key: 'doc.oneMain', values: { count: mains.length } });
  const ids = new Set<string>();
  doc.tracks.media.forEach((track, t) => {
    if (ids.has(track.id)) issues.push({ path: ['tracks', 'media', t, 'id'], message: `two tracks share one id`, key: 'doc.trackIds' });
    ids.add(track.id);
    if (track.kind !== (track.role === 'main' || track.role === 'overlay' ? 'video' : 'audio')) {
      issues.push({ path: ['tracks', 'media', t, 'kind'], message: `${trackLabel(doc, track)} must be a ${track.kind === 'video' ? 'sound' : 'picture'} track`, key: track.kind === 'video' ? 'doc.mustBeSound' : 'doc.mustBePicture', values: { track: trackLabel(doc, track) } });
    }
    const sorted = track.clips.map((clip, index) => ({ clip, index })).sort((a, b) => a.clip.start - b.clip.start);
    sorted.forEach(({ clip, index }, i) => {
      const at = ['tracks', 'media', t, 'clips', index];
      const label = () => describeClip(doc, track, clip);
      const v = () => clipValues(doc, track, clip);
      if (clipEnd(clip) > MAX_PROJECT_SECONDS + EPSILON) issues.push({ path: [...at, 'duration'], message: `${label()} ends after 6 hours, the longest a project may be`, key: 'doc.tooLong', values: v() });
      const asset = Object.hasOwn(doc.assets, clip.assetId) ? doc.assets[clip.assetId] : undefined;
      if (!asset) {
        issues.push({ path: [...at, 'assetId'], message: `${label()} uses a media file that is not in the project`, key: 'doc.missingFile', values: v() });
      } else if (track.kind === 'video' && !PICTURE_KINDS.includes(asset.kind)) {
        issues.push({ path: [...at, 'assetId'], message: `${label()} is ${asset.kind === 'audio' ? 'a sound file' : 'not a picture'}: put it on a sound track`, key: asset.kind === 'audio' ? 'doc.soundOnPicture' : 'doc.notPicture', values: v() });
      } else if (track.kind === 'audio' && !(asset.kind === 'audio' || (asset.kind === 'video' && asset.hasAudio !== false))) {
        issues.push({ path: [...at, 'assetId'], message: `${label()} has no sound: put it on a picture track`, key: 'doc.noSound', values: v() });
      } else if (asset.kind === 'video' && track.kind === 'video' && asset.duration && clip.sourceIn + sourceSpan(clip) > asset.duration + 0.05) {
        // A picture needs its frames; a sound running past its file's end is a warning of the export's.
        issues.push({ path: [...at, 'duration'], message: `${label()} runs past the end of its file (${asset.duration.toFixed(2)}s)`, key: 'doc.pastFileEnd', values: { ...v(), seconds: asset.duration.toFixed(2) } });
      }
      const previous = sorted[i - 1]?.clip;
      if (previous && clipEnd(previous) > clip.start + EPSILON) {
        issues.push({ path: [...at, 'start'], message: `${label()} overlaps the clip before it`, key: 'doc.overlap', values: v() });
      }
      const tr = clip.transitionIn;
      if (track.role === 'main' && tr.kind !== 'cut' && tr.duration > 0) {
        const limit = Math.min(clip.duration, previous ? previous.duration : clip.duration);
        if (tr.duration > limit + EPSILON) {
          issues.push({ path: [...at, 'transitionIn', 'duration'], message: `the transition into ${label()} (${tr.duration}s) is longer than the clips it joins (${limit}s)`, key: 'doc.transitionLong', values: { ...v(), seconds: tr.duration, limit } });
        }
      }
      if (clip.fadeIn + clip.fadeOut > clip.duration + EPSILON) issues.push({ path: [...at, 'fadeIn'], message: `the fades of ${label()} are longer than the clip`, key: 'doc.fadesLong', values: v() });
    });
  });
  const length = projectDuration(doc);
  doc.tracks.text.forEach((clip, index) => {
    const name = `text "${clip.text.slice(0, 30)}"`;
    if (clip.start + clip.duration > length + EPSILON) issues.push({ path: ['tracks', 'text', index], message: `${name} ends after the project (${length.toFixed(2)}s)`, key: 'doc.textPastEnd', values: { text: clip.text.slice(0, 30), seconds: length.toFixed(2) } });
    if (clip.fadeIn + clip.fadeOut > clip.duration + EPSILON) issues.push({ path: ['tracks', 'text', index, 'fadeIn'], message: `the fades of ${name} are longer than the text`, key: 'doc.textFadesLong', values: { text: clip.text.slice(0, 30) } });
  });
  // Captions after the picture's end are not an issue: they follow the narration, so shortening a
  // scene never refuses the edit; the export and the preview stop at the end (captionsPastEnd says so).
  doc.scenes.forEach((scene, index) => {
    if (scene.imageAssetId && !Object.hasOwn(doc.assets, scene.imageAssetId)) {
      issues.push({ path: ['scenes', index, 'imageAssetId'], message: `scene ${index + 1} uses a picture that is not in the project`, key: 'doc.scenePictureMissing', values: { scene: index + 1 } });
    }
  });
  return issues;
}
