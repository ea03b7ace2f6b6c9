/**
 * The bundled fonts (resources/fonts, the same files the export hands to libass) loaded as web fonts
 * for the preview, and libass's size rule: an ASS font size is the font's ascent+descent, not its em,
 * so the preview scales the CSS size by the face's measured line height.
 */
import interBlack from '../../../resources/fonts/Inter-Black.ttf?url';
import interBold from '../../../resources/fonts/Inter-Bold.ttf?url';
import interRegular from '../../../resources/fonts/Inter-Regular.ttf?url';
import droid from '../../../resources/fonts/DroidSansFallbackFull.ttf?url';
import { FONTS, fontForText, type FontFace as AppFont } from '../../../src-main/media/text/fonts.js';

const FILES: Record<string, string> = {
  'Inter-Regular.ttf': interRegular,
  'Inter-Bold.ttf': interBold,
  'Inter-Black.ttf': interBlack,
  'DroidSansFallbackFull.ttf': droid,
};

const loaded = new Map<string, Promise<void>>();

function loadFace(font: AppFont, bold: boolean): Promise<void> {
  const file = bold ? font.bold : font.regular;
  const key = `${font.family}/${bold ? 700 : 400}`;
  let pending = loaded.get(key);
  if (!pending) {
    const face = new FontFace(font.family, `url(${FILES[file] ?? ''})`, { weight: bold ? '700' : '400' });
    pending = face.load().then((f) => void document.fonts.add(f));
    loaded.set(key, pending);
  }
  return pending;
}

/** Load the faces a set of texts needs; resolves when they can be drawn. */
export async function ensureFonts(items: { font: string; bold: boolean; text: string }[]): Promise<void> {
  const jobs: Promise<void>[] = [];
  for (const item of items) {
    const font = fontForText(item.font, item.text) ?? FONTS[0]!;
    jobs.push(loadFace(font, item.bold));
  }
  await Promise.all(jobs);
}

const lineHeightRatio = new Map<string, number>();

/** ascent+descent of the face per px of CSS font size (what libass treats as the font size). */
export function lineHeightPerPx(ctx: CanvasRenderingContext2D, family: string, bold: boolean): number {
  const key = `${family}/${bold}`;
  let ratio = lineHeightRatio.get(key);
  if (ratio === undefined) {
    ctx.save();
    ctx.font = `${bold ? 'bold ' : ''}100px "${family}"`;
    const m = ctx.measureText('Hg');
    ctx.restore();
    ratio = (m.fontBoundingBoxAscent + m.fontBoundingBoxDescent) / 100 || 1.2;
    lineHeightRatio.set(key, ratio);
  }
  return ratio;
}

export function familyFor(fontId: string, text: string): string {
  return (fontForText(fontId, text) ?? FONTS[0]!).family;
}
