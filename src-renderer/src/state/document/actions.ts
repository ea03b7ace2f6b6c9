/**
 * Every edit to the open project is one of these plain, serialisable action objects. `applyAction`
 * (reduce.ts) turns (document, action) into the next document or rejects it with an EditError.
 * Times are seconds. Clip ids are looked up across all tracks (images, text, captions cues,
 * narration, music).
 */
import type {
  AspectPreset,
  AudioClip,
  CaptionCue,
  CaptionsTrack,
  Easing,
  Framing,
  ImageClip,
  MusicClip,
  NarrationSettings,
  ProjectDocument,
  Quality,
  Scene,
  TextClip,
  TextStyle,
  Transition,
} from '../../../../src-main/project/document.js';

export type TrackName = 'images' | 'text' | 'captions' | 'narration' | 'music';

export type TextClipPatch = Partial<Omit<TextClip, 'id' | 'style'>> & { style?: Partial<TextStyle> };
export type OutputPatch = { preset?: AspectPreset; fps?: 24 | 25 | 30 | 60; quality?: Quality };

export type EditAction =
  /** Shift clips (any tracks) by `delta` seconds: drag of a multi-selection, arrow-key nudge. */
  | { type: 'moveClips'; ids: string[]; delta: number }
  /** Put one clip at an absolute start time. */
  | { type: 'moveClip'; id: string; start: number }
  /** Move one edge of a clip to `time` (audio clips keep their content in place: trimStart follows). */
  | { type: 'trimClip'; id: string; edge: 'start' | 'end'; time: number }
  /** Cut a clip in two at `at`; the right half gets `newId`. */
  | { type: 'splitClip'; id: string; at: number; newId: string }
  | { type: 'deleteClips'; ids: string[] }
  | { type: 'addTextClip'; clip: TextClip }
  | { type: 'updateTextClip'; id: string; patch: TextClipPatch }
  | { type: 'setTextStyle'; id: string; style: Partial<TextStyle> }
  | { type: 'setKenBurns'; id: string; from?: Partial<Framing>; to?: Partial<Framing>; easing?: Easing }
  | { type: 'setTransition'; id: string; transition: Partial<Transition> }
  | { type: 'addImageClip'; clip: ImageClip }
  | { type: 'addAudioClip'; track: 'narration' | 'music'; clip: AudioClip | MusicClip }
  | { type: 'updateAudioClip'; id: string; patch: Partial<Omit<MusicClip, 'id'>> }
  | { type: 'addScene'; scene: Scene; index?: number }
  | { type: 'updateScene'; id: string; patch: Partial<Omit<Scene, 'id'>> }
  | { type: 'removeScene'; id: string }
  | { type: 'reorderScenes'; ids: string[] }
  | { type: 'setNarrationSettings'; patch: Partial<NarrationSettings> }
  | { type: 'setCaptions'; patch: Partial<Omit<CaptionsTrack, 'cues' | 'style'>> & { style?: Partial<CaptionsTrack['style']> } }
  | { type: 'setCues'; cues: CaptionCue[] }
  | { type: 'updateCue'; id: string; patch: Partial<Omit<CaptionCue, 'id'>> }
  | { type: 'setStyle'; patch: Partial<ProjectDocument['style']> }
  | { type: 'setOutput'; patch: OutputPatch }
  | { type: 'rename'; name: string }
  /** Whole-document replacement (e.g. a template applied); undoable like any edit. */
  | { type: 'replaceDocument'; document: ProjectDocument }
  /** Several actions as one undo step (all or nothing). */
  | { type: 'batch'; actions: EditAction[]; label?: string };

/** A rejected edit: the message says what was wrong, in words a user understands. */
export class EditError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EditError';
  }
}

/** Action constructors, so call sites read like sentences: dispatch(edit.moveClips(ids, 0.5)). */
export const edit = {
  moveClips: (ids: string[], delta: number): EditAction => ({ type: 'moveClips', ids, delta }),
  nudge: (ids: string[], delta: number): EditAction => ({ type: 'moveClips', ids, delta }),
  moveClip: (id: string, start: number): EditAction => ({ type: 'moveClip', id, start }),
  trimClip: (id: string, edge: 'start' | 'end', time: number): EditAction => ({ type: 'trimClip', id, edge, time }),
  splitClip: (id: string, at: number, newId: string): EditAction => ({ type: 'splitClip', id, at, newId }),
  deleteClips: (ids: string[]): EditAction => ({ type: 'deleteClips', ids }),
  batch: (actions: EditAction[], label?: string): EditAction => ({ type: 'batch', actions, label }),
};
