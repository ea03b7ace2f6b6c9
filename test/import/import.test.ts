/**
 * The media import with real ffmpeg on files ffmpeg makes: every kind and codec probed into the
 * asset, a video's filmstrip and a sound's peaks cached, placement on the timeline, SRT to captions,
 * and bad input (undecodable, truncated, missing, unsupported, a broken SRT) refused by name with
 * nothing imported and project.json untouched. Also the page's way in: uploads in pieces, a job.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProjectDocument } from '../../src-main/project/document.js';
import { importMedia } from '../../src-main/media/import/import-media.js';
import { peaksCacheFile } from '../../src-main/media/waveform/peaks.js';
import { call, makeTestCore, tempDirsForThisFile } from '../helpers/temp-core.js';
import { makeMediaFiles } from './media-files.js';

const newDir = tempDirsForThisFile('whatif-import-');
let core: ReturnType<typeof makeTestCore>;
let files: Record<string, string>;

beforeAll(async () => {
  core = makeTestCore();
  files = await makeMediaFiles(newDir());
}, 180_000);
afterAll(async () => core?.cleanup());

async function newProject(name: string): Promise<{ id: string; dir: string }> {
  return call<{ id: string; dir: string }>(core, 'project.create', { name });
}
const read = (dir: string): ProjectDocument => JSON.parse(fs.readFileSync(path.join(dir, 'project.json'), 'utf8')) as ProjectDocument;
const src = (name: string) => ({ path: files[name]!, name });
const byName = (doc: ProjectDocument, name: string) => Object.values(doc.assets).find((a) => a.originalName === name)!;

describe('importing media', () => {
  it('probes every video and sound format into the asset and caches its preview', async () => {
    const p = await newProject('Formats');
    const names = ['with-sound.mp4', 'ten-bit-60fps.mkv', 'odd-size.webm', 'rotated.mov', 'tone.wav', 'tone.mp3', 'tone.m4a', 'tone.opus', 'tone.flac'];
    const result = await importMedia(core, { projectId: p.id, files: names.map(src) });
    expect(result.assetIds).toHaveLength(names.length);
    const doc = read(p.dir);
    const v = byName(doc, 'with-sound.mp4');
    expect(v).toMatchObject({ kind: 'video', width: 320, height: 240, fps: 30, hasAudio: true, codec: 'h264', rotation: 0, mime: 'video/mp4', source: 'import' });
    expect(v.duration).toBeCloseTo(3, 1);
    expect(byName(doc, 'ten-bit-60fps.mkv')).toMatchObject({ kind: 'video', width: 240, height: 320, fps: 60, hasAudio: false, codec: 'hevc' });
    expect(byName(doc, 'odd-size.webm')).toMatchObject({ kind: 'video', width: 321, height: 241, codec: 'vp9', hasAudio: false });
    const rotated = byName(doc, 'rotated.mov');
    expect([90, 270]).toContain(rotated.rotation);
    expect({ w: rotated.width, h: rotated.height }).toEqual({ w: 240, h: 320 }); // as displayed
    for (const [name, codec] of [['tone.wav', 'pcm_s16le'], ['tone.mp3', 'mp3'], ['tone.m4a', 'aac'], ['tone.opus', 'opus'], ['tone.flac', 'flac']] as const) {
      const a = byName(doc, name);
      expect(a, name).toMatchObject({ kind: 'audio', codec, hasAudio: true });
      expect(a.duration!, name).toBeGreaterThan(1.9);
      expect(fs.existsSync(peaksCacheFile(core.paths.cache, a.id)), `${name} peaks cached`).toBe(true);
      expect(fs.existsSync(path.join(p.dir, a.file))).toBe(true);
    }
    // Media in the bin only: no clip was added.
    expect(doc.tracks.media.every((t) => t.clips.length === 0)).toBe(true);
    const strip = await call<{ frames: number; times: number[]; dataUrl: string }>(core, 'media.strip', { projectId: p.id, assetId: v.id });
    expect(strip.frames).toBe(3);
    expect(strip.times).toEqual([0.5, 1.5, 2.5]);
    const jpeg = Buffer.from(strip.dataUrl.split(',')[1]!, 'base64');
    expect(jpeg.subarray(0, 2).toString('hex')).toBe('ffd8');
  }, 180_000);

  it('places media on the track asked for (or the nearest that fits), one after another', async () => {
    const p = await newProject('Placement');
    const result = await importMedia(core, { projectId: p.id, files: [src('with-sound.mp4'), src('tone.mp3')], place: { trackId: 'overlay-1', start: 1.5 } });
    const doc = read(p.dir);
    const overlay = doc.tracks.media.find((t) => t.id === 'overlay-1')!;
    const music = doc.tracks.media.find((t) => t.id === 'music')!;
    expect(overlay.clips).toHaveLength(1);
    expect(overlay.clips[0]).toMatchObject({ start: 1.5, sourceIn: 0, speed: 1 });
    expect(overlay.clips[0]!.duration).toBeCloseTo(3, 1);
    // The MP3 does not fit an overlay: it went to the music track, at the asked time, lowered under narration.
    expect(music.clips[0]).toMatchObject({ start: 1.5, duck: true });
    expect(result.clips.map((c) => c.trackId)).toEqual(['overlay-1', 'music']);
  }, 60_000);

  it('turns an SRT into caption cues and back into the same SRT', async () => {
    const p = await newProject('Captions');
    await importMedia(core, { projectId: p.id, files: [src('captions.srt')] });
    const doc = read(p.dir);
    expect(doc.tracks.captions.cues.map((c) => [c.start, c.end, c.text])).toEqual([
      [0.5, 1.5, 'What if'],
      [2, 2.8, 'the Moon vanished?'],
    ]);
    const out = await call<{ srt: string; cues: number }>(core, 'captions.exportSrt', { projectId: p.id });
    expect(out.cues).toBe(2);
    expect(out.srt.trim()).toBe(fs.readFileSync(files['captions.srt']!, 'utf8').trim());
  });

  it('refuses bad input by name, imports nothing and leaves project.json as it was', async () => {
    const p = await newProject('Bad input');
    await importMedia(core, { projectId: p.id, files: [src('tone.wav')] });
    const before = fs.readFileSync(path.join(p.dir, 'project.json'), 'utf8');
    const assetsBefore = fs.readdirSync(path.join(p.dir, 'assets')).sort();
    const cases: [string[], RegExp][] = [
      [['tone.flac', 'not-a-video.mp4'], /^not-a-video\.mp4 is not a video ffmpeg can read/],
      [['with-sound.mp4', 'truncated.mp4'], /^truncated\.mp4 is truncated or damaged: its pictures stop before the length it announces\.$/],
      [['tone.m4a', 'broken.srt'], /^broken\.srt line 6: expected a time line/],
      [['notes.txt'], /^notes\.txt is not a file WhatIf Studio imports/],
    ];
    for (const [names, message] of cases) {
      await expect(importMedia(core, { projectId: p.id, files: names.map(src) }), names.join()).rejects.toThrow(message);
    }
    await expect(importMedia(core, { projectId: p.id, files: [{ path: path.join(path.dirname(files['tone.wav']!), 'gone.mp4'), name: 'gone.mp4' }] })).rejects.toThrow(/^gone\.mp4 was not found/);
    expect(fs.readFileSync(path.join(p.dir, 'project.json'), 'utf8')).toBe(before);
    expect(fs.readdirSync(path.join(p.dir, 'assets')).sort()).toEqual(assetsBefore);
  }, 120_000);

  it('refuses captions that start after the project ends, naming the line', async () => {
    const p = await newProject('Late captions');
    await importMedia(core, { projectId: p.id, files: [src('tone.wav')] });
    const doc = read(p.dir);
    // A 1 s picture: the second cue (at 2 s) starts after the end.
    await importMedia(core, { projectId: p.id, files: [src('with-sound.mp4')], place: { trackId: 'main', start: 0 } });
    await call(core, 'project.save', { id: p.id, document: { ...read(p.dir), tracks: { ...read(p.dir).tracks, media: read(p.dir).tracks.media.map((t) => (t.role === 'main' ? { ...t, clips: t.clips.map((c) => ({ ...c, duration: 1 })) } : t)) } } });
    expect(doc.tracks.captions.cues).toEqual([]);
    await expect(importMedia(core, { projectId: p.id, files: [src('captions.srt')] })).rejects.toThrow(/^captions\.srt line 6: the caption starts at 0:02\.0, after the project ends \(0:01\.0\)/);
  }, 60_000);

  it('takes a file the page sends in pieces and imports it as a job', async () => {
    const p = await newProject('Upload');
    const bytes = fs.readFileSync(files['with-sound.mp4']!);
    const { uploadId, chunkBytes } = await call<{ uploadId: string; chunkBytes: number }>(core, 'media.uploadBegin', { name: 'holiday clip.mp4', bytes: bytes.length });
    const piece = Math.min(chunkBytes, 50_000);
    for (let offset = 0; offset < bytes.length; offset += piece) {
      await call(core, 'media.uploadChunk', { uploadId, offset, dataBase64: bytes.subarray(offset, offset + piece).toString('base64') });
    }
    const refused = await core.dispatch('media.uploadChunk', { uploadId, offset: 0, dataBase64: 'AAAA' });
    expect(refused.ok).toBe(false);
    const { job } = await call<{ job: { id: string; title: string } }>(core, 'media.import', { projectId: p.id, uploads: [uploadId], place: { trackId: 'main', start: 0 } });
    expect(job.title).toBe('Import holiday clip.mp4');
    core.jobs.start();
    const done = await core.jobs.waitFor(job.id);
    expect(done.state).toBe('done');
    const doc = read(p.dir);
    const asset = byName(doc, 'holiday clip.mp4');
    expect(asset.bytes).toBe(bytes.length);
    expect(doc.tracks.media.find((t) => t.role === 'main')!.clips[0]!.assetId).toBe(asset.id);
    // The upload is gone once the job ended.
    expect(fs.existsSync(path.join(core.paths.cache, 'media-uploads', uploadId))).toBe(false);
  }, 60_000);

  it('removes unused media (and its file) but refuses media in use', async () => {
    const p = await newProject('Remove');
    await importMedia(core, { projectId: p.id, files: [src('tone.mp3')] });
    await importMedia(core, { projectId: p.id, files: [src('tone.flac')], place: { trackId: 'effects', start: 0 } });
    const doc = read(p.dir);
    const unused = byName(doc, 'tone.mp3');
    const used = byName(doc, 'tone.flac');
    const refused = await core.dispatch('media.removeUnused', { projectId: p.id, assetIds: [used.id] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', message: 'tone.flac is used once in the project; remove its clips first.' } });
    await call(core, 'media.removeUnused', { projectId: p.id, assetIds: [unused.id] });
    const after = read(p.dir);
    expect(Object.keys(after.assets)).toEqual([used.id]);
    expect(fs.existsSync(path.join(p.dir, unused.file))).toBe(false);
  }, 60_000);
});
