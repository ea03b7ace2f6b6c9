/**
 * One chunk's ffmpeg filter graph and arguments, pure. Per clip: the prepared image (decoded once)
 * held by `loop`, then `perspective` (eval=frame) samples the eased Ken Burns rectangle with
 * sub-pixel precision; clips are joined by xfade (transitions) or concat (cuts); text and captions
 * are burned by libass from one ASS script with the bundled fonts only.
 */
import type { Quality, Transition } from '../../project/document.js';
import { easeExpression, type Rect } from '../kenburns/path.js';
import { chunkItems, type ChunkPlan, type PlannedClip, type VideoPlan } from './video-plan.js';

export const XFADE: Record<Exclude<Transition['kind'], 'cut'>, string> = {
  crossfade: 'fade',
  slide: 'slideleft',
  wipe: 'wipeleft',
  zoom: 'zoomin',
};

export const X264: Record<Quality, { preset: string; crf: number }> = {
  draft: { preset: 'ultrafast', crf: 26 },
  standard: { preset: 'veryfast', crf: 20 },
  high: { preset: 'medium', crf: 17 },
};

/** The H.264 encoder arguments for a quality (the benchmark's encoder floor uses the same). */
export function videoEncoderArgs(quality: Quality, fps: number): string[] {
  const q = X264[quality];
  return ['-c:v', 'libx264', '-preset', q.preset, '-crf', String(q.crf), '-pix_fmt', 'yuv420p', '-r', String(fps), '-video_track_timescale', String(fps * 1000)];
}

