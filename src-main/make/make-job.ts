/**
 * `make.short`: an idea to a finished MP4 in one job, a chain of child jobs (child-jobs.ts): the
 * script (script.write) → the narration at a pace that fits the asked length (narration.synthesize)
 * → scene lengths from the beats of the narration → images (KIE with scene 1 as the character
 * reference; without a key, the user's images or placeholder art, so it always finishes) → the
 * timeline (framings and transitions varied per scene, the title over the first seconds) → the export
 * (export.render). Optionally it stops after the storyboard so the user can review before paying.
 */
import type { Core } from '../core.js';
import { encodeMessage } from '../messages.js';
import { appError } from '../errors.js';
import type { ExportJobResult } from '../ipc/contract/export.js';
import { startExport } from '../media/export/export-job.js';
import { NARRATION_SYNTHESIZE_KIND } from '../narration/jobs.js';
import { applySceneDurations, projectVoiceId, type ProjectNarrationResult } from '../narration/project-narration.js';
import { countWords, splitScript } from '../narration/script.js';
import { readProjectFile } from '../project/project-file.js';
import { SCRIPT_WRITE_KIND, type ScriptWritePayload, type ScriptWriteResult } from '../script-writer/script-job.js';
import type { JobRunContext } from '../jobs/types.js';
import { fillImages } from './images-step.js';
import { MakePayload, type ImagesOutcome, type MakeResult } from './make-payload.js';
import { runStep } from './child-jobs.js';
import { styleTimeline } from './timeline-step.js';
import { beatDurations, fitToLength, wpmForLength } from './timeline-plan.js';

export const MAKE_KIND = 'make.short';

function narrationVoice(payload: MakePayload, language: string): { engine: 'piper' | 'elevenlabs' | 'system'; voiceId: string } {
  const id = payload.voiceId ?? `system:${language}`;
  if (id.startsWith('system:')) return { engine: 'system', voiceId: id };
  if (id.startsWith('elevenlabs:')) return { engine: 'elevenlabs', voiceId: id };
  return { engine: 'piper', voiceId: id.replace(/^piper:/, '') };
}

/**
 * Voice, language and a pace that makes the script last about the asked length. Going on from a
 * reviewed storyboard keeps the voice the user picked meanwhile, unless one was asked for.
 */
export function prepareNarration(core: Core, payload: MakePayload): void {
  core.projects.update(payload.projectId, (doc) => {
    const { language, seconds } = payload.request;
    const sentences = splitScript(doc.narration.script, language);
    const paragraphs = new Set(sentences.map((s) => s.paragraph)).size;
    const wpm = wpmForLength(countWords(doc.narration.script, language), seconds, sentences.length, paragraphs, doc.narration.sentenceSilence);
    const voice = payload.skipScript && !payload.voiceId ? {} : narrationVoice(payload, language);
    return { ...doc, language, narration: { ...doc.narration, ...voice, language, wordsPerMinute: wpm } };
  });
}

/** Scene lengths from the beats (one paragraph per scene), stretched to the asked length when the voice ends early. */
export function applyBeats(core: Core, payload: MakePayload, narration: ProjectNarrationResult): { stretched: boolean; seconds: number } {
  let outcome = { stretched: false, seconds: 0 };
  core.projects.update(payload.projectId, (doc) => {
    const sentences = splitScript(doc.narration.script, doc.narration.language);
    const perBeat = doc.scenes.map((_s, i) => sentences.filter((s) => s.paragraph === i).length);
    const fitted = fitToLength(beatDurations(narration.sentences, perBeat, narration.duration), payload.request.seconds);
    let t = 0;
    const suggestions = fitted.durations.map((duration, scene) => {
      const start = t;
      t += duration;
      return { scene, sentences: [], start, duration };
    });
    outcome = { stretched: fitted.stretched, seconds: t };
    return applySceneDurations(doc, suggestions);
  });
  return outcome;
}

