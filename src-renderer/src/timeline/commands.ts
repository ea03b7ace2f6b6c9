/**
 * Timeline commands shared by the toolbar, the keyboard and the bench: they read the timeline UI
 * state, dispatch document actions, and put a refused edit's message where the user looks.
 */
import { mainTrack, plannedDuration, projectDuration } from '../../../src-main/project/document.js';
import { clipSpan, documentStore, edit, editMessage, findClip, laneIds, trackSpans } from '../state/document/index.js';
import { clipFromTemplate, NEW_TEXT, type TextTemplate } from './text-templates.js';
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
  if (ids.length === 0) ids = trackSpans(doc, mainTrack(doc).id).filter((s) => s.start < playhead && s.end > playhead).map((s) => s.id);
  if (ids.length === 0) return report(editMessage('edit.splitOver'));
  return report(documentStore.getState().dispatch(edit.batch(ids.map((id) => edit.splitClip(id, playhead, newId('clip'))), 'split')));
}

/**
 * Delete the selected clips: a ripple delete (the gaps close) unless `lift` (Shift+Delete, or the
 * ripple toggle off), which leaves their places empty.
 */
export function deleteSelected(lift = !useTimeline.getState().ripple): boolean {
  const { selected } = useTimeline.getState();
  if (selected.size === 0) return report(editMessage('edit.selectFirst'));
  const ids = [...selected];
  const ok = report(documentStore.getState().dispatch(lift ? edit.deleteClips(ids) : edit.rippleDelete(ids)));
  if (ok) useTimeline.getState().select(null);
  return ok;
}

/** Select every clip on the timeline (Ctrl+A). */
export function selectAll(): void {
  useTimeline.getState().setSelection(allClipIdsInOrder());
}

export function nudgeSelected(delta: number): boolean {
  const { selected } = useTimeline.getState();
  if (selected.size === 0) return false;
  return report(documentStore.getState().dispatch(edit.nudge([...selected], delta), { coalesceKey: `nudge:${[...selected].join(',')}` }));
}

/**
 * Add a text overlay (plain, or from a template) at the playhead, visible from that very moment (no
 * fade in), and select it.
 */
export function addTextAtPlayhead(text: string, template: TextTemplate = NEW_TEXT): boolean {
  const { doc } = documentStore.getState();
  if (!doc) return false;
  const clip = clipFromTemplate(template, { id: newId('text'), text, playhead: useTimeline.getState().playhead, length: projectDuration(doc), height: doc.output.height });
  if (!clip) return report(editMessage('edit.imageFirst'));
  const ok = report(documentStore.getState().dispatch({ type: 'addTextClip', clip }));
  if (ok) {
    useTimeline.getState().select(clip.id);
    if (template.at === 'end') useTimeline.getState().setPlayhead(clip.start);
  }
  return ok;
}

/** Add a caption at the playhead: 2 s, or up to the next caption or the end; selected. */
export function addCaptionAtPlayhead(text: string): boolean {
  const { doc } = documentStore.getState();
  if (!doc) return false;
  const length = plannedDuration(doc);
  if (length < 0.2) return report(editMessage('edit.captionsNeedPictures'));
  const at = Math.round(useTimeline.getState().playhead * 1000) / 1000;
  const cues = doc.tracks.captions.cues;
  const next = cues.filter((c) => c.start > at + 1e-6).reduce((m, c) => Math.min(m, c.start), length);
  const inside = cues.some((c) => c.start <= at + 1e-6 && c.end > at + 1e-6);
  const end = Math.round(Math.min(at + 2, next) * 1000) / 1000;
  if (inside || end - at < 0.2) return report(editMessage('edit.noRoomForCaption'));
  const cue = { id: newId('cue'), start: at, end, text };
  const ok = report(documentStore.getState().dispatch({ type: 'addCue', cue }));
  if (ok) useTimeline.getState().select(cue.id);
  return ok;
}

/** Merge the selected captions (two or more) into one. */
export function mergeSelectedCues(ids: string[] = [...useTimeline.getState().selected]): boolean {
  const first = [...ids].sort((a, b) => startOf(a) - startOf(b))[0] ?? null;
  const ok = report(documentStore.getState().dispatch({ type: 'mergeCues', ids }));
  if (ok) useTimeline.getState().select(first);
  return ok;
}

function startOf(id: string): number {
  const doc = documentStore.getState().doc;
  const found = doc ? findClip(doc, id) : null;
  return found ? clipSpan(found).start : 0;
}

/** Every clip id in timeline order (for select-all). */
export function allClipIdsInOrder(): string[] {
  const { doc } = documentStore.getState();
  if (!doc) return [];
  return laneIds(doc).flatMap((track) => trackSpans(doc, track).map((s) => s.id));
}
