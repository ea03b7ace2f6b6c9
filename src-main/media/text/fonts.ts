/**
 * The fonts that ship with the app (resources/fonts, open licences). Text overlays and captions name
 * one of these ids; the export loads only these files (libass fontsdir), never the machine's fonts,
 * and the renderer loads the same files for the preview. Pure: no node imports.
 */
export interface FontFace {
  /** The id used in the document (TextStyle.font). */
  id: string;
  /** The family name inside the files (what libass matches). */
  family: string;
  regular: string;
  bold: string;
  /** Covers Chinese, Japanese and Korean. */
  cjk: boolean;
  licence: string;
}

export const FONTS: readonly FontFace[] = [
  { id: 'Inter', family: 'Inter', regular: 'Inter-Regular.ttf', bold: 'Inter-Bold.ttf', cjk: false, licence: 'licences/OFL-Inter.txt' },
  { id: 'Inter Black', family: 'Inter Black', regular: 'Inter-Black.ttf', bold: 'Inter-Black.ttf', cjk: false, licence: 'licences/OFL-Inter.txt' },
  {
    id: 'Droid Sans Fallback',
    family: 'Droid Sans Fallback',
    regular: 'DroidSansFallbackFull.ttf',
    bold: 'DroidSansFallbackFull.ttf',
    cjk: true,
    licence: 'licences/LICENSE-DroidSansFallback.txt',
  },
];

export const CJK_FONT_ID = 'Droid Sans Fallback';

export function findFont(id: string): FontFace | undefined {
  return FONTS.find((f) => f.id.toLowerCase() === id.toLowerCase());
}

/** Chinese, Japanese, Korean (and fullwidth forms): characters the Latin face does not cover. */
export function hasCjk(text: string): boolean {
  return /[\u2E80-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFF00-\uFFEF]/.test(text);
}

/** The face to draw `text` with: the requested one, or the CJK face when the text needs it. */
export function fontForText(id: string, text: string): FontFace | undefined {
  const font = findFont(id);
  if (font && !font.cjk && hasCjk(text)) return findFont(CJK_FONT_ID);
  return font;
}
