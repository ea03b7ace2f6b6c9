import { describe, expect, it } from 'vitest';
import { captionsPastEnd, mainClips } from '../../src-main/project/document.js';
import { applyAction } from '../../src-renderer/src/state/document/reduce.js';
import { dropIndex, pictureTimeMap, previewStarts } from '../../src-renderer/src/state/document/ripple.js';
import { layoutSceneClips, setSceneDuration } from '../../src-renderer/src/panels/storyboard/scene-layout.js';
import { sampleDocument } from './fixture.js';
import { clip, imagesOf, musicOf, setClips } from '../helpers/tracks.js';

const order = (doc: ReturnType<typeof sampleDocument>) => mainClips(doc).map((c) => [c.id, c.start, c.duration]);

/** Four scenes, one 4 s clip each on the main track, tied to their scenes. */
function scenesDocument() {
  const doc = sampleDocument(4);
  doc.scenes = [1, 2, 3, 4].map((n) => ({ id: `s${n}`, prompt: `p${n}`, negativePrompt: '', model: 'flux', imageAssetId: 'img', duration: 4 }));
  imagesOf(doc).forEach((c, i) => (c.sceneId = `s${i + 1}`));
  return doc;
}

describe('the magnetic main track', () => {
  it('reorders a clip: the others make room, the scenes follow, nothing overlaps', () => {
    const doc = scenesDocument();
    // Scene 2 dragged after scene 4: index 3 of the three others.
    const next = applyAction(doc, { type: 'reorderClip', id: 'i2', index: 3 });
    expect(order(next)).toEqual([['i1', 0, 4], ['i3', 4, 4], ['i4', 8, 4], ['i2', 12, 4]]);
    expect(next.scenes.map((s) => s.id)).toEqual(['s1', 's3', 's4', 's2']);
    // Storyboard layout agrees with the new order (no edit left to make).
    expect(layoutSceneClips(next)).toEqual([]);
    // Reordering to where it already is changes nothing (no empty undo step).
    expect(applyAction(next, { type: 'reorderClip', id: 'i2', index: 3 })).toBe(next);
  });

  it('finds the drop index from the dragged clip\'s middle and previews the others making room', () => {
    const clips = imagesOf(scenesDocument());
    expect(dropIndex(clips, 'i2', 14.5)).toBe(3); // past the middle of i4 (14)
    expect(dropIndex(clips, 'i2', 13)).toBe(2);
    expect(dropIndex(clips, 'i2', 1)).toBe(0);
    expect(dropIndex(clips, null, 5)).toBe(1);
    expect([...previewStarts(clips, 'i1', 2)]).toEqual([['i2', 0], ['i3', 4], ['i4', 12]]);
  });

  it('text rides with the picture it sits on when scenes are reordered', () => {
    const doc = scenesDocument();
    doc.tracks.text[0] = { ...doc.tracks.text[0]!, start: 5, duration: 2 }; // on scene 2
    const next = applyAction(doc, { type: 'reorderClip', id: 'i2', index: 3 });
    expect(next.tracks.text[0]).toMatchObject({ start: 13, duration: 2 });
  });

  it('ripple delete closes the gap on every lane it touches; lift leaves it', () => {
    const doc = sampleDocument();
    const rippled = applyAction(doc, { type: 'rippleDelete', ids: ['i2'] });
    expect(order(rippled)).toEqual([['i1', 0, 4], ['i3', 4, 4]]);
    const lifted = applyAction(doc, { type: 'deleteClips', ids: ['i2'] });
    expect(order(lifted)).toEqual([['i1', 0, 4], ['i3', 8, 4]]);
    // A caption rippled out of its lane moves the later ones left by its length.
    const cue = applyAction(doc, { type: 'rippleDelete', ids: ['c1'] });
    expect(cue.tracks.captions.cues[0]).toMatchObject({ id: 'c2', start: 0.5, end: 2 });
  });

  it('a ripple-deleted split half leaves no gap; the text on the last clip moves back with it', () => {
    const doc = sampleDocument();
    doc.tracks.text[0] = { ...doc.tracks.text[0]!, start: 10, duration: 2 }; // on i3, to the end
    const split = applyAction(doc, { type: 'splitClip', id: 'i2', at: 6, newId: 'i2b' });
    const next = applyAction(split, { type: 'rippleDelete', ids: ['i2b'] });
    expect(order(next)).toEqual([['i1', 0, 4], ['i2', 4, 2], ['i3', 6, 4]]);
    expect(next.tracks.text[0]).toMatchObject({ start: 8, duration: 2 });
  });

  it('moves a clip between compatible tracks, inserting on the main track; refuses a picture on a sound track', () => {
    const doc = sampleDocument();
    const over = applyAction(doc, { type: 'moveClipToTrack', id: 'i2', trackId: 'overlay-1', start: 1 });
    expect(order(over)).toEqual([['i1', 0, 4], ['i3', 4, 4]]);
    expect(over.tracks.media.find((t) => t.id === 'overlay-1')!.clips.map((c) => [c.id, c.start])).toEqual([['i2', 1]]);
    // Back onto the main track between i1 and i3: inserted, i3 makes room.
    const back = applyAction(over, { type: 'moveClipToTrack', id: 'i2', trackId: 'main', start: 3 });
    expect(order(back)).toEqual([['i1', 0, 4], ['i2', 4, 4], ['i3', 8, 4]]);
    expect(() => applyAction(doc, { type: 'moveClipToTrack', id: 'i2', trackId: 'music', start: 0 })).toThrow(/picture track|sound track/);
    expect(() => applyAction(doc, { type: 'moveClipToTrack', id: 'm1', trackId: 'main', start: 0 })).toThrow(/Only pictures and videos/);
    const effects = applyAction(doc, { type: 'moveClipToTrack', id: 'm1', trackId: 'effects', start: 2 });
    expect(musicOf(effects)).toEqual([]);
    expect(effects.tracks.media.find((t) => t.id === 'effects')!.clips[0]).toMatchObject({ id: 'm1', start: 2 });
  });
});

