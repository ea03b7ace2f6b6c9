/**
 * The KIE image-to-video models the app offers ("Animate"): which lengths and resolutions each makes,
 * whether it takes a last frame, a negative prompt, and the credits per clip. Pure data, read by the
 * estimate, the UI, the CLI and the request builder (task-shapes.ts).
 *
 * Checked against KIE's public API docs on VIDEO_TABLE_DATE: Market `createTask` pages (Kling 2.1 Pro
 * and 2.5 Turbo: `image_url`, `tail_image_url`, `duration` "5"|"10", `negative_prompt`, `cfg_scale`;
 * Wan 2.5: `image_url`, `duration`, `resolution` 720p|1080p, `negative_prompt`; Hailuo 2.3 Pro:
 * `duration` "6"|"10", `resolution` 768P|1080P, 1080P only for 6 s; Seedance 1 Pro: `resolution`
 * 480p|720p|1080p, `duration` "5"|"10", `camera_fixed`), Veo 3.1 (`/api/v1/veo/generate`: `imageUrls`
 * 1–2 as first/last frame, `generationType` FIRST_AND_LAST_FRAMES_2_VIDEO, `aspect_ratio` 9:16 native,
 * 8 s clips, polled at `/api/v1/veo/record-info`), Runway (`/api/v1/runway/generate`: `imageUrl`,
 * `duration` 5|10, `quality` 720p|1080p with 1080p only for 5 s, polled at `record-detail`).
 * CREDITS per clip from kie.ai's public pricing that day (1 credit ≈ US$0.005): an estimate, never a bill.
 */
import type { AspectPreset } from '../../project/document.js';

export const VIDEO_TABLE_DATE = '2026-12-01';

export type VideoShape = 'market' | 'veo' | 'runway';

export interface KieVideoModel {
  kind: 'video';
  id: string;
  label: string;
  shape: VideoShape;
  /** The `model` field KIE expects. */
  apiModel: string;
  /** Clip lengths in seconds the model makes. */
  durations: number[];
  /** Resolutions the user may pick (empty: the model has one). */
  resolutions: string[];
  /** Whether a second image can be given as the last frame. */
  lastFrame: boolean;
  negativePrompt: boolean;
  /** Credits per clip, by `${duration}` or `${duration}@${resolution}`; a missing key is a combination the model refuses. */
  credits: Record<string, number>;
  /** Market input field names. */
  market?: { image: 'image_url'; lastFrame?: 'tail_image_url' | 'end_image_url'; fixed?: Record<string, unknown> };
  /** How each output aspect is asked for (Veo, Runway); image-to-video models otherwise follow the image. */
  aspects?: Record<AspectPreset, string>;
}

const MODELS: KieVideoModel[] = [
  {
    kind: 'video',
    id: 'kling-2.1-pro',
    label: 'Kling 2.1 Pro',
    shape: 'market',
    apiModel: 'kling/v2-1-pro',
    durations: [5, 10],
    resolutions: [],
    lastFrame: true,
    negativePrompt: true,
    credits: { '5': 50, '10': 100 },
    market: { image: 'image_url', lastFrame: 'tail_image_url', fixed: { cfg_scale: 0.5 } },
  },
  {
    kind: 'video',
    id: 'kling-2.5-turbo',
    label: 'Kling 2.5 Turbo Pro',
    shape: 'market',
    apiModel: 'kling/v2-5-turbo-image-to-video-pro',
    durations: [5, 10],
    resolutions: [],
    lastFrame: true,
    negativePrompt: true,
    credits: { '5': 42, '10': 84 },
    market: { image: 'image_url', lastFrame: 'tail_image_url', fixed: { cfg_scale: 0.5 } },
  },
  {
    kind: 'video',
    id: 'wan-2.5',
    label: 'Wan 2.5',
    shape: 'market',
    apiModel: 'wan/2-5-image-to-video',
    durations: [5, 10],
    resolutions: ['720p', '1080p'],
    lastFrame: false,
    negativePrompt: true,
    credits: { '5@720p': 60, '10@720p': 120, '5@1080p': 100, '10@1080p': 200 },
    market: { image: 'image_url', fixed: { enable_prompt_expansion: false } },
  },
  {
    kind: 'video',
    id: 'hailuo-2.3-pro',
    label: 'Hailuo 2.3 Pro',
    shape: 'market',
    apiModel: 'hailuo/2-3-image-to-video-pro',
    durations: [6, 10],
    resolutions: ['768P', '1080P'],
    lastFrame: false,
    negativePrompt: false,
    credits: { '6@768P': 44, '10@768P': 90, '6@1080P': 78 },
    market: { image: 'image_url' },
  },
  {
    kind: 'video',
    id: 'seedance-1-pro',
    label: 'Seedance 1 Pro',
    shape: 'market',
    apiModel: 'bytedance/v1-pro-image-to-video',
    durations: [5, 10],
    resolutions: ['480p', '720p', '1080p'],
    lastFrame: false,
    negativePrompt: false,
    credits: { '5@480p': 14, '10@480p': 28, '5@720p': 30, '10@720p': 60, '5@1080p': 70, '10@1080p': 140 },
    market: { image: 'image_url', fixed: { camera_fixed: false } },
  },
  {
    kind: 'video',
    id: 'veo-3.1-fast',
    label: 'Veo 3.1 Fast',
    shape: 'veo',
    apiModel: 'veo3_fast',
    durations: [8],
    resolutions: [],
    lastFrame: true,
    negativePrompt: false,
    credits: { '8': 60 },
    aspects: { '9:16': '9:16', '16:9': '16:9', '1:1': 'Auto' },
  },
  {
    kind: 'video',
    id: 'veo-3.1',
    label: 'Veo 3.1 Quality',
    shape: 'veo',
    apiModel: 'veo3',
    durations: [8],
    resolutions: [],
    lastFrame: true,
    negativePrompt: false,
    credits: { '8': 250 },
    aspects: { '9:16': '9:16', '16:9': '16:9', '1:1': 'Auto' },
  },
  {
    kind: 'video',
    id: 'runway',
    label: 'Runway',
    shape: 'runway',
    apiModel: 'runway',
    durations: [5, 10],
    resolutions: ['720p', '1080p'],
    lastFrame: false,
    negativePrompt: false,
    credits: { '5@720p': 12, '10@720p': 30, '5@1080p': 30 },
    aspects: { '9:16': '9:16', '16:9': '16:9', '1:1': '1:1' },
  },
];

export const KIE_VIDEO_MODELS: Record<string, KieVideoModel> = Object.fromEntries(MODELS.map((m) => [m.id, m]));

export const DEFAULT_VIDEO_MODEL = 'kling-2.1-pro';

export function kieVideoModel(id: string): KieVideoModel | null {
  return Object.hasOwn(KIE_VIDEO_MODELS, id) ? KIE_VIDEO_MODELS[id]! : null;
}

/** The resolution used when the user picks none: the first (cheapest) one the model lists. */
export function defaultResolution(model: KieVideoModel): string | null {
  return model.resolutions[0] ?? null;
}

/** Credits for one clip, or null when the model does not make this length at this resolution. */
export function videoCredits(model: KieVideoModel, duration: number, resolution: string | null): number | null {
  const key = model.resolutions.length ? `${duration}@${resolution ?? defaultResolution(model)}` : `${duration}`;
  return Object.hasOwn(model.credits, key) ? model.credits[key]! : null;
}
