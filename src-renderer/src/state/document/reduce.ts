/**
 * The pure reducer: applyAction(doc, action) -> next doc, or throws EditError with a message for the
 * user. Every result is checked against ProjectDocumentSchema (fields and cross-field rules), so the
 * store can never hold an invalid document.
 */
import { ASPECT_PRESETS, ProjectDocumentSchema, type ProjectDocument } from '../../../../src-main/project/document.js';
import { EditError, type EditAction } from './actions.js';
import { allClipIds, clipSpan, findClip, replaceClip, withoutClips, withSpan, type AnyClip } from './clips.js';

/** Smallest clip length an edit may leave (seconds). */
export const MIN_CLIP = 0.1;
const round = (t: number) => Math.round(t * 1000) / 1000;

function mustFind(doc: ProjectDocument, id: string): AnyClip {
  const found = findClip(doc, id);
  if (!found) throw new EditError(`There is no clip ${id} in this project (it may have been deleted).`);
  return found;
}

function mustFindScene(doc: ProjectDocument, id: string) {
  const index = doc.scenes.findIndex((s) => s.id === id);
  if (index < 0) throw new EditError(`There is no scene ${id} in this project.`);
  return index;
}

function assertNewId(doc: ProjectDocument, id: string): void {
  if (allClipIds(doc).has(id)) throw new EditError(`A clip with id ${id} already exists.`);
}

