/**
 * The narration job kinds on the persistent queue (concurrency 1: one voice at a time on the CPU):
 *   narration.synthesize  a project's narration → asset, narration track, captions, scene lengths
 *   narration.preview     a sentence or short script → a WAV (in the project, or in the cache)
 *   voice.download        a hub voice, resumable across attempts (the .part files stay)
 * Cancel aborts the signal, which kills the engine process. Also registers the ElevenLabs key tester.
 */
import fs from 'node:fs';
import { encodeMessage } from '../messages.js';
import { keyTestFailure, keyTestResult } from '../secrets/key-test.js';
import path from 'node:path';
import { z } from 'zod';
import type { Core } from '../core.js';
import { sha256OfBuffer, storeAssetBuffer } from '../project/assets.js';
import { durationOf, encodeWav } from './audio/wav.js';
import { narrateProject, type ProjectNarrationResult } from './project-narration.js';
import { closeNarration, narrationRuntime, resolveEngine } from './runtime.js';
import { synthesizeScript } from './synthesize.js';
import { downloadVoice } from './voices/download.js';
import type { VoiceInfo } from './voices/manage.js';
import { writeFileAtomic } from '../platform/atomic-file.js';

export const NARRATION_SYNTHESIZE_KIND = 'narration.synthesize';
export const NARRATION_PREVIEW_KIND = 'narration.preview';
export const VOICE_DOWNLOAD_KIND = 'voice.download';

export const SynthesizePayload = z.object({ projectId: z.string().min(1), applySceneDurations: z.boolean().optional() }).strict();
export const PreviewPayload = z.object({ voiceId: z.string().min(1), text: z.string().min(1).max(5000), wordsPerMinute: z.number().int().min(120).max(240), language: z.string().min(2).max(10).optional(), projectId: z.string().min(1).optional() }).strict();
export const DownloadPayload = z.object({ name: z.string().regex(/^[A-Za-z0-9_.-]{3,120}$/) }).strict();

export interface PreviewResult {
  file: string | null;
  assetId: string | null;
  duration: number;
  measuredWpm: number;
  warnings: string[];
}

export async function runPreview(core: Core, payload: z.infer<typeof PreviewPayload>, signal?: AbortSignal, progress?: (p: number, m: string) => void): Promise<PreviewResult> {
  const engine = resolveEngine(core, payload.voiceId, { language: payload.language });
  const result = await synthesizeScript(engine, narrationRuntime(core).calibration, { script: payload.text, wpm: payload.wordsPerMinute, signal, progress });
  const wav = encodeWav(result.audio);
  const duration = durationOf(result.audio);
  const base = { duration, measuredWpm: result.wpm.measured, warnings: result.warnings };
  if (payload.projectId) {
    const asset = await storeAssetBuffer(core.projects.dirOf(payload.projectId), wav, 'wav', { kind: 'audio', source: 'narration', mime: 'audio/wav', duration });
    return { ...base, file: null, assetId: asset.id };
  }
  const dir = path.join(core.paths.cache, 'narration-previews');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${sha256OfBuffer(wav)}.wav`);
  writeFileAtomic(file, wav);
  return { ...base, file, assetId: null };
}

export function registerNarrationKinds(core: Core): void {
  // Long-lived Piper processes must not keep the app (or `whatif web`) alive after the core closes.
  core.onClose(() => closeNarration(core));
  core.jobs.register<z.infer<typeof SynthesizePayload>, ProjectNarrationResult>({
    kind: NARRATION_SYNTHESIZE_KIND,
    payload: SynthesizePayload,
    concurrency: 1,
    resumable: false,
    // ElevenLabs chunks are retried one by one inside the engine; retrying the whole job would pay again.
    maxAttempts: 1,
    title: () => encodeMessage({ key: 'job.narration' }),
    run: (payload, ctx) => narrateProject(core, payload.projectId, { applySceneDurations: payload.applySceneDurations, signal: ctx.signal, progress: ctx.progress }),
  });
  core.jobs.register<z.infer<typeof PreviewPayload>, PreviewResult>({
    kind: NARRATION_PREVIEW_KIND,
    payload: PreviewPayload,
    concurrency: 1,
    resumable: false,
    maxAttempts: 1,
    title: (p) => encodeMessage({ key: 'job.voicePreview', values: { voice: p.voiceId.replace(/^\w+:/, '') } }),
    run: (payload, ctx) => runPreview(core, payload, ctx.signal, ctx.progress),
  });
  core.jobs.register<z.infer<typeof DownloadPayload>, VoiceInfo>({
    kind: VOICE_DOWNLOAD_KIND,
    payload: DownloadPayload,
    concurrency: 1,
    resumable: true,
    title: (p) => encodeMessage({ key: 'job.voiceDownload', values: { name: p.name } }),
    run: async (payload, ctx) => {
      const voice = await downloadVoice(core, payload.name, {
        signal: ctx.signal,
        progress: (done, total) => ctx.progress((100 * done) / total, encodeMessage({ key: 'voice.progress.downloaded', values: { done: (done / 1e6).toFixed(1), total: (total / 1e6).toFixed(1) } })),
      });
      core.events.emit('voices.changed', { reason: 'downloaded', id: voice.id });
      return voice;
    },
  });
  core.secretTesters.elevenlabs = async () => {
    try {
      const voices = await narrationRuntime(core).elevenlabs.voices();
      return keyTestResult(true, 'keys.elevenlabsWorks', { count: voices.length });
    } catch (error) {
      return keyTestFailure(error);
    }
  };
}
