/** The pure parts of Animate and the new image models: request shapes, record shapes, placement, cost. */
import { describe, expect, it } from 'vitest';
import { estimateAnimation, resolveAnimateRequest, resolveVideoChoice } from '../../src-main/animation/animate-request.js';
import { placeSceneVideo } from '../../src-main/animation/place-video.js';
import { placeSceneImage } from '../../src-main/images/timeline-place.js';
import { createEmptyDocument, timelineIssues, type Asset, type ProjectDocument } from '../../src-main/project/document.js';
import { buildCreateRequest, KIE_MODELS, KIE_VIDEO_MODELS, parseTaskRecord, recordPath, requestWarnings, videoCredits } from '../../src-main/providers/kie/models.js';
import { makeScenes } from '../images/harness.js';

const video = (id: string) => KIE_VIDEO_MODELS[id]!;
const image = (id: string) => KIE_MODELS[id]!;
const base = { prompt: 'move', negativePrompt: 'blurry', aspect: '9:16' as const, imageUrl: 'https://u/first.png', lastFrameUrl: 'https://u/last.png' };

describe('video request shapes (docs.kie.ai, table of 2026-12-01)', () => {
  it('Market image-to-video: snake_case input, duration as a string, the last frame where the model takes one', () => {
    expect(buildCreateRequest(video('kling-2.1-pro'), { ...base, duration: 10, resolution: null })).toEqual({
      path: '/api/v1/jobs/createTask',
      body: { model: 'kling/v2-1-pro', input: { prompt: 'move', image_url: 'https://u/first.png', duration: '10', cfg_scale: 0.5, tail_image_url: 'https://u/last.png', negative_prompt: 'blurry' } },
    });
    expect(buildCreateRequest(video('wan-2.5'), { ...base, duration: 5, resolution: '1080p' })).toEqual({
      path: '/api/v1/jobs/createTask',
      body: { model: 'wan/2-5-image-to-video', input: { prompt: 'move', image_url: 'https://u/first.png', duration: '5', enable_prompt_expansion: false, resolution: '1080p', negative_prompt: 'blurry' } },
    });
    // Hailuo and Seedance take one image and no negative prompt: neither is sent.
    expect(buildCreateRequest(video('hailuo-2.3-pro'), { ...base, duration: 6, resolution: '768P' }).body).toEqual({
      model: 'hailuo/2-3-image-to-video-pro',
      input: { prompt: 'move', image_url: 'https://u/first.png', duration: '6', resolution: '768P' },
    });
  });
  it('Veo 3.1: first and last frame in imageUrls, 9:16 native; Runway: imageUrl, numeric duration, quality', () => {
    expect(buildCreateRequest(video('veo-3.1-fast'), { ...base, duration: 8, resolution: null })).toEqual({
      path: '/api/v1/veo/generate',
      body: { prompt: 'move', model: 'veo3_fast', imageUrls: ['https://u/first.png', 'https://u/last.png'], generationType: 'FIRST_AND_LAST_FRAMES_2_VIDEO', aspect_ratio: '9:16', enableTranslation: true },
    });
    expect(buildCreateRequest(video('runway'), { ...base, duration: 5, resolution: '1080p' })).toEqual({
      path: '/api/v1/runway/generate',
      body: { prompt: 'move', imageUrl: 'https://u/first.png', duration: 5, quality: '1080p', aspectRatio: '9:16', waterMark: '' },
    });
    expect(recordPath(video('veo-3.1'), 'a b')).toBe('/api/v1/veo/record-info?taskId=a%20b');
    expect(recordPath(video('runway'), 't')).toBe('/api/v1/runway/record-detail?taskId=t');
    expect(recordPath(video('kling-2.1-pro'), 't')).toBe('/api/v1/jobs/recordInfo?taskId=t');
  });
  it('reads Veo, Runway and Market video records, failures with their reason', () => {
    expect(parseTaskRecord(video('veo-3.1'), { successFlag: 1, response: { resultUrls: ['v.mp4'] } })).toEqual({ state: 'success', urls: ['v.mp4'] });
    expect(parseTaskRecord(video('veo-3.1'), { successFlag: 1, resultUrls: '["v2.mp4"]' })).toEqual({ state: 'success', urls: ['v2.mp4'] });
    expect(parseTaskRecord(video('veo-3.1'), { successFlag: 3, errorMessage: 'flagged' })).toEqual({ state: 'failed', message: 'flagged' });
    expect(parseTaskRecord(video('veo-3.1'), { successFlag: 1, response: { resultUrls: null } })).toEqual({ state: 'failed', message: 'KIE reported success without a video URL' });
    expect(parseTaskRecord(video('runway'), { state: 'queueing' })).toEqual({ state: 'generating' });
    expect(parseTaskRecord(video('runway'), { state: 'success', videoInfo: { videoUrl: 'r.mp4' } })).toEqual({ state: 'success', urls: ['r.mp4'] });
    expect(parseTaskRecord(video('runway'), { state: 'fail', failMsg: 'nsfw' })).toEqual({ state: 'failed', message: 'nsfw' });
    expect(parseTaskRecord(video('wan-2.5'), { state: 'success', resultJson: '{"resultUrls":["w.mp4"]}' })).toEqual({ state: 'success', urls: ['w.mp4'] });
  });
  it('credits per clip come from the table; combinations a model refuses have none', () => {
    expect(videoCredits(video('kling-2.1-pro'), 5, null)).toBe(50);
    expect(videoCredits(video('wan-2.5'), 10, '720p')).toBe(120);
    expect(videoCredits(video('hailuo-2.3-pro'), 10, '1080P')).toBeNull();
    expect(videoCredits(video('runway'), 10, '1080p')).toBeNull();
    expect(() => resolveVideoChoice({ model: 'runway', duration: 10, resolution: '1080p' })).toThrow(/does not make 10 s clips at 1080p/);
    expect(() => resolveVideoChoice({ model: 'veo-3.1', duration: 5 })).toThrow(/makes clips of 8 s, not 5 s/);
    expect(resolveVideoChoice({ model: 'seedance-1-pro', duration: 5 })).toMatchObject({ resolution: '480p', credits: 14 });
  });
});

