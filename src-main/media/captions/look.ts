/**
 * The caption styles of the gallery and the look a captions track resolves to. Pure (no node
 * imports): the export's ASS script, the renderer's preview and its gallery thumbnails read the same
 * values. A preset is only a set of field values; drawing reads the fields, never the preset's name.
 */
import type { CaptionPreset, CaptionsTrack, WordAnimation } from '../../project/document.js';

export interface CaptionLook {
  /** The spoken word is coloured (highlightColor) when the cue has word timings. */
  highlight: boolean;
  animation: WordAnimation;
  /** 0 = the whole cue at once. */
  wordsPerCue: number;
  /** Infinity = as many lines as the cue needs. */
  linesPerCue: number;
  uppercase: boolean;
  activeScale: number;
  emphasisColor: string;
}

export const DEFAULT_EMPHASIS_COLOR = '#FF4D4D';

/** The look of a track, with the defaults of a file written before caption styles existed. */
export function captionLook(track: CaptionsTrack): CaptionLook {
  return {
    highlight: track.highlightWords,
    animation: track.animation ?? 'none',
    wordsPerCue: track.wordsPerCue ?? 0,
    linesPerCue: track.linesPerCue ?? Number.POSITIVE_INFINITY,
    uppercase: track.uppercase ?? false,
    activeScale: track.activeScale ?? 1,
    emphasisColor: track.emphasisColor ?? DEFAULT_EMPHASIS_COLOR,
  };
}

/** What applying a gallery style changes on the track (position and cues are left alone). */
export type CaptionStylePatch = Pick<CaptionsTrack, 'style' | 'highlightWords' | 'preset' | 'animation' | 'wordsPerCue' | 'linesPerCue' | 'uppercase' | 'activeScale' | 'emphasisColor'>;

const base = { outlineColor: '#000000', shadow: true, box: { enabled: false, color: '#000000AA', padding: 16 } };

export const CAPTION_PRESETS: Record<CaptionPreset, CaptionStylePatch> = {
  karaoke: {
    preset: 'karaoke',
    style: { ...base, font: 'Inter', size: 64, color: '#FFFFFF', outlineWidth: 4, bold: true, highlightColor: '#FFD400' },
    highlightWords: true,
    animation: 'none',
    wordsPerCue: 0,
    linesPerCue: undefined,
    uppercase: false,
    activeScale: 1,
    emphasisColor: DEFAULT_EMPHASIS_COLOR,
  },
  boldPop: {
    preset: 'boldPop',
    style: { ...base, font: 'Inter Black', size: 84, color: '#FFFFFF', outlineWidth: 6, bold: true, highlightColor: '#39FF5A' },
    highlightWords: true,
    animation: 'pop',
    wordsPerCue: 3,
    linesPerCue: 1,
    uppercase: true,
    activeScale: 1.25,
    emphasisColor: '#FFD400',
  },
  phrase: {
    preset: 'phrase',
    style: { ...base, font: 'Inter', size: 58, color: '#FFFFFF', outlineWidth: 3, bold: true, highlightColor: '#7FDBFF' },
    highlightWords: true,
    animation: 'fade',
    wordsPerCue: 0,
    linesPerCue: 2,
    uppercase: false,
    activeScale: 1,
    emphasisColor: '#FFD400',
  },
  boxed: {
    preset: 'boxed',
    style: { ...base, font: 'Inter', size: 60, color: '#FFFFFF', outlineWidth: 0, shadow: false, bold: true, highlightColor: '#FF9F1C', box: { enabled: true, color: '#000000CC', padding: 14 } },
    highlightWords: true,
    animation: 'bounce',
    wordsPerCue: 4,
    linesPerCue: 2,
    uppercase: false,
    activeScale: 1.1,
    emphasisColor: '#FF4D4D',
  },
  minimal: {
    preset: 'minimal',
    style: { ...base, font: 'Inter', size: 52, color: '#F2F2F2', outlineWidth: 0, bold: false, highlightColor: '#FFE66D' },
    highlightWords: true,
    animation: 'none',
    wordsPerCue: 0,
    linesPerCue: 2,
    uppercase: false,
    activeScale: 1,
    emphasisColor: '#FF8A8A',
  },
};

export const CAPTION_PRESET_IDS = Object.keys(CAPTION_PRESETS) as CaptionPreset[];

/** A gallery style for an output `height` pixels tall (the presets' sizes are for 1920). */
export function presetFor(id: CaptionPreset, height: number): CaptionStylePatch {
  const preset = CAPTION_PRESETS[id];
  const k = height / 1920;
  const s = preset.style;
  return { ...preset, style: { ...s, size: Math.max(8, Math.round(s.size * k)), outlineWidth: Math.round(s.outlineWidth * k * 10) / 10, box: { ...s.box, padding: Math.round(s.box.padding * k) } } };
}

/** The track's style fields as a patch (what "make default for new projects" stores). */
export function captionStyleOf(track: CaptionsTrack): CaptionStylePatch {
  const { style, highlightWords, preset, animation, wordsPerCue, linesPerCue, uppercase, activeScale, emphasisColor } = track;
  return { style, highlightWords, preset, animation, wordsPerCue, linesPerCue, uppercase, activeScale, emphasisColor };
}

/** The track with a style applied (undefined fields of the patch are cleared back to their defaults). */
export function withCaptionStyle(track: CaptionsTrack, patch: CaptionStylePatch): CaptionsTrack {
  const next: CaptionsTrack = { ...track, ...patch, style: { ...patch.style, box: { ...patch.style.box } } };
  for (const key of ['preset', 'animation', 'wordsPerCue', 'linesPerCue', 'uppercase', 'activeScale', 'emphasisColor'] as const) {
    if (next[key] === undefined) delete next[key];
  }
  return next;
}
