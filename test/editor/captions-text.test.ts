/**
 * Captions and text through the editor's reducer and the pure layout helpers: cue text/split/merge/
 * word retime as undoable edits, caption styles and saved text styles kept in the document, text
 * templates, and the safe-zone boxes; plus the default caption style a real core gives new projects.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { CAPTION_PRESETS, captionStyleOf, presetFor } from '../../src-main/media/captions/look.js';
import { safeRect, safeZoneIssues, textClipRect } from '../../src-main/media/text/bounds.js';
import { ProjectDocumentSchema, type ProjectDocument } from '../../src-main/project/document.js';
import { readProjectFile } from '../../src-main/project/project-file.js';
import { applyAction, tryApplyAction } from '../../src-renderer/src/state/document/reduce.js';
import { clipFromTemplate, TEXT_TEMPLATES } from '../../src-renderer/src/timeline/text-templates.js';
import { call, makeTestCore } from '../helpers/temp-core.js';
import { sampleDocument } from './fixture.js';

function withWords(): ProjectDocument {
  const doc = sampleDocument();
  doc.tracks.captions.cues = [
    { id: 'c1', start: 0, end: 2, text: 'What if the Moon', words: ['What', 'if', 'the', 'Moon'].map((text, i) => ({ text, start: i * 0.5, end: i * 0.5 + 0.5 })) },
    { id: 'c2', start: 2.5, end: 4, text: 'vanished' },
  ];
  return doc;
}

describe('caption edits in the document', () => {
  it('edits text keeping word timing, splits, merges and retimes a word', () => {
    let doc = applyAction(withWords(), { type: 'setCueText', id: 'c1', text: 'What if the Sun' });
    expect(doc.tracks.captions.cues[0]!.words!.map((w) => [w.text, w.start])).toEqual([['What', 0], ['if', 0.5], ['the', 1], ['Sun', 1.5]]);
    doc = applyAction(doc, { type: 'splitClip', id: 'c1', at: 1.2, newId: 'c1b' });
    expect(doc.tracks.captions.cues.map((c) => c.text)).toEqual(['What if the', 'vanished', 'Sun']);
    doc = applyAction(doc, { type: 'mergeCues', ids: ['c1b', 'c1'] });
    expect(doc.tracks.captions.cues.map((c) => [c.id, c.text])).toEqual([['c1', 'What if the Sun'], ['c2', 'vanished']]);
    doc = applyAction(doc, { type: 'moveWordEdge', id: 'c1', index: 0, edge: 'end', time: 0.7 });
    expect(doc.tracks.captions.cues[0]!.words!.slice(0, 2).map((w) => [w.start, w.end])).toEqual([[0, 0.7], [0.7, 1]]);
    expect(tryApplyAction(doc, { type: 'moveWordEdge', id: 'c2', index: 0, edge: 'end', time: 3 })).toEqual({ ok: false, message: expect.stringMatching(/no word timings/) });
    expect(tryApplyAction(doc, { type: 'setCueText', id: 'c1', text: '  ' }).ok).toBe(false);
    doc = applyAction(doc, { type: 'addCue', cue: { id: 'c3', start: 5, end: 6, text: 'New caption' } });
    doc = applyAction(doc, { type: 'toggleEmphasis', id: 'c1', index: 3 });
    expect(doc.tracks.captions.cues.find((c) => c.id === 'c1')!.emphasis).toEqual([3]);
    expect(ProjectDocumentSchema.safeParse(doc).success).toBe(true);
  });

  it('keeps a caption style and saved text styles in the document', () => {
    let doc = applyAction(withWords(), { type: 'setCaptionStyle', style: presetFor('boldPop', 1920) });
    expect(captionStyleOf(doc.tracks.captions)).toEqual(CAPTION_PRESETS.boldPop);
    doc = applyAction(doc, { type: 'saveTextStyle', saved: { id: 's1', name: 'Yellow title', style: { ...doc.tracks.text[0]!.style, color: '#FFD400' } } });
    doc = applyAction(doc, { type: 'saveTextStyle', saved: { id: 's2', name: 'Yellow title', style: doc.tracks.text[0]!.style } });
    expect(doc.textStyles!.map((s) => s.id)).toEqual(['s2']); // same name: replaced
    expect(applyAction(doc, { type: 'deleteTextStyle', id: 's2' }).textStyles).toEqual([]);
    expect(presetFor('boldPop', 960).style.size).toBe(42);
  });
});

describe('text templates and safe zones', () => {
  it('places a template at the playhead or at the end, scaled to the output', () => {
    const title = clipFromTemplate(TEXT_TEMPLATES.title, { id: 't', text: 'Hi', playhead: 2, length: 12, height: 960 })!;
    expect([title.start, title.duration, title.fadeIn, title.style.size]).toEqual([2, 3, 0, 64]);
    const end = clipFromTemplate(TEXT_TEMPLATES.endCard, { id: 'e', text: 'Bye', playhead: 0, length: 12, height: 1920 })!;
    expect([end.start, end.duration]).toEqual([9, 3]);
    expect(clipFromTemplate(TEXT_TEMPLATES.title, { id: 't', text: 'Hi', playhead: 0, length: 0, height: 1920 })).toBeNull();
  });

  it('finds texts and captions the TikTok UI covers, and not once they move in', () => {
    const doc = withWords();
    doc.output = { ...doc.output, width: 1080, height: 1920 };
    expect(safeRect('tiktok', doc.output)).toEqual({ left: 60, top: 150, right: 940, bottom: 1480 });
    doc.tracks.text[0] = { ...doc.tracks.text[0]!, position: { preset: 'free', x: 0.5, y: 0.03 } };
    const issues = safeZoneIssues(doc, 'tiktok');
    expect(issues.find((i) => i.kind === 'text')!.sides).toEqual(['top']);
    expect(issues.filter((i) => i.kind === 'caption').map((i) => [i.n, i.sides])).toEqual([[1, ['bottom']], [2, ['bottom']]]);
    doc.tracks.text[0] = { ...doc.tracks.text[0]!, position: { preset: 'free', x: 0.5, y: 0.4 } };
    doc.tracks.captions = { ...doc.tracks.captions, position: { preset: 'center', x: 0.5, y: 0.5 } };
    expect(safeZoneIssues(doc, 'tiktok')).toEqual([]);
    const rect = textClipRect(doc.tracks.text[0]!, doc.output);
    expect((rect.top + rect.bottom) / 2).toBeCloseTo(0.4 * 1920, 0);
  });
});

describe('the default caption style for new projects', () => {
  const core = makeTestCore();
  afterAll(() => core.cleanup());
  it('is a setting the core applies to every project it creates', async () => {
    const style = presetFor('boxed', 1920);
    await call(core, 'settings.set', { defaultCaptionStyle: style });
    const created = await call<{ dir: string }>(core, 'project.create', { name: 'Boxed by default' });
    const doc = readProjectFile(created.dir);
    expect(captionStyleOf(doc.tracks.captions)).toEqual(style);
    await call(core, 'settings.set', { defaultCaptionStyle: null });
    const plain = readProjectFile((await call<{ dir: string }>(core, 'project.create', { name: 'Plain' })).dir);
    expect(plain.tracks.captions.preset).toBeUndefined();
  });
});
