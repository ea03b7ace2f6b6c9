/** Caption styles and cue edits, pure: pages, states, word motion, the ASS text, and cue text/split/merge/retime. */
import { describe, expect, it } from 'vitest';
import { buildAss } from '../../src-main/media/captions/ass.js';
import { mergeCues, moveWordEdge, splitCue, toggleEmphasis, withCueText } from '../../src-main/media/captions/cue-edit.js';
import { CAPTION_PRESETS, captionStyleOf, withCaptionStyle } from '../../src-main/media/captions/look.js';
import { captionPages, captionStates, spokenWordMotion, valueAt } from '../../src-main/media/captions/states.js';
import { createEmptyDocument, type CaptionCue } from '../../src-main/project/document.js';

const frame = { width: 1080, height: 1920 };
const track = () => createEmptyDocument({ id: 'x', name: 'x', now: '' }).tracks.captions;
const cue = (): CaptionCue => ({
  id: 'c',
  start: 0,
  end: 2.5,
  text: 'What if the Moon vanished',
  words: ['What', 'if', 'the', 'Moon', 'vanished'].map((text, i) => ({ text, start: i * 0.5, end: i * 0.5 + 0.4 })),
});

describe('caption pages and states', () => {
  it('shows the whole cue by default, one state per spoken word', () => {
    const states = captionStates(cue(), track(), frame, 10);
    expect(states.map((s) => s.active)).toEqual([0, 1, 2, 3, 4]);
    expect(states[0]!.lines.flat().map((w) => w.text)).toEqual(['What', 'if', 'the', 'Moon', 'vanished']);
    expect(states.at(-1)!.end).toBe(2.5);
  });

  it('bold pop: pages of at most 3 upper-case words, each page from its first word', () => {
    const t = withCaptionStyle(track(), CAPTION_PRESETS.boldPop);
    const pages = captionPages(cue(), t, frame);
    expect(pages.map((p) => p.words.map((w) => w.text).join(' '))).toEqual(['What if the', 'Moon vanished']);
    const states = captionStates(cue(), t, frame, 10);
    expect(states[0]!.lines.flat().map((w) => w.text)).toEqual(['WHAT', 'IF', 'THE']);
    const second = states.find((s) => s.active === 3)!;
    expect(second.start).toBe(1.5);
    expect(second.lines.flat().map((w) => w.text)).toEqual(['MOON', 'VANISHED']);
  });

  it('limits lines per page and hides words not yet spoken with the fade animation', () => {
    const t = { ...track(), linesPerCue: 1, style: { ...track().style, size: 200 }, animation: 'fade' as const };
    const pages = captionPages(cue(), t, frame);
    expect(pages.length).toBeGreaterThan(1);
    for (const p of pages) expect(p.lines).toHaveLength(1);
    const states = captionStates(cue(), t, frame, 10);
    expect(states[0]!.shownThrough).toBe(0);
  });

  it('animates the spoken word like the ASS \\t transform', () => {
    const pop = spokenWordMotion('pop', 1.25);
    expect(valueAt(pop.scale0, pop.scaleSteps, 0)).toBeCloseTo(0.875);
    expect(valueAt(pop.scale0, pop.scaleSteps, 50)).toBeCloseTo(1.0625);
    expect(valueAt(pop.scale0, pop.scaleSteps, 500)).toBeCloseTo(1.25);
    const bounce = spokenWordMotion('bounce', 1);
    expect(valueAt(bounce.scale0, bounce.scaleSteps, 80)).toBeCloseTo(1.15);
    expect(valueAt(bounce.scale0, bounce.scaleSteps, 200)).toBeCloseTo(1);
  });

  it('writes the spoken word scaled and animated, emphasis in its colour', () => {
    const t = { ...withCaptionStyle(track(), CAPTION_PRESETS.boldPop), cues: [{ ...cue(), emphasis: [4] }] };
    const ass = buildAss({ frame, text: [], captions: t, duration: 10 })!;
    const events = ass.split('\n').filter((l) => l.startsWith('Dialogue'));
    expect(events[0]).toContain('\\fscx87.5\\fscy87.5\\t(0,100,\\fscx125\\fscy125)}WHAT');
    expect(events.find((e) => e.includes('}MOON'))).toContain('{\\1c&H00D4FF&}VANISHED'); // emphasis #FFD400
  });

  it('keeps a style through captionStyleOf / withCaptionStyle', () => {
    const styled = withCaptionStyle(track(), CAPTION_PRESETS.boxed);
    expect(withCaptionStyle(track(), captionStyleOf(styled))).toEqual(styled);
    expect('linesPerCue' in withCaptionStyle(styled, CAPTION_PRESETS.karaoke)).toBe(false);
  });
});

