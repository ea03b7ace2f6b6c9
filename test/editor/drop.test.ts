import { describe, expect, it } from 'vitest';
import { createEmptyDocument } from '../../src-main/project/document.js';
import { dropTarget, laneIndexAt, nearestTrackFor } from '../../src-renderer/src/timeline/drop.js';
import { laneIds } from '../../src-renderer/src/state/document/clips.js';
import { trackY, TRACK_H } from '../../src-renderer/src/panels/timeline/layout.js';

const doc = createEmptyDocument({ id: 'p', name: 'P', now: '2026-01-01T00:00:00Z' });
const lanes = laneIds(doc); // text, captions, overlay-2, overlay-1, main, narration, music, effects
const at = (lane: string) => lanes.indexOf(lane);

describe('dropping on the timeline', () => {
  it('finds the lane under the pointer from its height', () => {
    expect(laneIndexAt(trackY(at('main')) + TRACK_H / 2, lanes.length)).toBe(at('main'));
    expect(laneIndexAt(trackY(at('music')) + 1, lanes.length)).toBe(at('music'));
    expect(laneIndexAt(10_000, lanes.length)).toBe(lanes.length - 1);
  });

  it('puts media on the lane under the pointer when it fits, else on the nearest that does', () => {
    expect(nearestTrackFor(doc, at('overlay-1'), 'video')).toBe('overlay-1');
    expect(nearestTrackFor(doc, at('music'), 'audio')).toBe('music');
    expect(nearestTrackFor(doc, at('narration'), 'video')).toBe('main'); // a picture dropped on a sound track
    expect(nearestTrackFor(doc, at('main'), 'audio')).toBe('narration'); // a sound dropped on the picture
    expect(nearestTrackFor(doc, at('text'), 'image')).toBe('overlay-2'); // the top overlay
    expect(nearestTrackFor(doc, at('captions'), 'audio')).toBe('narration');
  });

  it('turns the pointer x into timeline seconds', () => {
    const target = dropTarget(doc, { x: 300, y: trackY(at('music')) + 5 }, { zoom: 60, scroll: 1 }, 'audio');
    expect(target).toEqual({ trackId: 'music', start: 6 });
  });
});
