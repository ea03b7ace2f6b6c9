/**
 * The pure reducer: applyAction(doc, action) -> next doc, or throws EditError with a message for the
 * user. Every result is checked against ProjectDocumentSchema (fields and cross-field rules), so the
 * store can never hold an invalid document.
 */
import { ASPECT_PRESETS, mainTrack, MAX_TRACKS, ProjectDocumentSchema, type ProjectDocument } from '../../../../src-main/project/document.js';
import { mergeCues, moveWordEdge, splitCue, toggleEmphasis, withCueText } from '../../../../src-main/media/captions/cue-edit.js';
import { withCaptionStyle } from '../../../../src-main/media/captions/look.js';
import { editError, EditError, type EditAction } from './actions.js';
import { allClipIds, clipSpan, findClip, insertClip, mediaTrackById, replaceClip, withoutClips, withSpan, type AnyClip } from './clips.js';
import { moveClipToTrack, reorderMainClip, rippleDelete, textRidingWithPicture } from './ripple.js';

/** Smallest clip length an edit may leave (seconds). */
export const MIN_CLIP = 0.1;
const round = (t: number) => Math.round(t * 1000) / 1000;

function mustFind(doc: ProjectDocument, id: string): AnyClip {
  const found = findClip(doc, id);
  if (!found) throw editError('edit.clipGone');
  return found;
}

/** Whether the clip's media has a timeline of its own (video, audio), so trimming moves its source. */
function hasSource(doc: ProjectDocument, assetId: string): boolean {
  const kind = Object.hasOwn(doc.assets, assetId) ? doc.assets[assetId]!.kind : undefined;
  return kind === 'video' || kind === 'audio';
}

function isPicture(doc: ProjectDocument, found: AnyClip & { track: 'media' }): boolean {
  return mediaTrackById(doc, found.trackId)?.kind === 'video';
}

function mustFindScene(doc: ProjectDocument, id: string) {
  const index = doc.scenes.findIndex((s) => s.id === id);
  if (index < 0) throw editError('edit.sceneGone');
  return index;
}

function assertNewId(doc: ProjectDocument, id: string): void {
  if (allClipIds(doc).has(id)) throw editError('edit.clipExists');
}

