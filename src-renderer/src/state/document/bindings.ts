/**
 * React/DOM glue for the document store: follow the app's current project, and the undo keys.
 */
import { useEffect } from 'react';
import { useAppStore } from '../app-store.js';
import type { DocumentStore } from './store.js';

/** Keeps `store` on the app's current project (opens it, closes the previous one). */
export function useOpenProjectDocument(store: DocumentStore): void {
  const projectId = useAppStore((s) => s.currentProjectId);
  useEffect(() => {
    const state = store.getState();
    if (!projectId) {
      if (state.projectId) state.close();
      return;
    }
    if (state.projectId !== projectId) void state.open(projectId);
  }, [projectId, store]);
}

const isTextField = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/**
 * True while a key press belongs to a dialog (the press is inside one, or a modal one is open): the
 * editor's shortcuts must not act on the document behind it.
 */
export function isForDialog(event: KeyboardEvent): boolean {
  const target = event.target;
  if (typeof Element !== 'undefined' && target instanceof Element && target.closest('dialog, [role="dialog"], [role="alertdialog"]')) return true;
  return typeof document !== 'undefined' && document.querySelector('dialog:modal') !== null;
}

/** Ctrl/Cmd+Z undo, Shift+Ctrl/Cmd+Z and Ctrl+Y redo (text fields keep their own). Returns the unbind. */
export function bindUndoKeys(store: DocumentStore, target: Window = window): () => void {
  const onKey = (event: KeyboardEvent) => {
    if (!(event.ctrlKey || event.metaKey) || event.altKey || isTextField(event.target) || isForDialog(event)) return;
    const key = event.key.toLowerCase();
    if (key === 'z' && !event.shiftKey) store.getState().undo();
    else if ((key === 'z' && event.shiftKey) || key === 'y') store.getState().redo();
    else return;
    event.preventDefault();
  };
  target.addEventListener('keydown', onKey);
  return () => target.removeEventListener('keydown', onKey);
}
