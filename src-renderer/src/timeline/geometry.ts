/**
 * Timeline geometry and snapping, pure: time <-> pixels for a zoom (px per second) and a scroll
 * offset, snap targets (playhead, clip edges, sentence boundaries = caption cue edges), and the
 * clamping of a drag so a clip never starts before 0:00.
 */
import type { ProjectDocument } from '../../../src-main/project/document.js';
import { laneIds, trackSpans } from '../state/document/clips.js';

export const MIN_ZOOM = 4;
export const MAX_ZOOM = 400;
export const DEFAULT_ZOOM = 60;
/** Snap distance in screen pixels. */
export const SNAP_PX = 8;

export interface View {
  /** Pixels per second. */
  zoom: number;
  /** Seconds at the left edge. */
  scroll: number;
}

export const timeToX = (t: number, view: View) => (t - view.scroll) * view.zoom;
export const xToTime = (x: number, view: View) => x / view.zoom + view.scroll;

export function clampZoom(zoom: number): number {
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom));
}

/** The furthest the view may scroll: the project's end a little left of the right edge (never below 0). */
export function maxScroll(zoom: number, length: number, width: number): number {
  return Math.max(0, length + 1 - (width * 0.9) / zoom);
}

/** A scroll kept inside [0, maxScroll] (a width of 0 means "unknown": only the lower bound applies). */
export function clampScroll(scroll: number, zoom: number, length: number, width: number): number {
  const upper = width > 0 ? maxScroll(zoom, length, width) : Number.POSITIVE_INFINITY;
  return Math.max(0, Math.min(upper, scroll));
}

/**
 * Zoom by `factor` keeping the time under screen x `anchorX` in place; the time kept is never past
 * the project's end (zoomed right out, + zooms in on the project, not on the empty space after it).
 */
export function zoomAround(view: View, factor: number, anchorX: number, length = Number.POSITIVE_INFINITY, width = 0): View {
  const zoom = clampZoom(view.zoom * factor);
  const anchorTime = Math.min(xToTime(anchorX, view), length);
  const x = Math.min(anchorX, timeToX(anchorTime, view));
  return { zoom, scroll: clampScroll(anchorTime - x / zoom, zoom, length, width) };
}

/** The view that shows the whole project in `width` pixels (Shift+Z). */
export function fitView(length: number, width: number): View {
  if (!(length > 0) || !(width > 0)) return { zoom: DEFAULT_ZOOM, scroll: 0 };
  return { zoom: clampZoom((width * 0.95) / length), scroll: 0 };
}

export type SnapKind = 'playhead' | 'edge' | 'sentence';
export interface SnapTarget {
  time: number;
  kind: SnapKind;
}

/** Every place a dragged edge may snap to; the clips being dragged are left out. */
export function snapTargets(doc: ProjectDocument, playhead: number, exclude: ReadonlySet<string>): SnapTarget[] {
  const targets: SnapTarget[] = [{ time: playhead, kind: 'playhead' }, { time: 0, kind: 'edge' }];
  for (const track of laneIds(doc)) {
    const kind: SnapKind = track === 'captions' ? 'sentence' : 'edge';
    for (const span of trackSpans(doc, track)) {
      if (exclude.has(span.id)) continue;
      targets.push({ time: span.start, kind }, { time: span.end, kind });
    }
  }
  return targets;
}

/** The nearest target within `thresholdSeconds` of `time`, or null. */
export function nearestSnap(time: number, targets: readonly SnapTarget[], thresholdSeconds: number): SnapTarget | null {
  let best: SnapTarget | null = null;
  let bestDistance = thresholdSeconds;
  for (const target of targets) {
    const d = Math.abs(target.time - time);
    if (d <= bestDistance) {
      best = target;
      bestDistance = d;
    }
  }
  return best;
}

/**
 * Where a clip dragged to `rawStart` lands: its start or its end snaps to the nearest target (the
 * closer of the two wins), and it never starts before 0.
 */
export function snapMove(rawStart: number, length: number, targets: readonly SnapTarget[], thresholdSeconds: number): { start: number; snap: SnapTarget | null } {
  const byStart = nearestSnap(rawStart, targets, thresholdSeconds);
  const byEnd = nearestSnap(rawStart + length, targets, thresholdSeconds);
  let start = rawStart;
  let snap: SnapTarget | null = null;
  if (byStart && (!byEnd || Math.abs(byStart.time - rawStart) <= Math.abs(byEnd.time - (rawStart + length)))) {
    start = byStart.time;
    snap = byStart;
  } else if (byEnd) {
    start = byEnd.time - length;
    snap = byEnd;
  }
  if (start < 0) return { start: 0, snap: null };
  return { start, snap };
}

/** A trim edge snapped and kept inside [min, max]. */
export function snapEdge(rawTime: number, min: number, max: number, targets: readonly SnapTarget[], thresholdSeconds: number): number {
  const snap = nearestSnap(rawTime, targets, thresholdSeconds);
  const time = snap ? snap.time : rawTime;
  return Math.min(max, Math.max(min, time));
}

/** Ruler ticks: a step that keeps labels at least ~70 px apart. */
export function rulerStep(zoom: number): number {
  const steps = [0.1, 0.25, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300];
  return steps.find((s) => s * zoom >= 70) ?? 600;
}

export function formatTime(t: number): string {
  const sign = t < 0 ? '-' : '';
  const a = Math.abs(t);
  const m = Math.floor(a / 60);
  const s = a - m * 60;
  return `${sign}${m}:${s.toFixed(1).padStart(4, '0')}`;
}
