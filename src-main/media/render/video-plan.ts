/**
 * The video side of the render plan, pure: image clips on a frame grid, their Ken Burns rectangles,
 * transitions, and chunks. Each image is prepared ONCE (cropped to the region its path covers and
 * resized to the output size); the Ken Burns resampler then draws the moving rectangle of that
 * prepared picture with sub-pixel precision for every frame (`preparedRectAt`). The timeline is cut
 * into segments (at clip starts, away from transitions), each encoded on its own and joined without
 * re-encoding, so a re-export encodes only the segments an edit touched. Frames are streamed, so memory stays flat however long the project is.
 */
import type { MediaClip, OutputSettings, Transition } from '../../project/document.js';
import { ease, framingRect, lerpRect, unionRect, type Rect, type Size } from '../kenburns/path.js';

export interface PlannedClip {
  index: number;
  clip: MediaClip;
  /** First and one-past-last frame of the clip itself. */
  startFrame: number;
  endFrame: number;
  /** Frames shown before startFrame (incoming transition) and after endFrame (outgoing). */
  leadFrames: number;
  trailFrames: number;
  /** Transition into this clip, in frames (0 = cut). */
  transition: { kind: Transition['kind']; frames: number };
  /** Start and end crop rectangles in source pixels. */
  from: Rect;
  to: Rect;
  /** Whole-pixel source region the path stays in: what the prepared image holds. */
  region: Rect;
  /** A video clip: decoded while the chunk is drawn (render/video-decode.ts), not prepared once. */
  video: { fit: MediaClip['fit']; source: Size } | null;
}

export interface ChunkPlan {
  index: number;
  startFrame: number;
  endFrame: number;
}

export interface VideoPlan {
  fps: number;
  size: Size;
  totalFrames: number;
  clips: PlannedClip[];
  chunks: ChunkPlan[];
}

export const toFrame = (seconds: number, fps: number): number => Math.round(seconds * fps);

/**
 * Which of a video clip's own frames timeline frame `frame` shows: frames before the clip (an
 * incoming transition) hold its first, frames after it (outgoing) its last, like a still's path.
 */
export function videoFrameAt(clip: Pick<PlannedClip, 'startFrame' | 'endFrame'>, frame: number): number {
  return Math.min(clip.endFrame - clip.startFrame - 1, Math.max(0, frame - clip.startFrame));
}

/** Integer source region containing both rectangles, inside the image. */
export function prepareRegion(from: Rect, to: Rect, image: Size): Rect {
  const u = unionRect(from, to);
  const x = Math.max(0, Math.floor(u.x));
  const y = Math.max(0, Math.floor(u.y));
  const right = Math.min(image.width, Math.ceil(u.x + u.w));
  const bottom = Math.min(image.height, Math.ceil(u.y + u.h));
  return { x, y, w: Math.max(1, right - x), h: Math.max(1, bottom - y) };
}

/**
 * Plans the picture track. `images` gives each asset's pixel size. The timeline is cut into
 * segments of at most `segmentSeconds` (see planSegments).
 */
export function planVideo(input: { clips: readonly MediaClip[]; output: Pick<OutputSettings, 'width' | 'height' | 'fps'>; images: ReadonlyMap<string, Size>; videos?: ReadonlySet<string>; segmentSeconds?: number }): VideoPlan {
  const { fps } = input.output;
  const size = { width: input.output.width, height: input.output.height };
  const sorted = [...input.clips].sort((a, b) => a.start - b.start);
  const clips: PlannedClip[] = sorted.map((clip, index) => {
    const image = input.images.get(clip.assetId);
    if (!image) throw new Error(`no size for asset ${clip.assetId}`);
    const isVideo = input.videos?.has(clip.assetId) ?? false;
    // A contained video is composed whole by its decoder (picture over a blurred fill): the composer
    // shows all of it.
    const whole = { x: 0, y: 0, w: image.width, h: image.height };
    const contain = isVideo && clip.fit === 'contain';
    const from = contain ? whole : framingRect(clip.kenBurns.from, image, size);
    const to = contain ? whole : framingRect(clip.kenBurns.to, image, size);
    const startFrame = toFrame(clip.start, fps);
    const endFrame = Math.max(startFrame + 1, toFrame(clip.start + clip.duration, fps));
    const video = isVideo ? { fit: clip.fit, source: image } : null;
    return { index, clip, startFrame, endFrame, leadFrames: 0, trailFrames: 0, transition: { kind: 'cut', frames: 0 }, from, to, region: prepareRegion(from, to, image), video };
  });
  for (let i = 1; i < clips.length; i++) {
    const prev = clips[i - 1]!;
    const cur = clips[i]!;
    const t = cur.clip.transitionIn;
    const frames = t.kind === 'cut' || prev.endFrame !== cur.startFrame ? 0 : Math.min(toFrame(t.duration, fps), cur.endFrame - cur.startFrame, prev.endFrame - prev.startFrame);
    if (frames < 2) continue;
    cur.transition = { kind: t.kind, frames };
    cur.leadFrames = Math.floor(frames / 2);
    prev.trailFrames = frames - cur.leadFrames;
  }
  const totalFrames = clips.reduce((end, c) => Math.max(end, c.endFrame), 0);
  const chunks = planSegments(clips, totalFrames, fps, input.segmentSeconds);
  return { fps, size, totalFrames, clips, chunks };
}

