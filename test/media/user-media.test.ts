/**
 * User media is read as what it is, never from outside the project: crafted playlists inside a
 * project (HLS and ffconcat, named .wav/.mp3/.mp4) pointing at a canary folder outside it and at a
 * loopback HTTP server are refused by the export and the waveform, the canary files are never read
 * (their access times stay put) and the server gets no request. A control run of plain ffprobe on
 * the same playlist proves the canary sees an escape when there is one.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { execa } from 'execa';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportProject } from '../../src-main/media/export/export-project.js';
import { probeUserMedia, sniffContainer, describeUnreadable, userMediaInputArgs } from '../../src-main/media/ffmpeg/user-media.js';
import { waveformPeaks } from '../../src-main/media/waveform/peaks.js';
import { resolveBinary } from '../../src-main/platform/binaries.js';
import { tempDirsForThisFile } from '../helpers/temp-core.js';
import { addAudio, makeProject, toneFile } from './fixtures.js';
import { narrationOf } from '../helpers/tracks.js';

const dir = tempDirsForThisFile('whatif-user-media-');
const ffmpeg = resolveBinary('ffmpeg');

describe('sniffContainer (pure)', () => {
  const head = (...parts: Array<string | number[]>) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));
  it('knows the containers the app reads by their first bytes', () => {
    expect(sniffContainer(head('RIFF', [0, 0, 0, 0], 'WAVEfmt '))).toBe('wav');
    expect(sniffContainer(head('RIFF', [0, 0, 0, 0], 'WEBPVP8 '))).toBe('webp');
    expect(sniffContainer(head('ID3', [4, 0, 0]))).toBe('mp3');
    expect(sniffContainer(head([0xff, 0xfb, 0x90, 0x64]))).toBe('mp3');
    expect(sniffContainer(head([0xff, 0xf1, 0x50, 0x80]))).toBe('aac');
    expect(sniffContainer(head([0, 0, 0, 0x20], 'ftypisom'))).toBe('mp4');
    expect(sniffContainer(head([0x1a, 0x45, 0xdf, 0xa3, 0x9f]))).toBe('matroska');
    expect(sniffContainer(head('OggS', [0]))).toBe('ogg');
    expect(sniffContainer(head('fLaC'))).toBe('flac');
    expect(sniffContainer(head([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpeg');
    expect(sniffContainer(head([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe('png');
  });
  it('knows none of the playlists and reference formats, and says what they look like', () => {
    for (const text of ['#EXTM3U\n#EXTINF:1,\nfile:///etc/x.ts\n', 'ffconcat version 1.0\nfile a.wav\n', '<?xml version="1.0"?><MPD>', 'concat:a.wav|b.wav', '\uFEFF#EXTM3U\n']) {
      expect(sniffContainer(Buffer.from(text))).toBeNull();
    }
    expect(describeUnreadable(Buffer.from('#EXTM3U\n'))).toMatch(/HLS/);
    expect(describeUnreadable(Buffer.from('ffconcat version 1.0\n'))).toMatch(/ffconcat/);
    expect(describeUnreadable(Buffer.from('<?xml version="1.0"?>\n<MPD xmlns="urn:mpeg:dash">'))).toMatch(/DASH/);
    expect(describeUnreadable(Buffer.alloc(0))).toBe('empty');
  });
});

describe('real files of every accepted kind', () => {
  it('opens wav, mp3, m4a, ogg/opus, flac as audio, mp4 and webm as video, jpeg/png/webp as images; refuses the wrong kind', async () => {
    const d = dir();
    const make = async (name: string, args: string[]) => {
      const file = path.join(d, name);
      await execa(ffmpeg, ['-v', 'error', '-y', ...args, file]);
      return file;
    };
    const tone = ['-f', 'lavfi', '-i', 'sine=f=440:d=1'];
    const picture = ['-f', 'lavfi', '-i', 'testsrc=s=64x64:d=1:r=10'];
    const audio = {
      wav: await make('a.wav', tone),
      mp3: await make('a.mp3', tone),
      m4a: await make('a.m4a', [...tone, '-c:a', 'aac']),
      opus: await make('a.ogg', [...tone, '-c:a', 'libopus']),
      flac: await make('a.flac', tone),
    };
    for (const [name, file] of Object.entries(audio)) {
      const probe = await probeUserMedia('audio', file);
      expect(probe.audio, name).not.toBeNull();
      expect(Math.abs(probe.durationSeconds - 1), name).toBeLessThan(0.1);
    }
    const mp4 = await make('v.mp4', [...picture, '-c:v', 'libx264', '-pix_fmt', 'yuv420p']);
    const mov = await make('v.mov', [...picture, '-c:v', 'libx264', '-pix_fmt', 'yuv420p']);
    const webm = await make('v.webm', [...picture, '-c:v', 'libvpx', '-b:v', '200k']);
    for (const file of [mp4, mov, webm]) expect((await probeUserMedia('video', file)).video?.width).toBe(64);
    expect(userMediaInputArgs('video', mp4)).toEqual(['-protocol_whitelist', 'file,pipe', '-f', 'mov', '-i', `file:${mp4}`]);
    expect(userMediaInputArgs('video', webm)).toContain('matroska');
    const jpg = path.join(d, 'p.jpg');
    fs.writeFileSync(jpg, await sharp({ create: { width: 8, height: 8, channels: 3, background: '#123456' } }).jpeg().toBuffer());
    expect(userMediaInputArgs('image', jpg)).toContain('jpeg_pipe');
    expect(() => userMediaInputArgs('video', audio.wav)).toThrow(/a.wav is not a video file.*it is a wav file/);
    expect(() => userMediaInputArgs('audio', jpg)).toThrow(/p.jpg is not an audio file/);
    // A name that is a protocol for ffmpeg is still a local file.
    const odd = path.join(d, 'concat:x.wav');
    fs.copyFileSync(audio.wav, odd);
    expect((await probeUserMedia('audio', odd)).audio).not.toBeNull();
  }, 60_000);
});

describe('crafted playlists inside a project', () => {
  let server: http.Server;
  let requests = 0;
  let origin = '';
  let canary = '';
  const canaryFiles = ['secret.ts', 'secret.wav', 'secret.mp3', 'secret.m4a'];
  const epoch = new Date(0);

  beforeAll(async () => {
    server = http.createServer((_req, res) => {
      requests++;
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    canary = path.join(dir(), 'canary');
    fs.mkdirSync(canary);
    await execa(ffmpeg, ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'sine=f=300:d=2', '-f', 'mpegts', path.join(canary, 'secret.ts')]);
    for (const name of ['secret.wav', 'secret.mp3', 'secret.m4a']) await execa(ffmpeg, ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'sine=f=300:d=2', ...(name.endsWith('m4a') ? ['-c:a', 'aac'] : []), path.join(canary, name)]);
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  /** Access times far in the past: any read moves them (relatime updates an atime older than the mtime). */
  const arm = () => canaryFiles.forEach((name) => fs.utimesSync(path.join(canary, name), epoch, new Date()));
  const read = () => canaryFiles.filter((name) => fs.statSync(path.join(canary, name)).atimeMs > 0);

  const hls = (target: string) => `#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:2\n#EXTINF:2.0,\n${target}\n#EXT-X-ENDLIST\n`;
  const playlists = () => [
    { name: 'voice.wav', text: hls(`file://${path.join(canary, 'secret.ts')}`) },
    { name: 'voice.mp3', text: hls(`${origin}/secret.ts`) },
    { name: 'voice.mp4', text: hls(`${'../'.repeat(12)}${path.join(canary, 'secret.wav').slice(1)}`) },
    { name: 'voice.wav', text: `ffconcat version 1.0\nfile '${path.join(canary, 'secret.mp3')}'\nfile '${origin}/secret.m4a'\n` },
    { name: 'voice.mp3', text: `ffconcat version 1.0\nfile '../../canary/secret.m4a'\n` },
  ];

  it('the canary detector works: plain ffprobe on such a playlist reads the file outside the project', async () => {
    const file = path.join(dir(), 'control.wav');
    fs.writeFileSync(file, hls(`file://${path.join(canary, 'secret.ts')}`));
    arm();
    await execa(resolveBinary('ffprobe'), ['-v', 'error', file], { reject: false, timeout: 20_000 });
    expect(read()).toEqual(['secret.ts']);
    // (Debian's ffmpeg 5.1 already keeps a local playlist's entries off http ("not on whitelist
    // file,crypto,data"); the server below guards builds that do not.)
  }, 60_000);

  it('the export refuses each one as a playlist, opening nothing outside the project and calling no server', async () => {
    requests = 0;
    for (const [i, playlist] of playlists().entries()) {
      const d = dir();
      const { dir: project, doc } = await makeProject(path.join(d, 'p'), { count: 1, seconds: 1 });
      const crafted = path.join(d, playlist.name);
      fs.writeFileSync(crafted, playlist.text);
      // Stored under its true content address: the hash check passes, the signature check must not.
      await addAudio(project, doc, crafted, 'narration', 0, 1);
      arm();
      const out = path.join(d, 'out.mp4');
      await expect(exportProject({ projectDir: project, doc, output: doc.output, destination: out }), `playlist ${i + 1}`).rejects.toThrow(
        new RegExp(`^The audio of clip 1 \\("voice\\.(wav|mp3|mp4)"\\) of Narration is not an audio file \\(WAV, MP3, M4A/AAC, OGG/Opus, FLAC\\): it is an? (HLS/M3U playlist|ffconcat list)\\.$`),
      );
      expect(fs.existsSync(out)).toBe(false);
      // The waveform of the timeline opens the same file the same way.
      const asset = doc.assets[narrationOf(doc)[0]!.assetId]!;
      await expect(waveformPeaks(project, asset, path.join(d, 'cache'))).rejects.toThrow(/is not an audio file/);
      expect(read(), `playlist ${i + 1}`).toEqual([]);
    }
    expect(requests).toBe(0);
  }, 120_000);

  it('an asset whose bytes were replaced after it was stored is refused by its content address', async () => {
    const d = dir();
    const { dir: project, doc } = await makeProject(path.join(d, 'p'), { count: 1, seconds: 1 });
    await addAudio(project, doc, await toneFile(d, 'voice.wav', 500, 1), 'narration', 0, 1);
    const asset = doc.assets[narrationOf(doc)[0]!.assetId]!;
    fs.writeFileSync(path.join(project, asset.file), await fs.promises.readFile(path.join(canary, 'secret.wav')));
    await expect(exportProject({ projectDir: project, doc, output: doc.output, destination: path.join(d, 'o.mp4') })).rejects.toThrow(/clip 1 .* of Narration was changed outside the app/);
  }, 60_000);
});
