/**
 * Pure storyboard rules (tested in test/renderer/storyboard.test.ts): reordering, laying the scenes'
 * image clips back to back in scene order, and scene durations that follow the narration's sentences.
 */
import { mainTrack, type CaptionCue, type ProjectDocument, type Scene } from '../../../../src-main/project/document.js';
import type { EditAction } from '../../state/document/actions.js';

const round = (t: number) => Math.round(t * 100) / 100;
export const MIN_SCENE_SECONDS = 0.5;

/** The ids with `movedId` moved to `toIndex` (index in the list without it). */
export function reorderIds(ids: readonly string[], movedId: string, toIndex: number): string[] {
  const rest = ids.filter((id) => id !== movedId);
  if (rest.length === ids.length) return [...ids];
  const at = Math.max(0, Math.min(rest.length, toIndex));
  return [...rest.slice(0, at), movedId, ...rest.slice(at)];
}

/**
 * Edits that put each scene's image clip where the scene now sits (scenes back to back from 0:00,
 * each as long as its scene). Clips without a scene are left alone. Empty when nothing moves.
 * A scene with no picture yet keeps its place (its time is there for the narration); a scene whose
 * clip the user moved to another track takes no time on the main track, which stays gapless.
 */
export function layoutSceneClips(doc: Pick<ProjectDocument, 'scenes' | 'tracks'>): EditAction[] {
  const actions: EditAction[] = [];
  const main = mainTrack(doc);
  let t = 0;
  for (const scene of doc.scenes) {
    const clip = main.clips.find((c) => c.sceneId === scene.id);
    const elsewhere = !clip && doc.tracks.media.some((track) => track !== main && track.clips.some((c) => c.sceneId === scene.id));
    if (elsewhere) continue;
    if (clip) {
      const start = round(t);
      const end = round(t + scene.duration);
      if (Math.abs(clip.start - start) > 1e-6) actions.push({ type: 'moveClip', id: clip.id, start });
      if (Math.abs(clip.start + clip.duration - end) > 1e-6 || Math.abs(clip.start - start) > 1e-6) {
        actions.push({ type: 'trimClip', id: clip.id, edge: 'end', time: end });
      }
    }
    t += scene.duration;
  }
  return actions;
}

/**
 * Scene lengths that follow the narration: the sentences (caption cues) are shared out in order, as
 * evenly as the count allows, and each scene lasts from its first sentence to the next scene's first
 * (the first from 0:00, the last to the narration's end). With fewer sentences than scenes the
 * narration is split into equal parts. Null when there is no narration timing.
 */
export function durationsFromSentences(sceneCount: number, cues: readonly Pick<CaptionCue, 'start' | 'end'>[]): number[] | null {
  if (sceneCount <= 0 || cues.length === 0) return null;
  const sorted = [...cues].sort((a, b) => a.start - b.start);
  const end = Math.max(...sorted.map((c) => c.end));
  if (!(end > 0)) return null;
  let bounds: number[];
  if (sorted.length < sceneCount) {
    bounds = Array.from({ length: sceneCount + 1 }, (_, i) => (end * i) / sceneCount);
  } else {
    bounds = [0];
    for (let i = 1; i < sceneCount; i++) bounds.push(sorted[Math.floor((i * sorted.length) / sceneCount)]!.start);
    bounds.push(end);
  }
  const out: number[] = [];
  for (let i = 0; i < sceneCount; i++) out.push(Math.max(MIN_SCENE_SECONDS, round(bounds[i + 1]! - bounds[i]!)));
  return out;
}

/**
 * One undo step: new durations for every scene, then their clips laid out again. `suggested` are the
 * narration job's sentence-based scene lengths (the core's), used when they fit the scenes; otherwise
 * the caption cues stand in for the sentences.
 */
export function followNarration(doc: Pick<ProjectDocument, 'scenes' | 'tracks'>, suggested?: readonly number[] | null): EditAction | null {
  const durations = suggested && suggested.length === doc.scenes.length && suggested.every((d) => d > 0) ? [...suggested] : durationsFromSentences(doc.scenes.length, doc.tracks.captions.cues);
  if (!durations) return null;
  const scenes = doc.scenes.map((s, i) => ({ ...s, duration: durations[i]! }));
  const updates: EditAction[] = scenes.map((s) => ({ type: 'updateScene', id: s.id, patch: { duration: s.duration } }));
  return { type: 'batch', actions: [...updates, ...layoutSceneClips({ scenes, tracks: doc.tracks })], label: 'Durations follow the narration' };
}

/** Reorder as one undo step, the timeline following the new order. */
export function reorderScenes(doc: Pick<ProjectDocument, 'scenes' | 'tracks'>, movedId: string, toIndex: number): EditAction | null {
  const ids = reorderIds(doc.scenes.map((s) => s.id), movedId, toIndex);
  if (ids.join('\u0000') === doc.scenes.map((s) => s.id).join('\u0000')) return null;
  const byId = new Map(doc.scenes.map((s) => [s.id, s]));
  const scenes = ids.map((id) => byId.get(id)!);
  return { type: 'batch', actions: [{ type: 'reorderScenes', ids }, ...layoutSceneClips({ scenes, tracks: doc.tracks })], label: 'Reorder scenes' };
}

/** Changing one scene's length moves the clips after it (one undo step). */
export function setSceneDuration(doc: Pick<ProjectDocument, 'scenes' | 'tracks'>, sceneId: string, duration: number): EditAction {
  const scenes = doc.scenes.map((s) => (s.id === sceneId ? { ...s, duration } : s));
  return { type: 'batch', actions: [{ type: 'updateScene', id: sceneId, patch: { duration } }, ...layoutSceneClips({ scenes, tracks: doc.tracks })], label: 'Scene length' };
}

