import { describe, expect, it } from 'vitest';
import { addSample, etaSeconds } from '../../src-renderer/src/panels/export/eta.js';
import { framePlan, imageLayers } from '../../src-renderer/src/preview/frame.js';
import { nearestSnap, snapMove, snapTargets, zoomAround, timeToX, xToTime } from '../../src-renderer/src/timeline/geometry.js';
import { sampleDocument } from './fixture.js';
import { clip, imagesOf } from '../helpers/tracks.js';

describe('timeline geometry and snapping', () => {
  it('maps time and pixels both ways and zooms around the pointer', () => {
    const view = { zoom: 50, scroll: 2 };
    expect(timeToX(4, view)).toBe(100);
    expect(xToTime(100, view)).toBe(4);
    const zoomed = zoomAround(view, 2, 100);
    expect(zoomed.zoom).toBe(100);
    expect(xToTime(100, zoomed)).toBeCloseTo(4);
  });

  it('snaps to the playhead, clip edges and caption (sentence) edges, leaving out the dragged clips', () => {
    const doc = sampleDocument();
    const targets = snapTargets(doc, 6.3, new Set(['t1']));
    expect(targets.some((t) => t.kind === 'sentence' && t.time === 2.5)).toBe(true);
    expect(targets.some((t) => t.time === 1)).toBe(false); // t1's own start
    expect(nearestSnap(6.35, targets, 0.1)).toMatchObject({ time: 6.3, kind: 'playhead' });
    expect(nearestSnap(2.45, targets, 0.1)).toMatchObject({ time: 2.5, kind: 'sentence' });
    // A 2 s clip dropped at 5.95 snaps its end to 8 (an image edge) rather than its start to 6.3.
    expect(snapMove(5.97, 2, targets, 0.1).start).toBeCloseTo(6);
    expect(snapMove(-0.5, 2, targets, 0.1).start).toBe(0);
  });
});

describe('the preview frame plan (what the export shows at t)', () => {
  it('puts clips on the export frame grid and mixes a crossfade like xfade', () => {
    const doc = sampleDocument();
    imagesOf(doc)[1] = { ...imagesOf(doc)[1]!, transitionIn: { kind: 'crossfade', duration: 0.5 } };
    // 30 fps: 15 frames, 7 before the cut at frame 120, 8 after.
    const before = imageLayers(imagesOf(doc), 112 / 30, 30);
    expect(before.map((l) => l.clip.id)).toEqual(['i1']);
    const mid = imageLayers(imagesOf(doc), 120 / 30, 30);
    expect(mid.map((l) => l.clip.id)).toEqual(['i1', 'i2']);
    expect(mid[1]!.alpha).toBeCloseTo(7 / 15);
    expect(mid[0]!.local).toBeCloseTo(4);
    const after = imageLayers(imagesOf(doc), 128 / 30, 30);
    expect(after.map((l) => l.clip.id)).toEqual(['i2']);
  });

  it('shows text with its fade and the caption with the spoken word highlighted', () => {
    const doc = sampleDocument();
    const plan = framePlan(doc, 1.5);
    expect(plan.texts).toHaveLength(2);
    expect(plan.texts[0]!.lines).toEqual(['Hello']);
    expect(plan.texts[1]!.highlight).toBe(1); // "if" is spoken from 1 s
    expect(framePlan(doc, 0.2).texts.map((b) => b.highlight)).toEqual([0]); // "What" from 0 s, the text not yet on
    expect(framePlan(doc, 1.05).texts[0]!.opacity).toBeCloseTo(0.25);
  });
});

describe('export ETA', () => {
  it('estimates from the recent rate and restarts when progress goes back', () => {
    let s = addSample([], { at: 0, percent: 0 });
    s = addSample(s, { at: 2000, percent: 10 });
    s = addSample(s, { at: 4000, percent: 20 });
    expect(etaSeconds(s)).toBeCloseTo(16);
    expect(addSample(s, { at: 5000, percent: 5 })).toHaveLength(1);
    expect(etaSeconds([{ at: 0, percent: 1 }])).toBeNull();
  });
});

describe('refused-edit messages in Spanish', () => {
  it('translates the reducer and document-rule messages, and leaves unknown ones as they are', async () => {
    const { localizeEditMessage } = await import('../../src-renderer/src/state/document/messages.js');
    const { tryApplyAction } = await import('../../src-renderer/src/state/document/reduce.js');
    const refused = tryApplyAction(sampleDocument(), { type: 'moveClip', id: 't1', start: 50 });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(localizeEditMessage(refused.message, 'es')).toBe('No se aplicó ese cambio: el texto "Hello" termina después del final del proyecto (12.00 s).');
    const overlap = sampleDocument();
    overlap.assets.b = { ...overlap.assets.img!, id: 'b', originalName: 'b.png' };
    overlap.tracks.media.find((t) => t.id === 'overlay-1')!.clips = [clip({ id: 'o1', assetId: 'img', start: 0, duration: 2 }), clip({ id: 'o2', assetId: 'b', start: 3, duration: 2 })];
    const moved = tryApplyAction(overlap, { type: 'moveClip', id: 'o2', start: 1 });
    if (moved.ok) throw new Error('an overlap must be refused');
    expect(moved.message).toBe('That edit was not applied: clip 2 ("b.png") of Overlay 1 overlaps the clip before it.');
    expect(localizeEditMessage(moved.message, 'es')).toBe('No se aplicó ese cambio: el clip 2 ("b.png") de Superposición 1 se solapa con el clip anterior.');
    const early = tryApplyAction(sampleDocument(), { type: 'moveClip', id: 't1', start: -1 });
    if (early.ok) throw new Error('a start before 0 must be refused');
    expect(localizeEditMessage(early.message, 'es')).toBe('Un clip no puede empezar antes de 0:00.');
    expect(localizeEditMessage(early.message, 'en')).toBe('A clip cannot start before 0:00.');
    expect(localizeEditMessage('Something new', 'es')).toBe('Something new');
  });
});

describe('export size estimate', () => {
  it('grows with size, frame rate, quality and length, and reads in the user\'s number format', async () => {
    const { estimateExportBytes, formatBytes } = await import('../../src-renderer/src/panels/export/eta.js');
    const base = estimateExportBytes(1080, 1920, 30, 'standard', 60);
    expect(base).toBeGreaterThan(20e6);
    expect(base).toBeLessThan(80e6);
    expect(estimateExportBytes(1080, 1920, 30, 'high', 60)).toBeGreaterThan(base);
    expect(estimateExportBytes(1080, 1920, 60, 'standard', 60)).toBeGreaterThan(base);
    expect(estimateExportBytes(720, 1280, 30, 'standard', 60)).toBeLessThan(base);
    expect(estimateExportBytes(1080, 1920, 30, 'standard', 0)).toBe(0);
    expect(formatBytes(1_234_000_000, 'es')).toBe('1,2 GB');
    expect(formatBytes(38_400_000, 'en')).toBe('38 MB');
  });
});
