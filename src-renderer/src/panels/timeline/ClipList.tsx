/**
 * The clips as a list of buttons beside the canvas timeline: what screen readers and keyboard users
 * (and tests, by role and name) use to select a clip; the canvas shows the same selection.
 */
import { memo } from 'react';
import { useT } from '../../i18n/use-t.js';
import { laneLabel, useDocument, useLanes } from '../../state/document/index.js';
import { useTimeline } from '../../timeline/timeline-store.js';
import { clipName, laneClips } from './describe.js';

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
  const lanes = useLanes();
  if (!tracks || !doc) return null;
  return (
    <nav className="sr-only-focusable clip-list" aria-label={t('tl.clipList')}>
      {lanes.map((track) => (
        <ul key={track} aria-label={laneLabel(doc, track, t)}>
          {laneClips(doc, track).map((clip, i) => (
            <ClipButton key={clip.id} id={clip.id} name={clipName(t, laneLabel(doc, track, t), i + 1, clip)} />
          ))}
        </ul>
      ))}
    </nav>
  );
}
