/**
 * Text overlays and the captions on the preview can be grabbed and moved: one handle over each text
 * shown at the playhead and one over the caption (boxes from src-main/media/text/bounds.ts). Dragging
 * puts it at a free position (the anchor follows the pointer), as one undo step; arrow keys move a
 * focused handle by 1% (Shift 5%).
 */
import { useRef } from 'react';
import { captionRect, textClipRect, type Rect } from '../../../src-main/media/text/bounds.js';
import type { TextClip } from '../../../src-main/project/document.js';
import { useT } from '../i18n/use-t.js';
import { documentStore, useDocument } from '../state/document/index.js';
import { useTimeline } from '../timeline/timeline-store.js';

const clamp = (v: number) => Math.round(Math.min(1, Math.max(0, v)) * 1000) / 1000;

/** The clip's anchor as a free position (fractions), whatever its preset: the same place on screen. */
export function freePosition(clip: TextClip, frame: { width: number; height: number }): { x: number; y: number } {
  if (clip.position.preset === 'free') return { x: clip.position.x, y: clip.position.y };
  const rect = textClipRect(clip, frame);
  const pad = clip.style.box.enabled ? clip.style.box.padding : clip.style.outlineWidth;
  const x = clip.align === 'left' ? rect.left + pad : clip.align === 'right' ? rect.right - pad : (rect.left + rect.right) / 2;
  return { x: x / frame.width, y: (rect.top + rect.bottom) / 2 / frame.height };
}

function move(clip: TextClip, x: number, y: number, key: string): void {
  const message = documentStore.getState().dispatch({ type: 'updateTextClip', id: clip.id, patch: { position: { preset: 'free', x: clamp(x), y: clamp(y) } } }, { coalesceKey: key });
  useTimeline.getState().setNotice(message);
}

function moveCaptions(x: number, y: number, key: string): void {
  const message = documentStore.getState().dispatch({ type: 'setCaptions', patch: { position: { preset: 'free', x: clamp(x), y: clamp(y) } } }, { coalesceKey: key });
  useTimeline.getState().setNotice(message);
}

interface Drag {
  id: string;
  px: number;
  py: number;
  x: number;
  y: number;
  key: string;
}

/** Pointer and key handling shared by the text and caption handles. */
function handleProps(id: string, k: number, frame: { width: number; height: number }, drag: { current: Drag | null }, start: () => { x: number; y: number }, apply: (x: number, y: number, key: string) => void) {
  return {
    onPointerDown: (e: React.PointerEvent<HTMLDivElement>) => {
      e.preventDefault();
      e.currentTarget.setPointerCapture(e.pointerId);
      drag.current = { id, px: e.clientX, py: e.clientY, ...start(), key: `drag:${id}:${e.timeStamp}` };
    },
    onPointerMove: (e: React.PointerEvent<HTMLDivElement>) => {
      const d = drag.current;
      if (!d || d.id !== id) return;
      apply(d.x + (e.clientX - d.px) / k / frame.width, d.y + (e.clientY - d.py) / k / frame.height, d.key);
    },
    onPointerUp: () => (drag.current = null),
    onPointerCancel: () => (drag.current = null),
    onKeyDown: (e: React.KeyboardEvent<HTMLDivElement>) => {
      const step = e.shiftKey ? 0.05 : 0.01;
      const delta = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] }[e.key];
      if (!delta) return;
      e.preventDefault();
      e.stopPropagation();
      const p = start();
      apply(p.x + delta[0]!, p.y + delta[1]!, `nudge:${id}`);
    },
  };
}

const boxStyle = (r: Rect, k: number) => ({ left: r.left * k, top: r.top * k, width: (r.right - r.left) * k, height: (r.bottom - r.top) * k });

export function TextDragLayer({ width, height }: { width: number; height: number }) {
  const t = useT();
  const selected = useTimeline((s) => s.selected);
  const output = useDocument((s) => s.doc?.output);
  const texts = useDocument((s) => s.doc?.tracks.text);
  const captions = useDocument((s) => s.doc?.tracks.captions);
  // Re-rendered when the texts or caption under the playhead change, not on every frame of playback.
  const shown = useTimeline((s) => (texts ?? []).filter((c) => s.playhead >= c.start && s.playhead < c.start + c.duration).map((c) => c.id).join('\n'));
  const cueId = useTimeline((s) => (captions?.enabled ? captions.cues.find((c) => s.playhead >= c.start && s.playhead < c.end)?.id : undefined));
  const drag = useRef<Drag | null>(null);
  if (!output || !texts || !captions) return null;
  const frame = { width: output.width, height: output.height };
  const k = width / output.width;
  const ids = new Set(shown.split('\n'));
  const visible = texts.filter((c) => ids.has(c.id));
  const cue = cueId ? captions.cues.find((c) => c.id === cueId) : undefined;
  const captionStart = () => {
    const track = documentStore.getState().doc?.tracks.captions ?? captions;
    if (track.position.preset === 'free' || !cue) return { x: track.position.x, y: track.position.y };
    const r = captionRect(track, cue, frame);
    return { x: (r.left + r.right) / 2 / frame.width, y: (r.top + r.bottom) / 2 / frame.height };
  };
  return (
    <div className="text-drag-layer" style={{ width, height }}>
      {visible.map((clip) => {
        const current = () => documentStore.getState().doc?.tracks.text.find((c) => c.id === clip.id) ?? clip;
        const props = handleProps(clip.id, k, frame, drag, () => freePosition(current(), frame), (x, y, key) => move(current(), x, y, key));
        return (
          <div
            key={clip.id}
            role="button"
            tabIndex={0}
            aria-label={t('txt.dragHandle', { text: clip.text.slice(0, 40) })}
            className={`text-handle${selected.has(clip.id) ? ' selected' : ''}`}
            style={boxStyle(textClipRect(clip, frame), k)}
            {...props}
            onPointerDown={(e) => {
              useTimeline.getState().select(clip.id);
              props.onPointerDown(e);
            }}
          />
        );
      })}
      {cue && (
        <div
          role="button"
          tabIndex={0}
          aria-label={t('cap.dragHandle')}
          className={`text-handle caption-handle${selected.has(cue.id) ? ' selected' : ''}`}
          style={boxStyle(captionRect(captions, cue, frame), k)}
          {...handleProps('captions', k, frame, drag, captionStart, moveCaptions)}
        />
      )}
    </div>
  );
}
