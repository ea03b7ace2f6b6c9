/**
 * Feeds raw frames to ffmpeg through a pipe, one at a time: the next frame is rendered while the
 * previous one is on its way, and a frame's buffer is reused only after its write has completed,
 * so memory stays at two frames per pipe however long the clip is.
 */
import type { Writable } from 'node:stream';

function write(out: Writable, data: Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    out.write(data, (error) => (error ? reject(error) : resolve()));
  });
}

/** Writes frames 0..count-1 from `render(i)` (a view that may be reused by the next call), then ends. */
export async function feedFrames(out: Writable, count: number, render: (i: number) => Uint8Array, signal?: AbortSignal): Promise<void> {
  let buffers: Buffer[] | null = null;
  let pending: Promise<void> | null = null;
  for (let i = 0; i < count; i++) {
    if (signal?.aborted) break;
    const frame = render(i);
    buffers ??= [Buffer.allocUnsafe(frame.length), Buffer.allocUnsafe(frame.length)];
    // The buffer written two frames ago: its write was awaited before the previous frame was sent.
    const buffer = buffers[i & 1]!;
    buffer.set(frame);
    if (pending) await pending;
    pending = write(out, buffer);
  }
  if (pending) await pending;
  out.end();
}
