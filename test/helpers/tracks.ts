/**
 * Test shorthands for the media tracks of a v2 document: the clips array of the first track with a
 * role (the same array, so a test may push onto it), and a way to replace it.
 */
import { makeClip, type MediaClip, type MediaClipInput, type ProjectDocument, type TrackRole } from '../../src-main/project/document.js';

type WithTracks = Pick<ProjectDocument, 'tracks'>;

function first(doc: WithTracks, role: TrackRole) {
  const track = doc.tracks.media.find((t) => t.role === role);
  if (!track) throw new Error(`the document has no ${role} track`);
  return track;
}

export const imagesOf = (doc: WithTracks): MediaClip[] => first(doc, 'main').clips;
export const narrationOf = (doc: WithTracks): MediaClip[] => first(doc, 'narration').clips;
export const musicOf = (doc: WithTracks): MediaClip[] => first(doc, 'music').clips;

export function setClips(doc: WithTracks, role: TrackRole, clips: MediaClip[]): void {
  first(doc, role).clips = clips;
}

/** A clip with every default filled. */
export const clip = (input: MediaClipInput): MediaClip => makeClip(input);
