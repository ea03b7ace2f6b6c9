import { z } from 'zod';
import { AssetSchema, ProjectDocumentSchema } from '../../project/document.js';
import { call, Empty } from './define.js';
import { JobSchema } from './jobs.js';

export const CostEstimateSchema = z.object({
  perModel: z.array(z.object({ model: z.string(), label: z.string(), images: z.number().int(), creditsPerImage: z.number(), credits: z.number() })),
  /** Scenes served from the cache: no call, no cost. */
  cached: z.number().int(),
  totalCredits: z.number(),
  cap: z.number(),
  withinCap: z.boolean(),
  /** The date of the credits table the estimate comes from. */
  tableDate: z.string(),
  /** What a model cannot honour (e.g. no negative prompt): shown, never dropped silently. */
  warnings: z.array(z.string()),
});

export const ImageModelSchema = z.object({
  id: z.string(),
  label: z.string(),
  creditsPerImage: z.number(),
  negativePrompt: z.boolean(),
  reference: z.boolean(),
  /** How many reference images it takes (0: none). */
  maxReferences: z.number().int().nonnegative().optional(),
  /** Output aspects the model lacks → the aspect it is made at (then framed to fill). */
  framed: z.record(z.string(), z.string()).optional(),
});

const scenesInput = z
  .object({
    projectId: z.string().min(1),
    /** One or more scenes; omitted = every scene of the project. */
    sceneIds: z.array(z.string().min(1)).min(1).max(200).optional(),
  })
  .strict();

export const imageCalls = {
  'images.models': call(Empty, z.object({ models: z.array(ImageModelSchema), tableDate: z.string() }), 'KIE image models with credits per image.'),
  'scenes.estimate': call(scenesInput, CostEstimateSchema, 'Estimated KIE credits for generating these scenes (cache hits are free).'),
  'scenes.generate': call(
    scenesInput,
    z.object({ jobs: z.array(JobSchema), estimate: CostEstimateSchema }),
    'Queue image jobs for one scene or all; refused past the credit cap.',
  ),
  'images.import': call(
    z.object({ projectId: z.string().min(1), file: z.string().min(1), sceneId: z.string().min(1).optional() }).strict(),
    z.object({ asset: AssetSchema, document: ProjectDocumentSchema }),
    'Copy a JPEG, PNG or WebP into the project (EXIF rotation applied, deduplicated), optionally as a scene image.',
  ),
} as const;

export const imageEvents = {} as const;
