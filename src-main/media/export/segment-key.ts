/**
 * The cache key of one segment of the picture, pure: a hash of everything that can change its
 * pixels and bytes, so an unchanged segment is reused from an earlier export instead of encoded
 * again. Each frame contributes what the composer draws (frame-recipe.ts: which prepared pictures,
 * which rectangles, which transition mix), with times relative to the segment, so a segment that
 * only moved along the timeline keeps its key; the text and captions that can show in it come from
 * the ASS script (captions/ass-window.ts); then the output size, frame rate, encoder arguments and the
 * versions of the app and of ffmpeg.
 */
import crypto from 'node:crypto';
import { assWindow } from '../captions/ass-window.js';
import { frameRecipe, type FrameLayer, type FrameRecipe } from '../render/frame-recipe.js';
import type { OverlaySource } from '../render/overlay-graph.js';
import { videoFrameAt, type ChunkPlan, type VideoPlan } from '../render/video-plan.js';

/** Bump when a change to the drawing code changes pixels for the same inputs. */
export const PICTURE_VERSION = 1;

const r4 = (v: number) => Math.round(v * 1e4) / 1e4;

function layerPart(layer: FrameLayer, frame: number): unknown[] {
  const { region, video, clip } = layer.clip;
  const picture = [clip.assetId, region.x, region.y, region.w, region.h, r4(layer.rect.x), r4(layer.rect.y), r4(layer.rect.w), r4(layer.rect.h)];
  // A video's picture is the source frame it shows: where in the file, how fast, how fitted.
  return video ? [...picture, 'v', clip.sourceIn, clip.speed, video.fit, videoFrameAt(layer.clip, frame)] : picture;
}

/** What one frame shows, as plain values (no ids of clips, no absolute times). */
export function recipePart(recipe: FrameRecipe, frame: number): unknown[] {
  switch (recipe.kind) {
    case 'black':
      return ['b'];
    case 'picture':
      return ['p', ...layerPart(recipe.layer, frame)];
    case 'transition':
      return ['t', recipe.transition, r4(recipe.p), ...layerPart(recipe.outgoing, frame), ...layerPart(recipe.incoming, frame)];
  }
}

/** The overlay clips a segment shows, in drawing order, placed relative to the segment. */
function overlayPart(overlays: readonly OverlaySource[], segment: ChunkPlan, fps: number): unknown[] {
  return overlays.flatMap((o, order) => {
    const c = o.clip;
    const first = Math.round(c.start * fps);
    const end = Math.max(first + 1, Math.round((c.start + c.duration) * fps));
    if (end <= segment.startFrame || first >= segment.endFrame) return [];
    return [[order, c.assetId, o.kind, first - segment.startFrame, end - first, c.sourceIn, c.speed, c.transform, c.opacity, c.fadeIn, c.fadeOut, o.picture]];
  });
}

export interface SegmentKeyInput {
  plan: VideoPlan;
  segment: ChunkPlan;
  /** The export's whole ASS script (or null): only the part that can show in the segment counts. */
  ass: string | null;
  /** The overlay tracks' clips (only those the segment shows count). */
  overlays?: readonly OverlaySource[];
  /** Encoder arguments (codec, preset, quality...) as passed to ffmpeg. */
  encoder: readonly string[];
  /** App and ffmpeg versions: a new build may draw or encode differently. */
  versions: string;
}

export function segmentKey(input: SegmentKeyInput): string {
  const { plan, segment } = input;
  const hash = crypto.createHash('sha256');
  hash.update(JSON.stringify([PICTURE_VERSION, input.versions, plan.size.width, plan.size.height, plan.fps, input.encoder, segment.endFrame - segment.startFrame]));
  for (let f = segment.startFrame; f < segment.endFrame; f++) hash.update(JSON.stringify(recipePart(frameRecipe(plan, f), f)));
  hash.update(JSON.stringify(overlayPart(input.overlays ?? [], segment, plan.fps)));
  hash.update(assWindow(input.ass, segment.startFrame, segment.endFrame, plan.fps));
  return hash.digest('hex').slice(0, 32);
}
