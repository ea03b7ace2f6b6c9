/**
 * Puts a scene's image on the timeline (pure): the scene points at the asset, and its image clip is
 * updated in place or added where the scene sits (after the scenes before it), never overlapping.
 */
import type { Asset, ImageClip, ProjectDocument } from '../project/document.js';

const DEFAULT_KEN_BURNS: ImageClip['kenBurns'] = { from: { zoom: 1, x: 0.5, y: 0.5 }, to: { zoom: 1.12, x: 0.5, y: 0.5 }, easing: 'easeInOut' };

export function placeSceneImage(doc: ProjectDocument, sceneId: string, asset: Asset): ProjectDocument {
  const sceneIndex = doc.scenes.findIndex((s) => s.id === sceneId);
  if (sceneIndex < 0) return doc;
  const scenes = doc.scenes.map((s) => (s.id === sceneId ? { ...s, imageAssetId: asset.id } : s));
  const assets = { ...doc.assets, [asset.id]: asset };
  const existing = doc.tracks.images.find((c) => c.sceneId === sceneId);
  let images: ImageClip[];
  if (existing) {
    images = doc.tracks.images.map((c) => (c === existing ? { ...c, assetId: asset.id } : c));
  } else {
    const scene = doc.scenes[sceneIndex]!;
    const planned = doc.scenes.slice(0, sceneIndex).reduce((t, s) => t + s.duration, 0);
    const overlaps = (start: number) => doc.tracks.images.some((c) => start < c.start + c.duration - 1e-6 && c.start < start + scene.duration - 1e-6);
    const end = doc.tracks.images.reduce((t, c) => Math.max(t, c.start + c.duration), 0);
    const start = overlaps(planned) ? end : planned;
    const clip: ImageClip = {
      id: `clip-${sceneId}`.slice(0, 128),
      assetId: asset.id,
      sceneId,
      start,
      duration: scene.duration,
      kenBurns: DEFAULT_KEN_BURNS,
      transitionIn: { kind: 'cut', duration: 0 },
    };
    images = [...doc.tracks.images, clip].sort((a, b) => a.start - b.start);
  }
  return { ...doc, scenes, assets, tracks: { ...doc.tracks, images } };
}
