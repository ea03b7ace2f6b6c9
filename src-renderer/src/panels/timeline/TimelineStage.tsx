/**
 * The Konva stage of the timeline: ruler (click or drag to scrub), one layer per track, the playhead.
 * Ctrl+wheel zooms around the pointer, wheel scrolls. Konva draws; the stores own the state.
 */
import type Konva from 'konva';
import { memo, useRef } from 'react';
import { Group, Layer, Line, Rect, Stage, Text } from 'react-konva';
import { formatTime, rulerStep, timeToX, xToTime } from '../../timeline/geometry.js';
import { useTimeline } from '../../timeline/timeline-store.js';
import { RULER_H, STAGE_H, TRACKS } from './layout.js';
import { TrackLayer } from './TrackLayer.js';

const Ruler = memo(function Ruler({ width, zoom, scroll }: { width: number; zoom: number; scroll: number }) {
  const step = rulerStep(zoom);
  const first = Math.floor(scroll / step) * step;
  const ticks: number[] = [];
  for (let t = first; t <= scroll + width / zoom; t += step) ticks.push(t);
  const view = { zoom, scroll };
  return (
    <>
      <Rect x={0} y={0} width={width} height={RULER_H} fill="#1e222b" />
      {ticks.map((t) => (
        <Text key={t.toFixed(3)} x={timeToX(t, view) + 3} y={6} text={formatTime(t)} fontSize={11} fill="#9099a8" listening={false} />
      ))}
      {ticks.map((t) => (
        <Line key={`l${t.toFixed(3)}`} points={[timeToX(t, view), RULER_H - 8, timeToX(t, view), RULER_H]} stroke="#9099a8" strokeWidth={1} listening={false} />
      ))}
    </>
  );
});

function SnapGuide({ zoom, scroll }: { zoom: number; scroll: number }) {
  const snapAt = useTimeline((s) => s.snapAt);
  if (snapAt === null) return null;
  const x = timeToX(snapAt, { zoom, scroll });
  return <Line points={[x, RULER_H, x, STAGE_H]} stroke="#ffb020" strokeWidth={1} dash={[4, 3]} />;
}

const Playhead = memo(function Playhead({ zoom, scroll }: { zoom: number; scroll: number }) {
  const playhead = useTimeline((s) => s.playhead);
  const x = timeToX(playhead, { zoom, scroll });
  return (
    <Layer listening={false}>
      <SnapGuide zoom={zoom} scroll={scroll} />
      <Line points={[x, 0, x, STAGE_H]} stroke="#ff5d5d" strokeWidth={2} />
      <Line points={[x - 6, 0, x + 6, 0, x, 9]} closed fill="#ff5d5d" />
    </Layer>
  );
});

export function TimelineStage({ width, projectId }: { width: number; projectId: string | null }) {
  const zoom = useTimeline((s) => s.zoom);
  const scroll = useTimeline((s) => s.scroll);
  const scrubbing = useRef(false);

  const scrubTo = (stage: Konva.Stage | null) => {
    const pointer = stage?.getPointerPosition();
    if (pointer) useTimeline.getState().setPlayhead(xToTime(pointer.x, useTimeline.getState()));
  };

  return (
    <Stage
      width={width}
      height={STAGE_H}
      onWheel={(e) => {
        e.evt.preventDefault();
        const state = useTimeline.getState();
        if (e.evt.ctrlKey || e.evt.metaKey) {
          const pointer = e.target.getStage()?.getPointerPosition();
          state.zoomBy(e.evt.deltaY < 0 ? 1.15 : 1 / 1.15, pointer?.x ?? width / 2);
        } else {
          const delta = Math.abs(e.evt.deltaX) > Math.abs(e.evt.deltaY) ? e.evt.deltaX : e.evt.deltaY;
          state.setView({ scroll: state.scroll + delta / state.zoom });
        }
      }}
      onMouseMove={(e) => scrubbing.current && scrubTo(e.target.getStage())}
      onMouseUp={() => (scrubbing.current = false)}
      onMouseLeave={() => (scrubbing.current = false)}
    >
      <Layer>
        <Rect
          x={0}
          y={0}
          width={width}
          height={STAGE_H}
          fill="#12151b"
          onMouseDown={(e) => {
            useTimeline.getState().select(null);
            scrubTo(e.target.getStage());
          }}
        />
        <Group
          onMouseDown={(e) => {
            e.cancelBubble = true;
            scrubbing.current = true;
            scrubTo(e.target.getStage());
          }}
        >
          <Ruler width={width} zoom={zoom} scroll={scroll} />
        </Group>
      </Layer>
      {TRACKS.map((track) => (
        <TrackLayer key={track} track={track} projectId={projectId} width={width} zoom={zoom} scroll={scroll} />
      ))}
      <Playhead zoom={zoom} scroll={scroll} />
    </Stage>
  );
}

