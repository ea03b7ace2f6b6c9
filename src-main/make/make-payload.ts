/** What `make.short` is asked (payload) and answers (result); shared by the job, the IPC call and the CLI. */
import { z } from 'zod';
import type { ScriptCost } from '../script-writer/cost.js';
import { ScriptRequestSchema } from '../script-writer/script-schema.js';

/** auto: KIE when its key is set, else placeholder art. own: pictures from `ownImagesDir`. none: placeholder art. */
export const ImagesModeSchema = z.enum(['auto', 'kie', 'own', 'none']);
export type ImagesMode = z.infer<typeof ImagesModeSchema>;

export const MakePayload = z
  .object({
    projectId: z.string().min(1),
    request: ScriptRequestSchema,
    voiceId: z.string().min(1).max(200).optional(),
    images: ImagesModeSchema.default('auto'),
    ownImagesDir: z.string().min(1).optional(),
    stopAfterStoryboard: z.boolean().optional(),
    /** Continue a project whose storyboard was made (and perhaps edited) earlier. */
    skipScript: z.boolean().optional(),
    offline: z.boolean().optional(),
    destination: z.string().min(1).optional(),
  })
  .strict();
export type MakePayload = z.infer<typeof MakePayload>;

export interface ImagesOutcome {
  kie: number;
  own: number;
  placeholders: number;
  warnings: string[];
}

export interface MakeResult {
  projectId: string;
  stoppedAfter: 'storyboard' | null;
  script: { title: string; description: string; hashtags: string[]; writer: string; rounds: number; repaired: string | null; estimate: ScriptCost; cost: ScriptCost } | null;
  /** The parts made without the network ("voice (system voice system:en)", "images (6 placeholders made here)"). */
  offline: string[];
  file: string | null;
  durationSeconds: number | null;
  target: number;
  /** The voice ended early, so the scenes were lengthened to the asked length. */
  stretched: boolean;
  images: ImagesOutcome | null;
  /** The name of the user's sound laid under the short as its music ("music.mp3"), or null. */
  music: string | null;
}
