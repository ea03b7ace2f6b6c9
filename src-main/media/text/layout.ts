/**
 * Text overlay layout, pure (no node imports): the export (ASS events) and the renderer's live
 * preview share it, so lines break and sit in the same place. Positions are safe-area aware (the
 * platform's buttons and captions cover the top and bottom of a vertical short). Line breaking uses
 * a deterministic width estimate (approxTextWidth) rather than the machine's font metrics, so both
 * sides break at the same words; the export then tells libass not to re-wrap.
 */
import type { TextClip } from '../../project/document.js';

export interface FrameSize {
  width: number;
  height: number;
}
export interface SafeArea {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** Margins in pixels: vertical frames keep clear of the top bar and the bottom UI. */
export function safeArea(frame: FrameSize): SafeArea {
  const vertical = frame.height > frame.width;
  const side = Math.round(frame.width * (vertical ? 0.07 : 0.05));
  return {
    top: Math.round(frame.height * (vertical ? 0.12 : 0.08)),
    bottom: Math.round(frame.height * (vertical ? 0.2 : 0.1)),
    left: side,
    right: side,
  };
}

export type VerticalAnchor = 'top' | 'middle' | 'bottom';
export interface TextAnchor {
  /** The anchor point in output pixels. */
  x: number;
  y: number;
  align: TextClip['align'];
  vertical: VerticalAnchor;
  /** ASS numpad alignment (1..9) for the same anchor. */
  assAlignment: number;
}

export function textAnchor(position: TextClip['position'], align: TextClip['align'], frame: FrameSize): TextAnchor {
  const safe = safeArea(frame);
  let x = align === 'left' ? safe.left : align === 'right' ? frame.width - safe.right : frame.width / 2;
  let y: number;
  let vertical: VerticalAnchor;
  switch (position.preset) {
    case 'top':
      y = safe.top;
      vertical = 'top';
      break;
    case 'bottom':
      y = frame.height - safe.bottom;
      vertical = 'bottom';
      break;
    case 'center':
      y = frame.height / 2;
      vertical = 'middle';
      break;
    case 'free':
      x = position.x * frame.width;
      y = position.y * frame.height;
      vertical = 'middle';
      break;
  }
  const column = align === 'left' ? 1 : align === 'center' ? 2 : 3;
  const row = vertical === 'bottom' ? 0 : vertical === 'middle' ? 3 : 6;
  return { x: Math.round(x), y: Math.round(y), align, vertical, assAlignment: row + column };
}

const NARROW = new Set([...'iljI.,:;!|\'`()[]{} ']);
const WIDE = new Set([...'MWmw@%&']);

/** Estimated advance of one character in em (bold a little wider); CJK is one em. */
export function charWidthEm(ch: string, bold: boolean): number {
  const code = ch.codePointAt(0) ?? 0;
  let em: number;
  if (code >= 0x2e80) em = 1;
  else if (NARROW.has(ch)) em = 0.3;
  else if (WIDE.has(ch)) em = 0.86;
  else if (ch >= 'A' && ch <= 'Z') em = 0.68;
  else if (ch >= '0' && ch <= '9') em = 0.6;
  else em = 0.56;
  return bold ? em * 1.05 : em;
}

export function approxTextWidth(text: string, sizePx: number, bold: boolean): number {
  let em = 0;
  for (const ch of text) em += charWidthEm(ch, bold);
  return em * sizePx;
}

/** The usable wrap width in pixels: maxWidth of the frame, never past the safe sides. */
export function wrapWidth(maxWidth: number, frame: FrameSize): number {
  const safe = safeArea(frame);
  return Math.min(maxWidth * frame.width, frame.width - safe.left - safe.right);
}

/**
 * Greedy word wrap; explicit newlines are kept; a word longer than the line (or CJK text, which has
 * no spaces) breaks between characters.
 */
export function wrapText(text: string, maxWidthPx: number, sizePx: number, bold: boolean): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    const tokens = paragraph.split(/(\s+)/).filter((t) => t.length > 0);
    let line = '';
    const push = () => {
      lines.push(line.trim());
      line = '';
    };
    for (const token of tokens) {
      if (/^\s+$/.test(token)) {
        if (line) line += ' ';
        continue;
      }
      if (approxTextWidth(line + token, sizePx, bold) <= maxWidthPx || !line.trim()) {
        if (approxTextWidth(token, sizePx, bold) <= maxWidthPx) {
          line += token;
          continue;
        }
      } else {
        push();
        if (approxTextWidth(token, sizePx, bold) <= maxWidthPx) {
          line = token;
          continue;
        }
      }
      // Too long for a line on its own: break between characters.
      for (const ch of token) {
        if (line.trim() && approxTextWidth(line + ch, sizePx, bold) > maxWidthPx) push();
        line += ch;
      }
    }
    lines.push(line.trim());
  }
  return lines;
}

/** Opacity of a text clip at absolute time t (fades in and out linearly); 0 outside its range. */
export function textOpacity(clip: Pick<TextClip, 'start' | 'duration' | 'fadeIn' | 'fadeOut'>, t: number): number {
  const local = t - clip.start;
  if (local < 0 || local >= clip.duration) return 0;
  let a = 1;
  if (clip.fadeIn > 0) a = Math.min(a, local / clip.fadeIn);
  if (clip.fadeOut > 0) a = Math.min(a, (clip.duration - local) / clip.fadeOut);
  return Math.max(0, Math.min(1, a));
}
