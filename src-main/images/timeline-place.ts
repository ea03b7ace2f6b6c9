/**
 * Puts a scene's image on the timeline (pure): the scene points at the asset, and its clip on the
 * main track is updated in place or added where the scene sits (after the scenes before it), never
 * overlapping.
 */
import { clipEnd, mainTrack, makeClip, withTrackClips, type Asset, type KenBurns, type MediaClip, type ProjectDocument } from '../project/document.js';

const DEFAULT_KEN_BURNS: KenBurns = { from: { zoom: 1, x: 0.5, y: 0.5 }, to: { zoom: 1.12, x: 0.5, y: 0.5 }, easing: 'easeInOut' };

/** `look` sets the clip's framing and transition (the automatic mode varies them per scene); otherwise they are kept or defaulted. */
export function placeSceneImage(doc: ProjectDocument, sceneId: string, asset: Asset, look: Partial<Pick<MediaClip, 'kenBurns' | 'transitionIn'>> = {}): ProjectDocument {
  const sceneIndex = doc.scenes.findIndex((s) => s.id === sceneId);
  if (sceneIndex < 0) return doc;
  const scenes = doc.scenes.map((s) => (s.id === sceneId ? { ...s, imageAssetId: asset.id } : s));
  const assets = { ...doc.assets, [asset.id]: asset };
  const main = mainTrack(doc);
  const existing = main.clips.find((c) => c.sceneId === sceneId);
  let clips;
  if (existing) {
    clips = main.clips.map((c) => (c === existing ? { ...c, assetId: asset.id, ...look } : c));
  } else {
    const scene = doc.scenes[sceneIndex]!;
    const planned = doc.scenes.slice(0, sceneIndex).reduce((t, s) => t + s.duration, 0);
    const overlaps = (start: number) => main.clips.some((c) => start < clipEnd(c) - 1e-6 && c.start < start + scene.duration - 1e-6);
    const end = main.clips.reduce((t, c) => Math.max(t, clipEnd(c)), 0);
    const start = overlaps(planned) ? end : planned;
    const clip = makeClip({ id: `clip-${sceneId}`.slice(0, 128), assetId: asset.id, sceneId, start, duration: scene.duration, kenBurns: DEFAULT_KEN_BURNS, ...look });
    clips = [...main.clips, clip];
  }
  return withTrackClips({ ...doc, scenes, assets }, main.id, clips);
}
