import { describe, expect, it } from 'vitest';
import { defaultTracks, makeClip, type MediaClip, type Scene } from '../../src-main/project/document.js';
import { durationsFromSentences, followNarration, generateAllPlan, layoutSceneClips, planLine, reorderIds, reorderScenes, sceneWarnings, splitByReference } from '../../src-renderer/src/panels/storyboard/scene-layout.js';
import { imageFileProblem } from '../../src-renderer/src/panels/storyboard/image-file.js';

const scene = (id: string, duration: number): Scene => ({ id, prompt: id, negativePrompt: '', model: 'flux-kontext-pro', imageAssetId: `a-${id}`, duration });
const clip = (sceneId: string, start: number, duration: number): MediaClip => makeClip({
  id: `clip-${sceneId}`,
  assetId: `a-${sceneId}`,
  sceneId,
  start,
  duration,
  kenBurns: { from: { zoom: 1, x: 0.5, y: 0.5 }, to: { zoom: 1.1, x: 0.5, y: 0.5 }, easing: 'linear' },
  transitionIn: { kind: 'cut', duration: 0 },
});
const tracks = (images: MediaClip[], cues: { id: string; start: number; end: number; text: string }[] = []) => ({
  media: defaultTracks().map((t) => (t.role === 'main' ? { ...t, clips: images } : t)),
  text: [],
  captions: { enabled: true, highlightWords: false, cues, position: { preset: 'bottom' as const, x: 0.5, y: 0.8 }, style: {} as never },
});