function applyUnchecked(doc: ProjectDocument, action: EditAction): ProjectDocument {
  switch (action.type) {
    case 'moveClips': {
      if (!Number.isFinite(action.delta)) throw editError('edit.finiteTime');
      let next = doc;
      for (const id of new Set(action.ids)) {
        const found = mustFind(next, id);
        const span = clipSpan(found);
        const start = round(span.start + action.delta);
        if (start < -1e-9) throw editError('edit.beforeZero');
        next = replaceClip(next, withSpan(found, Math.max(0, start), round(Math.max(0, start) + span.end - span.start), true));
      }
      return next;
    }
    case 'moveClip': {
      const found = mustFind(doc, action.id);
      const span = clipSpan(found);
      if (!Number.isFinite(action.start) || action.start < 0) throw editError('edit.beforeZero');
      return replaceClip(doc, withSpan(found, round(action.start), round(action.start + span.end - span.start), true));
    }
    case 'trimClip': {
      const found = mustFind(doc, action.id);
      const span = clipSpan(found);
      const time = round(action.time);
      if (!Number.isFinite(time) || time < 0) throw editError('edit.beforeZero');
      const start = action.edge === 'start' ? time : span.start;
      const end = action.edge === 'end' ? time : span.end;
      if (end - start < MIN_CLIP - 1e-9) throw editError('edit.minLength', { seconds: MIN_CLIP });
      if (found.track === 'media' && action.edge === 'start' && hasSource(doc, found.clip.assetId) && found.clip.sourceIn + (start - span.start) * found.clip.speed < -1e-9) {
        throw editError('edit.recordingStart');
      }
      return replaceClip(doc, withSpan(found, start, end, false));
    }
    case 'splitClip': {
      const found = mustFind(doc, action.id);
      const span = clipSpan(found);
      const at = round(action.at);
      if (at - span.start < MIN_CLIP - 1e-9 || span.end - at < MIN_CLIP - 1e-9) throw editError('edit.splitInside');
      assertNewId(doc, action.newId);
      const left = withSpan(found, span.start, at, false);
      const right = withSpan(found, at, span.end, false);
      right.clip = { ...right.clip, id: action.newId } as never;
      if (right.track === 'media') right.clip = { ...right.clip, transitionIn: { kind: 'cut', duration: 0 }, fadeIn: 0 };
      if (left.track === 'media') left.clip = { ...left.clip, fadeOut: 0 };
      if (right.track === 'text') right.clip = { ...right.clip, fadeIn: 0 };
      if (left.track === 'text') left.clip = { ...left.clip, fadeOut: 0 };
      if (right.track === 'captions' && left.track === 'captions' && found.track === 'captions') {
        // Text, words and emphasis split between the words (cue-edit.ts).
        const halves = splitCue(found.clip, at, action.newId)!;
        left.clip = halves[0];
        right.clip = halves[1];
      }
      return insertClip(replaceClip(doc, left), right);
    }
    case 'deleteClips': {
      for (const id of action.ids) mustFind(doc, id);
      return withoutClips(doc, new Set(action.ids));
    }
    case 'rippleDelete': {
      for (const id of action.ids) mustFind(doc, id);
      return rippleDelete(doc, new Set(action.ids));
    }
    case 'reorderClip': {
      const found = mustFind(doc, action.id);
      if (found.track !== 'media' || found.trackId !== mainTrack(doc).id) throw editError('edit.reorderMainOnly');
      if (!Number.isFinite(action.index)) throw editError('edit.finiteTime');
      return reorderMainClip(doc, action.id, action.index);
    }
    case 'moveClipToTrack': {
      const found = mustFind(doc, action.id);
      if (found.track !== 'media') throw editError('edit.mediaChangesTracks');
      if (!Number.isFinite(action.start) || action.start < 0) throw editError('edit.beforeZero');
      return moveClipToTrack(doc, action.id, action.trackId, action.start);
    }
    case 'addTextClip':
      assertNewId(doc, action.clip.id);
      return { ...doc, tracks: { ...doc.tracks, text: [...doc.tracks.text, action.clip] } };
    case 'updateTextClip':
    case 'setTextStyle': {
      const found = mustFind(doc, action.id);
      if (found.track !== 'text') throw editError('edit.textOnly');
      const patch = action.type === 'setTextStyle' ? { style: action.style } : action.patch;
      const style = patch.style ? { ...found.clip.style, ...patch.style, box: { ...found.clip.style.box, ...(patch.style.box ?? {}) } } : found.clip.style;
      if (patch.text !== undefined && patch.text.trim() === '') throw editError('edit.textEmpty');
      return replaceClip(doc, { track: 'text', clip: { ...found.clip, ...patch, id: found.clip.id, style } });
    }
    case 'setKenBurns': {
      const found = mustFind(doc, action.id);
      if (found.track !== 'media' || !isPicture(doc, found)) throw editError('edit.kenBurnsMainOnly');
      const kb = found.clip.kenBurns;
      const kenBurns = { from: { ...kb.from, ...action.from }, to: { ...kb.to, ...action.to }, easing: action.easing ?? kb.easing };
      return replaceClip(doc, { ...found, clip: { ...found.clip, kenBurns } });
    }
    case 'setTransition': {
      const found = mustFind(doc, action.id);
      if (found.track !== 'media' || mediaTrackById(doc, found.trackId)?.role !== 'main') throw editError('edit.transitionMainOnly');
      return replaceClip(doc, { ...found, clip: { ...found.clip, transitionIn: { ...found.clip.transitionIn, ...action.transition } } });
    }
    case 'addMediaClip': {
      assertNewId(doc, action.clip.id);
      if (!mediaTrackById(doc, action.trackId)) throw editError('edit.trackGone');
      return insertClip(doc, { track: 'media', trackId: action.trackId, clip: action.clip });
    }
    case 'updateMediaClip': {
      const found = mustFind(doc, action.id);
      if (found.track !== 'media') throw editError('edit.mediaSettings');
      return replaceClip(doc, { ...found, clip: { ...found.clip, ...action.patch, id: found.clip.id } });
    }
    case 'addTrack': {
      const media = doc.tracks.media;
      if (media.some((t) => t.id === action.track.id)) throw editError('edit.trackExists');
      if (media.length >= MAX_TRACKS) throw editError('edit.maxTracks', { count: MAX_TRACKS });
      if (action.track.role === 'main') throw editError('edit.oneMain');
      // Overlays stack after the last picture track (later = on top); sound tracks go last.
      const lastPicture = media.reduce((at, t, i) => (t.kind === 'video' ? i : at), 0);
      const at = action.track.kind === 'video' ? lastPicture + 1 : media.length;
      return { ...doc, tracks: { ...doc.tracks, media: [...media.slice(0, at), action.track, ...media.slice(at)] } };
    }
    case 'addScene': {
      if (doc.scenes.some((s) => s.id === action.scene.id)) throw editError('edit.sceneExists');
      const scenes = [...doc.scenes];
      scenes.splice(action.index ?? scenes.length, 0, action.scene);
      return { ...doc, scenes };
    }
    case 'updateScene': {
      const index = mustFindScene(doc, action.id);
      const scenes = [...doc.scenes];
      scenes[index] = { ...scenes[index]!, ...action.patch, id: action.id };
      return { ...doc, scenes };
    }
    case 'removeScene': {
      mustFindScene(doc, action.id);
      return { ...doc, scenes: doc.scenes.filter((s) => s.id !== action.id) };
    }
    case 'reorderScenes': {
      const byId = new Map(doc.scenes.map((s) => [s.id, s]));
      if (action.ids.length !== doc.scenes.length || new Set(action.ids).size !== action.ids.length || action.ids.some((id) => !byId.has(id))) {
        throw editError('edit.sceneOrder');
      }
      return { ...doc, scenes: action.ids.map((id) => byId.get(id)!) };
    }
    case 'setNarrationSettings':
      return { ...doc, narration: { ...doc.narration, ...action.patch } };
    case 'setCaptions': {
      const c = doc.tracks.captions;
      const { style, ...rest } = action.patch;
      return { ...doc, tracks: { ...doc.tracks, captions: { ...c, ...rest, style: style ? { ...c.style, ...style, box: { ...c.style.box, ...(style.box ?? {}) } } : c.style } } };
    }
    case 'setCues':
      return { ...doc, tracks: { ...doc.tracks, captions: { ...doc.tracks.captions, cues: action.cues } } };
    case 'updateCue': {
      const found = mustFind(doc, action.id);
      if (found.track !== 'captions') throw editError('edit.captionOnly');
      return replaceClip(doc, { track: 'captions', clip: { ...found.clip, ...action.patch, id: found.clip.id } });
    }
    case 'setCueText': {
      const found = mustFind(doc, action.id);
      if (found.track !== 'captions') throw editError('edit.captionOnly');
      if (action.text.trim() === '') throw editError('edit.captionEmpty');
      return replaceClip(doc, { track: 'captions', clip: withCueText(found.clip, action.text.trim()) });
    }
    case 'addCue':
      assertNewId(doc, action.cue.id);
      return { ...doc, tracks: { ...doc.tracks, captions: { ...doc.tracks.captions, cues: [...doc.tracks.captions.cues, action.cue].sort((a, b) => a.start - b.start) } } };
    case 'mergeCues': {
      const cues = action.ids.map((id) => {
        const found = mustFind(doc, id);
        if (found.track !== 'captions') throw editError('edit.mergeCaptionsOnly');
        return found.clip;
      });
      if (cues.length < 2) throw editError('edit.mergeTwo');
      const merged = cues.sort((a, b) => a.start - b.start).reduce((a, b) => mergeCues(a, b));
      const gone = new Set(cues.slice(1).map((c) => c.id));
      const next = withoutClips(doc, gone);
      return replaceClip(next, { track: 'captions', clip: merged });
    }
    case 'moveWordEdge': {
      const found = mustFind(doc, action.id);
      if (found.track !== 'captions') throw editError('edit.wordTimingsOnly');
      const moved = moveWordEdge(found.clip, action.index, action.edge, action.time);
      if (!moved) throw editError('edit.noWordTimings');
      return replaceClip(doc, { track: 'captions', clip: moved });
    }
    case 'toggleEmphasis': {
      const found = mustFind(doc, action.id);
      if (found.track !== 'captions') throw editError('edit.emphasisOnly');
      return replaceClip(doc, { track: 'captions', clip: toggleEmphasis(found.clip, action.index) });
    }
    case 'setCaptionStyle':
      return { ...doc, tracks: { ...doc.tracks, captions: withCaptionStyle(doc.tracks.captions, action.style) } };
    case 'saveTextStyle': {
      const saved = (doc.textStyles ?? []).filter((s) => s.id !== action.saved.id && s.name !== action.saved.name);
      return { ...doc, textStyles: [...saved, action.saved] };
    }
    case 'deleteTextStyle':
      return { ...doc, textStyles: (doc.textStyles ?? []).filter((s) => s.id !== action.id) };
    case 'setStyle':
      return { ...doc, style: { ...doc.style, ...action.patch } };
    case 'setOutput': {
      const preset = action.patch.preset ?? doc.output.preset;
      const size = action.patch.preset ? ASPECT_PRESETS[preset] : { width: doc.output.width, height: doc.output.height };
      return { ...doc, output: { ...doc.output, ...action.patch, preset, ...size } };
    }
    case 'rename':
      if (action.name.trim() === '') throw editError('edit.needsName');
      return { ...doc, name: action.name.trim() };
    case 'replaceDocument':
      if (action.document.id !== doc.id) throw editError('edit.otherProject');
      return action.document;
    case 'batch':
      return action.actions.reduce(applyUnchecked, doc);
  }
}

