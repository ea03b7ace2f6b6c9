/** Adding tracks from the toolbar: a new overlay track goes on top of the others. */
import { dispatch, documentStore } from '../../state/document/index.js';
import { useTimeline } from '../../timeline/timeline-store.js';

export function addOverlayTrack(): void {
  const doc = documentStore.getState().doc;
  if (!doc) return;
  const taken = new Set(doc.tracks.media.map((t) => t.id));
  let n = doc.tracks.media.filter((t) => t.role === 'overlay').length + 1;
  while (taken.has(`overlay-${n}`)) n++;
  useTimeline.getState().setNotice(dispatch({ type: 'addTrack', track: { id: `overlay-${n}`, kind: 'video', role: 'overlay', muted: false, clips: [] } }));
}
