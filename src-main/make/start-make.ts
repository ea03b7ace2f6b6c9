/**
 * Starting the automatic mode, for the page and the CLI alike: one new project per idea (named after
 * it) and one `make.short` job each, all through the queue, so a batch runs with the providers' limits
 * (the child kinds' concurrency, KIE's rate gate) and one failing idea does not stop the others.
 */
import type { Core } from '../core.js';
import { encodeMessage } from '../messages.js';
import { appError } from '../errors.js';
import type { Job } from '../ipc/contract/jobs.js';
import { MAKE_KIND } from './make-job.js';
import { MakePayload } from './make-payload.js';

export type MakeInput = Omit<MakePayload, 'projectId' | 'request' | 'images'> & {
  idea: string;
  language: 'es' | 'en';
  seconds: number;
  tone?: string | undefined;
  scenes?: number | null | undefined;
  images?: MakePayload['images'] | undefined;
};

export function startMake(core: Core, input: MakeInput): { projectId: string; job: Job } {
  const { idea, language, seconds, tone, scenes, ...rest } = input;
  const name = idea.replace(/\s+/g, ' ').trim().slice(0, 80) || 'What if';
  const parsed = MakePayload.safeParse({ projectId: 'pending', request: { idea, language, seconds, tone: tone ?? '', scenes: scenes ?? null }, ...rest });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw appError('invalid_input', 'make.invalidInput', { field: issue.path.join('.') || 'input', problem: issue.message });
  }
  const summary = core.projects.create({ name, language });
  const job = core.jobs.enqueue(MAKE_KIND, { ...parsed.data, projectId: summary.id }, { projectId: summary.id, title: encodeMessage({ key: 'make.title', values: { idea: name.slice(0, 60) } }) });
  return { projectId: summary.id, job };
}

/** Go on from a storyboard made (and perhaps edited) earlier: the same request, the script kept as it is. */
export function continueMake(core: Core, projectId: string, images?: MakePayload['images'], destination?: string): { projectId: string; job: Job } {
  const made = core.jobs.list({ projectId, limit: 1000 }).filter((j) => j.kind === MAKE_KIND);
  const active = made.find((j) => j.state === 'queued' || j.state === 'running');
  if (active) return { projectId, job: active };
  const previous = made[0];
  const payload = previous ? (core.jobs.rows.get(previous.id)?.payload as MakePayload | undefined) : undefined;
  if (!previous || !payload) throw appError('not_found', 'make.nothingToContinue');
  const job = core.jobs.enqueue(MAKE_KIND, { ...payload, skipScript: true, stopAfterStoryboard: false, ...(images ? { images } : {}), ...(destination ? { destination } : {}) } satisfies MakePayload, { projectId, title: previous.titleKey ? encodeMessage({ key: previous.titleKey, ...(previous.titleValues ? { values: previous.titleValues } : {}) }) : previous.title });
  return { projectId, job };
}

/** One idea a line; blank lines and lines starting with # are skipped. */
export function parseIdeas(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
}
