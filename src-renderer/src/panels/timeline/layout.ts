/** Fixed sizes of the timeline drawing (pixels). Lanes: state/document/clips.ts `laneIds`. */

export const RULER_H = 26;
export const TRACK_H = 46;
export const TRACK_GAP = 4;
export const HANDLE_W = 7;

export const trackY = (index: number) => RULER_H + TRACK_GAP + index * (TRACK_H + TRACK_GAP);
/** The stage's height for `lanes` lanes. */
export const stageHeight = (lanes: number) => trackY(lanes);

/** The lane index under stage y (null above the first lane; the caller bounds it by the lane count). */
export function laneAt(y: number): number | null {
  const index = Math.floor((y - RULER_H - TRACK_GAP / 2) / (TRACK_H + TRACK_GAP));
  return index < 0 ? null : index;
}