/**
 * Generating several scenes where some use another scene's image as the character reference: those
 * whose reference has no image yet but is being generated in the same batch wait for it ("later").
 */
export function splitByReference(scenes: readonly Pick<Scene, 'id' | 'imageAssetId' | 'referenceSceneId'>[], ids: readonly string[]): { now: string[]; later: string[] } {
  const byId = new Map(scenes.map((s) => [s.id, s]));
  const batch = new Set(ids);
  const now: string[] = [];
  const later: string[] = [];
  for (const id of ids) {
    const ref = byId.get(id)?.referenceSceneId;
    const refScene = ref ? byId.get(ref) : undefined;
    if (ref && refScene && ref !== id && !refScene.imageAssetId && batch.has(ref)) later.push(id);
    else now.push(id);
  }
  return { now, later };
}

export interface SceneWarning {
  scene: number;
  kind: 'noNegative' | 'noReference' | 'framed';
  model: string;
  /** framed: the aspect the model makes instead of the project's (4o Image makes 2:3 for 9:16). */
  madeAt?: string;
}

/**
 * What a batch would silently leave out, per scene, for the user's language (the core's own warning
 * strings are English): a negative prompt the model cannot take, a reference it ignores.
 */
export function sceneWarnings(
  doc: Pick<ProjectDocument, 'scenes' | 'style'> & { output?: Pick<ProjectDocument['output'], 'preset'> },
  models: readonly { id: string; label: string; negativePrompt: boolean; reference: boolean; framed?: Record<string, string> | undefined }[],
  defaultModel = 'flux-kontext-pro',
): SceneWarning[] {
  const warnings: SceneWarning[] = [];
  doc.scenes.forEach((scene, index) => {
    const model = models.find((m) => m.id === (scene.model || defaultModel));
    if (!model) return;
    const negative = (scene.negativePrompt || doc.style.negativePrompt).trim();
    if (negative && !model.negativePrompt) warnings.push({ scene: index + 1, kind: 'noNegative', model: model.label });
    if ((scene.referenceSceneId || scene.referenceAssetId) && !model.reference) warnings.push({ scene: index + 1, kind: 'noReference', model: model.label });
    const madeAt = doc.output ? model.framed?.[doc.output.preset] : undefined;
    if (madeAt) warnings.push({ scene: index + 1, kind: 'framed', model: model.label, madeAt });
  });
  return warnings;
}

/**
 * What "Generate all" does: the scenes without a picture are generated; those that already have one
 * (generated earlier or the user's own) are kept unless `replace`. Scenes with no prompt are skipped.
 */
export function generateAllPlan(scenes: readonly Pick<Scene, 'id' | 'imageAssetId' | 'prompt'>[], replace: boolean): { generate: string[]; kept: number; noPrompt: number } {
  const withPrompt = scenes.filter((s) => s.prompt.trim());
  const generate = withPrompt.filter((s) => replace || !s.imageAssetId).map((s) => s.id);
  return { generate, kept: withPrompt.length - generate.length, noPrompt: scenes.length - withPrompt.length };
}

/**
 * The "Generate all" line, as message keys: with nothing to generate it says so (no credits, no cap
 * waiting for an estimate that is never asked); otherwise the count, the credits and the cap
 * ('…' until the estimate arrives) and a word when that is over the cap.
 */
export function planLine(plan: { generate: readonly string[]; kept: number; noPrompt: number }, estimate: { totalCredits: number; cap: number; withinCap: boolean } | null): { key: 'storyboard.plan' | 'storyboard.planNothing' | 'storyboard.planNoPrompt' | 'storyboard.overCap'; values: Record<string, string | number> }[] {
  const n = plan.generate.length;
  const line: ReturnType<typeof planLine> = n === 0
    ? [{ key: 'storyboard.planNothing', values: { kept: plan.kept } }]
    : [{ key: 'storyboard.plan', values: { n, kept: plan.kept, credits: estimate?.totalCredits ?? '…', cap: estimate?.cap ?? '…' } }];
  if (plan.noPrompt) line.push({ key: 'storyboard.planNoPrompt', values: { n: plan.noPrompt } });
  if (n > 0 && estimate && !estimate.withinCap) line.push({ key: 'storyboard.overCap', values: {} });
  return line;
}

/**
 * Scenes waiting for a reference whose job failed or was cancelled: they stop waiting (the user is
 * told and may generate the reference again); `failed` are the reference scenes' ids whose job ended so.
 */
export function releaseWaiting(waiting: readonly string[], scenes: readonly Pick<Scene, 'id' | 'referenceSceneId'>[], failed: ReadonlySet<string>): string[] {
  return waiting.filter((id) => {
    const ref = scenes.find((s) => s.id === id)?.referenceSceneId;
    return !!ref && failed.has(ref);
  });
}

/** "sceneId:seconds|…" for every scene whose main-track clip is a video (an animated scene). */
export function animatedScenesKey(doc: Pick<ProjectDocument, 'tracks' | 'assets'>): string {
  const main = doc.tracks.media.find((t) => t.role === 'main');
  return (main?.clips ?? [])
    .filter((c) => c.sceneId && Object.hasOwn(doc.assets, c.assetId) && doc.assets[c.assetId]!.kind === 'video')
    .map((c) => `${c.sceneId}:${c.duration}`)
    .join('|');
}
