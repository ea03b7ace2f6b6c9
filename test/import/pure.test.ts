import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEmptyDocument, makeClip, type ProjectDocument } from '../../src-main/project/document.js';
import { kindOfFile } from '../../src-main/media/import/file-kinds.js';
import { firstFreeStart, placeAssets, targetTrack } from '../../src-main/media/import/place.js';
import { displayRotation, fieldsFromProbe } from '../../src-main/media/import/probe-file.js';
import { assetUsage, unusedAssets } from '../../src-main/media/import/usage.js';
import { stripArgs, stripTimes } from '../../src-main/media/import/video-strip.js';
import { cueLine } from '../../src-main/media/import/import-media.js';

const doc = (): ProjectDocument => createEmptyDocument({ id: 'p', name: 'P', now: '2026-01-01T00:00:00Z' });
const asset = (id: string, kind: 'image' | 'video' | 'audio', duration?: number) => ({ id, kind, ...(duration ? { duration } : {}) });

describe('import, pure parts', () => {
  it('knows a file by its extension, whatever its case', () => {
    expect(kindOfFile('Beach.MOV')).toMatchObject({ kind: 'video', ext: 'mov' });
    expect(kindOfFile('song.opus')).toMatchObject({ kind: 'audio', mime: 'audio/ogg' });
    expect(kindOfFile('subs.srt')).toMatchObject({ kind: 'subtitles' });
    expect(kindOfFile('notes.txt')).toBeNull();
    expect(kindOfFile('noext')).toBeNull();
  });

  it('finds the first free gap on a track', () => {
    const clips = [{ start: 0, duration: 2 }, { start: 3, duration: 2 }];
    expect(firstFreeStart(clips, 1, 1)).toBe(2); // inside the first clip: after it, fits before the second
    expect(firstFreeStart(clips, 1, 1.5)).toBe(5); // does not fit the 1 s gap
    expect(firstFreeStart(clips, 6, 1)).toBe(6);
  });

  it('sends a kind that does not fit the asked track to its default track', () => {
    const d = doc();
    expect(targetTrack(d, 'audio', 'overlay-2')!.id).toBe('music');
    expect(targetTrack(d, 'video', 'effects')!.id).toBe('main');
    expect(targetTrack(d, 'image', 'overlay-2')!.id).toBe('overlay-2');
    expect(targetTrack(d, 'audio', 'narration')!.id).toBe('narration');
    expect(targetTrack(d, 'subtitles', 'main')).toBeNull();
  });

  it('places clips one after another from the drop time, with unique ids', () => {
    const d = doc();
    const { doc: next, placed } = placeAssets(d, [asset('a'.repeat(64), 'video', 3), asset('a'.repeat(64), 'video', 3), asset('b'.repeat(64), 'image')], { trackId: 'main', start: 1 });
    expect(placed.map((p) => [p.trackId, p.clip.start, p.clip.duration])).toEqual([
      ['main', 1, 3],
      ['main', 4, 3],
      ['main', 7, 4],
    ]);
    expect(new Set(placed.map((p) => p.clip.id)).size).toBe(3);
    expect(placed[2]!.clip.kenBurns.to.zoom).toBeGreaterThan(1); // a still on the main track moves gently
    expect(next.tracks.media.find((t) => t.id === 'main')!.clips).toHaveLength(3);
  });

  it('counts uses by clips and scenes', () => {
    const d = doc();
    d.assets = Object.fromEntries(['x', 'y', 'z'].map((id) => [id, { id, kind: 'image' as const, file: `assets/${id}.png`, mime: 'image/png', bytes: 1, source: 'import' as const }]));
    d.tracks.media[0]!.clips = [makeClip({ id: 'c1', assetId: 'x', start: 0, duration: 1 }), makeClip({ id: 'c2', assetId: 'x', start: 1, duration: 1 })];
    d.scenes = [{ id: 's', prompt: '', negativePrompt: '', model: 'm', imageAssetId: null, referenceAssetId: 'y', duration: 2 }];
    expect(Object.fromEntries(assetUsage(d))).toEqual({ x: 2, y: 1, z: 0 });
    expect(unusedAssets(d)).toEqual(['z']);
  });

  it('reads display rotation from the tag or the display matrix, clockwise', () => {
    expect(displayRotation('90', undefined)).toBe(90);
    expect(displayRotation(undefined, -90)).toBe(90);
    expect(displayRotation(undefined, 90)).toBe(270);
    expect(displayRotation(undefined, 180)).toBe(180);
    expect(displayRotation(undefined, undefined)).toBe(0);
  });

  it('maps a probe to the asset: displayed size, cover art is no picture, no length is refused', () => {
    const probe = { file: 'f', formatName: 'mov', durationSeconds: 2.0004, bytes: 1, video: { codec: 'hevc', width: 1920, height: 1080, fps: 29.97, pixFmt: 'yuv420p10le', frames: null }, audio: { codec: 'aac', sampleRate: 48000, channels: 2 } };
    expect(fieldsFromProbe('a.mov', 'video', probe, 90)).toEqual({ kind: 'video', duration: 2, width: 1080, height: 1920, fps: 29.97, rotation: 90, hasAudio: true, codec: 'hevc' });
    expect(fieldsFromProbe('s.mp3', 'audio', { ...probe, video: { ...probe.video, codec: 'mjpeg' } }, 0)).toMatchObject({ kind: 'audio', codec: 'aac' });
    expect(fieldsFromProbe('only-sound.mp4', 'video', { ...probe, video: null }, 0).kind).toBe('audio');
    expect(() => fieldsFromProbe('x.mp4', 'video', { ...probe, durationSeconds: 0 }, 0)).toThrow(/^x\.mp4 has no length/);
    expect(() => fieldsFromProbe('x.wav', 'audio', { ...probe, audio: null }, 0)).toThrow(/^x\.wav has no sound/);
  });

  it('spreads the filmstrip over the video and joins the frames in one picture', () => {
    expect(stripTimes(2)).toEqual([0.5, 1.5]);
    expect(stripTimes(100)).toHaveLength(8);
    expect(stripTimes(0.2)).toEqual([0.1]);
    // The input goes through the user-media opener, which reads the file's signature: an MP4 header.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'whatif-strip-'));
    const source = path.join(dir, 'in.mp4');
    fs.writeFileSync(source, Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom'), Buffer.alloc(52)]));
    const args = stripArgs(source, [0.5, 1.5], 'out.jpg');
    fs.rmSync(dir, { recursive: true, force: true });
    expect(args.filter((a) => a === '-ss')).toHaveLength(2);
    expect(args.join(' ')).toContain('hstack=inputs=2');
  });

  it('finds the line of a cue in an SRT text', () => {
    expect(cueLine('1\n00:00:01,000 --> 00:00:02,000\nA\n\n2\n00:00:03,000 --> 00:00:04,000\nB\n', 1)).toBe(6);
  });
});
