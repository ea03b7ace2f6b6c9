import { describe, expect, it } from 'vitest';
import { addSample, etaSeconds } from '../../src-renderer/src/panels/export/eta.js';
import { activeWord, framePlan, imageLayers } from '../../src-renderer/src/preview/frame.js';
import { nearestSnap, snapMove, snapTargets, zoomAround, timeToX, xToTime } from '../../src-renderer/src/timeline/geometry.js';
import { sampleDocument } from './fixture.js';

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
    doc.tracks.images[1] = { ...doc.tracks.images[1]!, transitionIn: { kind: 'crossfade', duration: 0.5 } };
    // 30 fps: 15 frames, 7 before the cut at frame 120, 8 after.
    const before = imageLayers(doc.tracks.images, 112 / 30, 30);
    expect(before.map((l) => l.clip.id)).toEqual(['i1']);
    const mid = imageLayers(doc.tracks.images, 120 / 30, 30);
    expect(mid.map((l) => l.clip.id)).toEqual(['i1', 'i2']);
    expect(mid[1]!.alpha).toBeCloseTo(7 / 15);
    expect(mid[0]!.local).toBeCloseTo(4);
    const after = imageLayers(doc.tracks.images, 128 / 30, 30);
    expect(after.map((l) => l.clip.id)).toEqual(['i2']);
  });

  it('shows text with its fade and the caption with the spoken word highlighted', () => {
    const doc = sampleDocument();
    const plan = framePlan(doc, 1.5);
    expect(plan.texts).toHaveLength(2);
    expect(plan.texts[0]!.lines).toEqual(['Hello']);
    expect(plan.texts[1]!.highlight).toBe(1); // "if" is spoken from 1 s
    expect(activeWord(doc.tracks.captions.cues[0]!, 0.2, 2)).toBe(0);
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
    if (!refused.ok) expect(localizeEditMessage(refused.message, 'es')).toBe('No se aplicó ese cambio: el texto t1 termina después del final del proyecto (12.00 s).');
    expect(localizeEditMessage('A clip cannot start before 0:00.', 'es')).toBe('Un clip no puede empezar antes de 0:00.');
    expect(localizeEditMessage('Something new', 'es')).toBe('Something new');
    expect(localizeEditMessage('A clip cannot start before 0:00.', 'en')).toBe('A clip cannot start before 0:00.');
  });
});
