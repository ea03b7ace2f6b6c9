import { describe, expect, it } from 'vitest';
import { placeSceneImage } from '../../src-main/images/timeline-place.js';
import { imageCacheKey } from '../../src-main/images/scene-request.js';
import { captionsPastEnd, createEmptyDocument, timelineIssues, type Asset } from '../../src-main/project/document.js';
import { envelopeError, unwrapEnvelope } from '../../src-main/providers/kie/envelope.js';
import { buildCreateRequest, KIE_MODELS, parseTaskRecord } from '../../src-main/providers/kie/models.js';
import { RateGate } from '../../src-main/providers/kie/rate-gate.js';
import { applyTemplate } from '../../src-main/templates/apply-template.js';
import { loadTemplates } from '../../src-main/templates/templates.js';
import { makeScenes } from './harness.js';
import { imagesOf } from '../helpers/tracks.js';

describe('KIE envelope', () => {
  it('maps each envelope code to a typed error that says whether retrying helps', () => {
    const table = Object.fromEntries([401, 402, 404, 422, 429, 455, 500, 501, 505].map((c) => [c, envelopeError(c, 'x', 'testing', 7)]));
    expect([table[401]!.code, table[401]!.retryable]).toEqual(['auth_error', false]);
    expect([table[402]!.code, table[402]!.retryable]).toEqual(['no_credits', false]);
    expect([table[422]!.code, table[422]!.retryable]).toEqual(['invalid_input', false]);
    expect([table[429]!.code, table[429]!.retryable, table[429]!.retryAfterSeconds]).toEqual(['rate_limited', true, 7]);
    expect([table[455]!.retryable, table[455]!.retryAfterSeconds]).toEqual([true, 21]);
    expect(table[500]!.retryable).toBe(true);
    expect([table[501]!.code, table[505]!.code, table[501]!.retryable, table[505]!.retryable]).toEqual(['provider_error', 'unsupported', true, false]);
    expect(unwrapEnvelope({ code: 200, msg: 'success', data: { taskId: 't' } }, 'x')).toEqual({ taskId: 't' });
    expect(() => unwrapEnvelope({ code: 422, message: 'recordInfo is null' }, 'checking')).toThrow(/recordInfo is null/);
  });
});

describe('models', () => {
  it('maps prompt, aspect and reference per family, and never sends a negative prompt a model lacks', () => {
    const req = { prompt: 'p', negativePrompt: 'blurry', aspect: '9:16' as const, referenceUrl: 'https://x/r.png', seed: 3 };
    expect(buildCreateRequest(KIE_MODELS['flux-kontext-pro']!, req)).toEqual({
      path: '/api/v1/flux/kontext/generate',
      body: { prompt: 'p', model: 'flux-kontext-pro', aspectRatio: '9:16', outputFormat: 'png', enableTranslation: true, inputImage: 'https://x/r.png', safetyTolerance: 2 },
    });
    expect(buildCreateRequest(KIE_MODELS['flux-2-pro']!, { ...req, aspect: '1:1' })).toEqual({
      path: '/api/v1/jobs/createTask',
      // With a reference, Flux 2 Pro is its image-to-image model (docs.kie.ai: flux-2/pro-image-to-image takes input_urls).
      body: { model: 'flux-2/pro-image-to-image', input: { prompt: 'p', aspect_ratio: '1:1', resolution: '1K', input_urls: ['https://x/r.png'], seed: 3 } },
    });
  });
  it('reads both record formats, including resultJson as a JSON string', () => {
    const market = KIE_MODELS['flux-2-pro']!;
    expect(parseTaskRecord(market, { state: 'success', resultJson: '{"resultUrls":["u"]}' })).toEqual({ state: 'success', urls: ['u'] });
    expect(parseTaskRecord(market, { state: 'queuing' })).toEqual({ state: 'generating' });
    expect(parseTaskRecord(market, { state: 'fail', failMsg: 'nsfw' })).toEqual({ state: 'failed', message: 'nsfw' });
    const kontext = KIE_MODELS['flux-kontext-pro']!;
    expect(parseTaskRecord(kontext, { successFlag: 1, response: { resultImageUrl: 'r' } })).toEqual({ state: 'success', urls: ['r'] });
    expect(parseTaskRecord(kontext, { successFlag: 3, errorMessage: 'bad' })).toEqual({ state: 'failed', message: 'bad' });
    expect(parseTaskRecord(kontext, { successFlag: 0 })).toEqual({ state: 'generating' });
  });
});