/** Segments shorter than this are not worth an encoder of their own; longer ones are split. */
const MIN_SEGMENT_SECONDS = 2;
export const SEGMENT_SECONDS = 6;

/** Whether a segment may start at `frame`: never inside a transition, whose frames need both clips. */
function canCutAt(clips: readonly PlannedClip[], frame: number): boolean {
  return clips.every((c) => c.transition.frames === 0 || frame <= c.startFrame - c.leadFrames || frame >= c.startFrame - c.leadFrames + c.transition.frames);
}

/**
 * Cuts the timeline into segments, each encoded on its own (an x264 of its own, starting with a key
 * frame), so a re-export reuses every segment whose pixels did not change (export/segment-key.ts).
 * Cuts sit where the picture changes anyway: at each clip's start, or just after its incoming
 * transition; a longer span is split evenly into parts of about `maxSeconds`, and no segment is shorter than 2 s
 * (a cut too close to the previous one is dropped). Cuts follow the clips, so an edit that moves
 * clips (a ripple delete) moves the cuts with them and the segments stay reusable.
 */
export function planSegments(clips: readonly PlannedClip[], totalFrames: number, fps: number, targetSeconds = SEGMENT_SECONDS): ChunkPlan[] {
  if (totalFrames <= 0) return [];
  const minFrames = Math.max(1, Math.round(MIN_SEGMENT_SECONDS * fps));
  const maxFrames = Math.max(minFrames, Math.round(targetSeconds * fps));
  const natural = clips.map((c) => (c.transition.frames > 0 ? c.startFrame - c.leadFrames + c.transition.frames : c.startFrame)).filter((f) => f > 0 && f < totalFrames && canCutAt(clips, f));
  const cuts = [0];
  for (const f of [...new Set(natural)].sort((a, b) => a - b)) if (f - cuts.at(-1)! >= minFrames) cuts.push(f);
  if (totalFrames - cuts.at(-1)! < minFrames && cuts.length > 1) cuts.pop();
  cuts.push(totalFrames);
  const out: number[] = [0];
  for (let i = 1; i < cuts.length; i++) {
    const from = cuts[i - 1]!;
    const span = cuts[i]! - from;
    const parts = Math.max(1, Math.round(span / maxFrames));
    for (let k = 1; k < parts; k++) {
      const ideal = from + Math.round((k * span) / parts);
      // Moved off a transition if it falls inside one (the nearest frame that is outside).
      let frame = ideal;
      for (let d = 0; d < span && !canCutAt(clips, frame); d++) frame = canCutAt(clips, ideal - d) ? ideal - d : ideal + d;
      if (frame - out.at(-1)! >= minFrames && cuts[i]! - frame >= minFrames) out.push(frame);
    }
    out.push(cuts[i]!);
  }
  return out.slice(1).map((end, index) => ({ index, startFrame: out[index]!, endFrame: end }));
}

/**
 * The Ken Burns rectangle of `clip` at timeline frame `frame`, in the pixels of its prepared picture
 * (the region scaled to `size`). Progress runs over the clip's own frames and is held at the ends, so
 * transition frames before and after the clip show its first and last framing.
 */
export function preparedRectAt(clip: PlannedClip, frame: number, size: Size): Rect {
  const frames = clip.endFrame - clip.startFrame;
  const p = Math.min(1, Math.max(0, (frame - clip.startFrame) / frames));
  const r = lerpRect(clip.from, clip.to, ease(clip.clip.kenBurns.easing, p));
  const sx = size.width / clip.region.w;
  const sy = size.height / clip.region.h;
  return { x: (r.x - clip.region.x) * sx, y: (r.y - clip.region.y) * sy, w: r.w * sx, h: r.h * sy };
}
