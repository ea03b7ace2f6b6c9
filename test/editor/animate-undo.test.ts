/** An animated scene arrives from a job as one undoable step: undo puts the still back, redo the clip. */
import { describe, expect, it } from 'vitest';
import { placeSceneVideo } from '../../src-main/animation/place-video.js';
import type { Asset, ProjectDocument } from '../../src-main/project/document.js';
import { createDocumentStore } from '../../src-renderer/src/state/document/store.js';
import { sampleDocument } from './fixture.js';

const video: Asset = { id: 'vid', kind: 'video', file: 'assets/vid.mp4', mime: 'video/mp4', bytes: 10, width: 288, height: 512, duration: 5, fps: 24, hasAudio: false, source: 'kie' };

function fakeCore(initial: ProjectDocument) {
  let disk = initial;
  let stamp = 0;
  const handlers = new Set<(e: { id: string; reason: string }) => void>();
  return {
    get disk() {
      return disk;
    },
    jobWrites(change: (doc: ProjectDocument) => ProjectDocument, reason: string) {
      disk = { ...change(disk), updatedAt: `job-${++stamp}` };
      for (const h of handlers) h({ id: disk.id, reason });
    },
    deps: {
      autosaveMs: 5,
      open: async () => structuredClone(disk),
      save: async (_id: string, doc: ProjectDocument, expected: string) => {
        if (expected !== disk.updatedAt) throw Object.assign(new Error('changed on disk'), { code: 'conflict' });
        disk = { ...structuredClone(doc), updatedAt: `save-${++stamp}` };
        return { updatedAt: disk.updatedAt };
      },
      onChanged: (h: (e: { id: string; reason: string }) => void) => {
        handlers.add(h);
        return () => handlers.delete(h);
      },
    },
  };
}

const mainOf = (doc: ProjectDocument) => doc.tracks.media.find((t) => t.role === 'main')!.clips;
const wait = () => new Promise((r) => setTimeout(r, 40));

describe('animated scene and undo', () => {
  it('one undo puts the still back (and saves it), redo brings the clip back; the still stays in the library', async () => {
    const doc = sampleDocument();
    mainOf(doc)[0]!.sceneId = 's1';
    const core = fakeCore(doc);
    const store = createDocumentStore(core.deps);
    store.getState().load('p1', structuredClone(doc));
    // A user edit first, so the animation is not the only step.
    store.getState().dispatch({ type: 'moveClips', ids: ['t1'], delta: 0.5 });
    await wait();
    await store.getState().saveNow();

    core.jobWrites((d) => placeSceneVideo(d, 's1', video, 5), 'animated');
    await wait();
    await store.getState().refresh(); // lets the event's refresh finish (serial)
    expect(mainOf(store.getState().doc!)[0]).toMatchObject({ assetId: 'vid', duration: 5 });

    store.getState().undo();
    const undone = store.getState().doc!;
    expect(mainOf(undone)[0]).toMatchObject({ assetId: 'img', duration: 4 });
    expect(undone.tracks.text[0]!.start).toBe(1.5); // the user's edit is not undone with it
    expect(undone.assets.img?.kind).toBe('image');
    await wait();
    await store.getState().saveNow();
    expect(mainOf(core.disk)[0]!.assetId).toBe('img');

    store.getState().redo();
    expect(mainOf(store.getState().doc!)[0]!.assetId).toBe('vid');
  });

  it('other job results are still merged into the history (undo never takes back a generated image)', async () => {
    const doc = sampleDocument();
    const core = fakeCore(doc);
    const store = createDocumentStore(core.deps);
    store.getState().load('p1', structuredClone(doc));
    store.getState().dispatch({ type: 'moveClips', ids: ['t1'], delta: 0.5 });
    await wait();
    await store.getState().saveNow();
    core.jobWrites((d) => ({ ...d, scenes: d.scenes.map((s) => (s.id === 's2' ? { ...s, imageAssetId: 'img' } : s)) }), 'updated-by-job');
    await wait();
    await store.getState().refresh();
    store.getState().undo();
    expect(store.getState().doc!.scenes[1]!.imageAssetId).toBe('img');
  });
});
