/**
 * Every job kind the app knows, registered on the core's queue in one place. Each domain (export,
 * narration, scene images) exports a function that registers its kinds; add one line per domain.
 */
import type { Core } from '../core.js';
import { registerImageKinds } from '../images/generate-job.js';
import { registerExportKinds } from '../media/export/export-job.js';
import { registerNarrationKinds } from '../narration/jobs.js';
import { registerTemplates } from '../templates/templates.js';

type KindRegistrar = (core: Core) => void;

const REGISTRARS: KindRegistrar[] = [registerExportKinds, registerImageKinds, registerNarrationKinds, registerTemplates];

export function registerJobKinds(core: Core): void {
  for (const register of REGISTRARS) register(core);
}
