/**
 * Where something dropped on the timeline lands (pure): the lane under the pointer from its height,
 * the time from its x, and for media the nearest lane that can hold it (pictures on picture tracks,
 * sound on sound tracks; a tie goes to the lane below).
 */
import type { Asset, ProjectDocument } from '../../../src-main/project/document.js';
import { fitsTrack } from '../../../src-main/media/import/place.js';
import { laneIds, mediaTrackById } from '../state/document/clips.js';
import { RULER_H, TRACK_GAP, TRACK_H } from '../panels/timeline/layout.js';
import { xToTime, type View } from './geometry.js';

/** The lane row under a y inside the stage (clamped to the rows there are). */
export function laneIndexAt(y: number, lanes: number): number {
  const row = Math.floor((y - RULER_H - TRACK_GAP / 2) / (TRACK_H + TRACK_GAP));
  return Math.max(0, Math.min(lanes - 1, row));
}

/** The media track nearest to lane `index` that holds `kind`, or null when none does. */
export function nearestTrackFor(doc: Pick<ProjectDocument, 'tracks'>, index: number, kind: Asset['kind']): string | null {
  const lanes = laneIds(doc);
  let best: { id: string; distance: number } | null = null;
  lanes.forEach((lane, i) => {
    const track = mediaTrackById(doc, lane);
    if (!track || !fitsTrack(kind, track)) return;
    const distance = Math.abs(i - index) + (i < index ? 0.5 : 0);
    if (!best || distance < best.distance) best = { id: track.id, distance };
  });
  return (best as { id: string } | null)?.id ?? null;
}

/** The track and time a drop at stage point (x, y) means for media of `kind`. */
export function dropTarget(doc: Pick<ProjectDocument, 'tracks'>, point: { x: number; y: number }, view: View, kind: Asset['kind']): { trackId: string | null; start: number } {
  const index = laneIndexAt(point.y, laneIds(doc).length);
  return { trackId: nearestTrackFor(doc, index, kind), start: Math.max(0, Math.round(xToTime(point.x, view) * 100) / 100) };
}
