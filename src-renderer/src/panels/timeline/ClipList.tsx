/**
 * The clips as a list of buttons beside the canvas timeline: what screen readers and keyboard users
 * (and tests, by role and name) use to select a clip; the canvas shows the same selection.
 */
import { memo } from 'react';
import { useT } from '../../i18n/use-t.js';
import { trackSpans, useDocument } from '../../state/document/index.js';
import { formatTime } from '../../timeline/geometry.js';
import { useTimeline } from '../../timeline/timeline-store.js';
import { TRACKS } from './layout.js';

const ClipButton = memo(function ClipButton({ id, name }: { id: string; name: string }) {
  const selected = useTimeline((s) => s.selected.has(id));
  return (
    <li>
      <button type="button" aria-pressed={selected} onClick={(e) => useTimeline.getState().select(id, e.shiftKey)}>
        {name}
      </button>
    </li>
  );
});

export function ClipList() {
  const t = useT();
  const tracks = useDocument((s) => s.doc?.tracks);
  const doc = useDocument((s) => s.doc);
  if (!tracks || !doc) return null;
  return (
    <nav className="sr-only-focusable clip-list" aria-label={t('tl.clipList')}>
      {TRACKS.map((track) => (
        <ul key={track} aria-label={t(`tl.track.${track}`)}>
          {[...trackSpans(doc, track)].sort((a, b) => a.start - b.start).map((span, i) => (
            <ClipButton key={span.id} id={span.id} name={t('tl.clipName', { track: t(`tl.track.${track}`), n: i + 1, from: formatTime(span.start), to: formatTime(span.end) })} />
          ))}
        </ul>
      ))}
    </nav>
  );
}
