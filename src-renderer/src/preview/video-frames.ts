/**
 * Playing video clips, prepared for the preview like its pictures: the frame a playing <video> shows
 * is handed (as a VideoFrame, no copy) to a worker that converts and scales it to the preview's size
 * (video-frame-worker.ts), so the main thread only draws a small bitmap. One frame per clip is in the
 * worker at a time (a busy machine scales fewer frames instead of queueing them); until a clip's first
 * one is back, the element itself is drawn. Paused, the preview draws the element (the exact frame).
 */
import { preparedSize, type PreparedImage } from './prepared-images.js';

interface Ready {
  picture: PreparedImage;
  timestamp: number;
}

export class VideoFrames {
  private worker: Worker | null = null;
  private readonly ready = new Map<string, Ready>();
  private readonly busy = new Set<string>();
  private readonly sent = new Map<string, number>();
  private readonly natural = new Map<string, { width: number; height: number }>();
  /** Bumped when a clip's element is seeked: frames taken before are from elsewhere in the video. */
  private readonly generation = new Map<string, number>();

  constructor(private readonly canvas: { width: number; height: number }) {}

  private start(): Worker | null {
    if (this.worker || typeof VideoFrame === 'undefined' || typeof Worker === 'undefined') return this.worker;
    try {
      this.worker = new Worker(new URL('./video-frame-worker.ts', import.meta.url), { type: 'module' });
    } catch {
      return null;
    }
    this.worker.onmessage = ({ data }: MessageEvent<{ key: string; generation: number; timestamp: number; bitmap: ImageBitmap | null }>) => {
      this.busy.delete(data.key);
      const natural = this.natural.get(data.key);
      if (!data.bitmap || !natural || data.generation !== (this.generation.get(data.key) ?? 0)) return data.bitmap?.close();
      const old = this.ready.get(data.key);
      if (old) (old.picture.source as ImageBitmap).close();
      // Not redrawn for it: the next frame of the grid draws it (a repaint per video frame would double the work).
      this.ready.set(data.key, { picture: { source: data.bitmap, ...natural }, timestamp: data.timestamp });
    };
    return this.worker;
  }

  /**
   * The clip's latest prepared frame (null while there is none yet), and the element's current frame
   * sent to be prepared when it is a new one and the clip has none in the worker.
   */
  frame(key: string, el: HTMLVideoElement): PreparedImage | null {
    const worker = this.start();
    if (!worker || el.readyState < 2 || !el.videoWidth) return null;
    const natural = { width: el.videoWidth, height: el.videoHeight };
    this.natural.set(key, natural);
    if (!this.busy.has(key)) {
      try {
        const frame = new VideoFrame(el);
        if (frame.timestamp === this.sent.get(key)) frame.close();
        else {
          const size = preparedSize(natural, this.canvas);
          this.sent.set(key, frame.timestamp);
          this.busy.add(key);
          worker.postMessage({ key, generation: this.generation.get(key) ?? 0, frame, ...size }, [frame]);
        }
      } catch {
        // No frame to take yet: the element is drawn meanwhile.
      }
    }
    return this.ready.get(key)?.picture ?? null;
  }

  /** The clip's element was seeked: its frames from before are no stand-in (the element is drawn until a new one is back). */
  seeked(key: string): void {
    this.generation.set(key, (this.generation.get(key) ?? 0) + 1);
    const r = this.ready.get(key);
    if (r) (r.picture.source as ImageBitmap).close();
    this.ready.delete(key);
    this.sent.delete(key);
  }

  /** Forget a clip (its element was dropped). */
  drop(key: string): void {
    const r = this.ready.get(key);
    if (r) (r.picture.source as ImageBitmap).close();
    this.ready.delete(key);
    this.natural.delete(key);
    this.sent.delete(key);
    this.generation.delete(key);
  }

  close(): void {
    for (const key of [...this.ready.keys()]) this.drop(key);
    this.worker?.terminate();
    this.worker = null;
  }
}
