/**
 * The request and record shapes of every KIE task family (pure): the POST path and JSON body that
 * start an image or a video, the path that polls it, and the record read back into one TaskStatus.
 * Each shape keeps KIE's own spelling (camelCase on the dedicated APIs, snake_case in Market inputs,
 * `resultJson` as a JSON string, Midjourney's `resultInfoJson.resultUrls[].resultUrl` ...).
 */
import type { AspectPreset } from '../../project/document.js';
import type { KieImageModel } from './image-models.js';
import type { KieVideoModel } from './video-models.js';

export interface ImageRequest {
  prompt: string;
  negativePrompt: string;
  aspect: AspectPreset;
  seed?: number | undefined;
  referenceUrl?: string | undefined;
  /** Several references (character consistency), up to the model's maxReferences. */
  referenceUrls?: string[] | undefined;
}

export interface VideoRequest {
  /** The motion: what moves and how the camera goes. */
  prompt: string;
  negativePrompt: string;
  aspect: AspectPreset;
  duration: number;
  resolution: string | null;
  /** The still to animate (first frame), already uploaded. */
  imageUrl: string;
  /** Where the model takes two images: the last frame. */
  lastFrameUrl?: string | undefined;
}

export type TaskModel = KieImageModel | KieVideoModel;
export type TaskRequest = ImageRequest | VideoRequest;

export type TaskStatus = { state: 'generating'; progress?: number } | { state: 'success'; urls: string[] } | { state: 'failed'; message: string };

function references(request: ImageRequest, max: number): string[] {
  const all = request.referenceUrls?.length ? request.referenceUrls : request.referenceUrl ? [request.referenceUrl] : [];
  return all.slice(0, max);
}

function buildImageRequest(model: KieImageModel, request: ImageRequest): { path: string; body: Record<string, unknown> } {
  const aspect = model.aspects[request.aspect];
  const refs = model.reference ? references(request, model.maxReferences) : [];
  const negative = request.negativePrompt && model.negativePrompt ? request.negativePrompt : '';
  switch (model.shape) {
    case 'kontext':
      return {
        path: '/api/v1/flux/kontext/generate',
        body: {
          prompt: request.prompt,
          model: model.apiModel,
          aspectRatio: aspect,
          outputFormat: 'png',
          enableTranslation: true,
          ...(refs[0] ? { inputImage: refs[0], safetyTolerance: 2 } : {}),
        },
      };
    case 'gpt4o':
      return {
        path: '/api/v1/gpt4o-image/generate',
        body: { prompt: request.prompt, size: aspect, nVariants: 1, isEnhance: false, enableFallback: false, ...(refs.length ? { filesUrl: refs } : {}) },
      };
    case 'mj':
      return {
        path: '/api/v1/mj/generate',
        body: {
          taskType: refs.length ? 'mj_img2img' : 'mj_txt2img',
          prompt: request.prompt,
          speed: 'fast',
          aspectRatio: aspect,
          version: '7',
          ...(refs.length ? { fileUrls: refs } : {}),
        },
      };
    case 'market': {
      const fields = model.market!;
      const input: Record<string, unknown> = { prompt: request.prompt, [fields.aspect]: aspect, ...fields.fixed };
      if (refs.length && fields.references) input[fields.references] = fields.references === 'image_url' ? refs[0] : refs;
      if (negative) input.negative_prompt = negative;
      if (fields.seed && request.seed !== undefined) input.seed = request.seed;
      return { path: '/api/v1/jobs/createTask', body: { model: refs.length && fields.referenceModel ? fields.referenceModel : model.apiModel, input } };
    }
  }
}

function buildVideoRequest(model: KieVideoModel, request: VideoRequest): { path: string; body: Record<string, unknown> } {
  const last = model.lastFrame ? request.lastFrameUrl : undefined;
  const negative = request.negativePrompt && model.negativePrompt ? request.negativePrompt : '';
  switch (model.shape) {
    case 'veo':
      return {
        path: '/api/v1/veo/generate',
        body: {
          prompt: request.prompt,
          model: model.apiModel,
          imageUrls: last ? [request.imageUrl, last] : [request.imageUrl],
          generationType: 'FIRST_AND_LAST_FRAMES_2_VIDEO',
          aspect_ratio: model.aspects?.[request.aspect] ?? '9:16',
          enableTranslation: true,
        },
      };
    case 'runway':
      return {
        path: '/api/v1/runway/generate',
        body: {
          prompt: request.prompt,
          imageUrl: request.imageUrl,
          duration: request.duration,
          quality: request.resolution ?? '720p',
          aspectRatio: model.aspects?.[request.aspect] ?? '9:16',
          waterMark: '',
        },
      };
    case 'market': {
      const fields = model.market!;
      const input: Record<string, unknown> = { prompt: request.prompt, [fields.image]: request.imageUrl, duration: String(request.duration), ...fields.fixed };
      if (request.resolution && model.resolutions.length) input.resolution = request.resolution;
      if (last && fields.lastFrame) input[fields.lastFrame] = last;
      if (negative) input.negative_prompt = negative;
      return { path: '/api/v1/jobs/createTask', body: { model: model.apiModel, input } };
    }
  }
}

