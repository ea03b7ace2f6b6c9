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
  /** Seconds since the clip's start (may be outside 0..duration during a transition: the path holds). */
  local: number;
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

/** Image layers at t, bottom first. A transition is centred on the incoming clip's start. */
export function imageLayers(images: readonly ImageClip[], t: number): ImageLayer[] {
  const sorted = [...images].sort((a, b) => a.start - b.start);
  const layers: ImageLayer[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const clip = sorted[i]!;
    const end = clip.start + clip.duration;
    const next = sorted[i + 1];
    const half = clip.transitionIn.kind === 'cut' ? 0 : clip.transitionIn.duration / 2;
    const nextHalf = next && next.transitionIn.kind !== 'cut' && Math.abs(next.start - end) < 1e-6 ? next.transitionIn.duration / 2 : 0;
    const from = clip.start - (i > 0 && Math.abs(sorted[i - 1]!.start + sorted[i - 1]!.duration - clip.start) < 1e-6 ? half : 0);
    const to = end + nextHalf;
    if (t < from || t >= to) continue;
    const base: ImageLayer = { clip, local: t - clip.start, alpha: 1, offsetX: 0, reveal: null, scale: 1 };
    if (half > 0 && t < clip.start + half && from < clip.start) {
      // The export's xfade: fade, slideleft (both move left), wipeleft (revealed from the right), zoomin.
      const p = (t - (clip.start - half)) / (2 * half);
      const outgoing = layers.at(-1);
      switch (clip.transitionIn.kind) {
        case 'crossfade':
          base.alpha = p;
          break;
        case 'slide':
          base.offsetX = 1 - p;
          if (outgoing) outgoing.offsetX = -p;
          break;
        case 'wipe':
          base.reveal = p;
          break;
        case 'zoom':
          base.alpha = p;
          if (outgoing) outgoing.scale = 1 + p;
          break;
      }
    }
    layers.push(base);
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
  return { t, frame, images: imageLayers(doc.tracks.images, t), texts };
}
