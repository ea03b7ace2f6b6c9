/**
 * The Konva stage of the timeline: ruler (click or drag to scrub), one layer per track, the playhead.
 * Ctrl+wheel zooms around the pointer, wheel scrolls. Konva draws; the stores own the state.
 */
import type Konva from 'konva';
import { memo, useEffect, useRef } from 'react';
import { Group, Layer, Line, Rect, Stage, Text } from 'react-konva';
import { formatTime, rulerStep, timeToX, xToTime } from '../../timeline/geometry.js';
import { useTimeline } from '../../timeline/timeline-store.js';
import { RULER_H, stageHeight } from './layout.js';
import { useLanes } from '../../state/document/index.js';
import { TrackLayer } from './TrackLayer.js';
import { useTimelinePalette, type TimelinePalette } from '../../timeline/palette.js';

const Ruler = memo(function Ruler({ width, zoom, scroll, palette }: { width: number; zoom: number; scroll: number; palette: TimelinePalette }) {
  const step = rulerStep(zoom);
  const first = Math.floor(scroll / step) * step;
  const ticks: number[] = [];
  for (let t = first; t <= scroll + width / zoom; t += step) ticks.push(t);
  const view = { zoom, scroll };
  return (
    <>
      <Rect x={0} y={0} width={width} height={RULER_H} fill={palette.ruler} />
      {ticks.map((t) => (
        <Text key={t.toFixed(3)} x={timeToX(t, view) + 3} y={6} text={formatTime(t)} fontSize={11} fill={palette.rulerText} listening={false} />
      ))}
      {ticks.map((t) => (
        <Line key={`l${t.toFixed(3)}`} points={[timeToX(t, view), RULER_H - 8, timeToX(t, view), RULER_H]} stroke={palette.rulerText} strokeWidth={1} listening={false} />
      ))}
    </>
  );
});

function SnapGuide({ zoom, scroll, height, color }: { zoom: number; scroll: number; height: number; color: string }) {
  const snapAt = useTimeline((s) => s.snapAt);
  if (snapAt === null) return null;
  const x = timeToX(snapAt, { zoom, scroll });
  return <Line points={[x, RULER_H, x, height]} stroke={color} strokeWidth={1} dash={[4, 3]} />;
}

/**
 * The playhead: a line over the canvas on its own compositing layer, moved straight from the store
 * by a transform. Playing moves it every frame without re-rendering React or redrawing a Konva layer
 * (only the line's own few pixels change on screen).
 */
const Playhead = memo(function Playhead({ zoom, scroll, height, palette }: { zoom: number; scroll: number; height: number; palette: TimelinePalette }) {
  const line = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const move = (playhead: number) => {
      if (line.current) line.current.style.transform = `translateX(${timeToX(playhead, { zoom, scroll }) - 6}px)`;
    };
    move(useTimeline.getState().playhead);
    return useTimeline.subscribe((s, prev) => s.playhead !== prev.playhead && move(s.playhead));
  }, [zoom, scroll]);
  return (
    <div ref={line} aria-hidden="true" style={{ position: 'absolute', left: 0, top: 0, width: 12, height, pointerEvents: 'none', willChange: 'transform' }}>
      <svg width={12} height={height} style={{ display: 'block', overflow: 'visible' }}>
        <line x1={6} y1={0} x2={6} y2={height} stroke={palette.playhead} strokeWidth={2} />
        <polygon points="0,0 12,0 6,9" fill={palette.playhead} />
      </svg>
    </div>
  );
});

export function TimelineStage({ width, projectId }: { width: number; projectId: string | null }) {
  const zoom = useTimeline((s) => s.zoom);
  const scroll = useTimeline((s) => s.scroll);
  const scrubbing = useRef(false);
  const lanes = useLanes();
  const palette = useTimelinePalette();
  const STAGE_H = stageHeight(lanes.length);

  const scrubTo = (stage: Konva.Stage | null) => {
    const pointer = stage?.getPointerPosition();
    if (pointer) useTimeline.getState().setPlayhead(xToTime(pointer.x, useTimeline.getState()));
  };

  return (
    <div style={{ position: 'relative', width, height: STAGE_H, overflow: 'hidden' }}>
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
            fill={palette.background}
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
            <Ruler width={width} zoom={zoom} scroll={scroll} palette={palette} />
          </Group>
        </Layer>
        {lanes.map((track, index) => (
          <TrackLayer key={track} track={track} index={index} projectId={projectId} width={width} zoom={zoom} scroll={scroll} palette={palette} />
        ))}
        <Layer listening={false}>
          <SnapGuide zoom={zoom} scroll={scroll} height={STAGE_H} color={palette.snap} />
        </Layer>
      </Stage>
      <Playhead zoom={zoom} scroll={scroll} height={STAGE_H} palette={palette} />
    </div>
  );
}

