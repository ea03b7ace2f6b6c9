/**
 * What the export shows at time t, as a plain plan (pure, no DOM): which image clips with which Ken
 * Burns progress and transition mix, which text overlays with their lines and opacity, and which
 * caption with which word highlighted. The maths come from the export's own pure modules
 * (src-main/media/kenburns/path.ts, src-main/media/text/layout.ts); draw.ts paints the plan.
 */
import type { CaptionCue, ImageClip, ProjectDocument, TextClip, TextStyle } from '../../../src-main/project/document.js';
import { projectDuration } from '../../../src-main/project/document.js';
import { textAnchor, textOpacity, wrapText, wrapWidth, type FrameSize, type TextAnchor } from '../../../src-main/media/text/layout.js';

export interface ImageLayer {
  clip: ImageClip;
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
}

export interface TextBlock {
  lines: string[];
  anchor: TextAnchor;
  style: TextStyle;
  opacity: number;
  /** For captions: the index of the highlighted word across all lines, or -1; and its colour. */
  highlight: number;
  highlightColor: string | null;
}

export interface FramePlan {
  t: number;
  frame: FrameSize;
  images: ImageLayer[];
  texts: TextBlock[];
}

const CAPTION_WIDTH = 0.86;

const toFrame = (seconds: number, fps: number) => Math.round(seconds * fps);

/**
 * Image layers at t, bottom first, on the export's frame grid (the same rounding as the render plan,
 * src-main/media/render/video-plan.ts): clips start and end on whole frames, a transition of n frames
 * starts floor(n/2) frames before the incoming clip, and its mix advances per frame like xfade.
 */
export function imageLayers(images: readonly ImageClip[], t: number, fps: number): ImageLayer[] {
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
    highlightColor: null,
  };
}

/** Which word of a cue is spoken at t (same rule as the export's ASS events), or -1. */
export function activeWord(cue: CaptionCue, t: number, cueEnd: number): number {
  const words = cue.words ?? [];
  let from = cue.start;
  for (let i = 0; i < words.length; i++) {
    const start = Math.max(from, Math.min(words[i]!.start, cueEnd));
    const next = i + 1 < words.length ? Math.max(words[i + 1]!.start, start) : cueEnd;
    const end = Math.min(next, cueEnd);
    if (t >= start && t < end) return i;
    from = Math.max(from, end);
  }
  return -1;
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
      const cueEnd = Math.min(cue.end, length);
      if (t < cue.start || t >= cueEnd) continue;
      const lines = wrapText(cue.text, wrapWidth(CAPTION_WIDTH, frame), captions.style.size, captions.style.bold);
      const flat = lines.flatMap((l) => l.split(/\s+/).filter(Boolean));
      const wordsMatch = captions.highlightWords && (cue.words?.length ?? 0) > 0 && cue.words!.length === flat.length;
      texts.push({
        lines,
        anchor: textAnchor(captions.position, 'center', frame),
        style: captions.style,
        opacity: 1,
        highlight: wordsMatch ? activeWord(cue, t, cueEnd) : -1,
        highlightColor: captions.style.highlightColor,
      });
    }
  }
  return { t, frame, images: imageLayers(doc.tracks.images, t, doc.output.fps), texts };
}
