/**
 * The video side of the render plan, pure: image clips on a frame grid, their Ken Burns rectangles,
 * transitions, and chunks. Each image is prepared ONCE (cropped to the region its path covers and
 * resized to the output size); the Ken Burns resampler then draws the moving rectangle of that
 * prepared picture with sub-pixel precision for every frame (`preparedRectAt`). The timeline is cut
 * into equal chunks (away from transitions), one per encoder running at once, joined without
 * re-encoding. Frames are streamed, so memory stays flat however long the project is.
 */
import type { ImageClip, OutputSettings, Transition } from '../../project/document.js';
import { ease, framingRect, lerpRect, unionRect, type Rect, type Size } from '../kenburns/path.js';

export interface PlannedClip {
  index: number;
  clip: ImageClip;
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
 * Plans the picture track. `images` gives each asset's pixel size. `chunks` is how many chunks to
 * cut the timeline into (default 2: one per encoder running at once, see cutChunks).
 */
export function planVideo(input: { clips: readonly ImageClip[]; output: Pick<OutputSettings, 'width' | 'height' | 'fps'>; images: ReadonlyMap<string, Size>; chunks?: number }): VideoPlan {
  const { fps } = input.output;
  const size = { width: input.output.width, height: input.output.height };
  const sorted = [...input.clips].sort((a, b) => a.start - b.start);
  const clips: PlannedClip[] = sorted.map((clip, index) => {
    const image = input.images.get(clip.assetId);
    if (!image) throw new Error(`no size for asset ${clip.assetId}`);
    const from = framingRect(clip.kenBurns.from, image, size);
    const to = framingRect(clip.kenBurns.to, image, size);
    const startFrame = toFrame(clip.start, fps);
    const endFrame = Math.max(startFrame + 1, toFrame(clip.start + clip.duration, fps));
    return { index, clip, startFrame, endFrame, leadFrames: 0, trailFrames: 0, transition: { kind: 'cut', frames: 0 }, from, to, region: prepareRegion(from, to, image) };
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
  const chunks = cutChunks(clips, totalFrames, Math.max(1, Math.round(input.chunks ?? 2)), fps);
  return { fps, size, totalFrames, clips, chunks };
}

/** Chunks shorter than this are not worth an encoder of their own. */
const MIN_CHUNK_SECONDS = 2;

/** Whether a chunk may start at `frame`: never inside a transition, whose frames need both clips. */
function canCutAt(clips: readonly PlannedClip[], frame: number): boolean {
  return clips.every((c) => c.transition.frames === 0 || frame <= c.startFrame - c.leadFrames || frame >= c.startFrame - c.leadFrames + c.transition.frames);
}

/**
 * Cuts the timeline into `count` chunks of nearly equal length, each cut moved to the nearest frame
 * outside any transition. Equal chunks, one per encoder running at once, measured fastest on the
 * demo: every extra chunk costs an ffmpeg start, libass and x264 set-up and a key frame, and unequal
 * chunks leave one encoder finishing alone (docs/export.md).
 */
export function cutChunks(clips: readonly PlannedClip[], totalFrames: number, count: number, fps: number): ChunkPlan[] {
  const minFrames = Math.max(1, Math.round(MIN_CHUNK_SECONDS * fps));
  const n = Math.max(1, Math.min(count, Math.floor(totalFrames / minFrames)));
  const cuts = [0];
  for (let k = 1; k < n; k++) {
    const ideal = Math.round((k * totalFrames) / n);
    for (let d = 0; d < totalFrames; d++) {
      const frame = [ideal - d, ideal + d].find((f) => f - cuts.at(-1)! >= minFrames && totalFrames - f >= minFrames && canCutAt(clips, f));
      if (frame !== undefined) {
        cuts.push(frame);
        break;
      }
      if (ideal - d <= cuts.at(-1)! && ideal + d >= totalFrames) break;
    }
  }
  cuts.push(totalFrames);
  return cuts.slice(1).map((end, index) => ({ index, startFrame: cuts[index]!, endFrame: end }));
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