describe('image request shapes', () => {
  const req = { prompt: 'p', negativePrompt: 'blurry', aspect: '9:16' as const, referenceUrls: ['https://r/1.png', 'https://r/2.png'], seed: 7 };
  it('Nano Banana and Seedream use their edit models for references; Imagen sends the negative prompt; Qwen takes one image', () => {
    expect(buildCreateRequest(image('nano-banana'), req).body).toEqual({ model: 'google/nano-banana-edit', input: { prompt: 'p', image_size: '9:16', output_format: 'png', image_urls: ['https://r/1.png', 'https://r/2.png'] } });
    expect(buildCreateRequest(image('nano-banana'), { ...req, referenceUrls: [] }).body).toEqual({ model: 'google/nano-banana', input: { prompt: 'p', image_size: '9:16', output_format: 'png' } });
    expect(buildCreateRequest(image('seedream-4'), req).body).toEqual({
      model: 'bytedance/seedream-v4-edit',
      input: { prompt: 'p', image_size: 'portrait_16_9', image_resolution: '1K', max_images: 1, image_urls: ['https://r/1.png', 'https://r/2.png'], seed: 7 },
    });
    expect(buildCreateRequest(image('imagen-4-fast'), req).body).toEqual({ model: 'google/imagen4-fast', input: { prompt: 'p', aspect_ratio: '9:16', num_images: '1', negative_prompt: 'blurry', seed: 7 } });
    expect(buildCreateRequest(image('qwen-image'), req).body).toMatchObject({ model: 'qwen/image-to-image', input: { image_url: 'https://r/1.png', negative_prompt: 'blurry' } });
  });
  it('4o Image and GPT Image 1.5 have no 9:16: they are asked for 2:3 and the user is told the picture is framed', () => {
    expect(buildCreateRequest(image('gpt-4o-image'), req)).toEqual({ path: '/api/v1/gpt4o-image/generate', body: { prompt: 'p', size: '2:3', nVariants: 1, isEnhance: false, enableFallback: false, filesUrl: ['https://r/1.png', 'https://r/2.png'] } });
    expect(buildCreateRequest(image('gpt-image-1.5'), { ...req, referenceUrls: [] }).body).toEqual({ model: 'gpt-image/1.5-text-to-image', input: { prompt: 'p', aspect_ratio: '2:3', quality: 'medium' } });
    expect(requestWarnings(image('gpt-4o-image'), { negativePrompt: '', aspect: '9:16' })).toEqual(['4o Image has no 9:16: the picture is made at 2:3 and framed to fill 9:16 (its edges are cropped).']);
    expect(requestWarnings(image('gpt-4o-image'), { negativePrompt: '', aspect: '1:1' })).toEqual([]);
  });
  it('Midjourney: image-to-image with a reference, four results of which the first is used', () => {
    expect(buildCreateRequest(image('midjourney'), req)).toEqual({ path: '/api/v1/mj/generate', body: { taskType: 'mj_img2img', prompt: 'p', speed: 'fast', aspectRatio: '9:16', version: '7', fileUrls: ['https://r/1.png'] } });
    expect(parseTaskRecord(image('midjourney'), { successFlag: 1, resultInfoJson: { resultUrls: [{ resultUrl: 'a.png' }, { resultUrl: 'b.png' }] } })).toEqual({ state: 'success', urls: ['a.png', 'b.png'] });
    expect(parseTaskRecord(image('gpt-4o-image'), { successFlag: 0, progress: '0.40' })).toEqual({ state: 'generating', progress: 0.4 });
    expect(parseTaskRecord(image('gpt-4o-image'), { successFlag: 1, response: { resultUrls: ['g.png'] } })).toEqual({ state: 'success', urls: ['g.png'] });
  });
  it('every image model has a price, a 9:16 request and says whether it takes a negative prompt', () => {
    for (const model of Object.values(KIE_MODELS)) {
      expect(model.creditsPerImage, model.id).toBeGreaterThan(0);
      expect(model.aspects['9:16'], model.id).toBeTruthy();
      expect(typeof model.negativePrompt).toBe('boolean');
    }
  });
});

