/**
 * How a video clip becomes frames for the composer, pure: one ffmpeg per clip and chunk decodes the
 * source once, retimed to the output's frame grid, and writes raw yuv420p at the output size to a
 * pipe (render/video-frames.ts reads it frame by frame; nothing is stored whole).
 *
 * Retiming: output frame k of a clip shows the source frame on screen at source time
 * `sourceIn + k / fps * speed` (the latest frame starting at or before it, as a video element shows
 * after a seek). ffmpeg seeks a second early (`PREROLL`) so the frame covering the first wanted time
 * is decoded too, shifts the timestamps so that time is 0 and divides them by the speed, and its
 * `fps` filter (round=up: a frame starting between two output ticks first shows at the later one)
 * picks one frame per tick. That handles 60 fps into 30, 24 into 30, variable frame rates and speeds
 * of 0.25x to 4x the same way. ffmpeg applies the rotation metadata itself (autorotate), converts
 * 10-bit and full-range sources and BT.709 colours to the BT.601 limited range the stills use.
 *
 * Fit: `cover` crops the whole-pixel region the Ken Burns path stays in and scales it to the output
 * size, like a prepared still (the composer then resamples the moving rectangle); `contain` shows the
 * whole picture (`containRect`) over a blurred copy filling the frame (`BLUR`).
 */
import type { Rect, Size } from '../kenburns/path.js';

/** Seconds decoded before the first wanted time, so the frame on screen at that time is among them. */
export const PREROLL = 1;

/**
 * The blurred fill behind a `contain` picture: the frame covered at 1/`down` of the output size,
 * Gaussian-blurred with `sigma` (in those small pixels) and scaled back up. The preview draws the
 * same (src-renderer/src/preview/draw.ts).
 */
export const BLUR = { down: 8, sigma: 3 };

export interface VideoSegment {
  file: string;
  /** Source seconds on screen at the segment's first frame. */
  sourceStart: number;
  speed: number;
  fps: number;
  /** Frames to write (the decoder may end sooner: the reader then holds the last one). */
  frames: number;
  /** The output frame size (even). */
  size: Size;
  fit: 'cover' | 'contain';
  /** The displayed source size (after rotation). */
  source: Size;
  /** cover: the whole-pixel source region scaled to `size`. */
  region: Rect;
  /** ffmpeg's output URL (the reader's pipe). */
  output: string;
}

const n = (v: number): string => (Math.round(v * 1e6) / 1e6).toString();
const even = (v: number): number => Math.max(2, 2 * Math.round(v / 2));

/** The rectangle of the frame a `contain` picture fills: the whole source, centred, even sizes. */
export function containRect(source: Size, frame: Size): Rect {
  const scale = Math.min(frame.width / source.width, frame.height / source.height);
  const w = Math.min(frame.width, even(source.width * scale));
  const h = Math.min(frame.height, even(source.height * scale));
  return { x: (frame.width - w) / 2, y: (frame.height - h) / 2, w, h };
}

/** Size of the small blurred fill (even). */
export function blurSize(frame: Size): Size {
  return { width: even(frame.width / BLUR.down), height: even(frame.height / BLUR.down) };
}

/** Colour conversion of every scale: whatever the source says, to BT.601 limited range (like the stills). */
const TO_601 = 'out_color_matrix=bt601:out_range=tv';

/** The filter graph from [0:v] to [v] for a segment. */
export function videoDecodeGraph(seg: VideoSegment): string {
  const seekedAt = Math.max(0, seg.sourceStart - PREROLL);
  const retime = `setpts=(PTS-${n(seg.sourceStart - seekedAt)}/TB)/${n(seg.speed)},fps=fps=${seg.fps}:round=up:start_time=0`;
  const { width: W, height: H } = seg.size;
  if (seg.fit === 'cover') {
    const r = seg.region;
    return `[0:v]${retime},crop=w=${r.w}:h=${r.h}:x=${r.x}:y=${r.y}:exact=1,scale=w=${W}:h=${H}:flags=bicubic:${TO_601},format=yuv420p,setsar=1[v]`;
  }
  const fg = containRect(seg.source, seg.size);
  const small = blurSize(seg.size);
  const cover = Math.max(small.width / seg.source.width, small.height / seg.source.height);
  const cw = Math.max(small.width, Math.ceil(seg.source.width * cover));
  const ch = Math.max(small.height, Math.ceil(seg.source.height * cover));
  return [
    `[0:v]${retime},format=yuv420p,split=2[a][b]`,
    `[a]scale=w=${cw}:h=${ch}:flags=bilinear:${TO_601},crop=w=${small.width}:h=${small.height},gblur=sigma=${BLUR.sigma},scale=w=${W}:h=${H}:flags=bilinear,format=yuv420p[bg]`,
    `[b]scale=w=${fg.w}:h=${fg.h}:flags=bicubic:${TO_601},format=yuv420p[fg]`,
    `[bg][fg]overlay=x=${fg.x}:y=${fg.y}:format=yuv420,format=yuv420p,setsar=1[v]`,
  ].join(';');
}

/**
 * ffmpeg arguments decoding a segment to raw yuv420p frames on `seg.output`; `input` opens the file
 * (ffmpeg/user-media.ts `userMediaInputArgs`: the caller's, so this module stays pure for the preview).
 */
export function videoDecodeArgs(seg: VideoSegment, input: readonly string[]): string[] {
  const seekedAt = Math.max(0, seg.sourceStart - PREROLL);
  return ['-ss', n(seekedAt), ...input, '-an', '-sn', '-dn', '-filter_complex', videoDecodeGraph(seg), '-map', '[v]', '-frames:v', String(seg.frames), '-f', 'rawvideo', '-pix_fmt', 'yuv420p', seg.output];
}
