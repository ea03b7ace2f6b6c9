import { z } from 'zod';
import { ErrorSchema, call, Empty } from './define.js';
import { JOB_STATES } from './jobs.js';

export const RateBucketUseSchema = z.object({
  /** e.g. "kie.all" (20 per 10 s) or "kie.poll" (3 per second). */
  name: z.string(),
  used: z.number().int().nonnegative(),
  limit: z.number().int().positive(),
  windowMs: z.number().int().positive(),
});

export const MonitorSnapshotSchema = z.object({
  queue: z.record(z.enum(JOB_STATES), z.number().int().nonnegative()),
  rateLimits: z.array(RateBucketUseSchema),
  recentErrors: z.array(
    z.object({ jobId: z.string(), kind: z.string(), title: z.string(), at: z.string(), error: ErrorSchema }),
  ),
  disk: z.object({
    projectsBytes: z.number().nonnegative(),
    projectCount: z.number().int().nonnegative(),
    voicesBytes: z.number().nonnegative(),
    cacheBytes: z.number().nonnegative(),
  }),
  at: z.string(),
});
export type MonitorSnapshot = z.infer<typeof MonitorSnapshotSchema>;

export const monitorCalls = {
  'monitor.snapshot': call(Empty, MonitorSnapshotSchema, 'Queue counts by state, provider rate-limit use, recent errors and disk used.'),
} as const;

export const monitorEvents = {} as const;
