/**
 * How the export names a clip in a message: what the user sees on the timeline ("scene 3",
 * 'clip 1 ("voice.wav") of Narration'), never an internal id.
 */
import path from 'node:path';
import { describeClip, findMediaClip, type ProjectDocument, type Track } from '../../project/document.js';

/** The file name the user knows an asset by (the name it was imported as, else its file). */
export function assetName(doc: ProjectDocument, assetId: string): string {
  const asset = Object.hasOwn(doc.assets, assetId) ? doc.assets[assetId] : undefined;
  return asset?.originalName || (asset ? path.basename(asset.file) : 'a missing file');
}

/** A clip's number on its track as the timeline shows it (timeline order, from 1). */
export function clipNumber(track: Track, clipId: string): number {
  return [...track.clips].sort((a, b) => a.start - b.start).findIndex((c) => c.id === clipId) + 1;
}

/** A picture clip: 'scene 3 ("moon.jpg")', or 'clip 4 ("moon.jpg") of Main' (any picture track). */
export function pictureLabel(doc: ProjectDocument, clipId: string): string {
  const found = findMediaClip(doc, clipId);
  if (!found) return 'a picture';
  const label = describeClip(doc, found.track, found.clip);
  return label.startsWith('scene ') ? `${label} ("${assetName(doc, found.clip.assetId)}")` : label;
}