/** A path as a filter option value (no quotes needed): backslashes to slashes, ':' and "'" escaped. */
export function filterPath(p: string): string {
  return p.replace(/\\/g, '/').replace(/:/g, '\\:').replace(/'/g, "\\'").replace(/,/g, '\\,');
}

const num = (v: number): string => (Math.abs(v) < 1e-9 ? '0' : v.toFixed(6).replace(/\.?0+$/, ''));

/**
 * The perspective filter's four source corners for a clip, as expressions of the output frame
 * counter `on` (which starts at 1). `offsetFrames` is the clip-local frame of the stream's first frame.
 */
export function kenBurnsCorners(clip: PlannedClip, size: { width: number; height: number }, offsetFrames: number): string[] {
  const sx = size.width / clip.region.w;
  const sy = size.height / clip.region.h;
  const local = (r: Rect) => ({ x: (r.x - clip.region.x) * sx, y: (r.y - clip.region.y) * sy, w: r.w * sx, h: r.h * sy });
  const a = local(clip.from);
  const b = local(clip.to);
  const frames = clip.endFrame - clip.startFrame;
  const p = `min(max((on-1+${offsetFrames})/${frames},0),1)`;
  const e = easeExpression(clip.clip.kenBurns.easing, p);
  const lerp = (u: number, v: number) => (Math.abs(v - u) < 1e-9 ? num(u) : `${num(u)}+${num(v - u)}*${e}`);
  const x = lerp(a.x, b.x);
  const y = lerp(a.y, b.y);
  const right = lerp(a.x + a.w, b.x + b.w);
  const bottom = lerp(a.y + a.h, b.y + b.h);
  return [x, y, right, y, x, bottom, right, bottom];
}

export interface ChunkGraph {
  /** Clip indexes, in input order (input k reads the prepared image of clips[k]). */
  inputClips: number[];
  graph: string;
  frames: number;
}

/**
 * Joins two streams with a transition. ffmpeg 5.1's xfade handles (and slows down) every frame that
 * passes through it, so only the overlapping frames go through xfade: the stream so far is split
 * into its body and its tail, the next clip into its head and the rest, and the three parts are
 * concatenated. `before`, `overlap` and `after` are frame counts.
 */
export function transitionJoin(a: string, b: string, out: string, t: { kind: string; before: number; overlap: number; after: number; fps: number }): string[] {
  const lines =
    t.before > 0
      ? [
          `[${a}]split=2[${out}a0][${out}a1]`,
          `[${out}a0]trim=end_frame=${t.before},setpts=PTS-STARTPTS[${out}body]`,
          `[${out}a1]trim=start_frame=${t.before},setpts=PTS-STARTPTS[${out}tail]`,
        ]
      : [`[${a}]setpts=PTS-STARTPTS[${out}tail]`];
  const parts = t.before > 0 ? [`${out}body`] : [];
  if (t.after > 0) {
    lines.push(
      `[${b}]split=2[${out}b0][${out}b1]`,
      `[${out}b0]trim=end_frame=${t.overlap},setpts=PTS-STARTPTS[${out}head]`,
      `[${out}b1]trim=start_frame=${t.overlap},setpts=PTS-STARTPTS[${out}rest]`,
    );
  } else {
    lines.push(`[${b}]trim=end_frame=${t.overlap},setpts=PTS-STARTPTS[${out}head]`);
  }
  lines.push(`[${out}tail][${out}head]xfade=transition=${t.kind}:duration=${num(t.overlap / t.fps)}:offset=0[${out}x]`);
  parts.push(`${out}x`);
  if (t.after > 0) parts.push(`${out}rest`);
  lines.push(`${parts.map((p) => `[${p}]`).join('')}concat=n=${parts.length}:v=1:a=0,settb=1/${t.fps},setpts=N[${out}]`);
  return lines;
}

export function chunkGraph(plan: VideoPlan, chunk: ChunkPlan, ass: { file: string; fontsDir: string } | null): ChunkGraph {
  const { fps, size } = plan;
  const items = chunkItems(plan, chunk);
  const lines: string[] = [];
  const inputClips: number[] = [];
  items.forEach((item, i) => {
    const n = item.toFrame - item.fromFrame;
    if (item.kind === 'gap') {
      lines.push(`color=c=black:s=${size.width}x${size.height}:r=${fps},format=yuv420p,trim=end_frame=${n},setpts=N/(${fps}*TB)[s${i}]`);
      return;
    }
    const input = inputClips.length;
    inputClips.push(item.clip.index);
    const corners = kenBurnsCorners(item.clip, size, item.fromFrame - item.clip.startFrame);
    const names = ['x0', 'y0', 'x1', 'y1', 'x2', 'y2', 'x3', 'y3'];
    const persp = names.map((k, j) => `${k}='${corners[j]}'`).join(':');
    lines.push(`[${input}:v]format=yuv420p,loop=loop=${n - 1}:size=1:start=0,setpts=N/(${fps}*TB),perspective=${persp}:interpolation=linear:eval=frame[s${i}]`);
  });
  let current = 's0';
  let chainEnd = items[0]!.toFrame;
  for (let i = 1; i < items.length; i++) {
    const item = items[i]!;
    const out = `j${i}`;
    if (item.kind === 'clip' && item.clip.transition.frames > 0 && item.fromFrame < chainEnd) {
      const kind = XFADE[item.clip.transition.kind as Exclude<Transition['kind'], 'cut'>];
      lines.push(...transitionJoin(current, `s${i}`, out, {
        kind,
        before: item.fromFrame - chunk.startFrame,
        overlap: chainEnd - item.fromFrame,
        after: item.toFrame - chainEnd,
        fps,
      }));
    } else {
      // concat outputs microsecond timestamps; back to the frame time base so a later xfade accepts it.
      lines.push(`[${current}][s${i}]concat=n=2:v=1:a=0,settb=1/${fps},setpts=N[${out}]`);
    }
    chainEnd = item.toFrame;
    current = out;
  }
  const start = chunk.startFrame / fps;
  const overlay = ass ? `,setpts=PTS+${num(start)}/TB,subtitles=filename=${filterPath(ass.file)}:fontsdir=${filterPath(ass.fontsDir)},setpts=PTS-STARTPTS` : '';
  lines.push(`[${current}]trim=end_frame=${chunk.endFrame - chunk.startFrame}${overlay},format=yuv420p[vout]`);
  return { inputClips, graph: lines.join(';\n'), frames: chunk.endFrame - chunk.startFrame };
}
