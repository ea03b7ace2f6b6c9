/** "Animate" a scene (KIE image-to-video) and the KIE account balance. */
import { z } from 'zod';
import { call, Empty } from './define.js';
import { JobSchema } from './jobs.js';

export const VideoModelSchema = z.object({
  id: z.string(),
  label: z.string(),
  /** Clip lengths in seconds the model makes. */
  durations: z.array(z.number()),
  /** Resolutions to pick from (empty: the model has one). */
  resolutions: z.array(z.string()),
  /** Takes a second image as the last frame. */
  lastFrame: z.boolean(),
  negativePrompt: z.boolean(),
  /** Credits per clip by `${duration}` or `${duration}@${resolution}`; a missing key is not offered. */
  credits: z.record(z.string(), z.number()),
});

export const AnimationEstimateSchema = z.object({
  clips: z.number().int(),
  model: z.string(),
  label: z.string(),
  duration: z.number(),
  resolution: z.string().nullable(),
  creditsPerClip: z.number(),
  totalCredits: z.number(),
  cap: z.number(),
  withinCap: z.boolean(),
  tableDate: z.string(),
  /** Scenes left out of "animate all" (no image yet), as the user sees them ("scene 4"). */
  skipped: z.array(z.string()),
  warnings: z.array(z.string()),
});

export const AnimateInputSchema = z
  .object({
    projectId: z.string().min(1),
    /** One or more scenes; omitted = every scene that has an image. */
    sceneIds: z.array(z.string().min(1)).min(1).max(200).optional(),
    model: z.string().min(1),
    duration: z.number().positive().max(60),
    resolution: z.string().min(1).nullable().optional(),
    /** The motion; empty = a gentle default from the scene prompt. */
    prompt: z.string().max(2000).optional(),
    /** The next scene's image as the last frame (models that take two images). */
    lastFrame: z.boolean().optional(),
  })
  .strict();

export const BalanceSchema = z.object({
  /** KIE credits left; null when there is no key or KIE could not be asked (see message). */
  credits: z.number().nullable(),
  message: z.string().nullable(),
  /** The message as a key and values, worded by the page in its language. */
  key: z.string().optional(),
  values: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});

export const animationCalls = {
  'animation.models': call(Empty, z.object({ models: z.array(VideoModelSchema), tableDate: z.string() }), 'KIE image-to-video models with lengths, resolutions and credits per clip.'),
  'scenes.animateEstimate': call(
    AnimateInputSchema,
    AnimationEstimateSchema.extend({ balance: z.number().nullable(), balanceMessage: z.string().nullable(), balanceKey: z.string().optional(), balanceValues: z.record(z.string(), z.union([z.string(), z.number()])).optional() }),
    'Credits for animating these scenes, the cap, and the KIE balance.'),
  'scenes.animate': call(
    AnimateInputSchema,
    /** `sceneIds[i]` is the scene of `jobs[i]`. */
    z.object({ jobs: z.array(JobSchema), sceneIds: z.array(z.string()), estimate: AnimationEstimateSchema }),
    'Queue Animate jobs for one scene or all; refused past the credit cap.',
  ),
  'account.credits': call(Empty, BalanceSchema, 'The KIE credit balance (Settings, before a batch).'),
} as const;

export const animationEvents = {} as const;
