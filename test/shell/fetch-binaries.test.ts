import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import zlib from 'node:zlib';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchBinaries, sha256Of } from '../../scripts/fetch-binaries/fetch.js';
import { BINARY_MANIFEST, type BinarySource } from '../../scripts/fetch-binaries/manifest.js';
import { binaryCandidates, clearBinaryCache, platformDirName, resolveBinary } from '../../src-main/platform/binaries.js';
import { tempDir } from '../helpers/temp-core.js';

const work = tempDir('whatif-fetch-');
const files = new Map<string, Buffer>();
let server: http.Server;
let base = '';
const requests: string[] = [];

beforeAll(async () => {
  files.set('/ffmpeg.gz', zlib.gzipSync(Buffer.from('#!/bin/sh\necho "ffmpeg stand-in $@"\n')));
  files.set('/ffprobe.gz', zlib.gzipSync(Buffer.from('#!/bin/sh\necho "ffprobe stand-in"\n')));
  const piperDir = path.join(work, 'src', 'piper');
  fs.mkdirSync(path.join(piperDir, 'espeak-ng-data'), { recursive: true });
  fs.writeFileSync(path.join(piperDir, 'piper'), '#!/bin/sh\necho piper stand-in\n', { mode: 0o755 });
  fs.writeFileSync(path.join(piperDir, 'espeak-ng-data', 'phontab'), 'data');
  await execa('tar', ['-czf', path.join(work, 'piper.tar.gz'), '-C', path.join(work, 'src'), 'piper']);
  files.set('/piper.tar.gz', fs.readFileSync(path.join(work, 'piper.tar.gz')));
  server = http.createServer((req, res) => {
    requests.push(req.url ?? '');
    const body = files.get(req.url ?? '');
    if (!body) return void res.writeHead(404).end('missing');
    res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': body.length }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  fs.rmSync(work, { recursive: true, force: true });
});

function manifest(overrides: Partial<Record<BinarySource['name'], string>> = {}): Record<string, BinarySource[]> {
  const entry = (name: BinarySource['name'], file: string, archive: BinarySource['archive']): BinarySource => ({
    name,
    url: `${base}${file}`,
    sha256: overrides[name] ?? sha256Of(files.get(file)!),
    archive,
  });
  return { 'linux-x64': [entry('ffmpeg', '/ffmpeg.gz', 'gzip'), entry('ffprobe', '/ffprobe.gz', 'gzip'), entry('piper', '/piper.tar.gz', 'tar.gz')] };
}

describe('fetch-binaries', () => {
  it('downloads, verifies the pinned sha256 and installs runnable binaries; a second run skips them', async () => {
    const out = path.join(work, 'bin-ok');
    const installed = await fetchBinaries({ platform: 'linux', arch: 'x64', outRoot: out, manifest: manifest() });
    expect(installed.map((i) => [i.name, i.skipped])).toEqual([['ffmpeg', false], ['ffprobe', false], ['piper', false]]);
    const { stdout } = await execa(path.join(out, 'linux-x64', 'ffmpeg'), ['-version']);
    expect(stdout).toBe('ffmpeg stand-in -version');
    expect((await execa(path.join(out, 'linux-x64', 'piper', 'piper'))).stdout).toBe('piper stand-in');
    expect(fs.existsSync(path.join(out, 'linux-x64', 'piper', 'espeak-ng-data', 'phontab'))).toBe(true);
    const before = requests.length;
    const again = await fetchBinaries({ platform: 'linux', arch: 'x64', outRoot: out, manifest: manifest() });
    expect(again.every((i) => i.skipped)).toBe(true);
    expect(requests.length).toBe(before);
  });

  it('refuses a download whose sha256 does not match, and installs nothing', async () => {
    const out = path.join(work, 'bin-bad');
    const wrong = 'f'.repeat(64);
    await expect(fetchBinaries({ platform: 'linux', arch: 'x64', outRoot: out, manifest: manifest({ ffmpeg: wrong }) })).rejects.toThrow(
      new RegExp(`Refusing ffmpeg .*its sha256 is ${sha256Of(files.get('/ffmpeg.gz')!)}, but ${wrong} is pinned`),
    );
    expect(fs.readdirSync(path.join(out, 'linux-x64'))).toEqual([]);
  });

  it('says which platforms are pinned when asked for another', async () => {
    await expect(fetchBinaries({ platform: 'aix', arch: 'ppc64', outRoot: path.join(work, 'x') })).rejects.toThrow(/No binaries are pinned for aix-ppc64.*linux-x64/);
  });

  it('pins a sha256 for ffmpeg and ffprobe on every packaged platform', () => {
    for (const key of ['linux-x64', 'linux-arm64', 'darwin-x64', 'darwin-arm64', 'win32-x64']) {
      const names = (BINARY_MANIFEST[key] ?? []).map((s) => s.name);
      expect(names, key).toEqual(expect.arrayContaining(['ffmpeg', 'ffprobe']));
      for (const source of BINARY_MANIFEST[key]!) {
        expect(source.sha256, `${key} ${source.name}`).toMatch(/^[0-9a-f]{64}$/);
        expect(source.url, `${key} ${source.name}`).toMatch(/^https:\/\//);
      }
    }
  });

  it('the binary resolver finds the fetched ffmpeg inside a packaged app (process.resourcesPath)', async () => {
    const resources = path.join(work, 'packaged-resources');
    fs.mkdirSync(path.join(resources, 'sample'), { recursive: true });
    await fetchBinaries({ platform: process.platform, arch: process.arch, outRoot: path.join(resources, 'bin'), manifest: { [platformDirName()]: manifest()['linux-x64']! } });
    const proc = process as { resourcesPath?: string };
    proc.resourcesPath = resources;
    clearBinaryCache();
    try {
      const bundled = path.join(resources, 'bin', platformDirName(), 'ffmpeg');
      expect(binaryCandidates('ffmpeg', {})[0]).toEqual({ source: 'bundled', path: bundled });
      expect(resolveBinary('ffmpeg', { PATH: '' })).toBe(bundled);
      expect(resolveBinary('ffprobe', { PATH: '' })).toBe(path.join(resources, 'bin', platformDirName(), 'ffprobe'));
    } finally {
      delete proc.resourcesPath;
      clearBinaryCache();
    }
  });
});
