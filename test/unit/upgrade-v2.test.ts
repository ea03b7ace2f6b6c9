import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { clipsWithRole, ProjectDocumentSchema, projectDuration } from '../../src-main/project/document.js';
import { backupFileName, readProjectFile, writeProjectFile } from '../../src-main/project/project-file.js';
import { upgradeDocument } from '../../src-main/project/upgrade.js';
import { upgradeV1toV2 } from '../../src-main/project/upgrade-v1.js';
import { tempDirsForThisFile } from '../helpers/temp-core.js';

const tempDir = tempDirsForThisFile('whatif-upgrade-');

const sampleFile = path.resolve('resources/sample/project.json');
interface V1Clip {
  id: string;
  start: number;
  duration: number;
  kenBurns: unknown;
  transitionIn: unknown;
  volume: number;
  trimStart: number;
  duck: boolean;
}
type V1 = Record<string, unknown> & { version: number; tracks: { images: V1Clip[]; music: V1Clip[]; narration: V1Clip[]; text: unknown; captions: unknown } };
const v1 = () => JSON.parse(fs.readFileSync(sampleFile, 'utf8')) as V1;

describe('format 1 → 2', () => {
  it('keeps every clip of the v1 sample, its place, framing, trim, volume and ducking', () => {
    const old = v1();
    expect(old.version).toBe(1);
    const doc = ProjectDocumentSchema.parse(upgradeDocument(old));
    expect(doc.version).toBe(2);
    const main = clipsWithRole(doc, 'main').map((c) => c.clip);
    expect(main.map((c) => [c.id, c.start, c.duration])).toEqual(old.tracks.images.map((c: V1Clip) => [c.id, c.start, c.duration]));
    expect(main.map((c) => c.kenBurns)).toEqual(old.tracks.images.map((c: V1Clip) => c.kenBurns));
    expect(main.map((c) => c.transitionIn)).toEqual(old.tracks.images.map((c: V1Clip) => c.transitionIn));
    const music = clipsWithRole(doc, 'music').map((c) => c.clip);
    expect(music).toHaveLength(old.tracks.music.length);
    expect(Math.pow(10, music[0]!.gainDb / 20)).toBeCloseTo(old.tracks.music[0]!.volume, 3);
    expect(music[0]!.duck).toBe(old.tracks.music[0]!.duck);
    expect(music[0]!.sourceIn).toBe(old.tracks.music[0]!.trimStart);
    expect(clipsWithRole(doc, 'narration').map((c) => c.clip.id)).toEqual(old.tracks.narration.map((c: V1Clip) => c.id));
    expect(doc.tracks.text).toEqual(old.tracks.text);
    expect(doc.tracks.captions).toEqual(old.tracks.captions);
    expect(projectDuration(doc)).toBeCloseTo(Math.max(...old.tracks.images.map((c: V1Clip) => c.start + c.duration)));
    expect(doc.tracks.media.filter((t) => t.role === 'overlay')).toHaveLength(2);
  });

  it('puts v1 audio clips that overlapped on a second track of the same role, a muted one stays muted', () => {
    const old = v1();
    const first = old.tracks.music[0]!;
    old.tracks.music = [first, { ...first, id: 'music-2', start: first.start + 1, volume: 0 }];
    const doc = ProjectDocumentSchema.parse(upgradeV1toV2({ ...old, version: 2 }));
    const tracks = doc.tracks.media.filter((t) => t.role === 'music');
    expect(tracks.map((t) => t.clips.map((c) => c.id))).toEqual([[first.id], ['music-2']]);
    expect(tracks[1]!.clips[0]!.muted).toBe(true);
  });

  it('opens a v1 folder, saves it as v2 and keeps the original beside it', () => {
    const dir = tempDir();
    fs.cpSync(path.dirname(sampleFile), dir, { recursive: true });
    const original = fs.readFileSync(path.join(dir, 'project.json'));
    const doc = readProjectFile(dir);
    writeProjectFile(dir, { ...doc, name: 'Edited' });
    expect(fs.readFileSync(path.join(dir, backupFileName(1)))).toEqual(original);
    expect(readProjectFile(dir)).toMatchObject({ version: 2, name: 'Edited' });
    // A second save does not touch the backup.
    writeProjectFile(dir, { ...doc, name: 'Again' });
    expect(fs.readFileSync(path.join(dir, backupFileName(1)))).toEqual(original);
  });

  it('refuses clips that are too long or on the wrong kind of track, naming them as the user sees them', () => {
    const doc = ProjectDocumentSchema.parse(upgradeDocument(v1()));
    const main = doc.tracks.media.find((t) => t.role === 'main')!;
    const long = { ...doc, tracks: { ...doc.tracks, media: doc.tracks.media.map((t) => (t === main ? { ...t, clips: [{ ...main.clips[0]!, duration: 1e7 }] } : t)) } };
    expect(ProjectDocumentSchema.safeParse(long).success).toBe(false);
    const music = doc.tracks.media.find((t) => t.role === 'music')!;
    const wrong = { ...doc, tracks: { ...doc.tracks, media: doc.tracks.media.map((t) => (t.role === 'overlay' ? { ...t, clips: [{ ...music.clips[0]! }] } : t)) } };
    const result = ProjectDocumentSchema.safeParse(wrong);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toMatch(/^clip 1 \("music\.m4a"\) of Overlay 1 is a sound file/);
  });
});
