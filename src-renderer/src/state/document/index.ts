/**
 * THE EDITOR'S DOCUMENT STORE — the open project's ProjectDocument, outside React.
 *
 *   import { documentStore, useDocument, dispatch, edit } from '../state/document/index.js';
 *
 * Reading (components select small slices so unrelated edits do not re-render them):
 *   const scenes = useDocument((s) => s.doc?.scenes);            // React hook (zustand selector)
 *   const dirty  = useDocument((s) => s.dirty);                   // unsaved edits exist
 *   const status = useDocument((s) => s.saveStatus);              // 'saved' | 'pending' | 'saving' | 'error'
 *   documentStore.getState().doc                                  // outside React
 *
 * Opening: documentStore.getState().open(projectId) (reads `project.open`); .close() saves pending edits.
 *   useOpenProjectDocument() keeps the store on the app's current project (call it in an editor panel).
 *
 * Editing: every change is an EditAction (actions.ts) applied by the pure reducer applyAction
 *   (reduce.ts), validated against ProjectDocumentSchema. Invalid edits are refused, nothing changes:
 *     const error = dispatch({ type: 'updateScene', id, patch: { prompt } }, { coalesceKey: `prompt:${id}` });
 *     if (error) showInPlace(error);                               // also in state.editError
 *   coalesceKey: consecutive edits with the same key are one undo step (typing, live drags).
 *   { type: 'batch', actions: [...] } applies several actions as one step, all or nothing.
 *
 * Undo/redo: documentStore.getState().undo() / .redo(); Ctrl/Cmd+Z and Shift+Ctrl/Cmd+Z (and Ctrl+Y)
 *   are bound by bindUndoKeys() (not inside text fields, which keep their own undo).
 *
 * Saving: autosave 800 ms after the last edit through `project.save` (atomic in the core), with the
 *   disk's updatedAt as precondition. saveNow() forces it.
 *
 * Jobs: when a job changes the project (`project.changed` with reason updated-by-job), the store reloads
 *   and three-way merges (merge.ts) the job's result with the user's unsaved edits; the undo history
 *   is carried over. state.mergedNotice changes each time (for a toast). Jobs that write through the
 *   core should not be mirrored with dispatch: the event brings their result.
 */
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { ProjectDocument } from '../../../../src-main/project/document.js';
import { invoke, on } from '../../ipc/client.js';
import type { EditAction, TrackName } from './actions.js';
import { laneIds } from './clips.js';
import { createDocumentStore, type DocumentActions, type DocumentState } from './store.js';

export { edit, EditError, editMessage, messageRefOf, type EditAction, type TrackName } from './actions.js';
export { applyAction, tryApplyAction, documentProblem, MIN_CLIP } from './reduce.js';
export { findClip, clipSpan, trackSpans, laneIds, mediaTrackById, type AnyClip } from './clips.js';
export { laneLabel, laneColor } from './lanes.js';
export { createDocumentStore, sameContent, type DocumentStore, type DocumentState, type DocumentSyncDeps } from './store.js';
export { useOpenProjectDocument, bindUndoKeys, isForDialog } from './bindings.js';
export { localizeEditMessage } from './messages.js';

/** The app's one document store, wired to the core through the contract client. */
export const documentStore = createDocumentStore({
  open: async (id) => (await invoke('project.open', { id })).document as ProjectDocument,
  save: async (id, document, expectedUpdatedAt) => {
    const summary = await invoke('project.save', { id, document, expectedUpdatedAt });
    return { updatedAt: summary.updatedAt };
  },
  onChanged: (handler) => on('project.changed', handler),
});

declare global {
  interface Window {
    /** The document store, for the editor benchmark (scripts/bench/editor.ts) and debugging. */
    whatifDocument?: typeof documentStore;
  }
}
if (typeof window !== 'undefined') window.whatifDocument = documentStore;

export function useDocument<T>(selector: (state: DocumentState & DocumentActions) => T): T {
  return useStore(documentStore, selector);
}

const NO_LANES: TrackName[] = [];
/** The timeline's lanes, top to bottom; the same array while they do not change (clip edits keep it). */
export function useLanes(): TrackName[] {
  return useStore(documentStore, useShallow((s) => (s.doc ? laneIds(s.doc) : NO_LANES)));
}

export function dispatch(action: EditAction, options?: { coalesceKey?: string }): string | null {
  return documentStore.getState().dispatch(action, options);
}
