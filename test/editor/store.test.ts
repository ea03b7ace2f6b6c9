import { describe, expect, it } from 'vitest';
import type { ProjectDocument } from '../../src-main/project/document.js';
import { merge } from '../../src-renderer/src/state/document/merge.js';
import { applyAction } from '../../src-renderer/src/state/document/reduce.js';
import { createDocumentStore } from '../../src-renderer/src/state/document/store.js';
import { sampleDocument } from './fixture.js';

/** A fake core: one document on "disk" with updatedAt stamps and the conflict precondition. */
function fakeCore(initial: ProjectDocument) {
  let disk = initial;
  let stamp = 0;
  const handlers = new Set<(e: { id: string; reason: string }) => void>();
  const core = {
    saves: 0,
    get disk() {
      return disk;
    },
    offline: false,
    jobWrites(change: (doc: ProjectDocument) => ProjectDocument, notify = true, reason = 'updated-by-job') {
      disk = { ...change(disk), updatedAt: `job-${++stamp}` };
      if (notify) for (const h of handlers) h({ id: disk.id, reason });
    },
    deps: {
      autosaveMs: 5,
      open: async () => structuredClone(disk),
      save: async (_id: string, doc: ProjectDocument, expected: string) => {
        if (core.offline) throw new Error('The app core is not reachable');
        if (expected !== disk.updatedAt) throw Object.assign(new Error('changed on disk'), { code: 'conflict' });
        core.saves++;
        disk = { ...structuredClone(doc), updatedAt: `save-${++stamp}` };
        return { updatedAt: disk.updatedAt };
      },
      onChanged: (h: (e: { id: string; reason: string }) => void) => {
        handlers.add(h);
        return () => handlers.delete(h);
      },
    },
  };
  return core;
}

const settle = async (store: ReturnType<typeof createDocumentStore>) => {
  await new Promise((r) => setTimeout(r, 30));
  await store.getState().saveNow();
};

describe('three-way merge', () => {
  it('keeps the user edit and takes the job result where the user did not touch', () => {
    const base = sampleDocument();
    const mine = applyAction(base, { type: 'moveClips', ids: ['t1'], delta: 1 });
    const theirs = { ...base, scenes: base.scenes.map((s) => (s.id === 's2' ? { ...s, imageAssetId: 'img' } : s)), assets: { ...base.assets, new: { ...base.assets.img!, id: 'new' } } };
    const merged = merge(base, theirs, mine);
    expect(merged.tracks.text[0]!.start).toBe(2);
    expect(merged.scenes[1]!.imageAssetId).toBe('img');
    expect(Object.keys(merged.assets)).toContain('new');
  });

  it('keeps the user order, honours deletions on both sides and appends job additions', () => {
    const base = sampleDocument();
    const mine = applyAction(applyAction(base, { type: 'reorderScenes', ids: ['s2', 's1'] }), { type: 'deleteClips', ids: ['c1'] });
    const theirs = { ...base, scenes: [...base.scenes, { ...base.scenes[0]!, id: 's3' }], tracks: { ...base.tracks, captions: { ...base.tracks.captions, cues: base.tracks.captions.cues.filter((c) => c.id !== 'c2') } } };
    const merged = merge(base, theirs, mine);
    expect(merged.scenes.map((s) => s.id)).toEqual(['s2', 's1', 's3']);
    expect(merged.tracks.captions.cues).toEqual([]);
  });
});