describe('storyboard rules', () => {
  it('the "Generate all" line says there is nothing to generate, instead of waiting for a cap that is never asked', () => {
    const drawn = [scene('a', 2), scene('b', 2)];
    expect(planLine(generateAllPlan(drawn, false), null)).toEqual([{ key: 'storyboard.planNothing', values: { kept: 2 } }]);
    const blank = { ...scene('c', 2), prompt: ' ', imageAssetId: null };
    expect(planLine(generateAllPlan([...drawn, blank], false), null).map((p) => p.key)).toEqual(['storyboard.planNothing', 'storyboard.planNoPrompt']);
    const plan = generateAllPlan(drawn, true);
    expect(planLine(plan, null)).toEqual([{ key: 'storyboard.plan', values: { n: 2, kept: 0, credits: '…', cap: '…' } }]);
    expect(planLine(plan, { totalCredits: 12, cap: 10, withinCap: false })).toEqual([
      { key: 'storyboard.plan', values: { n: 2, kept: 0, credits: 12, cap: 10 } },
      { key: 'storyboard.overCap', values: {} },
    ]);
  });

  it('moves one id to a new place', () => {
    expect(reorderIds(['a', 'b', 'c', 'd'], 'a', 2)).toEqual(['b', 'c', 'a', 'd']);
    expect(reorderIds(['a', 'b', 'c'], 'c', 0)).toEqual(['c', 'a', 'b']);
    expect(reorderIds(['a', 'b'], 'x', 0)).toEqual(['a', 'b']);
  });

  it('lays scene clips back to back in the new scene order', () => {
    const scenes = [scene('b', 2), scene('a', 3)];
    const actions = layoutSceneClips({ scenes, tracks: tracks([clip('a', 0, 3), clip('b', 3, 2)]) });
    expect(actions).toEqual([
      { type: 'moveClip', id: 'clip-b', start: 0 },
      { type: 'trimClip', id: 'clip-b', edge: 'end', time: 2 },
      { type: 'moveClip', id: 'clip-a', start: 2 },
      { type: 'trimClip', id: 'clip-a', edge: 'end', time: 5 },
    ]);
    expect(layoutSceneClips({ scenes: [scene('a', 3), scene('b', 2)], tracks: tracks([clip('a', 0, 3), clip('b', 3, 2)]) })).toEqual([]);
  });

  it('keeps the time of a scene with no picture yet, and none for a scene whose clip the user moved to an overlay', () => {
    const scenes = [scene('a', 3), scene('b', 2), scene('c', 4)];
    // b has no clip anywhere: c starts after b's 2 s.
    expect(layoutSceneClips({ scenes, tracks: tracks([clip('a', 0, 3), clip('c', 5, 4)]) })).toEqual([]);
    // b's clip sits on Overlay 1: the main track stays gapless, c follows a directly.
    const withOverlay = tracks([clip('a', 0, 3), clip('c', 3, 4)]);
    withOverlay.media = withOverlay.media.map((t) => (t.id === 'overlay-1' ? { ...t, clips: [clip('b', 1, 2)] } : t));
    expect(withOverlay.media.filter((t) => t.clips.some((c) => c.sceneId === 'b')).length).toBe(1);
    expect(layoutSceneClips({ scenes, tracks: withOverlay })).toEqual([]);
    expect(layoutSceneClips({ scenes: [scene('c', 4), scene('b', 2), scene('a', 3)], tracks: withOverlay })).toEqual([
      { type: 'moveClip', id: 'clip-c', start: 0 },
      { type: 'trimClip', id: 'clip-c', edge: 'end', time: 4 },
      { type: 'moveClip', id: 'clip-a', start: 4 },
      { type: 'trimClip', id: 'clip-a', edge: 'end', time: 7 },
    ]);
  });

  it('reorders as one batch with the timeline following, or nothing when the order is unchanged', () => {
    const doc = { scenes: [scene('a', 3), scene('b', 2)], tracks: tracks([clip('a', 0, 3), clip('b', 3, 2)]) };
    const action = reorderScenes(doc, 'b', 0);
    expect(action?.type).toBe('batch');
    expect(action && action.type === 'batch' && action.actions[0]).toEqual({ type: 'reorderScenes', ids: ['b', 'a'] });
    expect(reorderScenes(doc, 'a', 0)).toBeNull();
  });

  it('shares sentences out to scenes: each scene runs from its first sentence to the next scene\'s first', () => {
    const cues = [
      { start: 0.2, end: 2 },
      { start: 2.3, end: 4 },
      { start: 4.4, end: 6.5 },
      { start: 6.8, end: 9 },
    ];
    expect(durationsFromSentences(2, cues)).toEqual([4.4, 4.6]);
    expect(durationsFromSentences(4, cues)).toEqual([2.3, 2.1, 2.4, 2.2]);
    // Fewer sentences than scenes: equal parts of the narration.
    expect(durationsFromSentences(3, cues.slice(0, 2))).toEqual([1.33, 1.33, 1.33]);
    expect(durationsFromSentences(3, [])).toBeNull();
  });

  it('follows the narration as one undo step that also moves the clips', () => {
    const doc = { scenes: [scene('a', 3), scene('b', 3)], tracks: tracks([clip('a', 0, 3), clip('b', 3, 3)], [
      { id: 'c1', start: 0, end: 1.9, text: 'One.' },
      { id: 'c2', start: 2, end: 5, text: 'Two.' },
    ]) };
    const action = followNarration(doc);
    expect(action?.type).toBe('batch');
    const actions = action && action.type === 'batch' ? action.actions : [];
    expect(actions.slice(0, 2)).toEqual([
      { type: 'updateScene', id: 'a', patch: { duration: 2 } },
      { type: 'updateScene', id: 'b', patch: { duration: 3 } },
    ]);
    expect(actions).toContainEqual({ type: 'moveClip', id: 'clip-b', start: 2 });
  });

  it('tells a non-image or empty file from an image before sending it', () => {
    expect(imageFileProblem({ name: 'a.png', type: 'image/png', size: 10 })).toBeNull();
    expect(imageFileProblem({ name: 'a.JPG', type: '', size: 10 })).toBeNull();
    expect(imageFileProblem({ name: 'notes.txt', type: 'text/plain', size: 10 })).toBe('notImage');
    expect(imageFileProblem({ name: 'a.gif', type: 'image/gif', size: 10 })).toBe('notImage');
    expect(imageFileProblem({ name: 'a.png', type: 'image/png', size: 0 })).toBe('empty');
  });
});

describe('generate all with a character reference', () => {
  it('holds back scenes whose reference scene is generated in the same batch', () => {
    const scenes = [
      { id: 'a', imageAssetId: null, referenceSceneId: null },
      { id: 'b', imageAssetId: null, referenceSceneId: 'a' },
      { id: 'c', imageAssetId: null, referenceSceneId: 'a' },
      { id: 'd', imageAssetId: null, referenceSceneId: 'x' },
    ];
    expect(splitByReference(scenes, ['a', 'b', 'c', 'd'])).toEqual({ now: ['a', 'd'], later: ['b', 'c'] });
    expect(splitByReference([{ ...scenes[0]!, imageAssetId: 'img' }, scenes[1]!], ['a', 'b'])).toEqual({ now: ['a', 'b'], later: [] });
    // The reference is not in the batch: nothing to wait for (the core explains if it has no image).
    expect(splitByReference(scenes, ['b'])).toEqual({ now: ['b'], later: [] });
  });
});

