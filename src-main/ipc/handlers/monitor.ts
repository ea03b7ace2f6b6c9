import type { Core } from '../../core.js';
import { imagesRuntime } from '../../images/runtime.js';
import { folderBytes, queueCounts, rateUse } from '../../monitor/stats.js';
import { KIE_LIMITS } from '../../providers/kie/rate-gate.js';
import type { monitorCalls } from '../contract/monitor.js';
import type { HandlersFor } from '../handle.js';

export function monitorHandlers(core: Core): HandlersFor<keyof typeof monitorCalls> {
  return {
    async 'monitor.snapshot'() {
      const now = Date.now();
      const rows = core.db.prepare('SELECT state, COUNT(*) AS n FROM jobs GROUP BY state').all() as { state: string; n: number }[];
      const failed = core.jobs.list({ states: ['error'], limit: 10 });
      const projects = core.projects.list();
      let projectsBytes = 0;
      for (const project of projects) if (project.available) projectsBytes += await folderBytes(project.dir);
      return {
        queue: queueCounts(rows),
        rateLimits: rateUse(imagesRuntime(core).client.gate.granted, KIE_LIMITS, now, 'kie.'),
        recentErrors: failed.map((job) => ({
          jobId: job.id,
          kind: job.kind,
          title: job.title,
          at: job.finishedAt ?? job.updatedAt,
          error: job.error ?? { code: 'internal' as const, message: job.message || 'Failed.' },
        })),
        disk: {
          projectsBytes,
          projectCount: projects.length,
          voicesBytes: await folderBytes(core.paths.voices),
          cacheBytes: await folderBytes(core.paths.cache),
        },
        at: new Date(now).toISOString(),
      };
    },
  };
}