describe('scenes stay editable with narration', () => {
  it('shortening a narrated scene never refuses: captions after the end are kept and counted, text is kept inside', () => {
    const doc = scenesDocument();
    doc.tracks.captions.cues.push({ id: 'c3', start: 15, end: 15.8, text: 'the end' });
    doc.tracks.text[0] = { ...doc.tracks.text[0]!, start: 13, duration: 2.5 }; // on scene 4
    const next = applyAction(doc, setSceneDuration(doc, 's4', 1));
    expect(order(next).at(-1)).toEqual(['i4', 12, 1]);
    expect(next.tracks.captions.cues.map((c) => c.id)).toEqual(['c1', 'c2', 'c3']);
    expect(captionsPastEnd(next)).toBe(1);
    expect(next.tracks.text[0]!.start + next.tracks.text[0]!.duration).toBeLessThanOrEqual(13 + 1e-9);
    // Typing the length back brings everything back in.
    const again = applyAction(next, setSceneDuration(next, 's4', 4));
    expect(captionsPastEnd(again)).toBe(0);
  });

  it('lengthening scene 2 moves the later scenes and the text on them', () => {
    const doc = scenesDocument();
    doc.tracks.text[0] = { ...doc.tracks.text[0]!, start: 9, duration: 2 }; // on scene 3
    const next = applyAction(doc, setSceneDuration(doc, 's2', 6));
    expect(order(next)).toEqual([['i1', 0, 4], ['i2', 4, 6], ['i3', 10, 4], ['i4', 14, 4]]);
    expect(next.tracks.text[0]).toMatchObject({ start: 11 });
  });

  it('maps times from the old picture to the new', () => {
    const before = [clip({ id: 'a', assetId: 'x', start: 0, duration: 4 }), clip({ id: 'b', assetId: 'x', start: 4, duration: 4 })];
    const after = [clip({ id: 'b', assetId: 'x', start: 0, duration: 2 }), clip({ id: 'a', assetId: 'x', start: 2, duration: 4 })];
    const map = pictureTimeMap(before, after);
    expect(map(1)).toBe(3);
    expect(map(5)).toBe(1);
    expect(map(7.5)).toBe(2); // past b's new end: clamped to it
    const doc = sampleDocument();
    setClips(doc, 'main', []);
    expect(captionsPastEnd(doc)).toBe(0);
  });
});
