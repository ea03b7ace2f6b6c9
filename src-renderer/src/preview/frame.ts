/**
 * What the export shows at time t, as a plain plan (pure, no DOM): which image clips with which Ken
 * Burns progress and transition mix, which text overlays with their lines and opacity, and which
 * caption with which word highlighted. The maths come from the export's own pure modules
 * (src-main/media/kenburns/path.ts, src-main/media/text/layout.ts); draw.ts paints the plan.
 */
import type { CaptionCue, CaptionsTrack, MediaClip, ProjectDocument, TextClip, TextStyle } from '../../../src-main/project/document.js';
import { captionLook } from '../../../src-main/media/captions/look.js';
import { captionStateAt, spokenWordMotion, valueAt } from '../../../src-main/media/captions/states.js';
import { mainClips, projectDuration, tracksWithRole } from '../../../src-main/project/document.js';
import { overlayFrames, overlayOpacity } from '../../../src-main/media/render/overlay-layout.js';
import { textAnchor, textOpacity, wrapText, wrapWidth, type FrameSize, type TextAnchor } from '../../../src-main/media/text/layout.js';

export interface ImageLayer {
  clip: MediaClip;
  /** Seconds since the clip's start on the frame grid (outside 0..duration during a transition: the path holds). */
  local: number;
  /** The clip's length on the frame grid. */
  duration: number;
  /** 0..1 opacity (crossfade) of this layer over the ones below it. */
  alpha: number;
  /** Horizontal offset as a fraction of the frame width (slide), and the wipe reveal from the right edge (0..1, null = full). */
  offsetX: number;
  reveal: number | null;
  scale: number;
  /** A video clip: the source time on screen (the export's frame grid and retiming), and its fit. */
  video?: { time: number; fit: MediaClip['fit'] } | null;
}

/** A clip of an overlay track shown at t, bottom first. */
export interface OverlayLayer {
  clip: MediaClip;
  /** A video clip: the source time on screen. */
  video: { time: number } | null;
  opacity: number;
}

/** A caption word as drawn at one time: its colour, scale (the spoken word's animation) and opacity. */
export interface DrawnWord {
  text: string;
  color: string;
  scale: number;
  alpha: number;
}

export interface TextBlock {
  lines: string[];
  anchor: TextAnchor;
  style: TextStyle;
  opacity: number;
  /** For captions: the spoken word (its index in the cue), or -1. */
  highlight: number;
  /** For captions: every word of `lines` with how it is drawn (null for a text clip: one colour). */
  words: DrawnWord[][] | null;
}

export interface FramePlan {
  t: number;
  frame: FrameSize;
  images: ImageLayer[];
  overlays: OverlayLayer[];
  texts: TextBlock[];
}

const toFrame = (seconds: number, fps: number) => Math.round(seconds * fps);

/**
 * Image layers at t, bottom first, on the export's frame grid (the same rounding as the render plan,
 * src-main/media/render/video-plan.ts): clips start and end on whole frames, a transition of n frames
 * starts floor(n/2) frames before the incoming clip, and its mix advances per frame like xfade.
 */
export function imageLayers(images: readonly MediaClip[], t: number, fps: number): ImageLayer[] {
  const k = Math.floor(t * fps + 1e-6);
  const sorted = [...images].sort((a, b) => a.start - b.start);
  const grid = sorted.map((clip) => {
    const startFrame = toFrame(clip.start, fps);
    return { clip, startFrame, endFrame: Math.max(startFrame + 1, toFrame(clip.start + clip.duration, fps)), lead: 0, trail: 0, frames: 0 };
  });
  for (let i = 1; i < grid.length; i++) {
    const prev = grid[i - 1]!;
    const cur = grid[i]!;
    const tr = cur.clip.transitionIn;
    const frames = tr.kind === 'cut' || prev.endFrame !== cur.startFrame ? 0 : Math.min(toFrame(tr.duration, fps), cur.endFrame - cur.startFrame, prev.endFrame - prev.startFrame);
    if (frames < 2) continue;
    cur.frames = frames;
    cur.lead = Math.floor(frames / 2);
    prev.trail = frames - cur.lead;
  }
  const layers: ImageLayer[] = [];
  for (const g of grid) {
    if (k < g.startFrame - g.lead || k >= g.endFrame + g.trail) continue;
    const layer: ImageLayer = { clip: g.clip, local: (k - g.startFrame) / fps, duration: (g.endFrame - g.startFrame) / fps, alpha: 1, offsetX: 0, reveal: null, scale: 1 };
    if (g.frames > 0 && k < g.startFrame - g.lead + g.frames) {
      // The export's xfade: fade, slideleft (both move left), wipeleft (revealed from the right), zoomin.
      const p = (k - (g.startFrame - g.lead)) / g.frames;
      const outgoing = layers.at(-1);
      switch (g.clip.transitionIn.kind) {
        case 'crossfade':
          layer.alpha = p;
          break;
        case 'slide':
          layer.offsetX = 1 - p;
          if (outgoing) outgoing.offsetX = -p;
          break;
        case 'wipe':
          layer.reveal = p;
          break;
        case 'zoom':
          layer.alpha = p;
          if (outgoing) outgoing.scale = 1 + p;
          break;
        default:
          break;
      }
    }
    layers.push(layer);
  }
  return layers;
}