function docWithScenes(durations: number[]): ProjectDocument {
  let doc = { ...createEmptyDocument({ id: 'p', name: 'P', now: '2026-12-01T00:00:00Z' }), scenes: makeScenes(durations.map((_, i) => `s${i}`)).map((s, i) => ({ ...s, duration: durations[i]! })) };
  for (const [i, scene] of doc.scenes.entries()) {
    const still: Asset = { id: `${'a'.repeat(63)}${i}`, kind: 'image', file: `assets/${'a'.repeat(63)}${i}.png`, mime: 'image/png', bytes: 1, width: 288, height: 512, source: 'kie' };
    doc = placeSceneImage(doc, scene.id, still);
  }
  return doc;
}

const clip: Asset = { id: 'f'.repeat(64), kind: 'video', file: `assets/${'f'.repeat(64)}.mp4`, mime: 'video/mp4', bytes: 10, width: 288, height: 512, duration: 5.02, fps: 24, hasAudio: false, source: 'kie' };

describe('placing an animated scene', () => {
  it('replaces the still with a video clip of the chosen length, moves later scenes, keeps the still as the scene image', () => {
    const doc = docWithScenes([3, 3, 3]);
    const next = placeSceneVideo(doc, doc.scenes[1]!.id, clip, 5);
    expect(timelineIssues(next)).toEqual([]);
    const main = next.tracks.media.find((t) => t.role === 'main')!.clips;
    expect(main.map((c) => [c.start, c.duration])).toEqual([
      [0, 3],
      [3, 5],
      [8, 3],
    ]);
    expect(main[1]).toMatchObject({ assetId: clip.id, sourceIn: 0, speed: 1, kenBurns: { from: { zoom: 1 }, to: { zoom: 1 } } });
    expect(next.scenes[1]!.imageAssetId).toBe(doc.scenes[1]!.imageAssetId);
    expect(next.assets[doc.scenes[1]!.imageAssetId!]?.kind).toBe('image');
    expect(next.scenes[1]!.duration).toBe(5);
  });
  it('keeps the scene length when moving would push a caption past the end; a clip shorter than the scene is slowed', () => {
    const doc = docWithScenes([6, 2]);
    const withCaption = { ...doc, tracks: { ...doc.tracks, captions: { ...doc.tracks.captions, cues: [{ id: 'c', start: 7, end: 7.9, text: 'late' }] } } };
    const next = placeSceneVideo(withCaption, doc.scenes[0]!.id, clip, 5);
    expect(timelineIssues(next)).toEqual([]);
    const first = next.tracks.media.find((t) => t.role === 'main')!.clips[0]!;
    expect(first.duration).toBe(6);
    expect(first.speed).toBeCloseTo(5.02 / 6, 5);
  });
  it('resolves the last frame from the next scene, and says when the model takes one image only', () => {
    const doc = docWithScenes([3, 3]);
    const kling = resolveAnimateRequest(doc, doc.scenes[0]!.id, { model: 'kling-2.1-pro', duration: 5, lastFrame: true });
    expect(kling.lastFrameAssetId).toBe(doc.scenes[1]!.imageAssetId);
    const wan = resolveAnimateRequest(doc, doc.scenes[0]!.id, { model: 'wan-2.5', duration: 5, lastFrame: true });
    expect(wan.lastFrameAssetId).toBeNull();
    expect(wan.warnings).toEqual(['Scene 1: Wan 2.5 takes one image only; the last frame is not sent.']);
    const last = resolveAnimateRequest(doc, doc.scenes[1]!.id, { model: 'kling-2.1-pro', duration: 5, lastFrame: true });
    expect(last.warnings[0]).toMatch(/no next scene image/);
    expect(kling.key).not.toBe(resolveAnimateRequest(doc, doc.scenes[0]!.id, { model: 'kling-2.1-pro', duration: 10, lastFrame: true }).key);
  });
  it('the estimate of ten scenes is ten times the table price', () => {
    const doc = docWithScenes(Array.from({ length: 10 }, () => 3));
    const choice = resolveVideoChoice({ model: 'veo-3.1', duration: 8 });
    const requests = doc.scenes.map((s) => resolveAnimateRequest(doc, s.id, { model: 'veo-3.1', duration: 8 }));
    expect(estimateAnimation(requests, choice, 2499, '2026-12-01', [])).toMatchObject({ clips: 10, totalCredits: 2500, withinCap: false });
  });
});
