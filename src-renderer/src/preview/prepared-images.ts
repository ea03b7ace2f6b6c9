/**
 * Pictures for the live preview, prepared once: each image asset fetched, decoded and scaled to the
 * size the preview canvas needs (off the main thread: createImageBitmap on the file's bytes), so a
 * played frame only samples a small bitmap instead of resampling a full-size photo. The pictures of
 * clips starting soon are prepared ahead, so a cut never waits for a decode. A few dozen are kept,
 * the least recently drawn are closed first.
 */
import type { Size } from '../../../src-main/media/kenburns/path.js';
import type { ProjectDocument } from '../../../src-main/project/document.js';

/**
 * A picture made ready for the live preview: a bitmap scaled down from the image (or a video frame),
 * with the image's own size (crops are computed on it, as the export does, then scaled).
 */
export interface PreparedImage {
  source: ImageBitmap | HTMLCanvasElement;
  width: number;
  height: number;
}

/** How far ahead (s) pictures are prepared, and how many are kept. */
export const PREPARE_AHEAD = 4;
const KEEP = 24;
/** Headroom over the canvas size: Ken Burns zooms and the zoom transition enlarge the picture. */
const HEADROOM = 2;

/** The size to prepare an image at: HEADROOM x what covers the canvas, never above its own size (pure). */
export function preparedSize(image: Size, canvas: Size): Size {
  const scale = Math.min(1, HEADROOM * Math.max(canvas.width / image.width, canvas.height / image.height));
  return { width: Math.max(1, Math.round(image.width * scale)), height: Math.max(1, Math.round(image.height * scale)) };
}

export class PreparedImages {
  private readonly ready = new Map<string, PreparedImage>();
  private readonly pending = new Set<string>();
  private readonly failed = new Set<string>();
  private closed = false;

  constructor(
    private readonly url: (assetId: string) => string | null,
    private readonly canvas: Size,
    private readonly onReady: () => void,
  ) {}

  /** The draw code's lookup: the prepared picture, or null while it is being prepared. */
  readonly get = (assetId: string): PreparedImage | null => {
    const hit = this.ready.get(assetId);
    if (hit) {
      this.ready.delete(assetId);
      this.ready.set(assetId, hit);
      return hit;
    }
    void this.prepare(assetId);
    return null;
  };

  /** Prepare the pictures of image clips on screen at t or starting within PREPARE_AHEAD seconds. */
  prefetch(doc: ProjectDocument, t: number): void {
    for (const track of doc.tracks.media) {
      if (track.role !== 'main' && track.role !== 'overlay') continue;
      for (const clip of track.clips) {
        if (doc.assets[clip.assetId]?.kind !== 'image') continue;
        if (clip.start + clip.duration < t || clip.start > t + PREPARE_AHEAD) continue;
        if (!this.ready.has(clip.assetId)) void this.prepare(clip.assetId);
      }
    }
  }

  private async prepare(assetId: string): Promise<void> {
    const url = this.url(assetId);
    if (!url || this.pending.has(assetId) || this.ready.has(assetId) || this.failed.has(assetId)) return;
    this.pending.add(assetId);
    try {
      const blob = await (await fetch(url)).blob();
      // Decoded once at full size to learn its size (off the main thread), then scaled (off it too).
      const full = await createImageBitmap(blob);
      const natural = { width: full.width, height: full.height };
      const size = preparedSize(natural, this.canvas);
      let source = full;
      if (size.width !== full.width || size.height !== full.height) {
        source = await createImageBitmap(full, { resizeWidth: size.width, resizeHeight: size.height, resizeQuality: 'high' });
        full.close();
      }
      if (this.closed) return source.close();
      this.ready.set(assetId, { source, ...natural });
      while (this.ready.size > KEEP) {
        const [oldest, picture] = this.ready.entries().next().value!;
        this.ready.delete(oldest);
        (picture.source as ImageBitmap).close();
      }
      this.onReady();
    } catch {
      // Not preparable (gone, not a picture the browser decodes): the draw shows its placeholder.
      this.failed.add(assetId);
    } finally {
      this.pending.delete(assetId);
    }
  }

  close(): void {
    this.closed = true;
    for (const picture of this.ready.values()) (picture.source as ImageBitmap).close();
    this.ready.clear();
  }
}
