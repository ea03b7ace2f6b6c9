/**
 * Where an overlay clip's picture sits, pure (no node imports: the live preview uses it too, so both
 * draw the same box): its width is `transform.scale` of the frame width (whole pixels, even), its
 * height keeps the picture's aspect, its centre is at (x, y) of the frame, moved to the nearest
 * point where the box's corner falls on even pixels (ffmpeg's overlay places pictures on whole
 * pixels, chroma on even ones: a sub-pixel offset in the preview would blur every edge against the
 * export), turned `rotation` degrees clockwise about that centre. Its opacity is `opacity` times
 * linear fades in and out.
 */
import type { MediaClip } from '../../project/media-tracks.js';
import type { Size } from '../kenburns/path.js';

export interface OverlayBox {
  /** The picture's size on the frame before rotation (even). */
  width: number;
  height: number;
  /** Its centre, in frame pixels. */
  cx: number;
  cy: number;
  /** Degrees, clockwise. */
  rotation: number;
}

const even = (v: number): number => 2 * Math.round(v / 2);

export function overlayBox(transform: MediaClip['transform'], picture: Size, frame: Size): OverlayBox {
  const width = Math.max(2, even(transform.scale * frame.width));
  const height = Math.max(2, even((width * picture.height) / picture.width));
  const left = even(transform.x * frame.width - width / 2);
  const top = even(transform.y * frame.height - height / 2);
  return { width, height, cx: left + width / 2, cy: top + height / 2, rotation: transform.rotation };
}

/** The even canvas a turned box is drawn into (ffmpeg `rotate`'s ow/oh), centred on the box's centre. */
export function turnedSize(box: Pick<OverlayBox, 'width' | 'height' | 'rotation'>): { width: number; height: number } {
  const a = (box.rotation * Math.PI) / 180;
  const c = Math.abs(Math.cos(a));
  const s = Math.abs(Math.sin(a));
  const up = (v: number) => 2 * Math.ceil(v / 2 - 1e-9);
  return { width: up(box.width * c + box.height * s), height: up(box.width * s + box.height * c) };
}

/** The overlay's opacity at `local` seconds into the clip (0 outside it). */
export function overlayOpacity(clip: Pick<MediaClip, 'opacity' | 'fadeIn' | 'fadeOut' | 'duration'>, local: number): number {
  if (local < 0 || local >= clip.duration) return 0;
  let a = clip.opacity;
  if (clip.fadeIn > 0) a *= Math.min(1, local / clip.fadeIn);
  if (clip.fadeOut > 0) a *= Math.min(1, (clip.duration - local) / clip.fadeOut);
  return Math.max(0, Math.min(1, a));
}

/** The frames of the timeline an overlay clip covers, [first, one past last): the export's grid (render/video-plan.ts). */
export function overlayFrames(clip: Pick<MediaClip, 'start' | 'duration'>, fps: number): [number, number] {
  const first = Math.round(clip.start * fps);
  return [first, Math.max(first + 1, Math.round((clip.start + clip.duration) * fps))];
}