describe('durations from the narration job', () => {
  it("uses the core's sentence-based scene lengths when they fit the scenes, else the cues", () => {
    const doc = { scenes: [scene('a', 3), scene('b', 3)], tracks: tracks([clip('a', 0, 3), clip('b', 3, 3)], [
      { id: 'c1', start: 0, end: 1.9, text: 'One.' },
      { id: 'c2', start: 2, end: 5, text: 'Two.' },
    ]) };
    const pick = (action: ReturnType<typeof followNarration>) =>
      action && action.type === 'batch' ? action.actions.filter((a) => a.type === 'updateScene').map((a) => (a.type === 'updateScene' ? a.patch.duration : 0)) : [];
    expect(pick(followNarration(doc, [2.5, 4]))).toEqual([2.5, 4]);
    expect(pick(followNarration(doc, [2.5]))).toEqual([2, 3]);
  });
});

describe('scene warnings in the user\'s language', () => {
  const models = [
    { id: 'flux-kontext-pro', label: 'Flux Kontext Pro', negativePrompt: false, reference: true },
    { id: 'flux-2/pro-text-to-image', label: 'Flux 2 Pro', negativePrompt: true, reference: false },
  ];
  it('names the scenes whose negative prompt or reference the model would drop', () => {
    const scenes: Scene[] = [
      { ...scene('a', 3), negativePrompt: '' },
      { ...scene('b', 3), model: 'flux-2/pro-text-to-image', referenceSceneId: 'a' },
      { ...scene('c', 3), model: 'flux-2/pro-text-to-image', negativePrompt: 'blurry' },
    ];
    const style = { style: '', negativePrompt: 'cartoon' } as never;
    expect(sceneWarnings({ scenes, style }, models)).toEqual([
      { scene: 1, kind: 'noNegative', model: 'Flux Kontext Pro' },
      { scene: 2, kind: 'noReference', model: 'Flux 2 Pro' },
    ]);
    expect(sceneWarnings({ scenes, style: { style: '', negativePrompt: '' } as never }, models)).toEqual([{ scene: 2, kind: 'noReference', model: 'Flux 2 Pro' }]);
  });
  it('says when a model without the project aspect makes the nearest one and the picture is framed', () => {
    const gpt = [{ id: 'gpt-4o-image', label: '4o Image', negativePrompt: false, reference: true, framed: { '9:16': '2:3', '16:9': '3:2' } }];
    const scenes: Scene[] = [{ ...scene('a', 3), model: 'gpt-4o-image' }];
    const style = { style: '', negativePrompt: '' } as never;
    expect(sceneWarnings({ scenes, style, output: { preset: '9:16' } }, gpt)).toEqual([{ scene: 1, kind: 'framed', model: '4o Image', madeAt: '2:3' }]);
    expect(sceneWarnings({ scenes, style, output: { preset: '1:1' } }, gpt)).toEqual([]);
  });
});

describe('generate all', () => {
  it('skips scenes that already have a picture unless asked, and says how many it keeps', async () => {
    const { generateAllPlan, releaseWaiting } = await import('../../src-renderer/src/panels/storyboard/scene-layout.js');
    const scenes = [
      { id: 'a', prompt: 'one', imageAssetId: 'mine', referenceSceneId: null },
      { id: 'b', prompt: 'two', imageAssetId: null, referenceSceneId: 'a' },
      { id: 'c', prompt: ' ', imageAssetId: null, referenceSceneId: null },
      { id: 'd', prompt: 'four', imageAssetId: null, referenceSceneId: 'b' },
    ];
    expect(generateAllPlan(scenes, false)).toEqual({ generate: ['b', 'd'], kept: 1, noPrompt: 1 });
    expect(generateAllPlan(scenes, true)).toEqual({ generate: ['a', 'b', 'd'], kept: 0, noPrompt: 1 });
    // Scene d waits for b; b's job failed: d stops waiting.
    expect(releaseWaiting(['d'], scenes, new Set(['b']))).toEqual(['d']);
    expect(releaseWaiting(['d'], scenes, new Set(['a']))).toEqual([]);
  });
});
