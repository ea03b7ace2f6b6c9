/**
 * One clip on the Konva timeline: drag to move (snapping), handles to trim, click to select
 * (Shift+click adds). While dragging, only this node moves; the document changes once, on drop.
 */
import type Konva from 'konva';
import { memo, useRef, useState, type ReactNode } from 'react';
import { Group, Rect, Text } from 'react-konva';
import { documentStore, edit, editMessage, laneIds } from '../../state/document/index.js';
import { dropIndex } from '../../state/document/ripple.js';
import { mainTrack } from '../../../../src-main/project/document.js';
import { snapEdge, snapMove, snapTargets, SNAP_PX, timeToX, xToTime, type SnapTarget } from '../../timeline/geometry.js';
import { useTimeline } from '../../timeline/timeline-store.js';
import { HANDLE_W, laneAt, TRACK_H } from './layout.js';
import type { TimelinePalette } from '../../timeline/palette.js';

export interface ClipNodeProps {
  id: string;
  /** The lane the clip sits in (a media track id, 'text' or 'captions'). */
  lane: string;
  palette: TimelinePalette;
  start: number;
  end: number;
  label: string;
  y: number;
  zoom: number;
  scroll: number;
  color: string;
  /** Extra drawing inside the clip (thumbnail, waveform), in clip-local pixels. */
  children?: ReactNode;
}

const MIN_LEN = 0.1;

function targetsFor(exclude: ReadonlySet<string>): SnapTarget[] {
  const doc = documentStore.getState().doc;
  if (!doc || !useTimeline.getState().snapping) return [];
  return snapTargets(doc, useTimeline.getState().playhead, exclude);
}

/** The lane under the dragged clip's middle (null: above or below every lane). */
function laneUnder(nodeY: number): string | null {
  const doc = documentStore.getState().doc;
  if (!doc) return null;
  const index = laneAt(nodeY + TRACK_H / 2);
  return index === null ? null : laneIds(doc)[index] ?? null;
}

const isMainLane = (lane: string) => {
  const doc = documentStore.getState().doc;
  return !!doc && mainTrack(doc).id === lane;
};

function commit(error: string | null): boolean {
  useTimeline.getState().setNotice(error);
  return error === null;
}

