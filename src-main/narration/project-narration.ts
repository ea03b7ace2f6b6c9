/**
 * Narrating a project: its script through its voice, the WAV stored as a content-addressed asset and
 * placed on the narration track, the captions track filled with cues (word timings included), and
 * scene lengths that follow the voice (applied to the scenes and their image clips unless asked not
 * to). One `core.projects.update`, so `project.changed` fires once; anything that fails before it
 * leaves the project as it was (the asset file is content-addressed and harmless if unused).
 */
import type { Core } from '../core.js';
import { AppError } from '../errors.js';
import { storeAssetBuffer } from '../project/assets.js';
import { projectDuration, type Asset, type AudioClip, type ProjectDocument } from '../project/document.js';
import { readProjectFile } from '../project/project-file.js';
import { durationOf, encodeWav } from './audio/wav.js';
import { resolveEngine, narrationRuntime } from './runtime.js';
import { synthesizeScript, type SynthesisResult } from './synthesize.js';
import { buildCues } from './timing/captions.js';
import { suggestSceneDurations, type SceneSuggestion } from './timing/scene-durations.js';
import { displayWords } from './timing/display-words.js';

export interface ProjectNarrationResult {
  assetId: string;
  duration: number;
  cues: number;
  measuredWpm: number;
  requestedWpm: number;
  sceneDurations: SceneSuggestion[];
  applied: boolean;
  warnings: string[];
}

/** The voice id a project's narration settings point at. */
export function projectVoiceId(doc: ProjectDocument): string {
  const { engine, voiceId, language } = doc.narration;
  if (engine === 'system' || !voiceId) {
    if (engine !== 'system' && !voiceId) throw new AppError('invalid_input', `Pick a ${engine === 'piper' ? 'Piper' : 'ElevenLabs'} voice for "${doc.name}" first.`);
    return voiceId?.startsWith('system:') ? voiceId : `system:${language}`;
  }
  if (voiceId.includes(':')) return voiceId;
  return `${engine}:${voiceId}`;
}

/** Scene durations applied: each scene and its image clip, laid end to end in scene order. Pure. */
export function applySceneDurations(doc: ProjectDocument, suggestions: SceneSuggestion[]): ProjectDocument {
  if (doc.scenes.length === 0 || suggestions.length !== doc.scenes.length) return doc;
  const scenes = doc.scenes.map((s, i) => ({ ...s, duration: suggestions[i]!.duration }));
  const startOf = new Map<string, { start: number; duration: number }>();
  let t = 0;
  for (const s of scenes) {
    startOf.set(s.id, { start: t, duration: s.duration });
    t += s.duration;
  }
  const images = doc.tracks.images
    .map((clip) => {
      const placed = clip.sceneId ? startOf.get(clip.sceneId) : undefined;
      return placed ? { ...clip, start: Math.round(placed.start * 1000) / 1000, duration: placed.duration } : clip;
    })
    .sort((a, b) => a.start - b.start);
  return { ...doc, scenes, tracks: { ...doc.tracks, images } };
}

export function placeNarration(doc: ProjectDocument, result: SynthesisResult, asset: Asset, options: { applyScenes: boolean }): { doc: ProjectDocument; suggestions: SceneSuggestion[] } {
  const duration = durationOf(result.audio);
  const clip: AudioClip = { id: 'narration', assetId: asset.id, start: 0, duration, trimStart: 0, volume: 1, fadeIn: 0, fadeOut: 0 };
  const cues = buildCues(displayWords(result.words, result.sentences));
  const suggestions = suggestSceneDurations(result.sentences, duration, doc.scenes.length);
  let next: ProjectDocument = {
    ...doc,
    assets: { ...doc.assets, [asset.id]: asset },
    tracks: { ...doc.tracks, narration: [clip], captions: { ...doc.tracks.captions, cues } },
  };
  if (options.applyScenes) next = applySceneDurations(next, suggestions);
  const pictureEnd = projectDuration(next);
  if (pictureEnd > 0 && cues.some((c) => c.start >= pictureEnd)) {
    throw new AppError(
      'invalid_input',
      `The narration lasts ${duration.toFixed(1)} s but the images end at ${pictureEnd.toFixed(1)} s, so some captions would fall after the video. Lengthen the images (or tie them to scenes so their lengths follow the voice) and narrate again.`,
    );
  }
  return { doc: next, suggestions };
}

export async function narrateProject(
  core: Core,
  projectId: string,
  options: { applySceneDurations?: boolean | undefined; signal?: AbortSignal | undefined; progress?: ((percent: number, message: string) => void) | undefined } = {},
): Promise<ProjectNarrationResult> {
  const dir = core.projects.dirOf(projectId);
  const doc = readProjectFile(dir);
  const engine = resolveEngine(core, projectVoiceId(doc), { language: doc.narration.language });
  const result = await synthesizeScript(engine, narrationRuntime(core).calibration, {
    script: doc.narration.script,
    wpm: doc.narration.wordsPerMinute,
    sentenceSilence: doc.narration.sentenceSilence,
    signal: options.signal,
    progress: options.progress,
  });
  options.progress?.(96, 'Saving the narration in the project');
  const duration = durationOf(result.audio);
  const asset = await storeAssetBuffer(dir, encodeWav(result.audio), 'wav', { kind: 'audio', source: 'narration', mime: 'audio/wav', duration });
  if (options.signal?.aborted) throw new AppError('cancelled', 'Cancelled.');
  let suggestions: SceneSuggestion[] = [];
  const applyScenes = options.applySceneDurations ?? true;
  core.projects.update(projectId, (current) => {
    const placed = placeNarration(current, result, asset, { applyScenes });
    suggestions = placed.suggestions;
    return placed.doc;
  });
  return {
    assetId: asset.id,
    duration,
    cues: result.words.length === 0 ? 0 : readProjectFile(dir).tracks.captions.cues.length,
    measuredWpm: result.wpm.measured,
    requestedWpm: result.wpm.requested,
    sceneDurations: suggestions,
    applied: applyScenes && doc.scenes.length > 0,
    warnings: result.warnings,
  };
}