describe('rate gate (fake clock)', () => {
  it('grants 20 per window then makes the 21st wait for the oldest to leave; polls 3 per second', async () => {
    let now = 0;
    const gate = new RateGate({ all: { limit: 20, windowMs: 10_000 }, poll: { limit: 3, windowMs: 1000 } }, () => now, 0);
    for (let i = 0; i < 20; i++) {
      expect(gate.waitFor(['all'])).toBe(0);
      const release = await gate.acquire(['all']);
      release(); // answered at once: counts from now
      now += 10;
    }
    expect(gate.waitFor(['all'])).toBe(10_000 - 200 + 1);
    now = 20_000;
    for (let i = 0; i < 3; i++) (await gate.acquire(['all', 'poll']))();
    expect(gate.waitFor(['poll'])).toBe(1001);
    expect(gate.waitFor(['all'])).toBe(0);
  });

  it('counts a request from its answer, and as "now" while in flight: a late arrival never breaks the limit', async () => {
    let now = 0;
    const gate = new RateGate({ all: { limit: 2, windowMs: 1000 } }, () => now, 0);
    const slow = await gate.acquire(['all']); // sent at 0, still unanswered
    now = 900;
    (await gate.acquire(['all']))(); // sent and answered at 900
    now = 1500;
    // Counted from its grant, the first would have left the window; it may reach the server only now.
    expect(gate.waitFor(['all'])).toBe(900 + 1000 - 1500 + 1);
    now = 1700;
    slow(); // answered at 1700: from now on it counts from 1700
    expect(gate.waitFor(['all'])).toBe(900 + 1000 - 1700 + 1);
    now = 1901;
    expect(gate.waitFor(['all'])).toBe(0);
    expect(gate.waitFor(['all'], 2000)).toBe(0);
  });
});

describe('cache key, timeline placement, templates', () => {
  it('the cache key changes with every input that changes the picture', () => {
    const base = { model: 'm', prompt: 'p', negativePrompt: '', aspect: '9:16', seed: undefined, reference: null };
    const key = imageCacheKey(base);
    expect(imageCacheKey({ ...base })).toBe(key);
    for (const change of [{ model: 'n' }, { prompt: 'q' }, { negativePrompt: 'x' }, { aspect: '1:1' }, { seed: 1 }, { reference: 'abc' }]) {
      expect(imageCacheKey({ ...base, ...change })).not.toBe(key);
    }
  });

  it('places scene images in scene order without overlaps and replaces in place', () => {
    const scenes = makeScenes(['a', 'b', 'c']);
    let doc = { ...createEmptyDocument({ id: 'p', name: 'P', now: 'now' }), scenes };
    const asset = (id: string): Asset => ({ id, kind: 'image', file: `assets/${id}.png`, mime: 'image/png', bytes: 1, source: 'kie' });
    doc = placeSceneImage(doc, scenes[2]!.id, asset('c1'));
    doc = placeSceneImage(doc, scenes[0]!.id, asset('a1'));
    doc = placeSceneImage(doc, scenes[1]!.id, asset('b1'));
    expect(imagesOf(doc).map((c) => [c.assetId, c.start])).toEqual([['a1', 0], ['b1', 3], ['c1', 6]]);
    doc = placeSceneImage(doc, scenes[1]!.id, asset('b2'));
    expect(imagesOf(doc).map((c) => c.assetId)).toEqual(['a1', 'b2', 'c1']);
    expect(doc.scenes[1]!.imageAssetId).toBe('b2');
    expect(timelineIssues(doc)).toEqual([]);
  });

  it('narrated before its images: the first image to land keeps the document valid; a caption past every scene is kept and counted', () => {
    const scenes = makeScenes(['a', 'b', 'c']);
    const cue = (id: string, start: number) => ({ id, start, end: start + 1, text: id });
    let doc = { ...createEmptyDocument({ id: 'p', name: 'P', now: 'now' }), scenes };
    doc = { ...doc, tracks: { ...doc.tracks, captions: { ...doc.tracks.captions, cues: [cue('one', 0), cue('late', 7.5)] } } };
    const asset: Asset = { id: 'a1', kind: 'image', file: 'assets/a1.png', mime: 'image/png', bytes: 1, source: 'kie' };
    doc = placeSceneImage(doc, scenes[0]!.id, asset);
    expect(imagesOf(doc).map((c) => c.start + c.duration)).toEqual([3]);
    expect(timelineIssues(doc)).toEqual([]);
    const past = { ...doc, tracks: { ...doc.tracks, captions: { ...doc.tracks.captions, cues: [cue('past', 9.5)] } } };
    expect(timelineIssues(past)).toEqual([]);
    expect(captionsPastEnd(past)).toBe(1);
    expect(captionsPastEnd(doc)).toBe(0);
  });

  it('a template expands its premise into N prompts with a shared style', () => {
    const template = loadTemplates().find((t) => t.id === 'dinosaurs-survived')!;
    let n = 0;
    const doc = applyTemplate(createEmptyDocument({ id: 'p', name: 'P', now: 'now', language: 'en' }), template, { premise: 'birds grew huge', sceneCount: 7, newId: () => `s${n++}` });
    expect(doc.scenes).toHaveLength(7);
    expect(doc.scenes[0]!.prompt).toContain('birds grew huge');
    expect(doc.scenes[6]!.prompt).toMatch(/\(shot 7\)$/);
    expect(doc.scenes.slice(1).every((s) => s.referenceSceneId === 's0')).toBe(true);
    expect(doc.style).toMatchObject({ templateId: 'dinosaurs-survived', premise: 'birds grew huge' });
  });
});