export async function runMake(core: Core, payload: MakePayload, ctx: JobRunContext): Promise<MakeResult> {
  const { projectId, request } = payload;
  const offline: string[] = [];
  let script: ScriptWriteResult | null = null;
  if (!payload.skipScript) {
    script = await runStep<ScriptWriteResult>(core, ctx, { key: 'scriptJob', name: 'script', from: 0, to: 15 }, () =>
      core.jobs.enqueue(SCRIPT_WRITE_KIND, { projectId, request, ...(payload.offline ? { offline: true } : {}) } satisfies ScriptWritePayload, { projectId, title: encodeMessage({ key: 'script.title', values: { idea: request.idea.slice(0, 60) } }) }),
    );
    if (script.offline) offline.push(encodeMessage(script.template ? { key: 'make.offline.scriptTemplate', values: { template: script.template } } : { key: 'make.offline.scriptGeneric' }));
  } else if (readProjectFile(core.projects.dirOf(projectId)).scenes.length === 0) {
    throw appError('invalid_input', 'make.noStoryboard');
  }
  if (payload.stopAfterStoryboard) {
    return { projectId, stoppedAfter: 'storyboard', script: script && summary(script), offline, file: null, durationSeconds: null, target: request.seconds, stretched: false, images: null, music: null };
  }

  if (!ctx.saved?.narrationJob) prepareNarration(core, payload);
  const narration = await runStep<ProjectNarrationResult>(core, ctx, { key: 'narrationJob', name: 'narration', from: 15, to: 35 }, () =>
    core.jobs.enqueue(NARRATION_SYNTHESIZE_KIND, { projectId, applySceneDurations: false }, { projectId, title: encodeMessage({ key: 'job.narration' }) }),
  );
  const narrated = readProjectFile(core.projects.dirOf(projectId));
  const voiceId = projectVoiceId(narrated);
  if (narrated.narration.engine !== 'elevenlabs') {
    offline.push(encodeMessage(narrated.narration.engine === 'system' ? { key: 'make.offline.systemVoice', values: { voice: voiceId } } : { key: 'make.offline.piperVoice', values: { voice: voiceId.replace(/^piper:/, '') } }));
  }
  const beats = applyBeats(core, payload, narration);

  ctx.progress(36, encodeMessage({ key: 'make.progress.images' }));
  const images: ImagesOutcome = await fillImages(core, payload, ctx, { from: 36, to: 70 });
  if (images.placeholders > 0) offline.push(encodeMessage({ key: images.placeholders === 1 ? 'make.offline.placeholder' : 'make.offline.placeholders', values: { count: images.placeholders } }));
  if (images.own > 0) offline.push(encodeMessage({ key: 'make.offline.own', values: { count: images.own } }));

  ctx.progress(71, encodeMessage({ key: 'make.progress.timeline' }));
  const music = styleTimeline(core, projectId, script?.script.onScreenTitle ?? request.idea);

  const exported = await runStep<ExportJobResult>(core, ctx, { key: 'exportJob', name: 'export', from: 72, to: 100 }, () => startExport(core, { projectId, ...(payload.destination ? { destination: payload.destination } : {}) }).job);
  return { projectId, stoppedAfter: null, script: script && summary(script), offline, file: exported.file, durationSeconds: exported.durationSeconds, target: request.seconds, stretched: beats.stretched, images, music };
}

function summary(script: ScriptWriteResult): NonNullable<MakeResult['script']> {
  return { title: script.script.title, description: script.script.description, hashtags: script.script.hashtags, writer: script.writer, rounds: script.rounds, repaired: script.repaired, estimate: script.estimate, cost: script.cost };
}

export function registerMakeKinds(core: Core): void {
  core.jobs.register<MakePayload, MakeResult>({
    kind: MAKE_KIND,
    payload: MakePayload,
    // It mostly waits for its children, whose own kinds bound the real work (one narration, one export at a time).
    concurrency: 4,
    maxAttempts: 1,
    resumable: true,
    title: (p) => encodeMessage({ key: 'make.title', values: { idea: p.request.idea.slice(0, 60) } }),
    run: (payload, ctx) => runMake(core, payload, ctx),
  });
}
