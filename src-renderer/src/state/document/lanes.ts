/**
 * How the page names a timeline lane, in the UI language: a track's own name, else its role
 * ("Overlay 2", "Superposición 2"). Pure apart from the translator it is given.
 */
import type { ProjectDocument } from '../../../../src-main/project/document.js';
import type { TrackName } from './actions.js';
import { mediaTrackById } from './clips.js';

type Translate = (key: 'tl.track.text' | 'tl.track.captions' | 'tl.track.main' | 'tl.track.overlay' | 'tl.track.narration' | 'tl.track.music' | 'tl.track.effects', values?: Record<string, string | number>) => string;

export function laneLabel(doc: Pick<ProjectDocument, 'tracks'>, lane: TrackName, t: Translate): string {
  if (lane === 'text') return t('tl.track.text');
  if (lane === 'captions') return t('tl.track.captions');
  const track = mediaTrackById(doc, lane);
  if (!track) return lane;
  if (track.name) return track.name;
  const same = doc.tracks.media.filter((m) => m.role === track.role);
  const n = same.indexOf(track) + 1;
  if (track.role === 'overlay') return t('tl.track.overlay', { n });
  const base = t(`tl.track.${track.role}`);
  return same.length > 1 ? `${base} ${n}` : base;
}

/** The colour of a lane on the timeline, by what it holds. */
export function laneColor(doc: Pick<ProjectDocument, 'tracks'>, lane: TrackName): string {
  if (lane === 'text') return '#8a5cc2';
  if (lane === 'captions') return '#2a7a70';
  const role = mediaTrackById(doc, lane)?.role;
  return role === 'main' ? '#3a6ea5' : role === 'overlay' ? '#5b5fb0' : role === 'narration' ? '#9a5b12' : role === 'music' ? '#4f7f3a' : '#7a6a3a';
}
