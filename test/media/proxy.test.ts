/**
 * Preview proxies with real ffmpeg: a video the preview cannot play (HEVC, here also rotated, VFR and
 * with sound) gets a `media.proxy` job at import, a playable one (H.264) none. The job writes an
 * H.264 8-bit yuv420p copy, upright, within 540 px, with the source's own frame timestamps (the
 * counter burned into each frame read back) and AAC sound; the media route's preview address serves
 * it. The export never reads it: with the proxy replaced by a gray video, the export's frames still
 * show the original's counters.
 */
import fs from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportProject } from '../../src-main/media/export/export-project.js';
import { probeMedia } from '../../src-main/media/ffmpeg/probe.js';
import { importMedia } from '../../src-main/media/import/import-media.js';
import { PROXY_KIND, proxyTimeLimitMs } from '../../src-main/media/proxy/proxy-job.js';
import { needsProxy, proxyFile, PROXY_LONG_SIDE, RECIPE_KEY } from '../../src-main/media/proxy/proxy-recipe.js';
import { resolveBinary } from '../../src-main/platform/binaries.js';
import { resolveMediaFile } from '../../src-main/protocol/media-request.js';
import { makeClip, type ProjectDocument } from '../../src-main/project/document.js';
import { writeProjectFile } from '../../src-main/project/project-file.js';
import { call, makeTestCore, tempDirsForThisFile } from '../helpers/temp-core.js';
import { setClips } from '../helpers/tracks.js';
import { grayFrames } from './decode.js';
import { counterAt, counterVideo, frameTimes, readCounter } from './video-fixtures.js';

const newDir = tempDirsForThisFile('whatif-proxy-');
let core: ReturnType<typeof makeTestCore>;
beforeAll(() => {
  core = makeTestCore();
});
afterAll(async () => core?.cleanup());

const read = (dir: string): ProjectDocument => JSON.parse(fs.readFileSync(path.join(dir, 'project.json'), 'utf8')) as ProjectDocument;
const FULL = { x: 0, y: 0, w: 180, h: 320 };

/** Every frame the file holds, once each (no frame rate conversion: a VFR file's own frames). */
async function ownFrames(file: string): Promise<Uint8Array[]> {
  const { stdout } = await execa(resolveBinary('ffmpeg'), ['-v', 'error', '-i', file, '-fps_mode', 'passthrough', '-f', 'rawvideo', '-pix_fmt', 'gray', '-'], { encoding: 'buffer', maxBuffer: 1 << 28 });
  const size = FULL.w * FULL.h;
  return Array.from({ length: Math.floor(stdout.length / size) }, (_, i) => stdout.subarray(i * size, (i + 1) * size));
}

describe('which videos get a preview proxy', () => {
  it('the codecs Chromium plays get none; HEVC, MPEG-4 Part 2, ProRes and Motion JPEG do', () => {
    for (const codec of ['h264', 'vp8', 'vp9', 'av1', 'H264']) expect([codec, needsProxy({ kind: 'video', codec })]).toEqual([codec, false]);
    for (const codec of ['hevc', 'mpeg4', 'prores', 'mjpeg', undefined]) expect([codec, needsProxy({ kind: 'video', codec })]).toEqual([codec, true]);
    expect(needsProxy({ kind: 'audio', codec: 'aac' })).toBe(false);
    expect(needsProxy({ kind: 'image' })).toBe(false);
    expect(proxyFile({ id: 'abc123' })).toBe(`proxies/abc123-${RECIPE_KEY}.mp4`);
    expect(proxyTimeLimitMs(2)).toBe(80_000);
  });
});

