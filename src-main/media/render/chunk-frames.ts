/**
 * The frames of one chunk, in order: each frame's recipe (frame-recipe.ts) drawn by a FrameComposer.
 * A still's prepared picture is read when the chunk first needs it, into slot `clip index % 2`, so
 * the outgoing and incoming clips of a transition never share a slot and memory holds two pictures.
 * A video clip's slot is refilled with its next decoded frame (video-frames.ts), from one decoder per
 * clip and chunk started at the chunk's first frame of the clip and stopped after its last.
 */
import fs from 'node:fs';
import type { MessageValues } from '../../messages.js';
import { appError } from '../../errors.js';
import { FrameComposer } from './frame-composer.js';
import { frameRecipe } from './frame-recipe.js';
import { VideoFrames } from './video-frames.js';
import { videoFrameAt, type ChunkPlan, type PlannedClip, type VideoPlan } from './video-plan.js';

export interface ChunkSources {
  /** The prepared picture of a still clip (raw yuv420p file). */
  preparedFile: (clipIndex: number) => string;
  /** A video clip's file and how the user names it ("scene 3", for errors). */
  /** A video clip's file and its clip values (how messages name it: `{clip}`). */
  video: (clipIndex: number) => { file: string; clip: MessageValues };
  /** A composer of the plan's size to draw with (one left by an earlier chunk); a new one otherwise. */
  composer?: FrameComposer | undefined;
  signal?: AbortSignal;
}

interface OpenVideo {
  frames: VideoFrames;
  /** The clip's own frame index last read, and its bytes (held when the decoder ends early). */
  at: number;
  last: Buffer | null;
}

/** The chunk's frames of a clip: first and one-past-last timeline frame. */
function chunkSpan(clip: PlannedClip, chunk: ChunkPlan): [number, number] {
  return [Math.max(chunk.startFrame, clip.startFrame - clip.leadFrames), Math.min(chunk.endFrame, clip.endFrame + clip.trailFrames)];
}

/**
 * A function drawing the chunk's i-th frame (a view that stays as it is until the call after next),
 * and `close()` stopping any decoder still running (call it when the chunk ends or fails); `composer`
 * may draw the next chunk once this one's frames are all written.
 */
export function chunkFrames(plan: VideoPlan, chunk: ChunkPlan, sources: ChunkSources): { render: (i: number) => Promise<Uint8Array>; close: () => void; composer: FrameComposer } {
  const composer = sources.composer ?? new FrameComposer(plan.size);
  const loaded: Array<{ clip: number; at: number }> = [
    { clip: -1, at: -1 },
    { clip: -1, at: -1 },
  ];
  const open = new Map<number, OpenVideo>();

  const openVideo = (clip: PlannedClip, frame: number): OpenVideo => {
    const [, end] = chunkSpan(clip, chunk);
    const first = videoFrameAt(clip, frame);
    const last = videoFrameAt(clip, end - 1);
    const { file, clip: named } = sources.video(clip.index);
    const c = clip.clip;
    const frames = new VideoFrames(
      { file, sourceStart: c.sourceIn + (first / plan.fps) * c.speed, speed: c.speed, fps: plan.fps, frames: last - first + 1, size: plan.size, fit: clip.video!.fit, source: clip.video!.source, region: clip.region },
      { key: 'ffmpeg.label.videoOf', values: named },
      sources.signal,
    );
    const v = { frames, at: first - 1, last: null };
    open.set(clip.index, v);
    return v;
  };

  const videoFrame = async (clip: PlannedClip, frame: number): Promise<{ at: number; data: Buffer }> => {
    const v = open.get(clip.index) ?? openVideo(clip, frame);
    const want = videoFrameAt(clip, frame);
    while (v.at < want) {
      const next = await v.frames.next();
      v.at++;
      if (next) v.last = next;
      else if (!v.last) throw appError('invalid_input', 'export.videoNoPicture', { ...sources.video(clip.index).clip, path: sources.video(clip.index).file });
      else v.at = want; // the source ended early: hold its last frame
    }
    if (frame + 1 >= chunkSpan(clip, chunk)[1]) {
      v.frames.close();
      open.delete(clip.index);
    }
    return { at: want, data: v.last! };
  };

  const prepare = async (clip: PlannedClip, frame: number): Promise<void> => {
    const slot = clip.index % 2;
    const held = loaded[slot]!;
    if (clip.video) {
      const { at, data } = await videoFrame(clip, frame);
      if (held.clip === clip.index && held.at === at) return;
      composer.load(slot, data);
      loaded[slot] = { clip: clip.index, at };
      return;
    }
    if (held.clip === clip.index) return;
    const file = sources.preparedFile(clip.index);
    let data: Buffer;
    try {
      data = fs.readFileSync(file);
    } catch (error) {
      throw appError('io_error', 'export.preparedUnreadable', { file, message: (error as Error).message }, { cause: error });
    }
    composer.load(slot, data);
    loaded[slot] = { clip: clip.index, at: 0 };
  };

  // Decoders start a second ahead of their clip: ffmpeg's start and seek do not hold up the frames.
  const videos = plan.clips.filter((c) => c.video);
  const startAhead = (frame: number) => {
    for (const clip of videos) {
      const [start, end] = chunkSpan(clip, chunk);
      if (start > frame && start <= frame + plan.fps && start < end && !open.has(clip.index)) openVideo(clip, start);
    }
  };

  const render = async (i: number): Promise<Uint8Array> => {
    const frame = chunk.startFrame + i;
    startAhead(frame);
    const recipe = frameRecipe(plan, frame);
    const layers = recipe.kind === 'picture' ? [recipe.layer] : recipe.kind === 'transition' ? [recipe.outgoing, recipe.incoming] : [];
    for (const layer of layers) await prepare(layer.clip, frame);
    return composer.compose(recipe, (clipIndex) => clipIndex % 2);
  };
  const close = () => {
    for (const v of open.values()) v.frames.close();
    open.clear();
  };
  return { render, close, composer };
}
