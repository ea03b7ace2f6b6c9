/** Fixed sizes of the timeline drawing (pixels). */
import type { TrackName } from '../../state/document/index.js';

export const RULER_H = 26;
export const TRACK_H = 46;
export const TRACK_GAP = 4;
export const HANDLE_W = 7;

export const TRACKS: readonly TrackName[] = ['images', 'text', 'captions', 'narration', 'music'];
export const trackY = (index: number) => RULER_H + TRACK_GAP + index * (TRACK_H + TRACK_GAP);
export const STAGE_H = trackY(TRACKS.length);

export const TRACK_COLORS: Record<TrackName, string> = {
  images: '#3a6ea5',
  text: '#8a5cc2',
  captions: '#2f8f83',
  narration: '#b5762a',
  music: '#4f7f3a',
};
