/**
 * What one output frame shows, pure: black, one picture, or a transition between two pictures. The
 * transitions are the live preview's (src-renderer/src/preview/frame.ts `imageLayers`), with p the
 * incoming clip's share, 0 at the first transition frame, advancing 1/n per frame:
 *   crossfade  the incoming picture over the outgoing one at opacity p
 *   slide      both move left: the outgoing by p of the width, the incoming follows it in
 *   wipe       the incoming picture is revealed from the right edge, p of the width
 *   zoom       the outgoing picture grows to 1 + p times its size about the centre while the
 *              incoming one fades in over it (opacity p)
 */
import type { Transition } from '../../project/document.js';
import type { Rect, Size } from '../kenburns/path.js';
import { preparedRectAt, type PlannedClip, type VideoPlan } from './video-plan.js';

/** A clip's prepared picture and the rectangle of it that fills the frame. */
export interface FrameLayer {
  clip: PlannedClip;
  rect: Rect;
}

export type FrameRecipe =
  | { kind: 'black' }
  | { kind: 'picture'; layer: FrameLayer }
  | { kind: 'transition'; transition: Exclude<Transition['kind'], 'cut'>; p: number; outgoing: FrameLayer; incoming: FrameLayer };

/** The rectangle showing `rect` scaled by `scale` about the frame's centre. */
export function zoomedRect(rect: Rect, scale: number): Rect {
  const w = rect.w / scale;
  const h = rect.h / scale;
  return { x: rect.x + (rect.w - w) / 2, y: rect.y + (rect.h - h) / 2, w, h };
}

export function frameRecipe(plan: Pick<VideoPlan, 'clips' | 'size'>, frame: number): FrameRecipe {
  const visible = plan.clips.filter((c) => frame >= c.startFrame - c.leadFrames && frame < c.endFrame + c.trailFrames);
  const layer = (clip: PlannedClip): FrameLayer => ({ clip, rect: preparedRectAt(clip, frame, plan.size as Size) });
  if (visible.length === 0) return { kind: 'black' };
  const [outgoing, incoming] = visible as [PlannedClip, PlannedClip | undefined];
  if (!incoming || incoming.transition.kind === 'cut') return { kind: 'picture', layer: layer(incoming ?? outgoing) };
  const p = (frame - (incoming.startFrame - incoming.leadFrames)) / incoming.transition.frames;
  const out = layer(outgoing);
  if (incoming.transition.kind === 'zoom') out.rect = zoomedRect(out.rect, 1 + p);
  return { kind: 'transition', transition: incoming.transition.kind, p, outgoing: out, incoming: layer(incoming) };
}
