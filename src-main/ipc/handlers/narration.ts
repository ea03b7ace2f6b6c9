import type { Core } from '../../core.js';
import { NARRATION_PREVIEW_KIND, NARRATION_SYNTHESIZE_KIND, VOICE_DOWNLOAD_KIND } from '../../narration/jobs.js';
import { narrationRuntime } from '../../narration/runtime.js';
import { addVoice, listVoices, removeVoice } from '../../narration/voices/manage.js';
import { catalogFromIndex, fetchVoiceIndex } from '../../narration/voices/hub.js';
import type { narrationCalls } from '../contract/narration.js';
import type { HandlersFor } from '../handle.js';
import { pageFile } from '../../files/page-paths.js';

export function narrationHandlers(core: Core): HandlersFor<keyof typeof narrationCalls> {
  return {
    'voices.list': () => ({ voices: listVoices(core) }),
    'voices.add': async ({ file }) => ({ voice: await addVoice(core, pageFile(core, 'file', file)) }),
    'voices.download': ({ name }) => ({ job: core.jobs.enqueue(VOICE_DOWNLOAD_KIND, { name }) }),
    'voices.catalog': async (_input, ctx) => ({ voices: catalogFromIndex(await fetchVoiceIndex(narrationRuntime(core).hubBaseUrl, ctx.signal)) }),
    'voices.remove': ({ voiceId }) => {
      removeVoice(core, voiceId);
      return { ok: true as const };
    },
    'voices.elevenlabs': async () => ({
      voices: (await narrationRuntime(core).elevenlabs.voices()).map((v) => ({ id: `elevenlabs:${v.voice_id}`, name: v.name, ...(v.category ? { category: v.category } : {}) })),
    }),
    'narration.preview': (input) => {
      if (input.projectId) core.projects.dirOf(input.projectId);
      return { job: core.jobs.enqueue(NARRATION_PREVIEW_KIND, { voiceId: input.voiceId, text: input.text, wordsPerMinute: input.wordsPerMinute, ...(input.language ? { language: input.language } : {}), ...(input.projectId ? { projectId: input.projectId } : {}) }, { projectId: input.projectId ?? null }) };
    },
    'narration.synthesize': ({ projectId, applySceneDurations }) => {
      core.projects.dirOf(projectId);
      return { job: core.jobs.enqueue(NARRATION_SYNTHESIZE_KIND, { projectId, ...(applySceneDurations === undefined ? {} : { applySceneDurations }) }, { projectId }) };
    },
  };
}
