/**
 * One clip on the Konva timeline: drag to move (snapping), handles to trim, click to select
 * (Shift+click adds). While dragging, only this node moves; the document changes once, on drop.
 */
import type Konva from 'konva';
import { memo, useRef, useState, type ReactNode } from 'react';
import { Group, Rect, Text } from 'react-konva';
import { documentStore, edit, type TrackName } from '../../state/document/index.js';
import { snapEdge, snapMove, snapTargets, SNAP_PX, timeToX, xToTime, type SnapTarget } from '../../timeline/geometry.js';
import { useTimeline } from '../../timeline/timeline-store.js';
import { HANDLE_W, TRACK_COLORS, TRACK_H } from './layout.js';

export interface ClipNodeProps {
  id: string;
  track: TrackName;
  start: number;
  end: number;
  label: string;
  y: number;
  zoom: number;
  scroll: number;
  /** Extra drawing inside the clip (thumbnail, waveform), in clip-local pixels. */
  children?: ReactNode;
}

const MIN_LEN = 0.1;

function targetsFor(exclude: ReadonlySet<string>): SnapTarget[] {
  const doc = documentStore.getState().doc;
  return doc ? snapTargets(doc, useTimeline.getState().playhead, exclude) : [];
}

function commit(error: string | null): boolean {
  useTimeline.getState().setNotice(error);
  return error === null;
}

export const ClipNode = memo(function ClipNode({ id, track, start, end, label, y, zoom, scroll, children }: ClipNodeProps) {
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
  const onDragMove = (e: Konva.KonvaEventObject<DragEvent>) => {
    if (e.target !== e.currentTarget) return;
    const node = e.target;
    const { start: snapped, snap } = snapMove(xToTime(node.x(), view), end - start, targets.current, SNAP_PX / zoom);
    node.x(timeToX(snapped, view));
    node.y(y);
    if (useTimeline.getState().snapAt !== (snap?.time ?? null)) useTimeline.setState({ snapAt: snap?.time ?? null });
  };
  const onDragEnd = (e: Konva.KonvaEventObject<DragEvent>) => {
    if (e.target !== e.currentTarget) return;
    useTimeline.setState({ snapAt: null });
    const node = e.target;
    const newStart = Math.max(0, xToTime(node.x(), view));
    const delta = Math.round((newStart - start) * 1000) / 1000;
    if (Math.abs(delta) < 0.001) return node.position({ x, y });
    const ids = [...moving(useTimeline.getState().selected)];
    const ok = commit(documentStore.getState().dispatch(ids.length > 1 ? edit.moveClips(ids, delta) : edit.moveClip(id, Math.round(newStart * 1000) / 1000)));
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

  const color = TRACK_COLORS[track];
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
        <Text x={shownX + 6} y={TRACK_H - 17} width={Math.max(0, shownW - 12)} text={label} fontSize={12} fill="#fff" wrap="none" ellipsis listening={false} shadowColor="#000" shadowBlur={2} shadowOpacity={0.8} />
      </Group>
      <Rect x={shownX} width={shownW} height={TRACK_H} stroke={selected ? '#ffb020' : '#0008'} strokeWidth={selected ? 2 : 1} cornerRadius={4} listening={false} />
      {width > HANDLE_W * 3 && (
        <>
          <Rect x={0} width={HANDLE_W} height={TRACK_H} fill={selected ? '#ffb020' : '#ffffff44'} cornerRadius={[4, 0, 0, 4]} {...handle('start')} />
          <Rect x={width - HANDLE_W} width={HANDLE_W} height={TRACK_H} fill={selected ? '#ffb020' : '#ffffff44'} cornerRadius={[0, 4, 4, 0]} {...handle('end')} />
        </>
      )}
    </Group>
  );
});

