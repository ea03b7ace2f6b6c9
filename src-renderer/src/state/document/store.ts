/**
 * The editor's document store (zustand, outside React). See index.ts for the API summary.
 *
 * Sync model: `base` is the document as last read from or written to disk. The user's edits live in
 * `doc`. Autosave writes `doc` (debounced) with the base's updatedAt as a precondition, so a job that
 * wrote in between is never overwritten: the save is refused, the store reloads, three-way merges
 * (merge.ts) and saves again. A `project.changed` event from a job does the same reload and merge; the
 * undo history is carried over too, so undoing never takes back a job's result. The one exception is
 * an animated scene (reason `animated`): putting a clip in place of a still is an edit the user asked
 * for, so it is one undo step and undo puts the still back.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ProjectDocument } from '../../../../src-main/project/document.js';
import { editError, editMessage, type EditAction } from './actions.js';
import { emptyHistory, mapHistory, record, redo, undo, type History } from './history.js';
import { deepEqual, merge } from './merge.js';
import { applyAction, documentProblem } from './reduce.js';

export interface DocumentSyncDeps {
  open(projectId: string): Promise<ProjectDocument>;
  /** Resolves with the updatedAt written; rejects with `{ code: 'conflict' }` when disk moved on. */
  save(projectId: string, doc: ProjectDocument, expectedUpdatedAt: string): Promise<{ updatedAt: string }>;
  onChanged(handler: (event: { id: string; reason: string }) => void): () => void;
  autosaveMs?: number;
}

export type SaveStatus = 'saved' | 'pending' | 'saving' | 'error';

export interface DocumentState {
  projectId: string | null;
  doc: ProjectDocument | null;
  /** The document as on disk (its updatedAt is the save precondition). */
  base: ProjectDocument | null;
  history: History;
  /** Unsaved edits exist. */
  dirty: boolean;
  saveStatus: SaveStatus;
  /** Why the last save failed (the edits are kept and retried). */
  saveError: string | null;
  /** Why the last edit was refused (null after a successful edit). */
  editError: string | null;
  /** Set when a job's change was merged in (for a toast), with a counter so repeats are noticed. */
  mergedNotice: { count: number; conflicts: boolean } | null;
  loading: boolean;
  loadError: string | null;
}

export interface DocumentActions {
  open(projectId: string): Promise<void>;
  /** Take a document already in memory (tests, bench) without reading disk. */
  load(projectId: string, doc: ProjectDocument): void;
  close(): void;
  /** Apply an edit. Returns null on success or the message why it was refused (also in editError). */
  dispatch(action: EditAction, options?: { coalesceKey?: string }): string | null;
  undo(): void;
  redo(): void;
  saveNow(): Promise<void>;
  /** Reload from disk and merge the user's unsaved edits on top (jobs call this through events). */
  refresh(options?: { undoable?: boolean }): Promise<void>;
  canUndo(): boolean;
  canRedo(): boolean;
}

export type DocumentStore = StoreApi<DocumentState & DocumentActions>;

const RETRY_SAVE_MS = 5000;
const conflictCode = (error: unknown) => typeof error === 'object' && error !== null && (error as { code?: string }).code === 'conflict';
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
/** Same content, ignoring updatedAt (the core stamps it on every write). */
export const sameContent = (a: ProjectDocument | null, b: ProjectDocument | null): boolean =>
  a === b || (a !== null && b !== null && deepEqual({ ...a, updatedAt: '' }, { ...b, updatedAt: '' }));

