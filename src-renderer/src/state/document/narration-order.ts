/**
 * Reordering scenes moves the pictures but leaves the voice and its captions where they were: the
 * page remembers the scene order the narration was made for and, while the pictures are in another
 * order, shows a note offering to narrate again (panels/storyboard/NarrationOrderNote.tsx). Undoing
 * the reorder brings the order back and the note goes; a finished narration clears it.
 */
import { create } from 'zustand';
import type { ProjectDocument } from '../../../../src-main/project/document.js';

type Doc = Pick<ProjectDocument, 'scenes' | 'tracks'>;

export const sceneOrder = (doc: Pick<ProjectDocument, 'scenes'>): string[] => doc.scenes.map((s) => s.id);

export const hasNarration = (doc: Doc): boolean => doc.tracks.media.some((t) => t.role === 'narration' && t.clips.length > 0);

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((id, i) => id === b[i]);

/**
 * The order the narration follows after a change from `prev` to `next` (same project): kept when
 * already known, else the previous order when this change reordered narrated scenes, else null.
 */
export function nextNarratedOrder(known: readonly string[] | null, prev: Doc | null, next: Doc | null): string[] | null {
  if (!next || !hasNarration(next)) return null;
  if (known) return [...known];
  if (prev && hasNarration(prev) && !same(sceneOrder(prev), sceneOrder(next))) {
    // Only a reorder of the same scenes: adding or removing one is not "out of order".
    const a = [...sceneOrder(prev)].sort();
    const b = [...sceneOrder(next)].sort();
    if (same(a, b)) return sceneOrder(prev);
  }
  return null;
}

/** Whether the narration no longer follows the pictures: narrated in another order than the scenes now have. */
export function narrationOutOfOrder(narratedOrder: readonly string[] | null, doc: Doc | null): boolean {
  return !!doc && !!narratedOrder && hasNarration(doc) && !same(narratedOrder, sceneOrder(doc));
}

interface NarrationOrderState {
  projectId: string | null;
  narratedOrder: string[] | null;
}

export const useNarrationOrder = create<NarrationOrderState>(() => ({ projectId: null, narratedOrder: null }));

/** Follow the document store (a reorder) and the jobs (a narration done); returns the unsubscribe. */
export function watchNarrationOrder(
  documents: { getState(): { projectId: string | null; doc: ProjectDocument | null }; subscribe(listener: (s: { projectId: string | null; doc: ProjectDocument | null }, prev: { projectId: string | null; doc: ProjectDocument | null }) => void): () => void },
  narrationDone: (listener: (projectId: string) => void) => () => void,
): () => void {
  const offDocs = documents.subscribe((s, prev) => {
    if (s.doc === prev.doc && s.projectId === prev.projectId) return;
    const state = useNarrationOrder.getState();
    const sameProject = s.projectId === prev.projectId && state.projectId === s.projectId;
    const known = sameProject ? state.narratedOrder : null;
    const narratedOrder = nextNarratedOrder(known, sameProject ? prev.doc : null, s.doc);
    if (narratedOrder && s.doc && same(narratedOrder, sceneOrder(s.doc))) useNarrationOrder.setState({ projectId: s.projectId, narratedOrder: null });
    else useNarrationOrder.setState({ projectId: s.projectId, narratedOrder });
  });
  const offJobs = narrationDone((projectId) => {
    if (useNarrationOrder.getState().projectId === projectId) useNarrationOrder.setState({ narratedOrder: null });
  });
  return () => {
    offDocs();
    offJobs();
  };
}
