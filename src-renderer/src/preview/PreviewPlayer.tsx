/**
 * The live preview: a canvas that paints, for the playhead's time, what the export renders (frame.ts +
 * draw.ts), and plays the project with narration and music in sync with one clock. It re-draws from
 * store subscriptions, never through React renders, so playing does not re-render the editor.
 */
import { useEffect, useRef, useState } from 'react';
import { projectDuration } from '../../../src-main/project/document.js';
import { mediaUrl } from '../ipc/client.js';
import { useT } from '../i18n/use-t.js';
import { documentStore, useDocument } from '../state/document/index.js';
import { loadImage } from '../panels/timeline/media-cache.js';
import { useTimeline } from '../timeline/timeline-store.js';
import { AudioSync } from './audio-sync.js';
import { drawFrame } from './draw.js';
import { ensureFonts } from './fonts.js';
import { framePlan } from './frame.js';
import { KenBurnsEditor } from './KenBurnsEditor.js';
import { fontNeeds } from './render-still.js';
import { SafeZoneOverlay } from './SafeZoneOverlay.js';

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
    const images = new Map<string, HTMLImageElement | 'loading'>();
    const audio = new AudioSync(() => documentStore.getState().projectId);
    let frame = 0;
    let clock: { t0: number; n0: number } | null = null;

    const lookup = (assetId: string) => {
      const cached = images.get(assetId);
      if (cached && cached !== 'loading') return cached;
      const projectId = documentStore.getState().projectId;
      if (!cached && projectId) {
        images.set(assetId, 'loading');
        loadImage(mediaUrl(projectId, assetId)).then(
          (img) => (images.set(assetId, img), schedule()),
          () => images.delete(assetId),
        );
      }
      return null;
    };
    const draw = () => {
      frame = 0;
      const doc = documentStore.getState().doc;
      const ctx = canvas.getContext('2d');
      if (!doc || !ctx || !doc.output.width) return;
      let now = useTimeline.getState().playhead;
      if (clock) {
        now = clock.t0 + (performance.now() - clock.n0) / 1000;
        const end = projectDuration(doc);
        if (now >= end) {
          now = end;
          useTimeline.getState().setPlaying(false);
        }
        useTimeline.getState().setPlayhead(now);
        audio.update(doc, now, useTimeline.getState().playing);
        schedule();
      }
      drawFrame(ctx, framePlan(doc, now), lookup, canvas.width / doc.output.width);
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(draw);
    };
    const onDoc = () => {
      const doc = documentStore.getState().doc;
      if (doc) void ensureFonts(fontNeeds(doc)).then(schedule, schedule);
      schedule();
    };
    const unsubDoc = documentStore.subscribe((s, prev) => s.doc !== prev.doc && onDoc());
    const unsubTimeline = useTimeline.subscribe((s, prev) => {
      if (s.playing !== prev.playing) {
        if (s.playing) {
          const doc = documentStore.getState().doc;
          const start = doc && s.playhead >= projectDuration(doc) - 0.05 ? 0 : s.playhead;
          clock = { t0: start, n0: performance.now() };
        } else {
          clock = null;
          audio.stop();
        }
        schedule();
      } else if (s.playhead !== prev.playhead && !clock) schedule();
    });
    onDoc();
    return () => {
      unsubDoc();
      unsubTimeline();
      cancelAnimationFrame(frame);
      audio.stop();
    };
  }, [cssW, cssH]);

  return (
    <div className="preview-box" ref={boxRef}>
      <div className="preview-frame" style={{ width: cssW, height: cssH }}>
        <canvas ref={canvasRef} className="preview-canvas" style={{ width: cssW, height: cssH }} role="img" aria-label={t('pv.canvas')} />
        <SafeZoneOverlay />
        {kenBurnsClipId && <KenBurnsEditor clipId={kenBurnsClipId} width={cssW} height={cssH} />}
      </div>
    </div>
  );
}