/** The first validation problem of a document, as a sentence, or null when it is valid. */
export function documentProblem(doc: ProjectDocument): string | null {
  return documentIssue(doc)?.message ?? null;
}

/** The first validation problem with its message key and values (document rules send one). */
export function documentIssue(doc: ProjectDocument): { message: string; key?: string; values?: Record<string, string | number> } | null {
  const parsed = ProjectDocumentSchema.safeParse(doc);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0]!;
  const params = (issue as { params?: { key?: string; values?: Record<string, string | number> } }).params;
  return { message: issue.message, ...(params?.key ? { key: params.key, values: params.values ?? {} } : {}) };
}

/** Edits after which text overlays ride with the picture they sit on (not splits, adds or whole replacements). */
const RIDES: ReadonlySet<EditAction['type']> = new Set(['reorderClip', 'rippleDelete', 'moveClipToTrack', 'trimClip', 'moveClip', 'moveClips', 'deleteClips', 'updateScene', 'reorderScenes', 'removeScene', 'updateMediaClip']);
const rides = (action: EditAction): boolean => (action.type === 'batch' ? action.actions.every(rides) : RIDES.has(action.type));

/**
 * After an edit that changed the picture and left the text overlays alone, the overlays ride with
 * the clips they sit on and stay inside the project (so shortening a scene never refuses the edit).
 */
