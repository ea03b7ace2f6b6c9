/**
 * The messages the core sends as a key (src-main/message-keys/), in the page's strings as `msg.<key>`:
 * the English is the core's own table (one wording, shared with the CLI), the Spanish is here.
 * TypeScript makes every Spanish table complete.
 */
import { jobsEn } from '../../../../src-main/message-keys/jobs.js';
import { mediaEn } from '../../../../src-main/message-keys/media.js';
import { narrationEn } from '../../../../src-main/message-keys/narration.js';
import { projectEn } from '../../../../src-main/message-keys/project.js';
import { providersEn } from '../../../../src-main/message-keys/providers.js';
import { systemEn } from '../../../../src-main/message-keys/system.js';
import { jobsEs } from './jobs.js';
import { mediaEs } from './media.js';
import { narrationEs } from './narration.js';
import { projectEs } from './project.js';
import { providersEs } from './providers.js';
import { systemEs } from './system.js';

type Prefixed<T> = { [K in keyof T & string as `msg.${K}`]: string };

function prefixed<T extends Record<string, string>>(table: T): Prefixed<T> {
  return Object.fromEntries(Object.entries(table).map(([key, words]) => [`msg.${key}`, words])) as Prefixed<T>;
}

export const coreEn = {
  ...prefixed(jobsEn),
  ...prefixed(mediaEn),
  ...prefixed(narrationEn),
  ...prefixed(projectEn),
  ...prefixed(providersEn),
  ...prefixed(systemEn),
};

export const coreEs: Record<keyof typeof coreEn, string> = {
  ...prefixed(jobsEs),
  ...prefixed(mediaEs),
  ...prefixed(narrationEs),
  ...prefixed(projectEs),
  ...prefixed(providersEs),
  ...prefixed(systemEs),
};
