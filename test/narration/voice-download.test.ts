/** Voice download from a loopback hub: md5 verified, a corrupted file refused, a cut download resumed with Range. */
import fs from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configureNarration, closeNarration } from '../../src-main/narration/runtime.js';
import { startFakeVoiceHub } from '../fakes/voice-hub-server.js';
import { call, makeTestCore, tempDir } from '../helpers/temp-core.js';
import { testVoice } from './helpers.js';
import type { Job } from '../../src-main/ipc/contract/jobs.js';

let hub: Awaited<ReturnType<typeof startFakeVoiceHub>>;
let core: ReturnType<typeof makeTestCore>;
let gen: string;

beforeAll(async () => {
  gen = tempDir('whatif-hubsrc-');
  hub = await startFakeVoiceHub([
    { name: 'en_US-good-medium', onnx: testVoice(gen, { name: 'en_US-good-medium' }) },
    { name: 'es_ES-broken-low', onnx: testVoice(gen, { name: 'es_ES-broken-low', espeakVoice: 'es', sampleRate: 16000 }), fault: 'corrupt' },
    { name: 'es_MX-flaky-medium', onnx: testVoice(gen, { name: 'es_MX-flaky-medium', espeakVoice: 'es-419' }), fault: 'cut' },
  ]);
  core = makeTestCore({ jobRetry: { baseDelayMs: 10, maxDelayMs: 20 } });
  configureNarration(core, { hubBaseUrl: hub.baseUrl, downloadChunkBytes: 1024 });
  core.jobs.start();
});
afterAll(async () => {
  closeNarration(core);
  await core.cleanup();
  await hub.close();
  fs.rmSync(gen, { recursive: true, force: true });
});

async function download(name: string): Promise<Job> {
  const { job } = await call<{ job: Job }>(core, 'voices.download', { name });
  return core.jobs.waitFor(job.id);
}

describe('voice download', () => {
  it("lists the hub's catalogue to pick from: language, speaker, quality and size", async () => {
    const { voices } = await call<{ voices: { name: string; language: string; speaker: string; quality: string; sizeBytes: number }[] }>(core, 'voices.catalog', {});
    expect(voices.map((v) => [v.name, v.language, v.speaker, v.quality])).toEqual([
      ['en_US-good-medium', 'en_US', 'good', 'medium'],
      ['es_ES-broken-low', 'es_ES', 'broken', 'low'],
      ['es_MX-flaky-medium', 'es_MX', 'flaky', 'medium'],
    ]);
    const onnx = fs.statSync(path.join(gen, 'en_US-good-medium.onnx')).size + fs.statSync(path.join(gen, 'en_US-good-medium.onnx.json')).size;
    expect(voices[0]!.sizeBytes).toBe(onnx);
  });

  it('downloads in ranges, checks md5, installs and lists the voice', async () => {
    const done = await download('en_US-good-medium');
    expect(done.state, JSON.stringify(done.error)).toBe('done');
    expect(hub.ranges.some((r) => r.startsWith('en_US-good-medium.onnx bytes=1024-'))).toBe(true);
    const { voices } = await call<{ voices: { id: string; sampleRate: number; language: string }[] }>(core, 'voices.list', {});
    expect(voices.find((v) => v.id === 'piper:en_US-good-medium')).toMatchObject({ sampleRate: 22050, language: 'en_US' });
    const installed = path.join(core.paths.voices, 'en_US-good-medium', 'model.onnx');
    expect(fs.statSync(installed).size).toBeGreaterThan(fs.statSync(path.join(gen, 'en_US-good-medium.onnx')).size); // + metadata
    expect(fs.existsSync(path.join(core.paths.voices, '.downloads', 'en_US-good-medium'))).toBe(false);
  });

  it('refuses a file whose md5 does not match and leaves nothing installed', async () => {
    const done = await download('es_ES-broken-low');
    expect(done.state).toBe('error');
    expect(done.error?.message).toMatch(/es_ES-broken-low\.onnx is corrupted \(md5 [0-9a-f]{32} instead of [0-9a-f]{32}\); it was deleted/);
    expect(fs.existsSync(path.join(core.paths.voices, 'es_ES-broken-low'))).toBe(false);
    expect(fs.existsSync(path.join(core.paths.voices, '.downloads', 'es_ES-broken-low'))).toBe(false);
  });

  it('resumes a download cut halfway from where it stopped', async () => {
    const done = await download('es_MX-flaky-medium');
    expect(done.state, JSON.stringify(done.error)).toBe('done');
    // The cut range is retried inside the HTTP client: the job's first attempt finishes it.
    expect(done.attempts).toBe(1);
    const onnxRanges = hub.ranges.filter((r) => r.startsWith('es_MX-flaky-medium.onnx '));
    // the cut range is asked again, not the file from byte 0
    const cut = onnxRanges.find((r, i) => onnxRanges.indexOf(r) !== i);
    expect(cut).toBe('es_MX-flaky-medium.onnx bytes=1024-2047');
    expect(onnxRanges.filter((r) => r.includes('bytes=0-')).length).toBe(1);
  });

  it('says so when the hub has no such voice', async () => {
    const done = await download('xx_XX-nobody-low');
    expect(done.error?.message).toMatch(/The voice hub has no voice "xx_XX-nobody-low"/);
  });
});

describe('whatif voice download', () => {
  it('shows progress, installs a good voice and refuses a corrupted one', async () => {
    const home = tempDir('whatif-cli-download-');
    try {
      const env = { WHATIF_HOME: home, WHATIF_VOICES_BASE_URL: hub.baseUrl };
      const ok = await execa('node', ['bin/whatif.mjs', 'voice', 'download', 'en_US-good-medium'], { reject: false, env });
      expect(ok.exitCode, ok.stderr).toBe(0);
      expect(ok.stderr).toMatch(/\[#+\.*\]\s+\d+%/);
      expect(ok.stdout).toMatch(/Installed piper:en_US-good-medium \(22050 Hz/);
      const listed = await execa('node', ['bin/whatif.mjs', 'voices'], { reject: false, env });
      expect(listed.stdout).toMatch(/piper:en_US-good-medium\s+en_US\s+medium/);
      const bad = await execa('node', ['bin/whatif.mjs', 'voice', 'download', 'es_ES-broken-low'], { reject: false, env });
      expect(bad.exitCode).toBe(1);
      expect(bad.stderr).toMatch(/is corrupted \(md5/);
      expect(fs.existsSync(path.join(home, 'voices', 'es_ES-broken-low'))).toBe(false);
    } finally {
      fs.rmSync(home, { recursive: true, force: true });
    }
  });
});
