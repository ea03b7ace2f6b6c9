/**
 * The word boundaries inside a caption clip on the timeline: a tick at each word's end; dragging a
 * tick's upper half retimes that word (its neighbour's touching edge follows, cue-edit.ts), so the
 * highlight follows the voice. The lower half of the clip still drags the clip.
 */
import type Konva from 'konva';
import { memo, useState } from 'react';
import { Group, Line, Rect } from 'react-konva';
import { matchingTimings } from '../../../../src-main/media/captions/states.js';
import type { CaptionCue } from '../../../../src-main/project/document.js';
import { documentStore } from '../../state/document/index.js';
import { useTimeline } from '../../timeline/timeline-store.js';
import { HANDLE_W, TRACK_H } from './layout.js';

const GRIP = 8;

export const WordEdges = memo(function WordEdges({ cue, zoom }: { cue: CaptionCue; zoom: number }) {
  const [dragging, setDragging] = useState<{ index: number; time: number } | null>(null);
  const timings = matchingTimings(cue);
  if (!timings) return null;
  const width = (cue.end - cue.start) * zoom;
  return (
    <>
      {timings.map((word, index) => {
        const end = dragging?.index === index ? dragging.time : word.end;
        const x = (end - cue.start) * zoom;
        // The last word's end sits on the clip's own trim handle: leave that edge to the clip.
        if (x < HANDLE_W + GRIP / 2 || x > width - HANDLE_W - GRIP / 2) return null;
        return (
          <Group key={index}>
            <Line points={[x, 0, x, TRACK_H]} stroke="#ffffffaa" strokeWidth={1} dash={[3, 2]} listening={false} />
            <Rect
              x={x - GRIP / 2}
              y={0}
              width={GRIP}
              height={TRACK_H / 2}
              fill={dragging?.index === index ? '#ffb020' : '#ffffff33'}
              draggable
              onMouseEnter={(e: Konva.KonvaEventObject<MouseEvent>) => {
                const stage = e.target.getStage();
                if (stage) stage.container().style.cursor = 'ew-resize';
              }}
              onMouseLeave={(e: Konva.KonvaEventObject<MouseEvent>) => {
                const stage = e.target.getStage();
                if (stage) stage.container().style.cursor = '';
              }}
              onDragStart={(e) => {
                e.cancelBubble = true;
                useTimeline.getState().select(cue.id);
              }}
              onDragMove={(e) => {
                e.cancelBubble = true;
                const node = e.target;
                node.y(0);
                const time = cue.start + (node.x() + GRIP / 2) / zoom;
                setDragging({ index, time });
              }}
              onDragEnd={(e) => {
                e.cancelBubble = true;
                const time = Math.round((cue.start + (e.target.x() + GRIP / 2) / zoom) * 1000) / 1000;
                setDragging(null);
                e.target.position({ x: x - GRIP / 2, y: 0 });
                const message = documentStore.getState().dispatch({ type: 'moveWordEdge', id: cue.id, index, edge: 'end', time });
                useTimeline.getState().setNotice(message);
              }}
            />
          </Group>
        );
      })}
    </>
  );
});