describe('the proxy job', () => {
  it('makes a playable copy of an HEVC import only, with the right frames; the export reads the original', async () => {
    const sources = newDir();
    const hevc = await counterVideo(sources, 'phone.mp4', { seconds: 2, hevc: true, rotated: true, vfr: true, audio: true });
    const h264 = await counterVideo(sources, 'camera.mp4', { seconds: 2 });
    const times = await frameTimes(hevc);
    const p = await call<{ id: string; dir: string }>(core, 'project.create', { name: 'Proxies' });
    await importMedia(core, { projectId: p.id, files: [{ path: hevc, name: 'phone.mp4' }, { path: h264, name: 'camera.mp4' }] });

    let doc = read(p.dir);
    const phone = Object.values(doc.assets).find((a) => a.originalName === 'phone.mp4')!;
    const camera = Object.values(doc.assets).find((a) => a.originalName === 'camera.mp4')!;
    expect(phone).toMatchObject({ codec: 'hevc', proxy: { file: proxyFile(phone), status: 'making' } });
    expect(camera.codec).toBe('h264');
    expect(camera.proxy).toBeUndefined();
    const jobs = core.jobs.list({ projectId: p.id }).filter((j) => j.kind === PROXY_KIND);
    expect(jobs.map((j) => j.title)).toEqual(['Preview copy of phone.mp4']);
    // Before it is made, the preview address serves the original.
    expect(resolveMediaFile(core.projects, `${p.id}/preview/${phone.id}`)).toBe(fs.realpathSync(path.join(p.dir, phone.file)));

    core.jobs.start();
    expect((await core.jobs.waitFor(jobs[0]!.id)).state).toBe('done');
    doc = read(p.dir);
    expect(doc.assets[phone.id]!.proxy).toEqual({ file: proxyFile(phone), status: 'ready' });
    const proxy = path.join(p.dir, proxyFile(phone));
    expect(resolveMediaFile(core.projects, `${p.id}/preview/${phone.id}`)).toBe(fs.realpathSync(proxy));
    expect(resolveMediaFile(core.projects, `${p.id}/preview/${camera.id}`)).toBe(fs.realpathSync(path.join(p.dir, camera.file)));

    // H.264 8-bit 4:2:0, upright (the rotation applied: 180x320 as displayed), within the long side, AAC.
    const probe = await probeMedia(proxy);
    expect(probe.video).toMatchObject({ codec: 'h264', pixFmt: 'yuv420p', width: 180, height: 320, rotation: 0 });
    expect(Math.max(probe.video!.width, probe.video!.height)).toBeLessThanOrEqual(PROXY_LONG_SIDE);
    expect(probe.audio?.codec).toBe('aac');
    const { stdout: profile } = await execa(resolveBinary('ffprobe'), ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=profile', '-of', 'csv=p=0', proxy]);
    expect(profile.trim()).toBe('High');
    // The source's own timestamps (VFR kept) and, in each frame, the source frame's counter.
    const proxyTimes = await frameTimes(proxy);
    expect(proxyTimes.length).toBe(times.length);
    expect(times.length).toBeLessThan(60); // frames were dropped: VFR
    proxyTimes.forEach((t, i) => expect(Math.abs(t - times[i]!)).toBeLessThan(0.002));
    const frames = await ownFrames(proxy);
    for (const i of [0, 1, 7, 20, times.length - 1]) expect([i, readCounter(frames[i]!, 180, FULL)]).toEqual([i, counterAt(times, times[i]!)]);

    // The export reads the original: with the proxy swapped for a gray picture, its frames still show the counters.
    await execa(resolveBinary('ffmpeg'), ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'color=c=gray:s=180x320:r=30:d=2', '-c:v', 'libx264', '-pix_fmt', 'yuv420p', proxy]);
    doc.output = { ...doc.output, width: 180, height: 320, fps: 30, quality: 'draft' };
    doc.tracks.captions = { ...doc.tracks.captions, cues: [] };
    setClips(doc, 'main', [makeClip({ id: 'v1', assetId: phone.id, start: 0, duration: 1.5, sourceIn: 0.2 })]);
    writeProjectFile(p.dir, doc);
    const out = path.join(sources, 'out.mp4');
    await exportProject({ projectDir: p.dir, doc, output: doc.output, destination: out, segmentSeconds: 3600 });
    const exported = await grayFrames(out, 180, 320);
    for (const k of [0, 10, 30, 44]) expect([k, readCounter(exported[k]!, 180, FULL)]).toEqual([k, counterAt(times, 0.2 + k / 30)]);

    // Removed from the bin (unused): the copy goes with it.
    setClips(doc, 'main', []);
    writeProjectFile(p.dir, doc);
    await call(core, 'media.removeUnused', { projectId: p.id, assetIds: [phone.id] });
    expect(fs.existsSync(proxy)).toBe(false);
  }, 180_000);

  it('a copy that cannot be made marks the asset failed (the page says so) and the job names the file', async () => {
    await core.jobs.stop(); // nothing runs until the file is broken
    const sources = newDir();
    const hevc = await counterVideo(sources, 'broken.mp4', { seconds: 1, hevc: true });
    const p = await call<{ id: string; dir: string }>(core, 'project.create', { name: 'Broken proxy' });
    await importMedia(core, { projectId: p.id, files: [{ path: hevc, name: 'broken.mp4' }] });
    const asset = Object.values(read(p.dir).assets)[0]!;
    // The file breaks after import (its index cut off): ffmpeg cannot decode it.
    const file = path.join(p.dir, asset.file);
    fs.writeFileSync(file, fs.readFileSync(file).subarray(0, 2048));
    const job = core.jobs.list({ projectId: p.id }).find((j) => j.kind === PROXY_KIND)!;
    core.jobs.start();
    const done = await core.jobs.waitFor(job.id);
    expect(done.state).toBe('error');
    expect(done.error?.message).toContain('broken.mp4');
    expect(read(p.dir).assets[asset.id]!.proxy).toEqual({ file: proxyFile(asset), status: 'failed' });
    expect(fs.readdirSync(path.join(p.dir, 'proxies'))).toEqual([]);
  }, 60_000);
});
