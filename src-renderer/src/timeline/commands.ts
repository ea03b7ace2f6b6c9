/**
 * Timeline commands shared by the toolbar, the keyboard and the bench: they read the timeline UI
 * state, dispatch document actions, and put a refused edit's message where the user looks.
 */
import { DEFAULT_TEXT_STYLE, projectDuration, type TextClip } from '../../../src-main/project/document.js';
import { clipSpan, documentStore, edit, findClip, TRACK_ORDER, trackSpans } from '../state/document/index.js';
import { useTimeline } from './timeline-store.js';

export const newId = (prefix: string) => `${prefix}-${globalThis.crypto?.randomUUID?.().slice(0, 8) ?? Math.random().toString(36).slice(2, 10)}`;

function report(error: string | null): boolean {
  useTimeline.getState().setNotice(error);
  return error === null;
}

/** Split the selected clips (or the image under the playhead) at the playhead. */
export function splitAtPlayhead(): boolean {
  const { doc } = documentStore.getState();
  const { playhead, selected } = useTimeline.getState();
  if (!doc) return false;
  let ids = [...selected].filter((id) => {
    const found = findClip(doc, id);
    if (!found) return false;
    const span = clipSpan(found);
    return span.start < playhead && span.end > playhead;
  });
  if (ids.length === 0) ids = trackSpans(doc, 'images').filter((s) => s.start < playhead && s.end > playhead).map((s) => s.id);
  if (ids.length === 0) return report('Put the playhead over a clip to split it.');
  return report(documentStore.getState().dispatch(edit.batch(ids.map((id) => edit.splitClip(id, playhead, newId('clip'))), 'split')));
}

export function deleteSelected(): boolean {
  const { selected } = useTimeline.getState();
  if (selected.size === 0) return report('Select a clip first (click it; Shift+click adds more).');
  const ok = report(documentStore.getState().dispatch(edit.deleteClips([...selected])));
  if (ok) useTimeline.getState().select(null);
  return ok;
}

export function nudgeSelected(delta: number): boolean {
  const { selected } = useTimeline.getState();
  if (selected.size === 0) return false;
  return report(documentStore.getState().dispatch(edit.nudge([...selected], delta), { coalesceKey: `nudge:${[...selected].join(',')}` }));
}

/** Add a text overlay at the playhead (3 s or what is left of the project) and select it. */
export function addTextAtPlayhead(text: string): boolean {
  const { doc } = documentStore.getState();
  if (!doc) return false;
  const length = projectDuration(doc);
  if (length < 0.2) return report('Add an image clip first: text overlays sit on top of the pictures.');
  const start = Math.min(useTimeline.getState().playhead, Math.max(0, length - 0.5));
  const clip: TextClip = {
    id: newId('text'),
    text,
    start,
    duration: Math.min(3, length - start),
    style: DEFAULT_TEXT_STYLE,
    position: { preset: 'center', x: 0.5, y: 0.5 },
    align: 'center',
    maxWidth: 0.8,
    fadeIn: 0.2,
    fadeOut: 0.2,
  };
  const ok = report(documentStore.getState().dispatch({ type: 'addTextClip', clip }));
  if (ok) useTimeline.getState().select(clip.id);
  return ok;
}

/** Every clip id in timeline order (for select-all). */
export function allClipIdsInOrder(): string[] {
  const { doc } = documentStore.getState();
  if (!doc) return [];
  return TRACK_ORDER.flatMap((track) => trackSpans(doc, track).map((s) => s.id));
}
