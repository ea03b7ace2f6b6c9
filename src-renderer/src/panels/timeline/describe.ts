/**
 * The canvas timeline in words: the label each clip shows on the canvas (its text or its file name),
 * and a one-line summary of every track. Screen readers get these as the canvas's text alternative
 * and in the clip list's button names, the way desktop editors mirror a drawn timeline in the DOM.
 */
import type { CaptionCue, MediaClip, ProjectDocument, TextClip } from '../../../../src-main/project/document.js';
import type { StringKey } from '../../i18n/strings.js';
import { laneIds, laneLabel, mediaTrackById, type TrackName } from '../../state/document/index.js';
import { formatTime } from '../../timeline/geometry.js';

type Translate = (key: StringKey, values?: Record<string, string | number>) => string;

/** What a clip shows on the canvas: a text or caption's words, a media clip's file name. */
export function clipLabel(clip: MediaClip | TextClip | CaptionCue, assets: ProjectDocument['assets']): string {
  if ('text' in clip) return clip.text.replace(/\s+/g, ' ').trim();
  if ('assetId' in clip) return assets[clip.assetId]?.originalName ?? '';
  return '';
}

/** One lane's clips in time order, with their spans and canvas labels. */
export function laneClips(doc: ProjectDocument, lane: TrackName): { id: string; start: number; end: number; label: string }[] {
  const clips: (MediaClip | TextClip | CaptionCue)[] = lane === 'captions' ? doc.tracks.captions.cues : lane === 'text' ? doc.tracks.text : (mediaTrackById(doc, lane)?.clips ?? []);
  return clips
    .map((c) => ({ id: c.id, start: c.start, end: 'end' in c ? c.end : c.start + c.duration, label: clipLabel(c, doc.assets) }))
    .sort((a, b) => a.start - b.start);
}

/** "Clip list" button name: the lane, the clip's number in it, its span and what it shows. */
export function clipName(t: Translate, track: string, n: number, clip: { start: number; end: number; label: string }): string {
  const name = t('tl.clipName', { track, n, from: formatTime(clip.start), to: formatTime(clip.end) });
  return clip.label ? `${name}: ${clip.label}` : name;
}

/** Every track top to bottom with how many clips it holds and from when to when. */
export function timelineSummary(doc: ProjectDocument, length: number, t: Translate): string {
  const tracks = laneIds(doc).map((lane) => {
    const clips = laneClips(doc, lane);
    const track = laneLabel(doc, lane, t);
    if (clips.length === 0) return t('tl.summaryEmpty', { track });
    const from = formatTime(clips[0]!.start);
    const to = formatTime(Math.max(...clips.map((c) => c.end)));
    return t(clips.length === 1 ? 'tl.summaryOne' : 'tl.summaryMany', { track, count: clips.length, from, to });
  });
  return t('tl.summary', { length: formatTime(length), tracks: tracks.join('; ') });
}
