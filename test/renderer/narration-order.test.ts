/** The note "the narration no longer follows the pictures" (state/document/narration-order.ts). */
import { describe, expect, it } from 'vitest';
import { createEmptyDocument, makeClip, type ProjectDocument } from '../../src-main/project/document.js';
import { narrationOutOfOrder, nextNarratedOrder } from '../../src-renderer/src/state/document/narration-order.js';

function doc(order: string[], narrated: boolean): ProjectDocument {
  const d = createEmptyDocument({ id: 'p', name: 'P', now: 'now' });
  d.scenes = order.map((id) => ({ id, prompt: id, negativePrompt: '', model: 'm', imageAssetId: null, duration: 3 }));
  d.tracks = { ...d.tracks, media: d.tracks.media.map((t) => (t.role === 'narration' && narrated ? { ...t, clips: [makeClip({ id: 'narration', assetId: 'n', start: 0, duration: 9 })] } : t)) };
  return d;
}

describe('narration and scene order', () => {
  it('remembers the narrated order when narrated scenes are reordered, and the note goes when the order comes back', () => {
    const narrated = doc(['a', 'b', 'c'], true);
    const moved = doc(['b', 'a', 'c'], true);
    const known = nextNarratedOrder(null, narrated, moved);
    expect(known).toEqual(['a', 'b', 'c']);
    expect(narrationOutOfOrder(known, moved)).toBe(true);
    // a later edit keeps what is known; undoing the move puts the pictures back in the narration's order
    expect(nextNarratedOrder(known, moved, moved)).toEqual(known);
    expect(narrationOutOfOrder(known, narrated)).toBe(false);
  });

  it('says nothing without narration, or when scenes are only added or removed', () => {
    expect(nextNarratedOrder(null, doc(['a', 'b'], false), doc(['b', 'a'], false))).toBeNull();
    expect(nextNarratedOrder(null, doc(['a', 'b'], true), doc(['a', 'b', 'c'], true))).toBeNull();
    expect(nextNarratedOrder(null, doc(['a', 'b', 'c'], true), doc(['c', 'a'], true))).toBeNull();
    expect(narrationOutOfOrder(['a', 'b'], doc(['b', 'a'], false))).toBe(false);
  });
});
