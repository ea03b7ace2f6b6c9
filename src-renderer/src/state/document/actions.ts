/**
 * Every edit to the open project is one of these plain, serialisable action objects. `applyAction`
 * (reduce.ts) turns (document, action) into the next document or rejects it with an EditError.
 * Times are seconds. Clip ids are looked up across all lanes (text, caption cues, every media track).
 */
import type {
  AspectPreset,
  CaptionCue,
  CaptionsTrack,
  Easing,
  Framing,
  MediaClip,
  NarrationSettings,
  ProjectDocument,
  Quality,
  SavedTextStyle,
  Scene,
  TextClip,
  TextStyle,
  Track,
  Transition,
} from '../../../../src-main/project/document.js';
import type { CaptionStylePatch } from '../../../../src-main/media/captions/look.js';

import { wordMessage, type Message, type MessageValues } from '../../i18n/messages.js';

/** A lane of the timeline: 'text', 'captions' or the id of a media track. */
export type TrackName = string;

export type TextClipPatch = Partial<Omit<TextClip, 'id' | 'style'>> & { style?: Partial<TextStyle> };
export type OutputPatch = { preset?: AspectPreset; fps?: 24 | 25 | 30 | 60; quality?: Quality };

export type EditAction =
  /** Shift clips (any tracks) by `delta` seconds: drag of a multi-selection, arrow-key nudge. */
  | { type: 'moveClips'; ids: string[]; delta: number }
  /** Put one clip at an absolute start time. */
  | { type: 'moveClip'; id: string; start: number }
  /** Move one edge of a clip to `time` (video and audio keep their content in place: sourceIn follows). */
  | { type: 'trimClip'; id: string; edge: 'start' | 'end'; time: number }
  /** Cut a clip in two at `at`; the right half gets `newId`. */
  | { type: 'splitClip'; id: string; at: number; newId: string }
  /** Lift: remove clips and leave their place empty (Shift+Delete). */
  | { type: 'deleteClips'; ids: string[] }
  /** Ripple delete: remove clips and close the gaps they leave on their tracks (Delete). */
  | { type: 'rippleDelete'; ids: string[] }
  /** Magnetic main track: put a main-track clip at `index` of the others; the rest make room. */
  | { type: 'reorderClip'; id: string; index: number }
  /** Move a media clip to another compatible track at `start` (onto the main track: inserted there). */
  | { type: 'moveClipToTrack'; id: string; trackId: string; start: number }
  | { type: 'addTextClip'; clip: TextClip }
  | { type: 'updateTextClip'; id: string; patch: TextClipPatch }
  | { type: 'setTextStyle'; id: string; style: Partial<TextStyle> }
  | { type: 'setKenBurns'; id: string; from?: Partial<Framing>; to?: Partial<Framing>; easing?: Easing }
  | { type: 'setTransition'; id: string; transition: Partial<Transition> }
  /** Put a clip of any kind on a media track (by track id). */
  | { type: 'addMediaClip'; trackId: string; clip: MediaClip }
  /** Change a media clip's settings (gain, fades, speed, opacity, transform, fit...). */
  | { type: 'updateMediaClip'; id: string; patch: Partial<Omit<MediaClip, 'id'>> }
  /** Add an empty media track (an overlay goes above the other overlays, a sound track below the others). */
  | { type: 'addTrack'; track: Track }
  | { type: 'addScene'; scene: Scene; index?: number }
  | { type: 'updateScene'; id: string; patch: Partial<Omit<Scene, 'id'>> }
  | { type: 'removeScene'; id: string }
  | { type: 'reorderScenes'; ids: string[] }
  | { type: 'setNarrationSettings'; patch: Partial<NarrationSettings> }
  | { type: 'setCaptions'; patch: Partial<Omit<CaptionsTrack, 'cues' | 'style'>> & { style?: Partial<CaptionsTrack['style']> } }
  | { type: 'setCues'; cues: CaptionCue[] }
  | { type: 'updateCue'; id: string; patch: Partial<Omit<CaptionCue, 'id'>> }
  /** A cue's new text; the words it keeps keep their timing and emphasis. */
  | { type: 'setCueText'; id: string; text: string }
  | { type: 'addCue'; cue: CaptionCue }
  /** Join the cues (adjacent in time) into the first one. */
  | { type: 'mergeCues'; ids: string[] }
  /** Move one word's start or end (the neighbouring word's touching edge follows). */
  | { type: 'moveWordEdge'; id: string; index: number; edge: 'start' | 'end'; time: number }
  | { type: 'toggleEmphasis'; id: string; index: number }
  /** A caption style from the gallery (or a saved default) applied to the captions track. */
  | { type: 'setCaptionStyle'; style: CaptionStylePatch }
  /** Save a text clip's style under a name (replaces one of the same name), or delete a saved one. */
  | { type: 'saveTextStyle'; saved: SavedTextStyle }
  | { type: 'deleteTextStyle'; id: string }
  | { type: 'setStyle'; patch: Partial<ProjectDocument['style']> }
  | { type: 'setOutput'; patch: OutputPatch }
  | { type: 'rename'; name: string }
  /** Whole-document replacement (e.g. a template applied); undoable like any edit. */
  | { type: 'replaceDocument'; document: ProjectDocument }
  /** Several actions as one undo step (all or nothing). */
  | { type: 'batch'; actions: EditAction[]; label?: string };

