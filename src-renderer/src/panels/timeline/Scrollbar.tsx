/**
 * The timeline's horizontal scrollbar (a native one: keyboard, wheel and drag all work) kept in step
 * with the view, and the note shown when captions fall after the picture's end.
 */
import { useEffect, useRef } from 'react';
import { captionsPastEnd } from '../../../../src-main/project/document.js';
import { useT } from '../../i18n/use-t.js';
import { useDocument } from '../../state/document/index.js';
import { maxScroll } from '../../timeline/geometry.js';
import { useTimeline } from '../../timeline/timeline-store.js';

export function Scrollbar({ width, length }: { width: number; length: number }) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  const zoom = useTimeline((s) => s.zoom);
  const inner = Math.max(width, Math.ceil((maxScroll(zoom, length, width) * zoom) + width));
  useEffect(
    () =>
      useTimeline.subscribe((s) => {
        const el = ref.current;
        if (el && Math.abs(el.scrollLeft - s.scroll * s.zoom) > 1) el.scrollLeft = s.scroll * s.zoom;
      }),
    [],
  );
  useEffect(() => {
    const el = ref.current;
    if (el) el.scrollLeft = useTimeline.getState().scroll * zoom;
  }, [zoom, inner]);
  return (
    <div
      ref={ref}
      className="tl-scrollbar"
      role="scrollbar"
      aria-label={t('tl.scrollbar')}
      aria-controls="tl-canvas"
      aria-orientation="horizontal"
      aria-valuemin={0}
      aria-valuemax={Math.round(length)}
      aria-valuenow={Math.round(useTimeline.getState().scroll)}
      tabIndex={0}
      onScroll={(e) => {
        const s = useTimeline.getState();
        const scroll = e.currentTarget.scrollLeft / s.zoom;
        if (Math.abs(scroll - s.scroll) * s.zoom > 1) s.setView({ scroll });
      }}
    >
      <div style={{ width: inner, height: 1 }} />
    </div>
  );
}

export function CaptionNote() {
  const t = useT();
  const past = useDocument((s) => (s.doc ? captionsPastEnd(s.doc) : 0));
  if (past === 0) return null;
  return (
    <p className="tl-caption-note muted" role="note">
      {t('tl.captionsPastEnd', { n: past })}
    </p>
  );
}
