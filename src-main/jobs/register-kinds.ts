/**
 * Every job kind the app knows, registered on the core's queue in one place. Each domain (export,
 * narration, scene images) exports a function that registers its kinds; add one line per domain.
 */
import type { Core } from '../core.js';
import { registerAnimationKinds } from '../animation/animate-job.js';
import { registerImageKinds } from '../images/generate-job.js';
import { registerExportKinds } from '../media/export/export-job.js';
import { registerImportKinds } from '../media/import/import-job.js';
import { registerProxyKinds } from '../media/proxy/proxy-job.js';
import { registerNarrationKinds } from '../narration/jobs.js';
import { registerTemplates } from '../templates/templates.js';
import { registerMakeKinds } from '../make/make-job.js';
import { registerScriptKinds } from '../script-writer/script-job.js';

type KindRegistrar = (core: Core) => void;

const REGISTRARS: KindRegistrar[] = [registerExportKinds, registerImageKinds, registerNarrationKinds, registerTemplates, registerImportKinds, registerProxyKinds, registerAnimationKinds, registerScriptKinds, registerMakeKinds];

export function registerJobKinds(core: Core): void {
  for (const register of REGISTRARS) register(core);
}
