/** `whatif import` and `whatif captions` from the command line, on files ffmpeg makes. */
import fs from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProjectDocument } from '../../src-main/project/document.js';
import { resolveBinary } from '../../src-main/platform/binaries.js';
import { tempDir } from '../helpers/temp-core.js';
import { makeProject } from '../media/fixtures.js';

const root = tempDir('whatif-cli-import-');
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
const bin = path.resolve('bin/whatif.mjs');
const env = { WHATIF_HOME: path.join(root, 'home') };
const media = path.join(root, 'media');

beforeAll(async () => {
  fs.mkdirSync(media, { recursive: true });
  await execa(resolveBinary('ffmpeg'), ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'sine=f=440:d=2', '-c:a', 'libmp3lame', path.join(media, 'song.mp3')], { timeout: 60_000 });
  fs.writeFileSync(path.join(media, 'subs.srt'), '1\n00:00:00,200 --> 00:00:00,900\nHello\n');
}, 60_000);

describe('whatif import / captions', () => {
  it('imports a sound file onto a track at a time and prints what it found', async () => {
    const { dir } = await makeProject(path.join(root, 'p'), { count: 1, seconds: 2 });
    const { stdout, stderr, exitCode } = await execa(process.execPath, [bin, 'import', dir, path.join(media, 'song.mp3'), '--track', 'effects', '--at', '0.5'], { env, reject: false });
    expect(exitCode, stderr).toBe(0);
    expect(stdout).toMatch(/song\.mp3: audio 2\.\d\d s mp3/);
    const doc = JSON.parse(fs.readFileSync(path.join(dir, 'project.json'), 'utf8')) as ProjectDocument;
    expect(doc.tracks.media.find((t) => t.id === 'effects')!.clips[0]).toMatchObject({ start: 0.5 });
  }, 60_000);

  it('imports an SRT and writes the captions back out', async () => {
    const dir = path.join(root, 'p');
    expect((await execa(process.execPath, [bin, 'import', dir, path.join(media, 'subs.srt')], { env, reject: false })).exitCode).toBe(0);
    const out = path.join(root, 'out.srt');
    const { stdout, exitCode } = await execa(process.execPath, [bin, 'captions', dir, '-o', out], { env, reject: false });
    expect(exitCode).toBe(0);
    // The style lines come first (whatif captions shows the caption style), the SRT line last.
    expect(stdout.split('\n').at(-1)).toBe(`Wrote 1 captions to ${out}`);
    expect(fs.readFileSync(out, 'utf8')).toBe('1\n00:00:00,200 --> 00:00:00,900\nHello\n');
  }, 60_000);

  it('says which file is wrong and exits non-zero', async () => {
    const { stderr, exitCode } = await execa(process.execPath, [bin, 'import', path.join(root, 'p'), path.join(media, 'missing.mov')], { env, reject: false });
    expect(exitCode).not.toBe(0);
    expect(stderr).toMatch(/missing\.mov was not found/);
  }, 60_000);
});