function textBlock(clip: TextClip, frame: FrameSize, t: number): TextBlock {
  return {
    lines: wrapText(clip.text, wrapWidth(clip.maxWidth, frame), clip.style.size, clip.style.bold),
    anchor: textAnchor(clip.position, clip.align, frame),
    style: clip.style,
    opacity: textOpacity(clip, t),
    highlight: -1,
    words: null,
  };
}

/** A caption cue at t as a text block (the same state the export writes as one ASS event), or null. */
export function captionBlock(captions: CaptionsTrack, cue: CaptionCue, frame: FrameSize, end: number, t: number): TextBlock | null {
  const state = captionStateAt(cue, captions, frame, end, t);
  if (!state) return null;
  const look = captionLook(captions);
  const motion = spokenWordMotion(look.animation, look.activeScale);
  const ms = (t - state.start) * 1000;
  const words = state.lines.map((line) =>
    line.map((w): DrawnWord => {
      if (w.index > state.shownThrough) return { text: w.text, color: captions.style.color, scale: 1, alpha: 0 };
      if (w.index >= 0 && w.index === state.active) return { text: w.text, color: captions.style.highlightColor, scale: valueAt(motion.scale0, motion.scaleSteps, ms), alpha: valueAt(motion.alpha0, motion.alphaSteps, ms) };
      return { text: w.text, color: w.emphasis ? look.emphasisColor : captions.style.color, scale: 1, alpha: 1 };
    }),
  );
  return {
    lines: words.map((line) => line.map((w) => w.text).join(' ')),
    anchor: textAnchor(captions.position, 'center', frame),
    style: captions.style,
    opacity: 1,
    highlight: state.active,
    words,
  };
}

/**
 * A block whose painted layer can stand for it (text-layers.ts): fully opaque. A fading block's
 * shadow, outline and glyphs each blend at its opacity, which one faded layer would not match.
 */
export function layerableText(block: TextBlock): boolean {
  return block.opacity === 1;
}

export function framePlan(doc: ProjectDocument, t: number): FramePlan {
  const frame = { width: doc.output.width, height: doc.output.height };
  const texts: TextBlock[] = [];
  for (const clip of doc.tracks.text) {
    if (t >= clip.start && t < clip.start + clip.duration) texts.push(textBlock(clip, frame, t));
  }
  const captions = doc.tracks.captions;
  if (captions.enabled) {
    const length = projectDuration(doc);
    for (const cue of captions.cues) {
      if (t < cue.start || t >= Math.min(cue.end, length)) continue;
      const block = captionBlock(captions, cue, frame, length, t);
      if (block) texts.push(block);
    }
  }
  const fps = doc.output.fps;
  const isVideo = (assetId: string) => doc.assets[assetId]?.kind === 'video';
  const images = imageLayers(mainClips(doc), t, fps).map((layer) => (isVideo(layer.clip.assetId) ? { ...layer, video: { time: mainVideoTime(layer, fps), fit: layer.clip.fit } } : layer));
  return { t, frame, images, overlays: overlayLayers(doc, t), texts };
}

/**
 * The source time a main-track video shows, as the export retimes it (src-main/media/render/
 * video-decode.ts): its own frame index on the output grid (held at the ends during transitions)
 * times the speed, from its source in point.
 */
export function mainVideoTime(layer: Pick<ImageLayer, 'clip' | 'local' | 'duration'>, fps: number): number {
  const frames = Math.max(1, Math.round(layer.duration * fps));
  const k = Math.min(frames - 1, Math.max(0, Math.round(layer.local * fps)));
  return layer.clip.sourceIn + (k / fps) * layer.clip.speed;
}

/** The overlay tracks' clips at t on the frame grid, in drawing order, with their opacity (fades). */
export function overlayLayers(doc: ProjectDocument, t: number): OverlayLayer[] {
  const fps = doc.output.fps;
  const k = Math.floor(t * fps + 1e-6);
  const layers: OverlayLayer[] = [];
  for (const track of tracksWithRole(doc, 'overlay')) {
    for (const clip of track.clips) {
      const [first, end] = overlayFrames(clip, fps);
      if (k < first || k >= end) continue;
      const local = (k - first) / fps;
      const opacity = overlayOpacity({ ...clip, duration: (end - first) / fps }, local);
      const video = doc.assets[clip.assetId]?.kind === 'video' ? { time: clip.sourceIn + local * clip.speed } : null;
      layers.push({ clip, video, opacity });
    }
  }
  return layers;
}
