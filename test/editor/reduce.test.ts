import { describe, expect, it } from 'vitest';
import { ProjectDocumentSchema } from '../../src-main/project/document.js';
import { applyAction, tryApplyAction } from '../../src-renderer/src/state/document/reduce.js';
import { EditError } from '../../src-renderer/src/state/document/actions.js';
import { findClip } from '../../src-renderer/src/state/document/clips.js';
import { sampleDocument } from './fixture.js';
import { imagesOf, musicOf } from '../helpers/tracks.js';

describe('applyAction', () => {
  it('moves clips by a delta across tracks and keeps the input unchanged', () => {
    const doc = sampleDocument();
    const next = applyAction(doc, { type: 'moveClips', ids: ['t1', 'c2', 'm1'], delta: 0.5 });
    expect(next.tracks.text[0]!.start).toBe(1.5);
    expect(next.tracks.captions.cues[1]).toMatchObject({ start: 3, end: 4.5 });
    expect(musicOf(next)[0]).toMatchObject({ start: 0.5, sourceIn: 0 });
    expect(doc.tracks.text[0]!.start).toBe(1);
    expect(ProjectDocumentSchema.safeParse(next).success).toBe(true);
  });

  it('shifts word timings with a moved caption', () => {
    const next = applyAction(sampleDocument(), { type: 'moveClips', ids: ['c1'], delta: 0.25 });
    expect(next.tracks.captions.cues[0]!.words!.map((w) => w.start)).toEqual([0.25, 1.25]);
  });

  it('refuses a move that overlaps image clips or starts before zero, with a message', () => {
    const doc = sampleDocument();
    expect(() => applyAction(doc, { type: 'moveClip', id: 'i1', start: 2 })).toThrow(/overlaps/);
    expect(() => applyAction(doc, { type: 'moveClips', ids: ['t1'], delta: -5 })).toThrow(/before 0:00/);
    const result = tryApplyAction(doc, { type: 'moveClip', id: 't1', start: 11 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/ends after the project/);
  });

  it('allows dragging the last image clip later (the project grows) but not a text clip past the end', () => {
    const doc = sampleDocument();
    const next = applyAction(doc, { type: 'moveClip', id: 'i3', start: 20 });
    expect(imagesOf(next)[2]!.start).toBe(20);
    expect(() => applyAction(doc, { type: 'moveClip', id: 't1', start: 20 })).toThrow(EditError);
  });

  it('trims edges; audio keeps its content in place (sourceIn follows)', () => {
    const doc = sampleDocument();
    const a = applyAction(doc, { type: 'trimClip', id: 'm1', edge: 'start', time: 2 });
    expect(musicOf(a)[0]).toMatchObject({ start: 2, duration: 10, sourceIn: 2 });
    const b = applyAction(doc, { type: 'trimClip', id: 'i3', edge: 'end', time: 9 });
    expect(imagesOf(b)[2]).toMatchObject({ start: 8, duration: 1 });
    expect(() => applyAction(doc, { type: 'trimClip', id: 'i1', edge: 'end', time: 0.02 })).toThrow(/at least/);
    expect(() => applyAction(doc, { type: 'trimClip', id: 'i2', edge: 'end', time: 9 })).toThrow(/overlaps/);
  });

  it('splits at the playhead into two valid clips with a new id', () => {
    const doc = sampleDocument();
    const next = applyAction(doc, { type: 'splitClip', id: 'i2', at: 5.5, newId: 'i2b' });
    expect(findClip(next, 'i2')!.clip).toMatchObject({ start: 4, duration: 1.5 });
    expect(findClip(next, 'i2b')!.clip).toMatchObject({ start: 5.5, duration: 2.5 });
    const cue = applyAction(doc, { type: 'splitClip', id: 'c1', at: 1, newId: 'c1b' });
    expect(findClip(cue, 'c1b')!.clip).toMatchObject({ start: 1, end: 2, words: [{ text: 'if' }] });
    expect(() => applyAction(doc, { type: 'splitClip', id: 'i2', at: 4, newId: 'x' })).toThrow(/inside the clip/);
    expect(() => applyAction(doc, { type: 'splitClip', id: 'i2', at: 5, newId: 'i1' })).toThrow(/already in the project/);
  });

  it('deletes clips and refuses unknown ids', () => {
    const next = applyAction(sampleDocument(), { type: 'deleteClips', ids: ['t1', 'c1'] });
    expect(next.tracks.text).toEqual([]);
    expect(next.tracks.captions.cues.map((c) => c.id)).toEqual(['c2']);
    expect(() => applyAction(sampleDocument(), { type: 'deleteClips', ids: ['nope'] })).toThrow(/no longer in this project/);
  });

  it('edits text and its style, refusing an empty text', () => {
    const doc = sampleDocument();
    const next = applyAction(doc, { type: 'updateTextClip', id: 't1', patch: { text: 'Hi', style: { size: 90, box: { enabled: true } as never } } });
    expect(next.tracks.text[0]).toMatchObject({ text: 'Hi', style: { size: 90, color: '#FFFFFF', box: { enabled: true, padding: 24 } } });
    expect(() => applyAction(doc, { type: 'updateTextClip', id: 't1', patch: { text: '   ' } })).toThrow(/needs some text/);
    expect(() => applyAction(doc, { type: 'setTextStyle', id: 't1', style: { color: 'red' } })).toThrow(/colour/);
  });

  it('sets Ken Burns frames and easing, clamped by the schema', () => {
    const doc = sampleDocument();
    const next = applyAction(doc, { type: 'setKenBurns', id: 'i1', to: { zoom: 2 }, easing: 'linear' });
    expect(imagesOf(next)[0]!.kenBurns).toEqual({ from: { zoom: 1, x: 0.5, y: 0.5 }, to: { zoom: 2, x: 0.5, y: 0.5 }, easing: 'linear' });
    expect(() => applyAction(doc, { type: 'setKenBurns', id: 'i1', from: { zoom: 0.5 } })).toThrow(EditError);
    expect(() => applyAction(doc, { type: 'setKenBurns', id: 't1', easing: 'linear' })).toThrow(/Only a picture on the main track/);
  });

  it('reorders, updates and removes scenes', () => {
    const doc = sampleDocument();
    expect(applyAction(doc, { type: 'reorderScenes', ids: ['s2', 's1'] }).scenes.map((s) => s.id)).toEqual(['s2', 's1']);
    expect(() => applyAction(doc, { type: 'reorderScenes', ids: ['s2'] })).toThrow(/every scene/);
    expect(applyAction(doc, { type: 'updateScene', id: 's1', patch: { prompt: 'new' } }).scenes[0]!.prompt).toBe('new');
    expect(applyAction(doc, { type: 'removeScene', id: 's1' }).scenes).toHaveLength(1);
  });

  it('changes output preset with its size, narration settings and refuses bad values', () => {
    const doc = sampleDocument();
    expect(applyAction(doc, { type: 'setOutput', patch: { preset: '16:9', fps: 25 } }).output).toEqual({ preset: '16:9', width: 1920, height: 1080, fps: 25, quality: 'standard' });
    expect(applyAction(doc, { type: 'setNarrationSettings', patch: { wordsPerMinute: 200 } }).narration.wordsPerMinute).toBe(200);
    expect(() => applyAction(doc, { type: 'setNarrationSettings', patch: { wordsPerMinute: 500 } })).toThrow(EditError);
  });

  it('applies a batch all or nothing', () => {
    const doc = sampleDocument();
    const ok = applyAction(doc, { type: 'batch', actions: [{ type: 'moveClips', ids: ['t1'], delta: 1 }, { type: 'deleteClips', ids: ['c2'] }] });
    expect(ok.tracks.text[0]!.start).toBe(2);
    expect(() => applyAction(doc, { type: 'batch', actions: [{ type: 'deleteClips', ids: ['c2'] }, { type: 'moveClip', id: 'i1', start: 3 }] })).toThrow(/overlaps/);
    expect(doc.tracks.captions.cues).toHaveLength(2);
  });
});