/** The POST path and JSON body for one generation. Pure, so every field mapping is tested. */
export function buildCreateRequest(model: TaskModel, request: TaskRequest): { path: string; body: Record<string, unknown> } {
  return model.kind === 'video' ? buildVideoRequest(model, request as VideoRequest) : buildImageRequest(model, request as ImageRequest);
}

export function recordPath(model: TaskModel, taskId: string): string {
  const id = encodeURIComponent(taskId);
  switch (model.shape) {
    case 'kontext':
      return `/api/v1/flux/kontext/record-info?taskId=${id}`;
    case 'gpt4o':
      return `/api/v1/gpt4o-image/record-info?taskId=${id}`;
    case 'mj':
      return `/api/v1/mj/record-info?taskId=${id}`;
    case 'veo':
      return `/api/v1/veo/record-info?taskId=${id}`;
    case 'runway':
      return `/api/v1/runway/record-detail?taskId=${id}`;
    default:
      return `/api/v1/jobs/recordInfo?taskId=${id}`;
  }
}

/** A list of URLs that may arrive as an array, a JSON string of one, or objects with `resultUrl`. */
function urlList(value: unknown): string[] {
  let list = value;
  if (typeof list === 'string') {
    const text = list.trim();
    if (!text.startsWith('[')) return text ? [text] : [];
    try {
      list = JSON.parse(text) as unknown;
    } catch {
      return [];
    }
  }
  if (!Array.isArray(list)) return [];
  return list.map((u) => (typeof u === 'string' ? u : typeof u === 'object' && u ? String((u as { resultUrl?: unknown }).resultUrl ?? '') : '')).filter((u) => u.length > 0);
}

function noun(model: TaskModel): string {
  return model.kind === 'video' ? 'a video' : 'an image';
}

/** successFlag families: 0 generating, 1 success, 2 create failed, 3 generation failed. */
function flagStatus(model: TaskModel, record: Record<string, unknown>, urls: () => string[]): TaskStatus {
  const flag = Number(record.successFlag);
  if (flag === 1) {
    const found = urls();
    return found.length ? { state: 'success', urls: found } : { state: 'failed', message: `KIE reported success without ${noun(model)} URL` };
  }
  if (flag === 2 || flag === 3) return { state: 'failed', message: String(record.errorMessage || (flag === 2 ? 'task creation failed' : 'generation failed')) };
  const progress = Number(record.progress);
  return Number.isFinite(progress) && record.progress !== undefined && record.progress !== null ? { state: 'generating', progress } : { state: 'generating' };
}

/** Reads a record-info `data` of any family into one status. */
export function parseTaskRecord(model: TaskModel, data: unknown): TaskStatus {
  const record = (data ?? {}) as Record<string, unknown>;
  const response = (record.response ?? {}) as Record<string, unknown>;
  switch (model.shape) {
    case 'kontext':
      return flagStatus(model, record, () => urlList(response.resultImageUrl ?? response.originImageUrl));
    case 'gpt4o':
      return flagStatus(model, record, () => urlList(response.resultUrls ?? response.result_urls));
    case 'mj':
      return flagStatus(model, record, () => urlList(((record.resultInfoJson ?? {}) as { resultUrls?: unknown }).resultUrls));
    case 'veo':
      return flagStatus(model, record, () => urlList(response.resultUrls ?? record.resultUrls));
    case 'runway': {
      const state = String(record.state ?? '');
      if (state === 'success') {
        const url = ((record.videoInfo ?? {}) as { videoUrl?: string }).videoUrl;
        return url ? { state: 'success', urls: [url] } : { state: 'failed', message: 'KIE reported success without a video URL' };
      }
      if (state === 'fail') return { state: 'failed', message: String(record.failMsg || 'generation failed') };
      return { state: 'generating' };
    }
    default: {
      const state = String(record.state ?? '');
      if (state === 'success') {
        let urls: string[] = [];
        try {
          const parsed = typeof record.resultJson === 'string' ? (JSON.parse(record.resultJson) as { resultUrls?: unknown }) : (record.resultJson as { resultUrls?: unknown } | undefined);
          urls = urlList(parsed?.resultUrls);
        } catch {
          return { state: 'failed', message: 'KIE sent an unreadable resultJson' };
        }
        return urls.length ? { state: 'success', urls } : { state: 'failed', message: `KIE reported success without ${noun(model)} URL` };
      }
      if (state === 'fail') return { state: 'failed', message: String(record.failMsg || 'generation failed') };
      return { state: 'generating' };
    }
  }
}
