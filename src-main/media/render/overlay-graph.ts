/**
 * The overlay tracks of one chunk as ffmpeg inputs and filters, pure. Each overlay clip the chunk
 * shows is one input: a still decoded once (scaled, made translucent and turned once, then repeated
 * with `loop`), or a video decoded and retimed like a main-track clip (render/video-decode.ts, its
 * last frame held when the source ends early). Each is scaled to its box (overlay-layout.ts), given
 * its opacity (`colorchannelmixer`, alpha kept for PNGs), turned (`rotate`, transparent corners),
 * placed in project time (the chunk graph shifts the picture to it for libass), faded in and out on
 * its alpha, and laid over the picture by `overlay` in track order (later tracks on top), each only
 * while its clip lasts.
 */
import type { MediaClip } from '../../project/media-tracks.js';
import type { Size } from '../kenburns/path.js';
import { overlayBox, overlayFrames, turnedSize } from './overlay-layout.js';
import { PREROLL } from './video-decode.js';
import type { ChunkPlan } from './video-plan.js';

export interface OverlaySource {
  clip: MediaClip;
  /** The file as ffmpeg opens it (relative to the chunk's working folder or absolute). */
  file: string;
  /** ffmpeg's input arguments for it (ffmpeg/user-media.ts `userMediaInputArgs`, given by the caller so this stays pure). */
  input: string[];
  kind: 'image' | 'video';
  /** The picture's displayed size (after rotation metadata). */
  picture: Size;
}

export interface OverlayChunk {
  /** ffmpeg input arguments, in input order (the first is input `firstInput`). */
  inputs: string[];
  /** Filters from [`from`] to [`to`], `;`-joined, or '' when the chunk shows no overlay. */
  graph: string;
  count: number;
}

const n = (v: number): string => (Math.round(v * 1e6) / 1e6).toString();

/** `sources` in drawing order (bottom first). The picture arrives as [from] in project time. */
export function overlayChunk(sources: readonly OverlaySource[], chunk: ChunkPlan, fps: number, frame: Size, firstInput: number, from: string, to: string): OverlayChunk {
  const inputs: string[] = [];
  const lines: string[] = [];
  let below = from;
  let count = 0;
  for (const source of sources) {
    const { clip } = source;
    const [first, end] = overlayFrames(clip, fps);
    const va = Math.max(chunk.startFrame, first);
    const vb = Math.min(chunk.endFrame, end);
    if (va >= vb) continue;
    const frames = vb - va;
    const input = firstInput + count;
    const box = overlayBox(clip.transform, source.picture, frame);
    const look = [`scale=w=${box.width}:h=${box.height}:flags=bilinear`, 'format=rgba'];
    if (clip.opacity < 1) look.push(`colorchannelmixer=aa=${n(clip.opacity)}`);
    if (box.rotation % 360 !== 0) {
      const a = n((box.rotation * Math.PI) / 180);
      const turned = turnedSize(box);
      look.push(`rotate=a=${a}:ow=${turned.width}:oh=${turned.height}:c=none:bilinear=1`);
    }
    let chain: string[];
    if (source.kind === 'image') {
      inputs.push(...source.input);
      chain = [...look, `loop=loop=${frames - 1}:size=1:start=0`, `setpts=(${va}+N)/(${fps}*TB)`];
    } else {
      const sourceStart = clip.sourceIn + ((va - first) / fps) * clip.speed;
      const seekedAt = Math.max(0, sourceStart - PREROLL);
      inputs.push('-ss', n(seekedAt), ...source.input);
      chain = [`setpts=(PTS-${n(sourceStart - seekedAt)}/TB)/${n(clip.speed)}`, `fps=fps=${fps}:round=up:start_time=0`, 'tpad=stop_mode=clone:stop=-1', `trim=end_frame=${frames}`, ...look, `setpts=PTS-STARTPTS+${va}/(${fps}*TB)`];
    }
    const start = first / fps;
    const length = (end - first) / fps;
    if (clip.fadeIn > 0) chain.push(`fade=t=in:st=${n(start)}:d=${n(clip.fadeIn)}:alpha=1`);
    if (clip.fadeOut > 0) chain.push(`fade=t=out:st=${n(start + length - clip.fadeOut)}:d=${n(clip.fadeOut)}:alpha=1`);
    lines.push(`[${input}:v]${chain.join(',')}[ov${count}]`);
    const above = `ovl${count}`;
    lines.push(`[${below}][ov${count}]overlay=x=${n(box.cx)}-overlay_w/2:y=${n(box.cy)}-overlay_h/2:eof_action=pass:format=yuv420[${above}]`);
    below = above;
    count++;
  }
  if (count === 0) return { inputs, graph: '', count };
  lines.push(`[${below}]null[${to}]`);
  return { inputs, graph: lines.join(';'), count };
}
