/** Editing actions for the media tracks: adding an overlay track, and a bin tile's clip on a track. */
import { describe, expect, it } from 'vitest';
import { clipFor } from '../../src-main/media/import/place.js';
import { applyAction } from '../../src-renderer/src/state/document/reduce.js';
import { laneIds } from '../../src-renderer/src/state/document/clips.js';
import { localizeEditMessage } from '../../src-renderer/src/state/document/messages.js';
import { localizeImportMessage } from '../../src-renderer/src/panels/media/import-messages.js';
import { sampleDocument } from './fixture.js';

const overlay = (id: string) => ({ id, kind: 'video' as const, role: 'overlay' as const, muted: false, clips: [] });

describe('media track edits', () => {
  it('adds an overlay track on top of the other overlays (shown first on the timeline)', () => {
    const next = applyAction(sampleDocument(), { type: 'addTrack', track: overlay('overlay-3') });
    expect(next.tracks.media.map((t) => t.id)).toEqual(['main', 'overlay-1', 'overlay-2', 'overlay-3', 'narration', 'music', 'effects']);
    expect(laneIds(next).slice(0, 4)).toEqual(['text', 'captions', 'overlay-3', 'overlay-2']);
  });

  it('refuses a second main track or a repeated id, with messages in both languages', () => {
    const doc = sampleDocument();
    expect(() => applyAction(doc, { type: 'addTrack', track: overlay('overlay-1') })).toThrow('That track is already in the project.');
    expect(() => applyAction(doc, { type: 'addTrack', track: { ...overlay('m2'), role: 'main' } })).toThrow('A project has one main track.');
    expect(localizeEditMessage('A project has one main track.', 'es')).toBe('Un proyecto tiene una sola pista principal.');
  });

  it('puts a bin tile on a track at the first free gap, a valid edit', () => {
    const doc = sampleDocument();
    const music = doc.tracks.media.find((t) => t.id === 'music')!;
    const clip = clipFor(doc, music, doc.assets.song!, 3);
    expect(clip.start).toBe(12); // the music track is busy until 12 s
    const next = applyAction(doc, { type: 'addMediaClip', trackId: 'music', clip: { ...clip, duration: 10 } });
    expect(next.tracks.media.find((t) => t.id === 'music')!.clips.map((c) => c.start)).toEqual([0, 12]);
  });

  it('words the core\'s import errors in Spanish', () => {
    expect(localizeImportMessage('beach.mp4 was not found (moved or deleted?).', 'es')).toBe('No se encontró beach.mp4 (¿se movió o se borró?).');
    expect(localizeImportMessage('subs.srt line 6: expected a time line like "00:00:01,000 --> 00:00:02,500", found "x"', 'es')).toBe('subs.srt línea 6: se esperaba una línea de tiempo como "00:00:01,000 --> 00:00:02,500".');
    expect(localizeImportMessage('tone.flac is used 2 times in the project; remove its clips first.', 'es')).toBe('tone.flac se usa 2 veces en el proyecto; quita antes sus clips.');
    expect(localizeImportMessage('Something new', 'es')).toBe('Something new');
  });
});
