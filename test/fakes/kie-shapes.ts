/**
 * The fake KIE's knowledge of each task family (shared/docs/providers.md, docs.kie.ai): which POST
 * path starts what, where its prompt, aspect, images and length sit in the body, and how its record
 * answers while generating, on success and on failure. Kept apart from the server so the server
 * stays one routing loop.
 */
export type FakeShape = 'kontext' | 'gpt4o' | 'mj' | 'market' | 'veo' | 'runway';

export interface CreateInput {
  shape: FakeShape;
  model: string;
  prompt: string;
  aspect: string;
  /** First image (reference or first frame) and an optional last frame. */
  image: string | null;
  lastFrame: string | null;
  /** Seconds of video; null for an image. */
  duration: number | null;
  resolution: string | null;
}

export const CREATE_PATHS: Record<string, FakeShape> = {
  '/api/v1/flux/kontext/generate': 'kontext',
  '/api/v1/gpt4o-image/generate': 'gpt4o',
  '/api/v1/mj/generate': 'mj',
  '/api/v1/jobs/createTask': 'market',
  '/api/v1/veo/generate': 'veo',
  '/api/v1/runway/generate': 'runway',
};

export const RECORD_PATHS: Record<string, FakeShape> = {
  '/api/v1/flux/kontext/record-info': 'kontext',
  '/api/v1/gpt4o-image/record-info': 'gpt4o',
  '/api/v1/mj/record-info': 'mj',
  '/api/v1/jobs/recordInfo': 'market',
  '/api/v1/veo/record-info': 'veo',
  '/api/v1/runway/record-detail': 'runway',
};

/** Market models that make a video (image-to-video ids carry "video"; Kling 2.1 Pro does not). */
export function isVideoModel(model: string): boolean {
  return /video|^kling\//.test(model);
}

const first = (v: unknown): string | null => (Array.isArray(v) ? (v[0] as string | undefined) ?? null : typeof v === 'string' && v ? v : null);

/** Reads a create body the way KIE does; an error string says what KIE would refuse (422). */
export function readCreate(shape: FakeShape, body: Record<string, unknown>): CreateInput | string {
  const input = (shape === 'market' ? body.input : body) as Record<string, unknown> | undefined;
  if (!input) return 'input is required';
  const prompt = String(input.prompt ?? '');
  if (!prompt) return 'prompt is required';
  const model = String(body.model ?? (shape === 'mj' ? body.taskType : shape === 'gpt4o' ? 'gpt4o-image' : shape === 'runway' ? 'runway' : ''));
  const base: CreateInput = { shape, model, prompt, aspect: '9:16', image: null, lastFrame: null, duration: null, resolution: null };
  switch (shape) {
    case 'kontext':
      return { ...base, aspect: String(input.aspectRatio ?? '16:9'), image: first(input.inputImage) };
    case 'gpt4o':
      if (!['1:1', '3:2', '2:3'].includes(String(input.size))) return 'size must be 1:1, 3:2 or 2:3';
      return { ...base, aspect: String(input.size), image: first(input.filesUrl) };
    case 'mj':
      return { ...base, aspect: String(input.aspectRatio ?? '1:1'), image: first(input.fileUrls) };
    case 'veo': {
      const urls = (input.imageUrls as string[] | undefined) ?? [];
      if (urls.length > 2) return 'imageUrls takes 1 or 2 images';
      return { ...base, aspect: String(input.aspect_ratio ?? '16:9'), image: urls[0] ?? null, lastFrame: urls[1] ?? null, duration: 8 };
    }
    case 'runway': {
      const duration = Number(input.duration);
      if (duration !== 5 && duration !== 10) return 'duration must be 5 or 10';
      if (duration === 10 && input.quality === '1080p') return '1080p cannot be used with a 10-second video';
      return { ...base, aspect: String(input.aspectRatio ?? '16:9'), image: first(input.imageUrl), duration, resolution: String(input.quality ?? '720p') };
    }
    case 'market': {
      if (!isVideoModel(model)) {
        const aspect = String(input.aspect_ratio ?? input.image_size ?? '1:1');
        return { ...base, aspect, image: first(input.input_urls ?? input.image_urls ?? input.image_input ?? input.reference_image_urls ?? input.image_url) };
      }
      const image = first(input.image_url);
      if (!image) return 'image_url is required';
      const duration = Number(input.duration ?? 5);
      if (typeof input.duration !== 'string') return 'duration must be a string like "5"';
      return { ...base, image, lastFrame: first(input.tail_image_url ?? input.end_image_url), duration, resolution: input.resolution ? String(input.resolution) : null };
    }
  }
}

/** Picture sizes of the fake's results, small so tests stay quick. */
export const SIZES: Record<string, [number, number]> = {
  '9:16': [288, 512],
  portrait_16_9: [288, 512],
  '16:9': [512, 288],
  landscape_16_9: [512, 288],
  '1:1': [384, 384],
  square_hd: [384, 384],
  '2:3': [320, 480],
  '3:2': [480, 320],
  Auto: [288, 512],
};

export type RecordState = 'generating' | 'success' | 'failed';

/** The record-info `data` of a task in its family's spelling. */
export function recordData(shape: FakeShape, taskId: string, state: RecordState, url: string, failMsg = 'content refused by the model'): Record<string, unknown> {
  const flag = state === 'failed' ? 3 : state === 'success' ? 1 : 0;
  switch (shape) {
    case 'kontext':
      return { taskId, successFlag: flag, errorMessage: state === 'failed' ? failMsg : null, response: state === 'success' ? { resultImageUrl: url } : null };
    case 'gpt4o':
      return { taskId, successFlag: flag, status: ['GENERATING', 'SUCCESS', 'GENERATE_FAILED'][['generating', 'success', 'failed'].indexOf(state)], progress: state === 'success' ? '1.00' : '0.40', errorMessage: state === 'failed' ? failMsg : null, response: state === 'success' ? { resultUrls: [url] } : null };
    case 'mj':
      return { taskId, successFlag: flag, errorMessage: state === 'failed' ? failMsg : null, resultInfoJson: state === 'success' ? { resultUrls: [{ resultUrl: url }, { resultUrl: `${url}?v=2` }, { resultUrl: `${url}?v=3` }, { resultUrl: `${url}?v=4` }] } : null };
    case 'veo':
      return { taskId, successFlag: flag, errorCode: state === 'failed' ? 501 : null, errorMessage: state === 'failed' ? failMsg : null, response: state === 'success' ? { taskId, resultUrls: [url], resolution: '720p' } : null };
    case 'runway':
      return { taskId, state: state === 'failed' ? 'fail' : state === 'success' ? 'success' : 'generating', failMsg: state === 'failed' ? failMsg : '', videoInfo: state === 'success' ? { videoId: `v-${taskId}`, videoUrl: url, imageUrl: `${url}.png` } : null, expireFlag: 0 };
    case 'market':
      return { taskId, state: state === 'failed' ? 'fail' : state === 'success' ? 'success' : 'generating', failMsg: state === 'failed' ? failMsg : '', resultJson: state === 'success' ? JSON.stringify({ resultUrls: [url] }) : '' };
  }
}
