/**
 * Puts an animated scene on the timeline (pure): the scene's clip on the main track becomes a video
 * clip of the new asset, as long as the clip KIE made (the chosen length), in place of the still. The
 * still stays in the library and stays the scene's image (Animate can run again from it). Later clips
 * of the main track, and text that starts after the scene, move by the change in length so nothing
 * overlaps; if that would break the document (a text running past the end) or leave more captions
 * after the end (kept but not shown: captionsPastEnd), the clip keeps the scene's length instead (the
 * video is trimmed, or slowed when shorter).
 */
import {
  captionsPastEnd,
  clipEnd,
  mainTrack,
  makeClip,
  STILL_FRAMING,
  timelineIssues,
  withTrackClips,
  type Asset,
  type MediaClip,
  type ProjectDocument,
} from '../project/document.js';

const EPSILON = 1e-6;

function asVideo(clip: MediaClip, asset: Asset, duration: number, speed = 1): MediaClip {
  return { ...clip, assetId: asset.id, duration, sourceIn: 0, speed, kenBurns: STILL_FRAMING, fit: 'cover', duck: true };
}

/** Transitions may not be longer than the clips they join (timelineIssues' rule). */
function clampTransitions(clips: MediaClip[]): MediaClip[] {
  const sorted = [...clips].sort((a, b) => a.start - b.start);
  return sorted.map((clip, i) => {
    const previous = sorted[i - 1];
    const limit = Math.min(clip.duration, previous ? previous.duration : clip.duration);
    return clip.transitionIn.duration > limit ? { ...clip, transitionIn: { ...clip.transitionIn, duration: limit } } : clip;
  });
}

export function placeSceneVideo(doc: ProjectDocument, sceneId: string, asset: Asset, seconds: number): ProjectDocument {
  const sceneIndex = doc.scenes.findIndex((s) => s.id === sceneId);
  if (sceneIndex < 0) return doc;
  const assets = { ...doc.assets, [asset.id]: asset };
  const withAsset = { ...doc, assets };
  const main = mainTrack(doc);
  const length = Math.max(0.1, Math.min(seconds, asset.duration ?? seconds));
  const existing = main.clips.find((c) => c.sceneId === sceneId);
  if (!existing) {
    const end = main.clips.reduce((t, c) => Math.max(t, clipEnd(c)), 0);
    const clip = asVideo(makeClip({ id: `clip-${sceneId}`.slice(0, 128), assetId: asset.id, sceneId, start: end, duration: length }), asset, length);
    return withTrackClips(withAsset, main.id, [...main.clips, clip]);
  }
  const delta = length - existing.duration;
  const oldEnd = clipEnd(existing);
  const shift = <T extends { start: number }>(item: T): T => (item.start >= oldEnd - EPSILON ? { ...item, start: Math.max(0, item.start + delta) } : item);
  const rippled = main.clips.map((c) => (c === existing ? asVideo(c, asset, length) : shift(c)));
  const scenes = doc.scenes.map((s) => (s.id === sceneId ? { ...s, duration: length } : s));
  const candidate = withTrackClips({ ...withAsset, scenes, tracks: { ...doc.tracks, text: doc.tracks.text.map(shift) } }, main.id, clampTransitions(rippled));
  if (timelineIssues(candidate).length === 0 && captionsPastEnd(candidate) <= captionsPastEnd(withAsset)) return candidate;
  // Keep the scene's length: trim a longer clip, slow a shorter one (speed >= 0.25).
  const available = asset.duration ?? length;
  const speed = available >= existing.duration ? 1 : Math.max(0.25, available / existing.duration);
  const kept = main.clips.map((c) => (c === existing ? asVideo(c, asset, existing.duration, speed) : c));
  return withTrackClips(withAsset, main.id, kept);
}
