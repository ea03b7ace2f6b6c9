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

/** The vertical metrics libass sizes text by (OS/2 win ascent/descent, in font units). */
export interface FaceMetrics {
  unitsPerEm: number;
  winAscent: number;
  winDescent: number;
}
const metrics = new Map<string, FaceMetrics>();

/** Reads head.unitsPerEm and OS/2 usWinAscent/usWinDescent from a TrueType/OpenType file, pure. */
export function readFaceMetrics(data: ArrayBuffer): FaceMetrics | null {
  const view = new DataView(data);
  if (view.byteLength < 12) return null;
  const tables = new Map<string, number>();
  const count = view.getUint16(4);
  for (let i = 0; i < count; i++) {
    const at = 12 + i * 16;
    if (at + 16 > view.byteLength) return null;
    const tag = String.fromCharCode(view.getUint8(at), view.getUint8(at + 1), view.getUint8(at + 2), view.getUint8(at + 3));
    tables.set(tag, view.getUint32(at + 8));
  }
  const head = tables.get('head');
  const os2 = tables.get('OS/2');
  if (head === undefined || os2 === undefined || os2 + 78 > view.byteLength) return null;
  return { unitsPerEm: view.getUint16(head + 18), winAscent: view.getUint16(os2 + 74), winDescent: view.getUint16(os2 + 76) };
}

const key = (family: string, bold: boolean) => `${family}/${bold ? 700 : 400}`;

function loadFace(font: AppFont, bold: boolean): Promise<void> {
  const file = bold ? font.bold : font.regular;
  const k = key(font.family, bold);
  let pending = loaded.get(k);
  if (!pending) {
    pending = fetch(FILES[file] ?? '')
      .then((r) => r.arrayBuffer())
      .then(async (data) => {
        const m = readFaceMetrics(data);
        if (m) metrics.set(k, m);
        document.fonts.add(await new FontFace(font.family, data, { weight: bold ? '700' : '400' }).load());
      });
    pending.catch(() => loaded.delete(k));
    loaded.set(k, pending);
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

/**
 * libass's sizing of an ASS font size (VSFilter compatible): the em is size × unitsPerEm /
 * (winAscent + winDescent); a line is `size` tall with the baseline winAscent down from its top.
 */
export function assFontBox(family: string, bold: boolean, size: number): { emPx: number; ascent: number; lineHeight: number } {
  const m = metrics.get(key(family, bold)) ?? metrics.get(key(family, !bold));
  if (!m || m.winAscent + m.winDescent === 0) return { emPx: size / 1.2, ascent: size * 0.8, lineHeight: size };
  const win = m.winAscent + m.winDescent;
  return { emPx: (size * m.unitsPerEm) / win, ascent: (size * m.winAscent) / win, lineHeight: size };
}

export function familyFor(fontId: string, text: string): string {
  return (fontForText(fontId, text) ?? FONTS[0]!).family;
}
