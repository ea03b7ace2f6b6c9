import { z } from 'zod';
import { ErrorSchema, call } from './define.js';

export const JOB_STATES = ['queued', 'running', 'done', 'error', 'cancelled'] as const;
export const JobStateSchema = z.enum(JOB_STATES);
export type JobState = z.infer<typeof JobStateSchema>;

export const JobSchema = z.object({
  id: z.string(),
  kind: z.string(),
  projectId: z.string().nullable(),
  /** Short human title in English, e.g. "Export 9:16" or "Scene 3 image". */
  title: z.string(),
  /** The title as a message key and values, for the page to word in its language (src-main/messages.ts). */
  titleKey: z.string().optional(),
  titleValues: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  state: JobStateSchema,
  progress: z.number().min(0).max(100),
  message: z.string(),
  /** The progress message as a key and values, when the job kind sends one. */
  messageKey: z.string().optional(),
  messageValues: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  attempts: z.number().int().nonnegative(),
  maxAttempts: z.number().int().positive(),
  nextRunAt: z.string().nullable(),
  result: z.unknown().nullable(),
  error: ErrorSchema.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type Job = z.infer<typeof JobSchema>;

export const jobCalls = {
  'jobs.list': call(
    z
      .object({
        projectId: z.string().optional(),
        states: z.array(JobStateSchema).optional(),
        limit: z.number().int().min(1).max(1000).optional(),
      })
      .strict(),
    z.array(JobSchema),
    'Jobs, newest first.',
  ),
  'jobs.get': call(z.object({ id: z.string().min(1) }).strict(), JobSchema, 'One job.'),
  'jobs.cancel': call(z.object({ id: z.string().min(1) }).strict(), JobSchema, 'Cancel a queued or running job.'),
  'jobs.retry': call(z.object({ id: z.string().min(1) }).strict(), JobSchema, 'Queue a failed or cancelled job again.'),
} as const;

export const jobEvents = {
  'job.changed': JobSchema,
} as const;
