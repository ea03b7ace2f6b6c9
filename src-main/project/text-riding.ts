/**
 * Text overlays follow the picture: when the main track changes (a clip moved, removed, made longer or
 * shorter, scene lengths following the narration), each text clip rides with the clip it starts on
 * and stays inside the project. Pure; used by the page's reducer and by the core's narration.
 */
import type { MediaClip, TextClip } from './document.js';

const round = (t: number) => Math.round(t * 1000) / 1000;
const EPS = 1e-6;
const byStart = (clips: readonly MediaClip[]) => [...clips].sort((a, b) => a.start - b.start);

/**
 * A map from times on the old picture to the new one: a time inside a main clip that is still there
 * follows that clip (clamped to its new length); inside a removed clip, or in a gap, it follows the
 * next clip that stayed (or the last one).
 */
export function pictureTimeMap(before: readonly MediaClip[], after: readonly MediaClip[]): (t: number) => number {
  const old = byStart(before);
  const now = new Map(after.map((c) => [c.id, c]));
  const end = after.reduce((e, c) => Math.max(e, c.start + c.duration), 0);
  return (t: number) => {
    const inside = old.find((c) => t >= c.start - EPS && t < c.start + c.duration - EPS);
    const kept = inside && now.get(inside.id);
    if (kept) return round(kept.start + Math.min(Math.max(0, t - inside.start), kept.duration));
    const next = old.find((c) => c.start >= t - EPS && now.has(c.id));
    if (next) return round(Math.max(0, now.get(next.id)!.start - (next.start - t)));
    const last = [...old].reverse().find((c) => now.has(c.id));
    return last ? round(t + now.get(last.id)!.start - last.start) : Math.min(t, end);
  };
}

/**
 * Text overlays after a change of the picture: each rides with the clip it starts on, and is kept
 * inside the project (shortened at the new end, or moved back to fit). Never removes one.
 */
export function textRidingWithPicture(text: readonly TextClip[], before: readonly MediaClip[], after: readonly MediaClip[]): TextClip[] {
  const length = after.reduce((e, c) => Math.max(e, c.start + c.duration), 0);
  if (length <= 0) return [...text];
  const map = pictureTimeMap(before, after);
  return text.map((clip) => {
    let start = map(clip.start);
    let duration = clip.duration;
    if (start + duration > length) {
      duration = Math.max(Math.min(duration, 0.1), round(length - start));
      if (start + duration > length) start = Math.max(0, round(length - duration));
    }
    duration = round(Math.min(duration, length));
    const fadeIn = Math.min(clip.fadeIn, duration / 2);
    const fadeOut = Math.min(clip.fadeOut, duration / 2);
    return start === clip.start && duration === clip.duration ? clip : { ...clip, start, duration, fadeIn, fadeOut };
  });
}