function applyUnchecked(doc: ProjectDocument, action: EditAction): ProjectDocument {
  switch (action.type) {
    case 'moveClips': {
      if (!Number.isFinite(action.delta)) throw new EditError('A move needs a finite time.');
      let next = doc;
      for (const id of new Set(action.ids)) {
        const found = mustFind(next, id);
        const span = clipSpan(found);
        const start = round(span.start + action.delta);
        if (start < -1e-9) throw new EditError('A clip cannot start before 0:00.');
        next = replaceClip(next, withSpan(found, Math.max(0, start), round(Math.max(0, start) + span.end - span.start), true));
      }
      return next;
    }
    case 'moveClip': {
      const found = mustFind(doc, action.id);
      const span = clipSpan(found);
      if (!Number.isFinite(action.start) || action.start < 0) throw new EditError('A clip cannot start before 0:00.');
      return replaceClip(doc, withSpan(found, round(action.start), round(action.start + span.end - span.start), true));
    }
    case 'trimClip': {
      const found = mustFind(doc, action.id);
      const span = clipSpan(found);
      const time = round(action.time);
      if (!Number.isFinite(time) || time < 0) throw new EditError('A clip cannot start before 0:00.');
      const start = action.edge === 'start' ? time : span.start;
      const end = action.edge === 'end' ? time : span.end;
      if (end - start < MIN_CLIP - 1e-9) throw new EditError(`A clip must stay at least ${MIN_CLIP}s long.`);
      if ((found.track === 'narration' || found.track === 'music') && action.edge === 'start' && found.clip.trimStart + (start - span.start) < -1e-9) {
        throw new EditError('The audio does not start earlier than this.');
      }
      return replaceClip(doc, withSpan(found, start, end, false));
    }
    case 'splitClip': {
      const found = mustFind(doc, action.id);
      const span = clipSpan(found);
      const at = round(action.at);
      if (at - span.start < MIN_CLIP - 1e-9 || span.end - at < MIN_CLIP - 1e-9) throw new EditError('Put the playhead inside the clip (not at its edge) to split it.');
      assertNewId(doc, action.newId);
      const left = withSpan(found, span.start, at, false);
      const right = withSpan(found, at, span.end, false);
      right.clip = { ...right.clip, id: action.newId } as never;
      if (right.track === 'images') right.clip = { ...right.clip, transitionIn: { kind: 'cut', duration: 0 } };
      if (right.track === 'text') right.clip = { ...right.clip, fadeIn: 0 };
      if (left.track === 'text') left.clip = { ...left.clip, fadeOut: 0 };
      if (right.track === 'captions' && found.track === 'captions' && found.clip.words) {
        (left.clip as typeof found.clip).words = found.clip.words.filter((w) => w.start < at);
        (right.clip as typeof found.clip).words = found.clip.words.filter((w) => w.start >= at);
      }
      let next = replaceClip(doc, left);
      const t = next.tracks;
      switch (right.track) {
        case 'images':
          next = { ...next, tracks: { ...t, images: [...t.images, right.clip] } };
          break;
        case 'text':
          next = { ...next, tracks: { ...t, text: [...t.text, right.clip] } };
          break;
        case 'captions':
          next = { ...next, tracks: { ...t, captions: { ...t.captions, cues: [...t.captions.cues, right.clip] } } };
          break;
        case 'narration':
          next = { ...next, tracks: { ...t, narration: [...t.narration, right.clip] } };
          break;
        case 'music':
          next = { ...next, tracks: { ...t, music: [...t.music, right.clip] } };
          break;
      }
      return next;
    }
    case 'deleteClips': {
      for (const id of action.ids) mustFind(doc, id);
      return withoutClips(doc, new Set(action.ids));
    }
    case 'addTextClip':
      assertNewId(doc, action.clip.id);
      return { ...doc, tracks: { ...doc.tracks, text: [...doc.tracks.text, action.clip] } };
    case 'updateTextClip':
    case 'setTextStyle': {
      const found = mustFind(doc, action.id);
      if (found.track !== 'text') throw new EditError('Only a text clip has text and a text style.');
      const patch = action.type === 'setTextStyle' ? { style: action.style } : action.patch;
      const style = patch.style ? { ...found.clip.style, ...patch.style, box: { ...found.clip.style.box, ...(patch.style.box ?? {}) } } : found.clip.style;
      if (patch.text !== undefined && patch.text.trim() === '') throw new EditError('A text overlay needs some text (delete the clip to remove it).');
      return replaceClip(doc, { track: 'text', clip: { ...found.clip, ...patch, id: found.clip.id, style } });
    }
    case 'setKenBurns': {
      const found = mustFind(doc, action.id);
      if (found.track !== 'images') throw new EditError('Only an image clip has a Ken Burns move.');
      const kb = found.clip.kenBurns;
      const kenBurns = { from: { ...kb.from, ...action.from }, to: { ...kb.to, ...action.to }, easing: action.easing ?? kb.easing };
      return replaceClip(doc, { track: 'images', clip: { ...found.clip, kenBurns } });
    }
    case 'setTransition': {
      const found = mustFind(doc, action.id);
      if (found.track !== 'images') throw new EditError('Only an image clip has a transition.');
      return replaceClip(doc, { track: 'images', clip: { ...found.clip, transitionIn: { ...found.clip.transitionIn, ...action.transition } } });
    }
    case 'addImageClip':
      assertNewId(doc, action.clip.id);
      return { ...doc, tracks: { ...doc.tracks, images: [...doc.tracks.images, action.clip] } };
    case 'addAudioClip':
      assertNewId(doc, action.clip.id);
      if (action.track === 'music') return { ...doc, tracks: { ...doc.tracks, music: [...doc.tracks.music, { duck: true, ...action.clip }] } };
      return { ...doc, tracks: { ...doc.tracks, narration: [...doc.tracks.narration, action.clip] } };
    case 'updateAudioClip': {
      const found = mustFind(doc, action.id);
      if (found.track !== 'narration' && found.track !== 'music') throw new EditError('Only a narration or music clip has volume and fades.');
      const { duck, ...rest } = action.patch;
      const clip = found.track === 'music' ? { ...found.clip, ...rest, ...(duck === undefined ? {} : { duck }), id: found.clip.id } : { ...found.clip, ...rest, id: found.clip.id };
      return replaceClip(doc, { track: found.track, clip } as AnyClip);
    }
    case 'addScene': {
      if (doc.scenes.some((s) => s.id === action.scene.id)) throw new EditError(`A scene with id ${action.scene.id} already exists.`);
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
        throw new EditError('The new scene order must list every scene exactly once.');
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
      if (found.track !== 'captions') throw new EditError('Only a caption has caption text.');
      return replaceClip(doc, { track: 'captions', clip: { ...found.clip, ...action.patch, id: found.clip.id } });
    }
    case 'setStyle':
      return { ...doc, style: { ...doc.style, ...action.patch } };
    case 'setOutput': {
      const preset = action.patch.preset ?? doc.output.preset;
      const size = action.patch.preset ? ASPECT_PRESETS[preset] : { width: doc.output.width, height: doc.output.height };
      return { ...doc, output: { ...doc.output, ...action.patch, preset, ...size } };
    }
    case 'rename':
      if (action.name.trim() === '') throw new EditError('A project needs a name.');
      return { ...doc, name: action.name.trim() };
    case 'replaceDocument':
      if (action.document.id !== doc.id) throw new EditError('That document belongs to another project.');
      return action.document;
    case 'batch':
      return action.actions.reduce(applyUnchecked, doc);
  }
}

/** The first validation problem of a document, as a sentence, or null when it is valid. */
export function documentProblem(doc: ProjectDocument): string | null {
  const parsed = ProjectDocumentSchema.safeParse(doc);
  if (parsed.success) return null;
  return parsed.error.issues[0]!.message;
}

/**
 * Apply one edit. Throws EditError when the edit is impossible or would leave the document invalid
 * (overlapping image clips, a text clip past the end, an empty text...); the input is never changed.
 */
export function applyAction(doc: ProjectDocument, action: EditAction): ProjectDocument {
  const next = applyUnchecked(doc, action);
  if (next === doc) return doc;
  const problem = documentProblem(next);
  if (problem) throw new EditError(`That edit was not applied: ${problem}.`);
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
