/**
 * Narrating a project: its script through its voice, the WAV stored as a content-addressed asset and
 * placed on the narration track, the captions track filled with cues (word timings included), and
 * scene lengths that follow the voice (applied to the scenes and their image clips unless asked not
 * to). One `core.projects.update`, so `project.changed` fires once; anything that fails before it
 * leaves the project as it was (the asset file is content-addressed and harmless if unused).
 */
import type { Core } from '../core.js';
import { appError } from '../errors.js';
import { encodeMessage } from '../messages.js';
import { storeAssetBuffer } from '../project/assets.js';
import { captionsPastEnd, mainTrack, makeClip, tracksWithRole, withTrackClips, type Asset, type ProjectDocument } from '../project/document.js';
import { readProjectFile } from '../project/project-file.js';
import { textRidingWithPicture } from '../project/text-riding.js';
import { durationOf, encodeWav } from './audio/wav.js';
import { resolveEngine, narrationRuntime } from './runtime.js';
import { synthesizeScript, type SynthesisResult } from './synthesize.js';
import { buildCues } from './timing/captions.js';
import { suggestSceneDurations, type SceneSuggestion } from './timing/scene-durations.js';
import { displayWords } from './timing/display-words.js';
import { mergeNarratedCues } from './timing/merge-cues.js';

export interface ProjectNarrationResult {
  assetId: string;
  duration: number;
  cues: number;
  measuredWpm: number;
  requestedWpm: number;
  sceneDurations: SceneSuggestion[];
  applied: boolean;
  warnings: string[];
  /** Each sentence's start and end in the narration (the automatic mode cuts scenes on its beats). */
  sentences: { start: number; end: number }[];
}

/** The voice id a project's narration settings point at. */
export function projectVoiceId(doc: ProjectDocument): string {
  const { engine, voiceId, language } = doc.narration;
  if (engine === 'system' || !voiceId) {
    const values = { engine: engine === 'piper' ? 'Piper' : 'ElevenLabs', name: doc.name };
    if (engine !== 'system' && !voiceId) throw appError('invalid_input', 'error.pickVoice', values);
    return voiceId?.startsWith('system:') ? voiceId : `system:${language}`;
  }
  if (voiceId.includes(':')) return voiceId;
  return `${engine}:${voiceId}`;
}

/** Scene durations applied: each scene and its main-track clip, laid end to end in scene order, the text riding along. Pure. */
export function applySceneDurations(doc: ProjectDocument, suggestions: SceneSuggestion[]): ProjectDocument {
  if (doc.scenes.length === 0 || suggestions.length !== doc.scenes.length) return doc;
  const scenes = doc.scenes.map((s, i) => ({ ...s, duration: suggestions[i]!.duration }));
  const startOf = new Map<string, { start: number; duration: number }>();
  let t = 0;
  for (const s of scenes) {
    startOf.set(s.id, { start: t, duration: s.duration });
    t += s.duration;
  }
  const main = mainTrack(doc);
  const clips = main.clips.map((clip) => {
    const placed = clip.sceneId ? startOf.get(clip.sceneId) : undefined;
    return placed ? { ...clip, start: Math.round(placed.start * 1000) / 1000, duration: placed.duration } : clip;
  });
  // Text overlays ride with the scene they sit on and stay inside the new length (never refused).
  const text = textRidingWithPicture(doc.tracks.text, main.clips, clips);
  return withTrackClips({ ...doc, scenes, tracks: { ...doc.tracks, text } }, main.id, clips);
}

export function placeNarration(doc: ProjectDocument, result: SynthesisResult, asset: Asset, options: { applyScenes: boolean }): { doc: ProjectDocument; suggestions: SceneSuggestion[] } {
  const duration = durationOf(result.audio);
  const clip = makeClip({ id: 'narration', assetId: asset.id, start: 0, duration });
  const narrationTrack = tracksWithRole(doc, 'narration')[0];
  if (!narrationTrack) throw appError('invalid_input', 'error.noNarrationTrack');
  // Captions the user edited are kept; the fresh ones fill in around them.
  const { cues } = mergeNarratedCues(doc.tracks.captions.cues, buildCues(displayWords(result.words, result.sentences)));
  const suggestions = suggestSceneDurations(result.sentences, duration, doc.scenes.length);
  let next: ProjectDocument = withTrackClips(
    { ...doc, assets: { ...doc.assets, [asset.id]: asset }, tracks: { ...doc.tracks, captions: { ...doc.tracks.captions, cues } } },
    narrationTrack.id,
    [clip],
  );
  if (options.applyScenes) next = applySceneDurations(next, suggestions);
  // Captions after the images' end are kept (the page notes them, the export stops at the end): a
  // narration longer than the pictures never refuses, the user lengthens the scenes afterwards.
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
  options.progress?.(96, encodeMessage({ key: 'job.savingNarration' }));
  const duration = durationOf(result.audio);
  const asset = await storeAssetBuffer(dir, encodeWav(result.audio), 'wav', { kind: 'audio', source: 'narration', mime: 'audio/wav', duration });
  if (options.signal?.aborted) throw appError('cancelled', 'error.cancelled');
  let suggestions: SceneSuggestion[] = [];
  const applyScenes = options.applySceneDurations ?? true;
  core.projects.update(
    projectId,
    (current) => {
      const placed = placeNarration(current, result, asset, { applyScenes });
      suggestions = placed.suggestions;
      return placed.doc;
    },
    'narrated',
  );
  return {
    assetId: asset.id,
    duration,
    cues: result.words.length === 0 ? 0 : readProjectFile(dir).tracks.captions.cues.length,
    measuredWpm: result.wpm.measured,
    requestedWpm: result.wpm.requested,
    sceneDurations: suggestions,
    applied: applyScenes && doc.scenes.length > 0,
    warnings: captionsPastEnd(readProjectFile(dir)) > 0 ? [...result.warnings, encodeMessage({ key: 'job.narrationCaptionsPastEnd' })] : result.warnings,
    sentences: result.sentences.map((s) => ({ start: s.start, end: s.end })),
  };
}