describe('the document store', () => {
  it('undoes and redoes every edit, marks dirty and autosaves through the core', async () => {
    const core = fakeCore(sampleDocument());
    const store = createDocumentStore(core.deps);
    await store.getState().open('p1');
    const s = () => store.getState();
    expect(s().dispatch({ type: 'moveClips', ids: ['t1'], delta: 1 })).toBeNull();
    expect(s().dispatch({ type: 'updateTextClip', id: 't1', patch: { text: 'Bye' } })).toBeNull();
    expect(s().dirty).toBe(true);
    s().undo();
    expect(s().doc!.tracks.text[0]).toMatchObject({ start: 2, text: 'Hello' });
    s().undo();
    expect(s().doc!.tracks.text[0]!.start).toBe(1);
    expect(s().dirty).toBe(false);
    s().redo();
    s().redo();
    expect(s().doc!.tracks.text[0]).toMatchObject({ start: 2, text: 'Bye' });
    await settle(store);
    expect(core.disk.tracks.text[0]).toMatchObject({ start: 2, text: 'Bye' });
    expect(s().dirty).toBe(false);
    expect(s().saveStatus).toBe('saved');
  });

  it('refuses an invalid edit with a message and leaves the document and history alone', async () => {
    const core = fakeCore(sampleDocument());
    const store = createDocumentStore(core.deps);
    await store.getState().open('p1');
    const before = store.getState().doc;
    const message = store.getState().dispatch({ type: 'moveClip', id: 't1', start: 50 });
    expect(message).toMatch(/ends after the project/);
    expect(store.getState().editError).toBe(message);
    expect(store.getState().doc).toBe(before);
    expect(store.getState().canUndo()).toBe(false);
  });

  it('coalesces edits with the same key into one undo step', async () => {
    const store = createDocumentStore(fakeCore(sampleDocument()).deps);
    await store.getState().open('p1');
    for (const text of ['H', 'Ho', 'Hop']) store.getState().dispatch({ type: 'updateTextClip', id: 't1', patch: { text } }, { coalesceKey: 'text:t1' });
    store.getState().undo();
    expect(store.getState().doc!.tracks.text[0]!.text).toBe('Hello');
  });

  it('merges a job result into unsaved edits, and undo does not take the job result back', async () => {
    const core = fakeCore(sampleDocument());
    const store = createDocumentStore({ ...core.deps, autosaveMs: 60_000 });
    await store.getState().open('p1');
    store.getState().dispatch({ type: 'moveClips', ids: ['t1'], delta: 1 });
    core.jobWrites((d) => ({ ...d, scenes: d.scenes.map((s) => (s.id === 's2' ? { ...s, imageAssetId: 'img' } : s)) }));
    await store.getState().refresh();
    const s = () => store.getState();
    expect(s().doc!.tracks.text[0]!.start).toBe(2);
    expect(s().doc!.scenes[1]!.imageAssetId).toBe('img');
    expect(s().mergedNotice).toMatchObject({ count: 1, conflicts: false });
    s().undo();
    expect(s().doc!.tracks.text[0]!.start).toBe(1);
    expect(s().doc!.scenes[1]!.imageAssetId).toBe('img');
    store.getState().close();
  });

  it('never overwrites a job that wrote while the user was editing (save precondition, merge, retry)', async () => {
    const core = fakeCore(sampleDocument());
    const store = createDocumentStore({ ...core.deps, autosaveMs: 60_000 });
    await store.getState().open('p1');
    store.getState().dispatch({ type: 'updateScene', id: 's1', patch: { prompt: 'mine' } });
    core.jobWrites((d) => ({ ...d, scenes: d.scenes.map((s) => (s.id === 's2' ? { ...s, imageAssetId: 'img' } : s)) }), false);
    await store.getState().saveNow();
    expect(core.disk.scenes.map((s) => [s.prompt, s.imageAssetId])).toEqual([['mine', 'img'], ['two', 'img']]);
    expect(store.getState().dirty).toBe(false);
  });

  it('keeps edits when the core is unreachable and saves them once it is back', async () => {
    const core = fakeCore(sampleDocument());
    const store = createDocumentStore({ ...core.deps, autosaveMs: 60_000 });
    await store.getState().open('p1');
    core.offline = true;
    store.getState().dispatch({ type: 'deleteClips', ids: ['t1'] });
    await store.getState().saveNow();
    expect(store.getState()).toMatchObject({ saveStatus: 'error', dirty: true });
    expect(store.getState().saveError).toMatch(/not reachable/);
    core.offline = false;
    await store.getState().saveNow();
    expect(core.disk.tracks.text).toEqual([]);
    expect(store.getState().saveStatus).toBe('saved');
  });
});

describe('narrating again', () => {
  it('is one undo step: undo brings the edited captions back, redo the narration, no other edit re-applied', async () => {
    const core = fakeCore(sampleDocument());
    const store = createDocumentStore(core.deps);
    store.getState().load('p1', core.disk);
    store.getState().dispatch({ type: 'updateCue', id: 'c2', patch: { text: 'the MOON' } });
    expect(store.getState().doc!.tracks.captions.cues[1]).toMatchObject({ text: 'the MOON', edited: true });
    store.getState().dispatch({ type: 'rename', name: 'Renamed' });
    await settle(store);
    const beforeNarration = store.getState().doc!;
    // The narration job replaces the captions (as the core does, keeping the edited one) and says so.
    core.jobWrites((d) => ({ ...d, tracks: { ...d.tracks, captions: { ...d.tracks.captions, cues: [d.tracks.captions.cues[1]!, { id: 'cue-9', start: 5, end: 6, text: 'new' }] } } }), true, 'narrated');
    await settle(store);
    expect(store.getState().doc!.tracks.captions.cues.map((c) => c.text)).toEqual(['the MOON', 'new']);
    store.getState().undo();
    expect(store.getState().doc!.tracks.captions.cues).toEqual(beforeNarration.tracks.captions.cues);
    expect(store.getState().doc!.name).toBe('Renamed');
    store.getState().redo();
    expect(store.getState().doc!.tracks.captions.cues.map((c) => c.text)).toEqual(['the MOON', 'new']);
    expect(store.getState().canRedo()).toBe(false);
    await settle(store);
    expect(core.disk.tracks.captions.cues.map((c) => c.text)).toEqual(['the MOON', 'new']);
    store.getState().close();
  });
});