function refit(before: ProjectDocument, next: ProjectDocument, action: EditAction): ProjectDocument {
  const untouched = next.tracks.text.length === before.tracks.text.length && next.tracks.text.every((c, i) => c === before.tracks.text[i]);
  if (!untouched || next.tracks.text.length === 0 || !rides(action)) return next;
  const a = mainTrack(before).clips;
  const b = mainTrack(next).clips;
  if (a === b) return next;
  const text = textRidingWithPicture(next.tracks.text, a, b);
  return text.every((c, i) => c === next.tracks.text[i]) ? next : { ...next, tracks: { ...next.tracks, text } };
}

/** Cues the user changed are marked `edited`, so narrating again keeps them (src-main/narration/timing/merge-cues.ts). */
function markEditedCues(before: ProjectDocument, next: ProjectDocument): ProjectDocument {
  const cues = next.tracks.captions.cues;
  if (cues === before.tracks.captions.cues) return next;
  const old = new Map(before.tracks.captions.cues.map((c) => [c.id, c]));
  let changed = false;
  const marked = cues.map((c) => {
    const was = old.get(c.id);
    if (!was || was === c || c.edited) return c;
    changed = true;
    return { ...c, edited: true };
  });
  return changed ? { ...next, tracks: { ...next.tracks, captions: { ...next.tracks.captions, cues: marked } } } : next;
}

/**
 * Apply one edit. Throws EditError when the edit is impossible or would leave the document invalid
 * (overlapping image clips, a text clip past the end, an empty text...); the input is never changed.
 */
export function applyAction(doc: ProjectDocument, action: EditAction): ProjectDocument {
  const next = markEditedCues(doc, refit(doc, applyUnchecked(doc, action), action));
  if (next === doc) return doc;
  const problem = documentIssue(next);
  if (problem) throw editError('edit.notApplied', problem.key ? { problem: problem.message, problemKey: problem.key, ...problem.values } : { problem: problem.message });
  return next;
}

/** applyAction as a result value, for callers that prefer not to catch. */
export function tryApplyAction(doc: ProjectDocument, action: EditAction): { ok: true; doc: ProjectDocument } | { ok: false; message: string } {
  try {
    return { ok: true, doc: applyAction(doc, action) };
  } catch (error) {
    if (error instanceof EditError) return { ok: false, message: error.message };
    throw error;
  }
}
