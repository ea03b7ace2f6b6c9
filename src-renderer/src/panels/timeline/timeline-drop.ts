/**
 * Drops on the timeline canvas: files from the computer (imported through the core's one path and
 * placed by it) and tiles from the media bin (a clip added at once, placed by the same pure rules).
 * Each lands at the pointer's time on the track under it, or the nearest track that can hold it.
 */
import type { DragEvent } from 'react';
import { kindOfFile } from '../../../../src-main/media/import/file-kinds.js';
import { clipFor } from '../../../../src-main/media/import/place.js';
import { documentStore, dispatch } from '../../state/document/index.js';
import { dropTarget } from '../../timeline/drop.js';
import { nearestSnap, snapTargets, SNAP_PX } from '../../timeline/geometry.js';
import { useTimeline } from '../../timeline/timeline-store.js';
import { ASSET_DRAG_TYPE, importFiles } from '../media/media-import.js';

export function acceptsDrop(e: DragEvent): boolean {
  return e.dataTransfer.types.includes('Files') || e.dataTransfer.types.includes(ASSET_DRAG_TYPE);
}

/** The drop time, snapped to a clip edge or the playhead within a few pixels (no hairline gaps). */
function snapped(doc: NonNullable<ReturnType<typeof documentStore.getState>['doc']>, start: number): number {
  const view = useTimeline.getState();
  return nearestSnap(start, snapTargets(doc, view.playhead, new Set()), SNAP_PX / view.zoom)?.time ?? start;
}

function pointIn(e: DragEvent<HTMLElement>): { x: number; y: number } {
  const box = e.currentTarget.getBoundingClientRect();
  return { x: e.clientX - box.left, y: e.clientY - box.top };
}

export function dropOnTimeline(e: DragEvent<HTMLElement>, projectId: string): void {
  const doc = documentStore.getState().doc;
  if (!doc || !acceptsDrop(e)) return;
  e.preventDefault();
  const point = pointIn(e);
  const view = useTimeline.getState();
  const assetId = e.dataTransfer.getData(ASSET_DRAG_TYPE);
  if (assetId) {
    const asset = Object.hasOwn(doc.assets, assetId) ? doc.assets[assetId]! : null;
    if (!asset) return;
    const { trackId, start } = dropTarget(doc, point, view, asset.kind);
    const track = trackId ? doc.tracks.media.find((t) => t.id === trackId) : undefined;
    if (!track) return;
    const clip = clipFor(doc, track, asset, snapped(doc, start));
    const error = dispatch({ type: 'addMediaClip', trackId: track.id, clip });
    useTimeline.getState().setNotice(error);
    if (!error) useTimeline.getState().select(clip.id);
    return;
  }
  // One import per file, each to the track its kind fits nearest the pointer (they queue in order).
  for (const file of [...e.dataTransfer.files]) {
    const kind = kindOfFile(file.name)?.kind ?? 'image';
    const { trackId, start } = dropTarget(doc, point, view, kind);
    void importFiles(projectId, [file], { ...(trackId ? { trackId } : {}), start: snapped(doc, start) });
  }
}
