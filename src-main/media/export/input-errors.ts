/**
 * How the export's input checks name what failed, as message keys: the clip as the timeline shows it
 * (clip values: `scene 3`, `clip 2 ("beach.mp4") of Overlay 1`), never an internal id. The page words
 * the keys in its language; the CLI reads their English.
 */
import { appError, nestedValues, toAppError, type AppError } from '../../errors.js';
import type { CoreMessageKey, MessageRef, MessageValues } from '../../messages.js';
import { clipValues, findMediaClip, type MediaClip, type ProjectDocument, type Track } from '../../project/document.js';
import { assetName } from './clip-labels.js';

/** A clip's values for `{clip}`; a scene's picture also names its file (`scene 3 ("moon.jpg")`). */
export function clipNamed(doc: ProjectDocument, track: Track, clip: MediaClip, withSceneFile = false): MessageValues {
  const values = clipValues(doc, track, clip);
  return withSceneFile && values.scene !== undefined ? { ...values, file: assetName(doc, clip.assetId) } : values;
}

/** A picture clip by id, as `clipNamed` with the scene's file. */
export function pictureNamed(doc: ProjectDocument, clipId: string): MessageValues {
  const found = findMediaClip(doc, clipId);
  return found ? clipNamed(doc, found.track, found.clip, true) : { clip: 0, role: 'main' };
}

const OF: Record<'image' | 'audio' | 'video', CoreMessageKey> = { image: 'export.imageOf', audio: 'export.audioOf', video: 'export.videoOf' };

/** "The image of scene 3 ("moon.jpg")", "The audio of clip 1 of Narration" as a nestable message. */
export function mediaOf(kind: 'image' | 'audio' | 'video', clip: MessageValues): MessageRef {
  return { key: OF[kind], values: clip };
}

/**
 * An asset's file refused by its signature ("<hash>.wav is not an audio file…: it is an HLS playlist"),
 * said of the clip instead ("The audio of clip 1 … is not an audio file…"); any other failure nested.
 */
export function refusedAsset(what: MessageRef | string, error: unknown, code: 'invalid_input' | 'provider_error' = 'invalid_input'): AppError {
  const inner = toAppError(error);
  if (inner.key === 'media.notKind' && inner.values) {
    const moved: MessageValues = {};
    for (const [name, value] of Object.entries(inner.values)) {
      if (name.startsWith('kind')) moved[name] = value;
      else if (name.startsWith('what')) moved[`look${name.slice(4)}`] = value;
    }
    return appError(code, 'export.assetNotKind', { ...nestedValues('what', what), ...moved }, { cause: error });
  }
  return appError(code, 'export.assetUnusable', { ...nestedValues('what', what), ...nestedValues('problem', inner) }, { cause: error });
}
