import type { Core } from '../../core.js';
import type { jobCalls } from '../contract/jobs.js';
import type { HandlersFor } from '../handle.js';

export function jobHandlers(core: Core): HandlersFor<keyof typeof jobCalls> {
  return {
    'jobs.list': (filter) => core.jobs.list(filter),
    'jobs.get': ({ id }) => core.jobs.get(id),
    'jobs.cancel': ({ id }) => core.jobs.cancel(id),
    'jobs.retry': ({ id }) => core.jobs.retry(id),
  };
}
