/**
 * The frames of one chunk, in order: each frame's recipe (frame-recipe.ts) drawn by a FrameComposer.
 * A clip's prepared picture is read when the chunk first needs it, into slot `clip index % 2`, so
 * the outgoing and incoming clips of a transition never share a slot and memory holds two pictures.
 */
import fs from 'node:fs';
import { AppError } from '../../errors.js';
import { FrameComposer } from './frame-composer.js';
import { frameRecipe } from './frame-recipe.js';
import type { ChunkPlan, VideoPlan } from './video-plan.js';

/** A function drawing the chunk's i-th frame (a view that stays as it is until the call after next). */
export function chunkFrames(plan: VideoPlan, chunk: ChunkPlan, preparedFile: (clipIndex: number) => string): (i: number) => Uint8Array {
  const composer = new FrameComposer(plan.size);
  const loaded = [-1, -1];
  const slotOf = (clipIndex: number) => {
    const slot = clipIndex % 2;
    if (loaded[slot] !== clipIndex) {
      const file = preparedFile(clipIndex);
      let data: Buffer;
      try {
        data = fs.readFileSync(file);
      } catch (error) {
        throw new AppError('io_error', `Cannot read the prepared picture ${file}: ${(error as Error).message}`, { cause: error });
      }
      composer.load(slot, data);
      loaded[slot] = clipIndex;
    }
    return slot;
  };
  return (i) => composer.compose(frameRecipe(plan, chunk.startFrame + i), slotOf);
}