/**
 * A rejected edit: a message key and values (worded in the UI language by localizeEditMessage, see
 * messages.ts), with the English words as `message` for logs and tests.
 */
export class EditError extends Error {
  readonly key: string;
  readonly values: MessageValues;
  constructor(key: string, values: MessageValues = {}) {
    const message = wordMessage('en', { key, values });
    super(message);
    this.name = 'EditError';
    this.key = key;
    this.values = values;
    rememberMessage(message, { key, values });
  }
}

/** A refused edit with its key (the words come from the UI strings). */
export const editError = (key: string, values: MessageValues = {}) => new EditError(key, values);

/** The English words of a refusal the timeline commands report (remembered for localizeEditMessage). */
export function editMessage(key: string, values: MessageValues = {}): string {
  const message = wordMessage('en', { key, values });
  rememberMessage(message, { key, values });
  return message;
}

const remembered = new Map<string, Message>();
/**
 * The editor's API hands refusals around as strings (dispatch returns one); each string made here is
 * remembered with its key, so the page words it in the UI language (the last 200).
 */
function rememberMessage(message: string, ref: Message): void {
  remembered.delete(message);
  remembered.set(message, ref);
  if (remembered.size > 200) remembered.delete(remembered.keys().next().value!);
}
export const messageRefOf = (message: string): Message | undefined => remembered.get(message);

/** Action constructors, so call sites read like sentences: dispatch(edit.moveClips(ids, 0.5)). */
export const edit = {
  moveClips: (ids: string[], delta: number): EditAction => ({ type: 'moveClips', ids, delta }),
  nudge: (ids: string[], delta: number): EditAction => ({ type: 'moveClips', ids, delta }),
  moveClip: (id: string, start: number): EditAction => ({ type: 'moveClip', id, start }),
  trimClip: (id: string, edge: 'start' | 'end', time: number): EditAction => ({ type: 'trimClip', id, edge, time }),
  splitClip: (id: string, at: number, newId: string): EditAction => ({ type: 'splitClip', id, at, newId }),
  deleteClips: (ids: string[]): EditAction => ({ type: 'deleteClips', ids }),
  rippleDelete: (ids: string[]): EditAction => ({ type: 'rippleDelete', ids }),
  reorderClip: (id: string, index: number): EditAction => ({ type: 'reorderClip', id, index }),
  moveClipToTrack: (id: string, trackId: string, start: number): EditAction => ({ type: 'moveClipToTrack', id, trackId, start }),
  batch: (actions: EditAction[], label?: string): EditAction => ({ type: 'batch', actions, label }),
};
