/**
 * Ken Burns frames edited on the preview: the whole source image with the start (A) and end (B)
 * framings drawn as the output-shaped rectangles the export crops (framingRect from the shared path
 * module). Drag a frame to move its focal point, wheel or +/- to zoom, arrow keys to nudge.
 */
import { useRef, type KeyboardEvent, type PointerEvent, type WheelEvent } from 'react';
import type { Framing } from '../../../src-main/project/document.js';
import { framingRect } from '../../../src-main/media/kenburns/path.js';
import { useT } from '../i18n/use-t.js';
import { mediaUrl } from '../ipc/client.js';
import { dispatch, useDocument } from '../state/document/index.js';
import { useAssetImage } from '../panels/timeline/media-cache.js';

const clamp01 = (v: number) => Math.min(1, Math.max(0, v));
const round = (v: number) => Math.round(v * 1000) / 1000;

export function KenBurnsEditor({ clipId, width, height }: { clipId: string; width: number; height: number }) {
  const t = useT();
  const projectId = useDocument((s) => s.projectId);
  const clip = useDocument((s) => s.doc?.tracks.media.find((m) => m.role === 'main')?.clips.find((c) => c.id === clipId) ?? null);
  const output = useDocument((s) => s.doc?.output);
  const image = useAssetImage(projectId, clip?.assetId ?? null);
  const drag = useRef<{ which: 'from' | 'to'; x: number; y: number; framing: Framing } | null>(null);
  if (!clip || !output || !projectId) return null;
  if (!image) return <div className="kb-editor" aria-busy="true" />;
  const iw = image.naturalWidth;
  const ih = image.naturalHeight;
  const s = Math.min(width / iw, height / ih);
  const ox = (width - iw * s) / 2;
  const oy = (height - ih * s) / 2;

  const set = (which: 'from' | 'to', framing: Partial<Framing>) =>
    dispatch({ type: 'setKenBurns', id: clip.id, [which]: framing }, { coalesceKey: `kb:${clip.id}:${which}` });

  const frame = (which: 'from' | 'to') => {
    const framing = clip.kenBurns[which];
    const r = framingRect(framing, { width: iw, height: ih }, output);
    const label = t(which === 'from' ? 'pv.kbStart' : 'pv.kbEnd', { zoom: framing.zoom.toFixed(2) });
    return (
      <div
        key={which}
        className={`kb-frame kb-${which}`}
        role="slider"
        tabIndex={0}
        aria-label={label}
        aria-valuetext={t('pv.kbValue', { x: Math.round(framing.x * 100), y: Math.round(framing.y * 100), zoom: framing.zoom.toFixed(2) })}
        aria-valuenow={Math.round(framing.x * 100)}
        style={{ left: ox + r.x * s, top: oy + r.y * s, width: r.w * s, height: r.h * s }}
        onPointerDown={(e: PointerEvent<HTMLDivElement>) => {
          e.currentTarget.setPointerCapture(e.pointerId);
          drag.current = { which, x: e.clientX, y: e.clientY, framing };
        }}
        onPointerMove={(e: PointerEvent<HTMLDivElement>) => {
          const d = drag.current;
          if (!d || d.which !== which) return;
          const dx = (e.clientX - d.x) / s / iw;
          const dy = (e.clientY - d.y) / s / ih;
          set(which, { x: round(clamp01(d.framing.x + dx)), y: round(clamp01(d.framing.y + dy)) });
        }}
        onPointerUp={() => (drag.current = null)}
        onWheel={(e: WheelEvent<HTMLDivElement>) => {
          const zoom = Math.min(10, Math.max(1, framing.zoom * (e.deltaY < 0 ? 1.05 : 1 / 1.05)));
          set(which, { zoom: round(zoom) });
        }}
        onKeyDown={(e: KeyboardEvent<HTMLDivElement>) => {
          const step = e.shiftKey ? 0.05 : 0.01;
          const moves: Record<string, Partial<Framing>> = {
            ArrowLeft: { x: round(clamp01(framing.x - step)) },
            ArrowRight: { x: round(clamp01(framing.x + step)) },
            ArrowUp: { y: round(clamp01(framing.y - step)) },
            ArrowDown: { y: round(clamp01(framing.y + step)) },
            '+': { zoom: round(Math.min(10, framing.zoom + 0.05)) },
            '=': { zoom: round(Math.min(10, framing.zoom + 0.05)) },
            '-': { zoom: round(Math.max(1, framing.zoom - 0.05)) },
          };
          const move = moves[e.key];
          if (!move) return;
          e.preventDefault();
          e.stopPropagation();
          set(which, move);
        }}
      >
        <span className="kb-tag">{which === 'from' ? 'A' : 'B'}</span>
      </div>
    );
  };

  return (
    <div className="kb-editor" aria-label={t('pv.kbEditor')} role="group">
      <img src={mediaUrl(projectId, clip.assetId)} alt="" className="kb-source" style={{ left: ox, top: oy, width: iw * s, height: ih * s }} />
      {/* The larger frame below, so both stay grabbable. */}
      {clip.kenBurns.from.zoom >= clip.kenBurns.to.zoom ? [frame('to'), frame('from')] : [frame('from'), frame('to')]}
    </div>
  );
}
