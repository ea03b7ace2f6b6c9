/**
 * Every path that opens a file the user (or a provider) gave goes through user-media.ts: an HLS
 * playlist named .mp4 pointing at a canary folder outside the project and at a loopback server is
 * refused by name, as a playlist, by the import's rotation probe, the KIE clip check, `export.probe`,
 * a video clip on the main track, an overlay, `importMedia` and `whatif import`; no canary file is
 * read (atimes, as in user-media.test.ts, whose control run proves the detector) and the server
 * gets no request.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { checkVideo } from '../../src-main/animation/video-file.js';
import { exportProject } from '../../src-main/media/export/export-project.js';
import { importMedia } from '../../src-main/media/import/import-media.js';
import { probeRotation } from '../../src-main/media/import/probe-file.js';
import { makeClip, type ProjectDocument } from '../../src-main/project/document.js';
import { storeAssetFile } from '../../src-main/project/assets.js';
import { writeProjectFile } from '../../src-main/project/project-file.js';
import { resolveBinary } from '../../src-main/platform/binaries.js';
import { makeTestCore, tempDirsForThisFile } from '../helpers/temp-core.js';
import { imagesOf } from '../helpers/tracks.js';
import { makeProject } from './fixtures.js';

const dir = tempDirsForThisFile('whatif-user-media-paths-');
const ffmpeg = resolveBinary('ffmpeg');
const PLAYLIST_REFUSED = /is not a video file \(MP4, MOV, WebM, MKV\): it is an HLS\/M3U playlist\.$/;

let server: http.Server;
let requests = 0;
let canary = '';
let playlist = '';
const canaryFiles = ['secret.ts', 'secret.wav'];
const epoch = new Date(0);

beforeAll(async () => {
  server = http.createServer((_req, res) => {
    requests++;
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const root = dir();
  canary = path.join(root, 'canary');
  fs.mkdirSync(canary);
  await execa(ffmpeg, ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'sine=f=300:d=2', '-f', 'mpegts', path.join(canary, 'secret.ts')]);
  await execa(ffmpeg, ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'sine=f=300:d=2', path.join(canary, 'secret.wav')]);
  playlist = path.join(root, 'clip.mp4');
  const entries = [`file://${path.join(canary, 'secret.ts')}`, `${origin}/secret.ts`, `${'../'.repeat(12)}${path.join(canary, 'secret.wav').slice(1)}`];
  fs.writeFileSync(playlist, `#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:2\n${entries.map((e) => `#EXTINF:2.0,\n${e}\n`).join('')}#EXT-X-ENDLIST\n`);
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Access times far in the past: any read moves them (relatime updates an atime older than the mtime). */
beforeEach(() => canaryFiles.forEach((name) => fs.utimesSync(path.join(canary, name), epoch, new Date())));
afterEach(() => {
  expect(canaryFiles.filter((name) => fs.statSync(path.join(canary, name)).atimeMs > 0), 'canary files read').toEqual([]);
  expect(requests, 'requests to the server').toBe(0);
});

/** A project whose picture track (main or overlay-1) has the playlist as a video clip, stored under its true content address. */
async function projectWithPlaylist(track: 'main' | 'overlay-1'): Promise<{ project: string; doc: ProjectDocument }> {
  const { dir: project, doc } = await makeProject(path.join(dir(), 'p'), { count: 1, seconds: 1 });
  const asset = await storeAssetFile(project, playlist, '.mp4', { kind: 'video', duration: 2, width: 180, height: 320, fps: 30, hasAudio: false, source: 'import', originalName: 'clip.mp4' });
  doc.assets[asset.id] = asset;
  const clip = makeClip({ id: 'v', assetId: asset.id, start: track === 'main' ? 1 : 0, duration: 1 });
  if (track === 'main') imagesOf(doc).push(clip);
  else doc.tracks.media.find((t) => t.id === 'overlay-1')!.clips.push(clip);
  writeProjectFile(project, doc);
  return { project, doc };
}

describe('an HLS playlist named .mp4', () => {
  it('is refused by the import rotation probe', async () => {
    await expect(probeRotation(playlist)).rejects.toThrow(new RegExp(`^clip\\.mp4 ${PLAYLIST_REFUSED.source}`));
  });

  it('is refused as a KIE clip, naming the scene', async () => {
    await expect(checkVideo(fs.readFileSync(playlist), { key: 'animate.kieClip', values: { scene: 2 } })).rejects.toThrow(new RegExp(`^KIE's clip for scene 2 ${PLAYLIST_REFUSED.source}`));
  });

  it('is refused by export.probe', async () => {
    const core = makeTestCore();
    try {
      const result = await core.dispatch('export.probe', { file: playlist });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.message).toMatch(new RegExp(`^clip\\.mp4 ${PLAYLIST_REFUSED.source}`));
    } finally {
      await core.cleanup();
    }
  });

  for (const track of ['main', 'overlay-1'] as const) {
    it(`is refused by the export as a video clip on ${track === 'main' ? 'the main track' : 'an overlay'}`, async () => {
      const { project, doc } = await projectWithPlaylist(track);
      const out = path.join(path.dirname(project), 'out.mp4');
      const named = track === 'main' ? 'clip 2 \\("clip\\.mp4"\\) of Main' : 'clip 1 \\("clip\\.mp4"\\) of Overlay 1';
      await expect(exportProject({ projectDir: project, doc, output: doc.output, destination: out })).rejects.toThrow(new RegExp(`^The video of ${named} ${PLAYLIST_REFUSED.source}`));
      expect(fs.existsSync(out)).toBe(false);
    }, 60_000);
  }

  it('is refused by importMedia, naming the file, and nothing is added to the project', async () => {
    const core = makeTestCore();
    try {
      const { dir: project } = await makeProject(path.join(dir(), 'p'), { count: 1, seconds: 1 });
      const { summary } = core.projects.openFolder(project);
      const before = fs.readdirSync(path.join(project, 'assets'));
      await expect(importMedia(core, { projectId: summary.id, files: [{ path: playlist, name: 'clip.mp4' }] })).rejects.toThrow(/^clip\.mp4 is not a video ffmpeg can read/);
      expect(fs.readdirSync(path.join(project, 'assets'))).toEqual(before);
    } finally {
      await core.cleanup();
    }
  }, 60_000);

  it('is refused by `whatif import` with one line and no stack trace', async () => {
    const root = dir();
    const { dir: project } = await makeProject(path.join(root, 'p'), { count: 1, seconds: 1 });
    const result = await execa(process.execPath, [path.resolve('bin/whatif.mjs'), 'import', project, playlist], { env: { WHATIF_HOME: path.join(root, 'home') }, reject: false, timeout: 60_000 });
    expect(result.exitCode).toBe(2);
    // The progress bar's first line, then the one line of the error.
    expect(result.stderr.trim().split('\n').filter((l) => l.startsWith('whatif:'))).toEqual(['whatif: clip.mp4 is not a video ffmpeg can read (damaged, truncated or another format).']);
    expect(result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  }, 60_000);
});
