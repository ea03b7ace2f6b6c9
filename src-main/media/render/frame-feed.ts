/**
 * Feeds raw frames to ffmpeg through a pipe, one at a time: the next frame is drawn while the
 * previous one is on its way. Frames are written as they are, without a copy: `render(i)` returns
 * bytes that stay unchanged until render(i + 2) (FrameComposer draws into two buffers in turn), and
 * a frame's write has always completed before the frame after next is drawn.
 */
import type { Writable } from 'node:stream';

function write(out: Writable, data: Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    out.write(data, (error) => (error ? reject(error) : resolve()));
  });
}

/** Writes frames 0..count-1 from `render(i)`, then ends the stream. */
export async function feedFrames(out: Writable, count: number, render: (i: number) => Uint8Array | Promise<Uint8Array>, signal?: AbortSignal): Promise<void> {
  let pending: Promise<void> | null = null;
  for (let i = 0; i < count; i++) {
    if (signal?.aborted) break;
    // Overwrites frame i - 2, whose write was awaited before frame i - 1 was sent.
    const frame = await render(i);
    if (pending) await pending;
    pending = write(out, frame);
  }
  if (pending) await pending;
  out.end();
}
