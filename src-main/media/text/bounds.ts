/**
 * Where text sits on the frame, pure: the box a text overlay or a caption covers (the same line
 * breaks and anchors as the export, widths from the shared estimate), and the platforms' safe zones
 * it must stay inside. The preview uses these to drag a text and to warn about one the app's own
 * buttons and captions would cover.
 */
import type { CaptionCue, CaptionsTrack, TextClip } from '../../project/document.js';
import { captionLook } from '../captions/look.js';
import { captionPages } from '../captions/states.js';
import { approxTextWidth, textAnchor, wrapText, wrapWidth, type FrameSize, type TextAnchor } from './layout.js';

export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export type Platform = 'shorts' | 'tiktok' | 'reels';
export const PLATFORMS: Platform[] = ['shorts', 'tiktok', 'reels'];

/**
 * What each app covers on a 1080x1920 short, in pixels from each edge (their published safe-zone
 * guides: TikTok's top tabs, right button rail and bottom caption; Shorts' title, channel and
 * buttons; Meta's 14% top, 35% bottom and 6% sides for Reels). Other frame sizes scale.
 */
export const SAFE_ZONES_1080: Record<Platform, { top: number; bottom: number; left: number; right: number }> = {
  shorts: { top: 288, bottom: 480, left: 48, right: 140 },
  tiktok: { top: 150, bottom: 440, left: 60, right: 140 },
  reels: { top: 270, bottom: 670, left: 65, right: 65 },
};

/** The rectangle of the frame that stays visible on a platform. */
export function safeRect(platform: Platform, frame: FrameSize): Rect {
  const z = SAFE_ZONES_1080[platform];
  const sx = frame.width / 1080;
  const sy = frame.height / 1920;
  return { left: z.left * sx, top: z.top * sy, right: frame.width - z.right * sx, bottom: frame.height - z.bottom * sy };
}

function blockRect(anchor: TextAnchor, width: number, height: number, pad: number): Rect {
  const left = anchor.align === 'left' ? anchor.x : anchor.align === 'right' ? anchor.x - width : anchor.x - width / 2;
  const top = anchor.vertical === 'top' ? anchor.y : anchor.vertical === 'bottom' ? anchor.y - height : anchor.y - height / 2;
  return { left: left - pad, top: top - pad, right: left + width + pad, bottom: top + height + pad };
}

/** The box a text overlay covers (outline or box padding included). */
export function textClipRect(clip: Pick<TextClip, 'text' | 'style' | 'position' | 'align' | 'maxWidth'>, frame: FrameSize): Rect {
  const lines = wrapText(clip.text, wrapWidth(clip.maxWidth, frame), clip.style.size, clip.style.bold);
  const width = Math.max(0, ...lines.map((l) => approxTextWidth(l, clip.style.size, clip.style.bold)));
  const pad = clip.style.box.enabled ? clip.style.box.padding : clip.style.outlineWidth;
  return blockRect(textAnchor(clip.position, clip.align, frame), width, clip.style.size * lines.length, pad);
}

/** The box a caption cue covers over its whole time (every page, the spoken word at its size). */
export function captionRect(track: CaptionsTrack, cue: CaptionCue, frame: FrameSize): Rect {
  const look = captionLook(track);
  const { size, bold } = track.style;
  const anchor = textAnchor(track.position, 'center', frame);
  const pad = track.style.box.enabled ? track.style.box.padding : track.style.outlineWidth;
  let rect: Rect | null = null;
  for (const page of captionPages(cue, track, frame)) {
    const lines = page.lines.map((l) => l.map((w) => w.text).join(' '));
    // The spoken word grows by activeScale: at most the longest word's extra width on a line.
    const grow = Math.max(0, ...page.words.map((w) => approxTextWidth(look.uppercase ? w.text.toUpperCase() : w.text, size, bold))) * (look.activeScale - 1);
    const width = Math.max(0, ...lines.map((l) => approxTextWidth(l, size, bold))) + grow;
    const r = blockRect(anchor, width, size * (lines.length - 1 + look.activeScale), pad);
    rect = rect ? { left: Math.min(rect.left, r.left), top: Math.min(rect.top, r.top), right: Math.max(rect.right, r.right), bottom: Math.max(rect.bottom, r.bottom) } : r;
  }
  return rect ?? blockRect(anchor, 0, size, pad);
}

export type Side = 'top' | 'bottom' | 'left' | 'right';

/** The sides of the safe rectangle a box crosses (empty = inside). */
export function outsideSides(rect: Rect, safe: Rect): Side[] {
  const sides: Side[] = [];
  if (rect.top < safe.top - 0.5) sides.push('top');
  if (rect.bottom > safe.bottom + 0.5) sides.push('bottom');
  if (rect.left < safe.left - 0.5) sides.push('left');
  if (rect.right > safe.right + 0.5) sides.push('right');
  return sides;
}

export interface SafeZoneIssue {
  kind: 'text' | 'caption';
  id: string;
  /** 1-based caption number in time order (for captions). */
  n: number;
  text: string;
  sides: Side[];
}

/** Every text overlay and caption that crosses the platform's safe zone. */
export function safeZoneIssues(doc: { output: FrameSize; tracks: { text: readonly TextClip[]; captions: CaptionsTrack } }, platform: Platform): SafeZoneIssue[] {
  const frame = { width: doc.output.width, height: doc.output.height };
  const safe = safeRect(platform, frame);
  const issues: SafeZoneIssue[] = [];
  for (const clip of doc.tracks.text) {
    const sides = outsideSides(textClipRect(clip, frame), safe);
    if (sides.length > 0) issues.push({ kind: 'text', id: clip.id, n: 0, text: clip.text, sides });
  }
  const captions = doc.tracks.captions;
  if (captions.enabled) {
    [...captions.cues]
      .sort((a, b) => a.start - b.start)
      .forEach((cue, i) => {
        const sides = outsideSides(captionRect(captions, cue, frame), safe);
        if (sides.length > 0) issues.push({ kind: 'caption', id: cue.id, n: i + 1, text: cue.text, sides });
      });
  }
  return issues;
}