describe('caption cue edits', () => {
  it('keeps word times when the text is edited', () => {
    const edited = withCueText(cue(), 'What if the Sun vanished?');
    expect(edited.words!.map((w) => [w.text, w.start])).toEqual([['What', 0], ['if', 0.5], ['the', 1], ['Sun', 1.5], ['vanished?', 2]]);
    const inserted = withCueText({ ...cue(), emphasis: [3] }, 'What if the big Moon vanished');
    expect(inserted.words!.map((w) => w.text)).toEqual(['What', 'if', 'the', 'big', 'Moon', 'vanished']);
    expect(inserted.words![3]!.start).toBeGreaterThanOrEqual(1.4 - 1e-9);
    expect(inserted.words![4]!.start).toBe(1.5);
    expect(inserted.emphasis).toEqual([4]);
    for (let i = 1; i < inserted.words!.length; i++) expect(inserted.words![i]!.start).toBeGreaterThanOrEqual(inserted.words![i - 1]!.start);
  });

  it('splits between words and merges back', () => {
    const [left, right] = splitCue({ ...cue(), emphasis: [3] }, 1.2, 'c2')!;
    expect([left.text, right.text]).toEqual(['What if the', 'Moon vanished']);
    expect(right.words!.map((w) => w.text)).toEqual(['Moon', 'vanished']);
    expect([left.end, right.start]).toEqual([1.2, 1.2]);
    expect(right.emphasis).toEqual([0]);
    const merged = mergeCues(right, left);
    expect(merged.text).toBe('What if the Moon vanished');
    expect(merged.words).toHaveLength(5);
    expect(merged.emphasis).toEqual([3]);
    expect([merged.start, merged.end]).toEqual([0, 2.5]);
    expect(splitCue(cue(), 3, 'x')).toBeNull();
  });

  it('moves a word edge and its neighbour, never past the next word', () => {
    const moved = moveWordEdge(cue(), 1, 'end', 0.7)!;
    expect(moved.words![1]!.end).toBe(0.7);
    expect(moved.words![2]!.start).toBe(1); // a gap stays a gap
    const pushed = moveWordEdge(cue(), 1, 'end', 1.2)!;
    expect(pushed.words![1]!.end).toBe(1.2);
    expect(pushed.words![2]!.start).toBe(1.2);
    expect(moveWordEdge(cue(), 1, 'end', 9)!.words![1]!.end).toBeCloseTo(1.35);
    expect(toggleEmphasis(toggleEmphasis(cue(), 2), 2).emphasis).toBeUndefined();
  });
});

describe('a caption with a word longer than a line', () => {
  it('keeps the wrapped lines (no highlight on its pieces) in the export and the preview alike', () => {
    const t = { ...track(), style: { ...track().style, size: 300 } };
    const long = { id: 'l', start: 0, end: 2, text: 'Supercalifragilistic day', words: [{ text: 'Supercalifragilistic', start: 0, end: 1 }, { text: 'day', start: 1, end: 2 }] };
    const states = captionStates(long, t, frame, 10);
    expect(states).toHaveLength(1);
    expect(states[0]!.lines.length).toBeGreaterThan(2);
    expect(states[0]!.lines.flat().every((w) => w.index === -1)).toBe(true);
    const ass = buildAss({ frame, text: [], captions: { ...t, cues: [long] }, duration: 10 })!;
    const events = ass.split('\n').filter((l) => l.startsWith('Dialogue'));
    expect(events).toHaveLength(1);
    expect(events[0]).not.toContain('\\1c&H00D4FF&'); // no piece in the highlight colour
  });
});
