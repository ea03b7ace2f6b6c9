/**
 * The KIE image models the app offers, and how each takes a prompt, an aspect and a reference image.
 * Pure: the batch estimate, the UI and the job all read this one table.
 *
 * CREDITS: estimated KIE credits per image, from kie.ai's public pricing pages as noted on 2026-11-25
 * (Flux Kontext Pro 5, Max 10, Flux-2 Pro 1K 5). Prices change: this is an estimate shown before a
 * batch and used for the cap in Settings, never a bill. Update the table and its date together.
 */
import type { AspectPreset } from '../../project/document.js';

export const CREDITS_TABLE_DATE = '2026-11-25';

export type KieFamily = 'kontext' | 'market';

export interface KieModel {
  id: string;
  label: string;
  family: KieFamily;
  /** The `model` field KIE expects. */
  apiModel: string;
  creditsPerImage: number;
  /** Whether the API has a negative prompt field. None of these do: the UI and CLI say so. */
  negativePrompt: boolean;
  /** Whether a reference image (URL) can be given, for consistent characters. */
  reference: boolean;
  aspects: Record<AspectPreset, string>;
}

export const KIE_MODELS: Record<string, KieModel> = {
  'flux-kontext-pro': {
    id: 'flux-kontext-pro',
    label: 'Flux Kontext Pro',
    family: 'kontext',
    apiModel: 'flux-kontext-pro',
    creditsPerImage: 5,
    negativePrompt: false,
    reference: true,
    aspects: { '9:16': '9:16', '16:9': '16:9', '1:1': '1:1' },
  },
  'flux-kontext-max': {
    id: 'flux-kontext-max',
    label: 'Flux Kontext Max',
    family: 'kontext',
    apiModel: 'flux-kontext-max',
    creditsPerImage: 10,
    negativePrompt: false,
    reference: true,
    aspects: { '9:16': '9:16', '16:9': '16:9', '1:1': '1:1' },
  },
  'flux-2-pro': {
    id: 'flux-2-pro',
    label: 'Flux 2 Pro (market)',
    family: 'market',
    apiModel: 'flux-2/pro-text-to-image',
    creditsPerImage: 5,
    negativePrompt: false,
    reference: true,
    aspects: { '9:16': '9:16', '16:9': '16:9', '1:1': '1:1' },
  },
};

export const DEFAULT_KIE_MODEL = 'flux-kontext-pro';

export function kieModel(id: string): KieModel | null {
  return KIE_MODELS[id] ?? null;
}

export interface GenerationRequest {
  prompt: string;
  negativePrompt: string;
  aspect: AspectPreset;
  seed?: number | undefined;
  referenceUrl?: string | undefined;
}

/** The POST path and JSON body for one generation. Pure, so every field mapping is tested. */
export function buildCreateRequest(model: KieModel, request: GenerationRequest): { path: string; body: Record<string, unknown> } {
  const aspect = model.aspects[request.aspect];
  if (model.family === 'kontext') {
    return {
      path: '/api/v1/flux/kontext/generate',
      body: {
        prompt: request.prompt,
        model: model.apiModel,
        aspectRatio: aspect,
        outputFormat: 'png',
        enableTranslation: true,
        ...(request.referenceUrl ? { inputImage: request.referenceUrl, safetyTolerance: 2 } : {}),
        ...(request.negativePrompt && model.negativePrompt ? { negativePrompt: request.negativePrompt } : {}),
      },
    };
  }
  return {
    path: '/api/v1/jobs/createTask',
    body: {
      model: model.apiModel,
      input: {
        prompt: request.prompt,
        aspect_ratio: aspect,
        resolution: '1K',
        ...(request.referenceUrl ? { input_urls: [request.referenceUrl] } : {}),
        ...(request.negativePrompt && model.negativePrompt ? { negative_prompt: request.negativePrompt } : {}),
        ...(request.seed === undefined ? {} : { seed: request.seed }),
      },
    },
  };
}

/** What the user must be told about a request this model cannot honour fully. */
export function requestWarnings(model: KieModel, request: Pick<GenerationRequest, 'negativePrompt'> & { hasReference?: boolean }): string[] {
  const warnings: string[] = [];
  if (request.negativePrompt.trim() && !model.negativePrompt) {
    warnings.push(`${model.label} has no negative prompt: "${request.negativePrompt.trim().slice(0, 60)}" is not sent. Describe what you want instead.`);
  }
  if (request.hasReference && !model.reference) warnings.push(`${model.label} takes no reference image: the reference is ignored.`);
  return warnings;
}

export function recordPath(model: KieModel, taskId: string): string {
  const id = encodeURIComponent(taskId);
  return model.family === 'kontext' ? `/api/v1/flux/kontext/record-info?taskId=${id}` : `/api/v1/jobs/recordInfo?taskId=${id}`;
}

export type TaskStatus = { state: 'generating'; progress?: number } | { state: 'success'; urls: string[] } | { state: 'failed'; message: string };

/** Reads a record-info `data` of either family into one status. */
export function parseTaskRecord(model: KieModel, data: unknown): TaskStatus {
  const record = (data ?? {}) as Record<string, unknown>;
  if (model.family === 'kontext') {
    const flag = Number(record.successFlag);
    if (flag === 1) {
      const response = (record.response ?? {}) as { resultImageUrl?: string; originImageUrl?: string };
      const url = response.resultImageUrl ?? response.originImageUrl;
      return url ? { state: 'success', urls: [url] } : { state: 'failed', message: 'KIE reported success without an image URL' };
    }
    if (flag === 2 || flag === 3) return { state: 'failed', message: String(record.errorMessage ?? (flag === 2 ? 'task creation failed' : 'generation failed')) };
    return { state: 'generating' };
  }
  const state = String(record.state ?? '');
  if (state === 'success') {
    let urls: string[] = [];
    try {
      const parsed = typeof record.resultJson === 'string' ? (JSON.parse(record.resultJson) as { resultUrls?: string[] }) : (record.resultJson as { resultUrls?: string[] } | undefined);
      urls = parsed?.resultUrls ?? [];
    } catch {
      return { state: 'failed', message: 'KIE sent an unreadable resultJson' };
    }
    return urls.length ? { state: 'success', urls } : { state: 'failed', message: 'KIE reported success without an image URL' };
  }
  if (state === 'fail') return { state: 'failed', message: String(record.failMsg ?? 'generation failed') };
  return { state: 'generating' };
}
