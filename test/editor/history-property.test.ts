/**
 * A property of the editor's store over random edit sequences (a seeded generator, so a failure
 * repeats): every applied edit is one undo step, undo all returns the first document, redo all the
 * last, and a refused edit changes nothing.
 */
import { describe, expect, it } from 'vitest';
import type { ProjectDocument } from '../../src-main/project/document.js';
import { mainClips } from '../../src-main/project/document.js';
import type { EditAction } from '../../src-renderer/src/state/document/actions.js';
import { allClipIds } from '../../src-renderer/src/state/document/clips.js';
import { createDocumentStore } from '../../src-renderer/src/state/document/store.js';
import { setSceneDuration } from '../../src-renderer/src/panels/storyboard/scene-layout.js';
import { sampleDocument } from './fixture.js';

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function randomEdit(doc: ProjectDocument, r: () => number, n: number): EditAction {
  const ids = [...allClipIds(doc)];
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const id = ids.length ? pick(ids) : 'none';
  const main = mainClips(doc);
  const t = Math.round(r() * 140) / 10;
  switch (Math.floor(r() * 10)) {
    case 0: return { type: 'moveClip', id, start: t };
    case 1: return { type: 'trimClip', id, edge: r() < 0.5 ? 'start' : 'end', time: t };
    case 2: return { type: 'splitClip', id, at: t, newId: `n${n}` };
    case 3: return { type: 'rippleDelete', ids: [id] };
    case 4: return { type: 'deleteClips', ids: [id] };
    case 5: return main.length ? { type: 'reorderClip', id: pick(main).id, index: Math.floor(r() * main.length) } : { type: 'rename', name: `R${n}` };
    case 6: return { type: 'moveClipToTrack', id, trackId: pick(doc.tracks.media).id, start: t };
    case 7: return doc.scenes.length ? setSceneDuration(doc, pick(doc.scenes).id, 0.5 + Math.round(r() * 60) / 10) : { type: 'rename', name: `S${n}` };
    case 8: return { type: 'moveClips', ids: ids.slice(0, 2), delta: Math.round((r() - 0.5) * 20) / 10 };
    default: return { type: 'rename', name: `Name ${n}` };
  }
}

describe('undo and redo over random edit sequences', () => {
  for (const seed of [1, 7, 42, 2026, 99991]) {
    it(`seed ${seed}: undo all gives the first document, redo all the last`, () => {
      const store = createDocumentStore({ open: async () => sampleDocument(), save: async () => ({ updatedAt: 'x' }), onChanged: () => () => {}, autosaveMs: 1e9 });
      const first = sampleDocument();
      first.scenes.forEach((s, i) => (first.tracks.media[0]!.clips[i]!.sceneId = s.id));
      store.getState().load('p1', first);
      const r = rng(seed);
      const applied: ProjectDocument[] = [first];
      for (let n = 0; n < 120; n++) {
        const before = store.getState().doc!;
        const error = store.getState().dispatch(randomEdit(before, r, n));
        const after = store.getState().doc!;
        if (error) expect(after).toBe(before);
        else if (after !== before) applied.push(after);
      }
      expect(applied.length).toBeGreaterThan(20);
      expect(store.getState().history.past.length).toBe(applied.length - 1);
      // Undo all, checking every step lands on the document before it.
      for (let i = applied.length - 2; i >= 0; i--) {
        store.getState().undo();
        expect(store.getState().doc).toBe(applied[i]);
      }
      expect(store.getState().canUndo()).toBe(false);
      for (let i = 1; i < applied.length; i++) {
        store.getState().redo();
        expect(store.getState().doc).toBe(applied[i]);
      }
      expect(store.getState().canRedo()).toBe(false);
      store.getState().close();
    });
  }
});
