/**
 * The live preview: a canvas that paints, for the playhead's time, what the export renders (frame.ts +
 * draw.ts), and plays the project with narration and music in sync with one clock. The drawing loop
 * (playback-loop.ts) runs from store subscriptions, never through React renders, so playing does not
 * re-render the editor.
 */
import { useEffect, useRef, useState } from 'react';
import { useT } from '../i18n/use-t.js';
import { useDocument } from '../state/document/index.js';
import { KenBurnsEditor } from './KenBurnsEditor.js';
import { startPreviewLoop } from './playback-loop.js';
import { ProxyNotice } from './ProxyNotice.js';
import { SafeZoneOverlay, SafeZoneWarnings } from './SafeZoneOverlay.js';
import { TextDragLayer } from './TextDragLayer.js';

export function PreviewPlayer({ kenBurnsClipId }: { kenBurnsClipId: string | null }) {
  const t = useT();
  const boxRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const output = useDocument((s) => s.doc?.output);
  const [box, setBox] = useState({ width: 360, height: 640 });

  useEffect(() => {
    const el = boxRef.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => entry && setBox({ width: entry.contentRect.width, height: entry.contentRect.height }));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const aspect = output ? output.width / output.height : 9 / 16;
  const cssW = Math.max(60, Math.floor(Math.min(box.width, box.height * aspect)));
  const cssH = Math.floor(cssW / aspect);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const dpr = window.devicePixelRatio || 1;
    canvas.width = Math.round(cssW * dpr);
    canvas.height = Math.round(cssH * dpr);
    return startPreviewLoop(canvas);
  }, [cssW, cssH]);

  return (
    <div className="preview-column">
      <div className="preview-box" ref={boxRef}>
        <div className="preview-frame" style={{ width: cssW, height: cssH }}>
          <canvas ref={canvasRef} className="preview-canvas" style={{ width: cssW, height: cssH }} role="img" aria-label={t('pv.canvas')} />
          <ProxyNotice />
          <SafeZoneOverlay />
          {kenBurnsClipId ? <KenBurnsEditor clipId={kenBurnsClipId} width={cssW} height={cssH} /> : <TextDragLayer width={cssW} height={cssH} />}
        </div>
      </div>
      <SafeZoneWarnings />
    </div>
  );
}
