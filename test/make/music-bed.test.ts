/** The automatic mode's music bed (pure): which sound, how it covers the short, and when it is left out. */
import { describe, expect, it } from 'vitest';
import { bedClips, BED_GAIN_DB, musicForBed, withMusicBed } from '../../src-main/make/music-bed.js';
import { createEmptyDocument, makeClip, type Asset } from '../../src-main/project/document.js';

const emptyDocument = (name: string) => createEmptyDocument({ id: name.toLowerCase(), name, now: new Date(0).toISOString() });

const sound = (id: string, duration: number, source: Asset['source'] = 'import'): Asset => ({ id, kind: 'audio', file: `assets/${id}.wav`, mime: 'audio/wav', bytes: 10, duration, source, originalName: `${id}.wav` });

describe('the music bed', () => {
  it('repeats a short sound back to back over the whole length, ducked, faded in and out', () => {
    const clips = bedClips('m', 4, 10);
    expect(clips.map((c) => [c.start, c.duration])).toEqual([[0, 4], [4, 4], [8, 2]]);
    expect(clips.every((c) => c.duck && c.gainDb === BED_GAIN_DB)).toBe(true);
    expect(clips[0]!.fadeIn).toBeGreaterThan(0);
    expect(clips.at(-1)!.fadeOut).toBeGreaterThan(0);
    // A leftover under half a second is dropped rather than played as a blip.
    expect(bedClips('m', 4, 8.3).map((c) => c.start)).toEqual([0, 4]);
  });

  it('takes the first unused sound the user brought, never narration, and leaves a filled music track alone', () => {
    const doc = emptyDocument('Bed');
    doc.assets = { n: sound('n', 30, 'narration'), a: sound('a', 20), b: sound('b', 20) };
    expect(musicForBed(doc)?.id).toBe('a');
    const withBed = withMusicBed(doc, 12);
    expect(withBed.music?.id).toBe('a');
    expect(withBed.doc.tracks.media.find((t) => t.role === 'music')!.clips.map((c) => c.assetId)).toEqual(['a']);
    // The user's own music clip stays as it is.
    const placed = structuredClone(doc);
    placed.tracks.media.find((t) => t.role === 'music')!.clips = [makeClip({ id: 'mine', assetId: 'b', start: 2, duration: 5 })];
    const kept = withMusicBed(placed, 12);
    expect(kept.music).toBeNull();
    expect(kept.doc.tracks.media.find((t) => t.role === 'music')!.clips.map((c) => c.id)).toEqual(['mine']);
    // No sound in the library: nothing changes.
    expect(withMusicBed(emptyDocument('None'), 12).music).toBeNull();
  });
});