export const ClipNode = memo(function ClipNode({ id, lane, palette, start, end, label, y, zoom, scroll, color, children }: ClipNodeProps) {
  const selected = useTimeline((s) => s.selected.has(id));
  const view = { zoom, scroll };
  const x = timeToX(start, view);
  const width = Math.max(2, (end - start) * zoom);
  const targets = useRef<SnapTarget[]>([]);
  const [trim, setTrim] = useState<{ start: number; end: number } | null>(null);
  const shown = trim ?? { start, end };
  const shownX = timeToX(shown.start, view) - x;
  const shownW = Math.max(2, (shown.end - shown.start) * zoom);

  const moving = (ids: ReadonlySet<string>) => (ids.has(id) ? ids : new Set([id]));

  const onDragStart = (e: Konva.KonvaEventObject<DragEvent>) => {
    if (e.target !== e.currentTarget) return;
    targets.current = targetsFor(moving(useTimeline.getState().selected));
  };
  /** One clip dragged on (or onto) the magnetic main track: the index it would take among the others. */
  const mainIndex = (newStart: number): number | null => {
    const doc = documentStore.getState().doc;
    return doc ? dropIndex(mainTrack(doc).clips, id, newStart + (end - start) / 2) : null;
  };
  const onDragMove = (e: Konva.KonvaEventObject<DragEvent>) => {
    if (e.target !== e.currentTarget) return;
    const node = e.target;
    const { start: snapped, snap } = snapMove(xToTime(node.x(), view), end - start, targets.current, SNAP_PX / zoom);
    node.x(timeToX(snapped, view));
    // A single media clip may change tracks: it follows the pointer up and down; others stay in lane.
    const single = moving(useTimeline.getState().selected).size === 1 && lane !== 'text' && lane !== 'captions';
    if (!single) node.y(y);
    const tl = useTimeline.getState();
    if (tl.snapAt !== (snap?.time ?? null)) useTimeline.setState({ snapAt: snap?.time ?? null });
    if (single && isMainLane(lane) && laneUnder(node.y()) === lane) {
      const index = mainIndex(snapped);
      if (index !== null && (tl.dropPreview?.id !== id || tl.dropPreview.index !== index)) tl.setDropPreview({ id, index });
    } else if (tl.dropPreview) tl.setDropPreview(null);
  };
  const onDragEnd = (e: Konva.KonvaEventObject<DragEvent>) => {
    if (e.target !== e.currentTarget) return;
    useTimeline.setState({ snapAt: null, dropPreview: null });
    const node = e.target;
    const newStart = Math.round(Math.max(0, xToTime(node.x(), view)) * 1000) / 1000;
    const delta = Math.round((newStart - start) * 1000) / 1000;
    const ids = [...moving(useTimeline.getState().selected)];
    const target = ids.length === 1 ? laneUnder(node.y()) : lane;
    node.y(y);
    const dispatch = documentStore.getState().dispatch;
    let ok: boolean;
    if (target !== null && target !== lane) {
      ok = target === 'text' || target === 'captions' || lane === 'text' || lane === 'captions'
        ? commit(editMessage('edit.wrongLane'))
        : commit(dispatch(edit.moveClipToTrack(id, target, newStart)));
    } else if (Math.abs(delta) < 0.001) {
      return node.position({ x, y });
    } else if (ids.length === 1 && isMainLane(lane)) {
      const index = mainIndex(newStart);
      ok = index === null ? false : commit(dispatch(edit.reorderClip(id, index)));
      // The main track is magnetic: the clip lands packed, never where the pointer left it.
      node.position({ x, y });
    } else {
      ok = commit(dispatch(ids.length > 1 ? edit.moveClips(ids, delta) : edit.moveClip(id, newStart)));
    }
    if (!ok) node.position({ x, y });
  };

  const handle = (edge: 'start' | 'end') => ({
    draggable: true,
    onDragStart: (e: Konva.KonvaEventObject<DragEvent>) => {
      e.cancelBubble = true;
      targets.current = targetsFor(new Set([id]));
    },
    onDragMove: (e: Konva.KonvaEventObject<DragEvent>) => {
      e.cancelBubble = true;
      const node = e.target;
      const raw = xToTime(x + node.x() + (edge === 'end' ? HANDLE_W : 0), view);
      const t = edge === 'start' ? snapEdge(raw, 0, end - MIN_LEN, targets.current, SNAP_PX / zoom) : snapEdge(raw, start + MIN_LEN, Number.MAX_SAFE_INTEGER, targets.current, SNAP_PX / zoom);
      const snapped = targets.current.some((target) => Math.abs(target.time - t) < 1e-9) ? t : null;
      if (useTimeline.getState().snapAt !== snapped) useTimeline.setState({ snapAt: snapped });
      const next = edge === 'start' ? { start: t, end } : { start, end: t };
      setTrim(next);
      node.y(0);
      node.x(edge === 'start' ? timeToX(next.start, view) - x : timeToX(next.end, view) - x - HANDLE_W);
    },
    onDragEnd: (e: Konva.KonvaEventObject<DragEvent>) => {
      e.cancelBubble = true;
      const node = e.target;
      const t = trimTime(edge);
      setTrim(null);
      useTimeline.setState({ snapAt: null });
      node.position({ x: edge === 'start' ? 0 : width - HANDLE_W, y: 0 });
      if (t === null) return;
      commit(documentStore.getState().dispatch(edit.trimClip(id, edge, Math.round(t * 1000) / 1000)));
    },
    onMouseEnter: (e: Konva.KonvaEventObject<MouseEvent>) => {
      const stage = e.target.getStage();
      if (stage) stage.container().style.cursor = 'ew-resize';
    },
    onMouseLeave: (e: Konva.KonvaEventObject<MouseEvent>) => {
      const stage = e.target.getStage();
      if (stage) stage.container().style.cursor = '';
    },
  });
  const trimRef = useRef(trim);
  trimRef.current = trim;
  const trimTime = (edge: 'start' | 'end') => {
    const t = trimRef.current;
    if (!t) return null;
    const value = edge === 'start' ? t.start : t.end;
    return Math.abs(value - (edge === 'start' ? start : end)) < 0.001 ? null : value;
  };

  return (
    <Group
      x={x}
      y={y}
      draggable
      onDragStart={onDragStart}
      onDragMove={onDragMove}
      onDragEnd={onDragEnd}
      onClick={(e) => {
        e.cancelBubble = true;
        useTimeline.getState().select(id, e.evt.shiftKey || e.evt.metaKey || e.evt.ctrlKey);
      }}
      onTap={() => useTimeline.getState().select(id)}
    >
      <Group clipX={shownX} clipY={0} clipWidth={shownW} clipHeight={TRACK_H}>
        <Rect x={shownX} width={shownW} height={TRACK_H} fill={color} cornerRadius={4} opacity={0.9} />
        {children}
        <Text x={shownX + 6} y={TRACK_H - 17} width={Math.max(0, shownW - 12)} text={label} fontSize={12} fill={palette.clipText} wrap="none" ellipsis listening={false} shadowColor="#000" shadowBlur={2} shadowOpacity={0.8} />
      </Group>
      <Rect x={shownX} width={shownW} height={TRACK_H} stroke={selected ? palette.selected : '#0008'} strokeWidth={selected ? 2 : 1} cornerRadius={4} listening={false} />
      {width > HANDLE_W * 3 && (
        <>
          <Rect x={0} width={HANDLE_W} height={TRACK_H} fill={selected ? palette.selected : '#ffffff44'} cornerRadius={[4, 0, 0, 4]} {...handle('start')} />
          <Rect x={width - HANDLE_W} width={HANDLE_W} height={TRACK_H} fill={selected ? palette.selected : '#ffffff44'} cornerRadius={[0, 4, 4, 0]} {...handle('end')} />
        </>
      )}
    </Group>
  );
});

