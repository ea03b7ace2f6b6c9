/**
 * The KIE image models the app offers: how each takes a prompt, an aspect, reference images and a
 * negative prompt, and what one image costs. Pure data: the batch estimate, the UI, the CLI and the
 * request builder (task-shapes.ts) all read this one table.
 *
 * Shapes and fields were checked against KIE's public API docs (docs.kie.ai: Flux Kontext, 4o Image,
 * Midjourney, Market createTask pages) on CREDITS_TABLE_DATE. CREDITS are KIE credits per image from
 * kie.ai's public pricing as noted that day (1 credit ≈ US$0.005). Prices change: this is the estimate
 * shown before a batch and used for the cap in Settings, never a bill. Update the table and the date
 * together.
 */
import type { AspectPreset } from '../../project/document.js';

export const CREDITS_TABLE_DATE = '2026-12-01';

/** Which request/record pair a model uses (task-shapes.ts). */
export type ImageShape = 'kontext' | 'gpt4o' | 'mj' | 'market';

/** Field names of a Market model's `input`; they differ from model to model. */
export interface MarketImageFields {
  /** The aspect field and how each output aspect is spelled for this model. */
  aspect: 'aspect_ratio' | 'image_size';
  /** Where reference images go (array fields), or `image_url` for models that take exactly one. */
  references?: 'input_urls' | 'image_urls' | 'image_input' | 'reference_image_urls' | 'image_url';
  /** Another model id used when a reference is given (edit / image-to-image variants). */
  referenceModel?: string;
  /** Sent as is with every request (resolution, quality, output format). */
  fixed?: Record<string, unknown>;
  seed?: boolean;
}

export interface KieImageModel {
  kind: 'image';
  id: string;
  label: string;
  shape: ImageShape;
  /** The `model` field KIE expects (or the task type for Midjourney). */
  apiModel: string;
  creditsPerImage: number;
  /** Whether the API has a negative prompt field. Where it does not, the UI and CLI say so. */
  negativePrompt: boolean;
  /** Whether reference images (URLs) can be given, for consistent characters. */
  reference: boolean;
  maxReferences: number;
  /** What is sent for each output aspect. */
  aspects: Record<AspectPreset, string>;
  /** Aspects the model lacks: it makes the nearest size (the value sent) and the picture is framed (cover). */
  framed: Partial<Record<AspectPreset, string>>;
  market?: MarketImageFields;
}

const SAME: Record<AspectPreset, string> = { '9:16': '9:16', '16:9': '16:9', '1:1': '1:1' };
const SIZE_NAMES: Record<AspectPreset, string> = { '9:16': 'portrait_16_9', '16:9': 'landscape_16_9', '1:1': 'square_hd' };
const THREE_TWO: Record<AspectPreset, string> = { '9:16': '2:3', '16:9': '3:2', '1:1': '1:1' };

function market(
  id: string,
  label: string,
  apiModel: string,
  credits: number,
  fields: MarketImageFields,
  options: { negativePrompt?: boolean; maxReferences?: number; aspects?: Record<AspectPreset, string>; framed?: Partial<Record<AspectPreset, string>> } = {},
): KieImageModel {
  const maxReferences = fields.references ? (options.maxReferences ?? 1) : 0;
  return {
    kind: 'image',
    id,
    label,
    shape: 'market',
    apiModel,
    creditsPerImage: credits,
    negativePrompt: options.negativePrompt ?? false,
    reference: maxReferences > 0,
    maxReferences,
    aspects: options.aspects ?? (fields.aspect === 'image_size' ? SIZE_NAMES : SAME),
    framed: options.framed ?? {},
    market: fields,
  };
}