export function createDocumentStore(deps: DocumentSyncDeps): DocumentStore {
  const autosaveMs = deps.autosaveMs ?? 800;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let chain: Promise<unknown> = Promise.resolve();
  let unsubscribe: (() => void) | null = null;
  /** Bumped on open/close so late answers for another project are dropped. */
  let session = 0;

  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = chain.then(task, task);
    chain = run.catch(() => undefined);
    return run;
  };

  const store = createStore<DocumentState & DocumentActions>()((set, get) => {
    const scheduleSave = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        void get().saveNow();
      }, autosaveMs);
    };

    const setDoc = (doc: ProjectDocument, history: History) => {
      const dirty = !sameContent(doc, get().base);
      set({ doc, history, dirty, editError: null, saveStatus: dirty ? 'pending' : get().saveStatus === 'error' ? 'saved' : get().saveStatus });
      if (dirty) scheduleSave();
    };

    /**
     * Merge `theirs` (fresh from disk) into the user's state. `undoable` (a narration or an animation
     * the user asked for): the change is one undo step of its own, the history stays linear (undo takes
     * it back, redo brings it again); otherwise the job's result is carried into the history.
     */
    const mergeFromDisk = (theirs: ProjectDocument, undoable = false) => {
      const { base, doc, history } = get();
      if (!base || !doc) return;
      if (sameContent(theirs, base)) {
        set({ base: theirs });
        return;
      }
      let merged = merge(base, theirs, doc);
      let conflicts = false;
      if (documentProblem(merged) !== null) {
        // The user's edits and the job's result cannot both stand: show the job's version and keep the
        // user's as an undo step (nothing lost).
        conflicts = true;
        merged = theirs;
      }
      const carry = (snapshot: ProjectDocument) => {
        const m = merge(base, theirs, snapshot);
        return documentProblem(m) === null ? m : snapshot;
      };
      const nextHistory = conflicts || undoable ? record(undoable ? history : mapHistory(history, carry), doc) : mapHistory(history, carry);
      const count = (get().mergedNotice?.count ?? 0) + 1;
      set({ base: theirs, mergedNotice: { count, conflicts } });
      setDoc(merged, nextHistory);
    };

    const api: DocumentState & DocumentActions = {
      projectId: null,
      doc: null,
      base: null,
      history: emptyHistory(),
      dirty: false,
      saveStatus: 'saved',
      saveError: null,
      editError: null,
      mergedNotice: null,
      loading: false,
      loadError: null,

      async open(projectId) {
        get().close();
        const mine = ++session;
        set({ projectId, loading: true, loadError: null });
        try {
          const doc = await deps.open(projectId);
          if (mine !== session) return;
          get().load(projectId, doc);
        } catch (error) {
          if (mine === session) set({ loading: false, loadError: messageOf(error) });
        }
      },

      load(projectId, doc) {
        const problem = documentProblem(doc);
        if (problem) throw editError('edit.invalidFile', { problem });
        set({ projectId, doc, base: doc, history: emptyHistory(), dirty: false, saveStatus: 'saved', saveError: null, editError: null, loading: false, loadError: null });
        unsubscribe?.();
        unsubscribe = deps.onChanged((event) => {
          if (event.id !== get().projectId) return;
          if (event.reason === 'updated-by-job' || event.reason === 'renamed') void get().refresh();
          else if (event.reason === 'narrated' || event.reason === 'animated') void get().refresh({ undoable: true });
        });
      },

      close() {
        if (timer) {
          clearTimeout(timer);
          timer = null;
          if (get().dirty) void get().saveNow();
        }
        unsubscribe?.();
        unsubscribe = null;
        session++;
        set({ projectId: null, doc: null, base: null, history: emptyHistory(), dirty: false, saveStatus: 'saved', saveError: null, editError: null, loading: false });
      },

      dispatch(action, options) {
        const { doc, history } = get();
        if (!doc) return editMessage('edit.noProject');
        try {
          const next = applyAction(doc, action);
          if (next === doc) return null;
          setDoc(next, record(history, doc, options?.coalesceKey ?? null));
          return null;
        } catch (error) {
          const message = messageOf(error);
          set({ editError: message });
          return message;
        }
      },

      undo() {
        const { doc, history } = get();
        const step = doc && undo(history, doc);
        if (step) setDoc(step.doc, step.history);
      },

      redo() {
        const { doc, history } = get();
        const step = doc && redo(history, doc);
        if (step) setDoc(step.doc, step.history);
      },

      canUndo: () => get().history.past.length > 0,
      canRedo: () => get().history.future.length > 0,

      saveNow() {
        if (timer) {
          clearTimeout(timer);
          timer = null;
        }
        const mine = session;
        return serial(async () => {
          for (let attempt = 0; attempt < 3; attempt++) {
            const { projectId, doc, base, dirty } = get();
            if (mine !== session || !projectId || !doc || !base || !dirty) return;
            set({ saveStatus: 'saving' });
            try {
              const { updatedAt } = await deps.save(projectId, doc, base.updatedAt);
              if (mine !== session) return;
              const written = { ...doc, updatedAt };
              // Edits made while saving stay dirty; keep the user's doc object as is otherwise.
              const stillDirty = !sameContent(get().doc, written);
              set({ base: written, dirty: stillDirty, saveStatus: stillDirty ? 'pending' : 'saved', saveError: null });
              if (stillDirty) scheduleSave();
              return;
            } catch (error) {
              if (mine !== session) return;
              if (conflictCode(error)) {
                // A job wrote first: merge its result in, then try again.
                const theirs = await deps.open(projectId);
                if (mine !== session) return;
                mergeFromDisk(theirs);
                continue;
              }
              set({ saveStatus: 'error', saveError: messageOf(error) });
              // Keep the edits and try again later (the bridge may come back).
              if (!timer) timer = setTimeout(() => ((timer = null), void get().saveNow()), RETRY_SAVE_MS);
              return;
            }
          }
        });
      },

      refresh(options) {
        const mine = session;
        return serial(async () => {
          const { projectId } = get();
          if (!projectId || mine !== session) return;
          try {
            const theirs = await deps.open(projectId);
            if (mine === session) mergeFromDisk(theirs, options?.undoable ?? false);
          } catch (error) {
            if (mine === session) set({ saveError: messageOf(error) });
          }
        });
      },
    };
    return api;
  });
  return store;
}
