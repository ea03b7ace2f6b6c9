/**
 * Undo/redo as pure functions over snapshot stacks. Documents are immutable and share structure, so a
 * snapshot costs little. Consecutive edits with the same coalesce key (typing in a field, dragging a
 * Ken Burns frame) are one undo step.
 */
import type { ProjectDocument } from '../../../../src-main/project/document.js';

export const HISTORY_LIMIT = 200;

export interface History {
  past: ProjectDocument[];
  future: ProjectDocument[];
  /** Coalesce key of the last recorded step (null: the next edit starts a new step). */
  lastKey: string | null;
}

export const emptyHistory = (): History => ({ past: [], future: [], lastKey: null });

/** Record that `before` became the current document through one edit. */
export function record(history: History, before: ProjectDocument, coalesceKey: string | null = null): History {
  if (coalesceKey !== null && coalesceKey === history.lastKey && history.past.length > 0) {
    return { past: history.past, future: [], lastKey: coalesceKey };
  }
  const past = [...history.past, before];
  if (past.length > HISTORY_LIMIT) past.splice(0, past.length - HISTORY_LIMIT);
  return { past, future: [], lastKey: coalesceKey };
}

export function undo(history: History, current: ProjectDocument): { history: History; doc: ProjectDocument } | null {
  const doc = history.past.at(-1);
  if (!doc) return null;
  return { doc, history: { past: history.past.slice(0, -1), future: [...history.future, current], lastKey: null } };
}

export function redo(history: History, current: ProjectDocument): { history: History; doc: ProjectDocument } | null {
  const doc = history.future.at(-1);
  if (!doc) return null;
  return { doc, history: { past: [...history.past, current], future: history.future.slice(0, -1), lastKey: null } };
}

/** Rewrite every snapshot (used to carry a job's changes into the undo history). */
export function mapHistory(history: History, change: (doc: ProjectDocument) => ProjectDocument): History {
  return { past: history.past.map(change), future: history.future.map(change), lastKey: null };
}
