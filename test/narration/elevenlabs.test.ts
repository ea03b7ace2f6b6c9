/** ElevenLabs end to end against the loopback fake: chunks, stitched audio, exact word timings, errors, the key kept secret. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configureNarration, resolveEngine, narrationRuntime } from '../../src-main/narration/runtime.js';
import { synthesizeScript } from '../../src-main/narration/synthesize.js';
import { createElevenLabsEngine } from '../../src-main/narration/elevenlabs/elevenlabs-engine.js';
import { measuredWpm } from '../../src-main/narration/audio/speech-time.js';
import { startFakeElevenLabs } from '../fakes/elevenlabs-server.js';
import { call, makeTestCore } from '../helpers/temp-core.js';
import { readProjectFile } from '../../src-main/project/project-file.js';
import type { Job } from '../../src-main/ipc/contract/jobs.js';
import { narrationOf } from '../helpers/tracks.js';

type Fake = Awaited<ReturnType<typeof startFakeElevenLabs>>;
let fake: Fake;
let core: ReturnType<typeof makeTestCore>;
const logs: string[] = [];

beforeAll(async () => {
  fake = await startFakeElevenLabs({ maxChars: 120 });
  core = makeTestCore({ log: (line) => logs.push(line) });
  configureNarration(core, { elevenLabsBaseUrl: fake.baseUrl });
  await core.secrets.set('elevenlabs', fake.apiKey);
});
afterAll(async () => {
  await core.cleanup();
  await fake.close();
});

const SCRIPT = 'What if cats could talk? They would complain about breakfast. They would judge our music.\n\nDogs would simply be happy about everything, as always. Nobody would be surprised.';

describe('ElevenLabs', () => {
  it('lists voices through IPC and tests the key', async () => {
    const { voices } = await call<{ voices: { id: string; name: string }[] }>(core, 'voices.elevenlabs', {});
    expect(voices.map((v) => v.id)).toEqual(['elevenlabs:voice1', 'elevenlabs:voice2']);
    expect(await core.secretTesters.elevenlabs!()).toEqual({ ok: true, message: 'ElevenLabs key works: 2 voices available.', key: 'keys.elevenlabsWorks', values: { count: 2 } });
  });

  it('narrates a script in chunks within the model limit, stitched, with exact word timings', async () => {
    const engine = resolveEngine(core, 'elevenlabs:voice1');
    const result = await synthesizeScript(engine, narrationRuntime(core).calibration, { script: SCRIPT, wpm: 150, sentenceSilence: 0.3 });
    const posts = fake.requests.filter((r) => r.path.endsWith('/with-timestamps'));
    expect(posts.length).toBeGreaterThanOrEqual(2); // 120-char limit and a paragraph break force chunks
    for (const p of posts) expect((p.body!.text as string).length).toBeLessThanOrEqual(120);
    expect(posts[0]!.body!.model_id).toBe('eleven_multilingual_v2');
    expect((posts[0]!.body!.voice_settings as { speed: number }).speed).toBe(1);
    expect(result.wordTimings).toBe('exact');
    expect(result.words.map((w) => w.text).slice(0, 5)).toEqual(['What', 'if', 'cats', 'could', 'talk']);
    expect(result.words).toHaveLength(28);
    // the fake's audio: each letter 60 ms → "What" lasts 0.24 s from 0
    expect(result.words[0]!.start).toBeCloseTo(0, 3);
    expect(result.words[0]!.end).toBeCloseTo(0.24, 3);
    for (let i = 1; i < result.words.length; i++) expect(result.words[i]!.start).toBeGreaterThanOrEqual(result.words[i - 1]!.end - 1e-9);
    const length = result.audio.samples.length / result.audio.sampleRate;
    expect(result.audio.sampleRate).toBe(24000);
    expect(result.sentences).toHaveLength(5);
    expect(result.sentences[4]!.end).toBeCloseTo(length, 2);
    expect(result.words[result.words.length - 1]!.end).toBeLessThanOrEqual(length + 1e-6);
    expect(measuredWpm(28, result.audio.samples, result.audio.sampleRate)).toBeGreaterThan(0);
  });

  it('narrates a project through the job queue: asset, captions with the exact word times', async () => {
    const project = await call<{ id: string; dir: string }>(core, 'project.create', { name: 'Cats', language: 'en' });
    core.projects.update(project.id, (doc) => ({ ...doc, narration: { ...doc.narration, engine: 'elevenlabs', voiceId: 'voice1', wordsPerMinute: 150, script: SCRIPT } }));
    core.jobs.start();
    const { job } = await call<{ job: Job }>(core, 'narration.synthesize', { projectId: project.id });
    const done = await core.jobs.waitFor(job.id);
    expect(done.state, JSON.stringify(done.error)).toBe('done');
    const doc = readProjectFile(project.dir);
    const words = doc.tracks.captions.cues.flatMap((c) => c.words ?? []);
    expect(words).toHaveLength(28);
    expect(words[0]).toEqual({ text: 'What', start: 0, end: 0.24 });
    expect(doc.assets[narrationOf(doc)[0]!.assetId]).toMatchObject({ source: 'narration', mime: 'audio/wav' });
    const sent = fake.requests.filter((r) => r.path.endsWith('/with-timestamps')).at(-1)!;
    expect(sent.body!.language_code).toBe('en'); // the project's language
  });

  it('maps words per minute to speed and says when it is clamped', async () => {
    const engine = createElevenLabsEngine(narrationRuntime(core).elevenlabs, 'voice2');
    const result = await synthesizeScript(engine, narrationRuntime(core).calibration, { script: 'Fast words here.', wpm: 240 });
    const last = fake.requests.filter((r) => r.path.endsWith('/with-timestamps')).at(-1)!;
    expect((last.body!.voice_settings as { speed: number }).speed).toBe(1.2);
    expect(result.warnings.join(' ')).toMatch(/0\.7–1\.2× speed; 240 words per minute was set to 1\.2×/);
  });

  it('retries a 429 and a 500 on the retry schedule and still finishes', async () => {
    const engine = createElevenLabsEngine(narrationRuntime(core).elevenlabs, 'voice1', { retry: { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 10 } });
    const result = await synthesizeScript(engine, narrationRuntime(core).calibration, { script: 'Busy now [fault:429]. Broken now [fault:500].', wpm: 150 });
    expect(result.sentences).toHaveLength(2);
  });

  it('turns 401, quota, unknown voice and a missing key into clear errors without the key', async () => {
    const run = (voice: string, script = 'Hello there.') => synthesizeScript(createElevenLabsEngine(narrationRuntime(core).elevenlabs, voice, { retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 } }), narrationRuntime(core).calibration, { script, wpm: 150 });
    await expect(run('nobody')).rejects.toThrow(/voice does not exist in this account/);
    await expect(run('voice1', 'Too much [fault:quota].')).rejects.toThrow(/no characters left this month/);
    await core.secrets.set('elevenlabs', 'wrong-key-123456789');
    await expect(run('voice1')).rejects.toMatchObject({ code: 'auth_error', message: expect.stringMatching(/API key is not valid/) });
    const tested = await core.secretTesters.elevenlabs!();
    expect(tested.ok).toBe(false);
    await core.secrets.delete('elevenlabs');
    await expect(run('voice1')).rejects.toThrow(/No ElevenLabs API key is set/);
    await core.secrets.set('elevenlabs', fake.apiKey);
    const everything = logs.join('\n');
    expect(everything).not.toContain(fake.apiKey);
    expect(everything).not.toContain('wrong-key-123456789');
  });
});