const MODELS: KieImageModel[] = [
  {
    kind: 'image',
    id: 'flux-kontext-pro',
    label: 'Flux Kontext Pro',
    shape: 'kontext',
    apiModel: 'flux-kontext-pro',
    creditsPerImage: 5,
    negativePrompt: false,
    reference: true,
    maxReferences: 1,
    aspects: SAME,
    framed: {},
  },
  {
    kind: 'image',
    id: 'flux-kontext-max',
    label: 'Flux Kontext Max',
    shape: 'kontext',
    apiModel: 'flux-kontext-max',
    creditsPerImage: 10,
    negativePrompt: false,
    reference: true,
    maxReferences: 1,
    aspects: SAME,
    framed: {},
  },
  market('flux-2-pro', 'Flux 2 Pro (market)', 'flux-2/pro-text-to-image', 5, { aspect: 'aspect_ratio', references: 'input_urls', referenceModel: 'flux-2/pro-image-to-image', fixed: { resolution: '1K' }, seed: true }, { maxReferences: 8 }),
  // Nano Banana: up to 10 reference images through its edit variant; image_size takes ratios incl. 9:16.
  market('nano-banana', 'Nano Banana (Gemini)', 'google/nano-banana', 4, { aspect: 'image_size', references: 'image_urls', referenceModel: 'google/nano-banana-edit', fixed: { output_format: 'png' } }, { aspects: SAME, maxReferences: 10 }),
  market('nano-banana-pro', 'Nano Banana Pro', 'nano-banana-pro', 18, { aspect: 'aspect_ratio', references: 'image_input', fixed: { resolution: '1K', output_format: 'png' } }, { maxReferences: 8 }),
  market('seedream-4', 'Seedream 4.0', 'bytedance/seedream-v4-text-to-image', 5, { aspect: 'image_size', references: 'image_urls', referenceModel: 'bytedance/seedream-v4-edit', fixed: { image_resolution: '1K', max_images: 1 }, seed: true }, { maxReferences: 10 }),
  market('imagen-4-fast', 'Imagen 4 Fast', 'google/imagen4-fast', 4, { aspect: 'aspect_ratio', fixed: { num_images: '1' }, seed: true }, { negativePrompt: true }),
  market('imagen-4', 'Imagen 4', 'google/imagen4', 8, { aspect: 'aspect_ratio', seed: true }, { negativePrompt: true }),
  market('imagen-4-ultra', 'Imagen 4 Ultra', 'google/imagen4-ultra', 12, { aspect: 'aspect_ratio', seed: true }, { negativePrompt: true }),
  // GPT Image 1.5 makes 1:1, 2:3 and 3:2 only: 9:16 is made at 2:3 and framed.
  market('gpt-image-1.5', 'GPT Image 1.5', 'gpt-image/1.5-text-to-image', 8, { aspect: 'aspect_ratio', references: 'input_urls', referenceModel: 'gpt-image/1.5-image-to-image', fixed: { quality: 'medium' } }, { aspects: THREE_TWO, framed: { '9:16': '2:3', '16:9': '3:2' }, maxReferences: 5 }),
  market('ideogram-v3', 'Ideogram V3', 'ideogram/v3-text-to-image', 7, { aspect: 'image_size', references: 'reference_image_urls', referenceModel: 'ideogram/character', fixed: { rendering_speed: 'BALANCED', style: 'AUTO', num_images: '1' }, seed: true }, { negativePrompt: true }),
  market('qwen-image', 'Qwen Image', 'qwen/text-to-image', 4, { aspect: 'image_size', references: 'image_url', referenceModel: 'qwen/image-to-image', fixed: { output_format: 'png' }, seed: true }, { negativePrompt: true }),
  {
    // The 4o Image API: `size` is required and only 1:1, 3:2, 2:3 (providers.md).
    kind: 'image',
    id: 'gpt-4o-image',
    label: '4o Image',
    shape: 'gpt4o',
    apiModel: 'gpt4o-image',
    creditsPerImage: 6,
    negativePrompt: false,
    reference: true,
    maxReferences: 5,
    aspects: THREE_TWO,
    framed: { '9:16': '2:3', '16:9': '3:2' },
  },
  {
    // Midjourney makes four pictures per task; the first is used.
    kind: 'image',
    id: 'midjourney',
    label: 'Midjourney v7',
    shape: 'mj',
    apiModel: 'mj_txt2img',
    creditsPerImage: 8,
    negativePrompt: false,
    reference: true,
    maxReferences: 1,
    aspects: SAME,
    framed: {},
  },
];

export const KIE_MODELS: Record<string, KieImageModel> = Object.fromEntries(MODELS.map((m) => [m.id, m]));

export const DEFAULT_KIE_MODEL = 'flux-kontext-pro';

export function kieModel(id: string): KieImageModel | null {
  return Object.hasOwn(KIE_MODELS, id) ? KIE_MODELS[id]! : null;
}

/** What the user must be told about a request this model cannot honour fully. */
export function requestWarnings(model: KieImageModel, request: { negativePrompt: string; hasReference?: boolean; aspect?: AspectPreset }): string[] {
  const warnings: string[] = [];
  if (request.negativePrompt.trim() && !model.negativePrompt) {
    warnings.push(`${model.label} has no negative prompt: "${request.negativePrompt.trim().slice(0, 60)}" is not sent. Describe what you want instead.`);
  }
  if (request.hasReference && !model.reference) warnings.push(`${model.label} takes no reference image: the reference is ignored.`);
  const framed = request.aspect ? model.framed[request.aspect] : undefined;
  if (request.aspect && framed) warnings.push(`${model.label} has no ${request.aspect}: the picture is made at ${framed} and framed to fill ${request.aspect} (its edges are cropped).`);
  return warnings;
}
