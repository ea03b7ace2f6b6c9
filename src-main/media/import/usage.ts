/**
 * How often each asset of a project is used (pure; the media bin shows it and "remove unused" obeys
 * it): clips on any media track, and scenes that show it or use it as their reference picture.
 */
import type { ProjectDocument } from '../../project/document.js';

export function assetUsage(doc: Pick<ProjectDocument, 'tracks' | 'scenes' | 'assets'>): Map<string, number> {
  const counts = new Map<string, number>(Object.keys(doc.assets).map((id) => [id, 0]));
  const use = (id: string | null | undefined) => {
    if (id && counts.has(id)) counts.set(id, counts.get(id)! + 1);
  };
  for (const track of doc.tracks.media) for (const clip of track.clips) use(clip.assetId);
  for (const scene of doc.scenes) {
    // A scene's picture on the main track is counted once, by its clip.
    if (!doc.tracks.media.some((t) => t.role === 'main' && t.clips.some((c) => c.sceneId === scene.id && c.assetId === scene.imageAssetId))) use(scene.imageAssetId);
    use(scene.referenceAssetId);
  }
  return counts;
}

/** The assets nothing uses, among `ids` (all of them when omitted). */
export function unusedAssets(doc: Pick<ProjectDocument, 'tracks' | 'scenes' | 'assets'>, ids?: readonly string[]): string[] {
  const usage = assetUsage(doc);
  return (ids ?? [...usage.keys()]).filter((id) => usage.get(id) === 0);
}
