/**
 * Text overlays and captions as one ASS script, burned in by libass (the `subtitles` filter with the
 * bundled fonts dir). Pure. Layout (anchor, safe area, line breaks) comes from ../text/layout.ts, the
 * same module the preview uses; libass is told not to re-wrap (WrapStyle 2). Captions are one event
 * per caption state (./states.ts: page of words, spoken word), the spoken word coloured, scaled and
 * animated with \t transforms, emphasised words in their colour.
 */
import { appError, nestedValues } from '../../errors.js';
import type { MessageRef } from '../../messages.js';
import type { CaptionsTrack, TextClip, TextStyle } from '../../project/document.js';
import { FONTS, fontForText } from '../text/fonts.js';
import { textAnchor, wrapText, wrapWidth, type FrameSize } from '../text/layout.js';
import { captionLook, type CaptionLook } from './look.js';
import { captionStates, spokenWordMotion, type CaptionState } from './states.js';

/** #RRGGBB[AA] (AA = opacity) to ASS &HAABBGGRR (AA = transparency). */
export function assColor(hex: string): string {
  const rr = hex.slice(1, 3);
  const gg = hex.slice(3, 5);
  const bb = hex.slice(5, 7);
  const opacity = hex.length === 9 ? Number.parseInt(hex.slice(7, 9), 16) : 255;
  const aa = (255 - opacity).toString(16).padStart(2, '0');
  return `&H${aa}${bb}${gg}${rr}`.toUpperCase();
}

/** ASS time H:MM:SS.cc (centiseconds, rounded). */
export function assTime(seconds: number): string {
  const cs = Math.max(0, Math.round(seconds * 100));
  const h = Math.floor(cs / 360000);
  const m = Math.floor((cs % 360000) / 6000);
  const s = Math.floor((cs % 6000) / 100);
  return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}.${String(cs % 100).padStart(2, '0')}`;
}

/** Text safe inside an ASS event: no override blocks or escapes from user text. */
export function assEscape(text: string): string {
  return text.replace(/\\/g, '\u2216').replace(/\{/g, '(').replace(/\}/g, ')');
}

function requireFont(id: string, where: MessageRef, text: string): string {
  const font = fontForText(id, text);
  if (!font) {
    throw appError('invalid_input', 'captions.unknownFont', { ...nestedValues('where', where), font: id, fonts: FONTS.map((f) => f.id).join(', ') });
  }
  return font.family;
}

function styleTags(style: TextStyle, family: string): string {
  const tags = [`\\fn${family}`, `\\fs${Math.round(style.size)}`, `\\b${style.bold ? 1 : 0}`, `\\1c${assColor(style.color).slice(0, 2)}${assColor(style.color).slice(4)}&`, `\\1a&H${assColor(style.color).slice(2, 4)}&`];
  if (style.box.enabled) {
    tags.push(`\\3c&H${assColor(style.box.color).slice(4)}&`, `\\3a&H${assColor(style.box.color).slice(2, 4)}&`, `\\bord${style.box.padding}`, '\\shad0');
  } else {
    tags.push(`\\3c&H${assColor(style.outlineColor).slice(4)}&`, `\\bord${style.outlineWidth}`, `\\shad${style.shadow ? Math.max(2, Math.round(style.size / 24)) : 0}`, '\\4c&H000000&\\4a&H80&');
  }
  return tags.join('');
}

function header(frame: FrameSize): string {
  return [
    '[Script Info]',
    'ScriptType: v4.00+',
    `PlayResX: ${frame.width}`,
    `PlayResY: ${frame.height}`,
    'WrapStyle: 2',
    'ScaledBorderAndShadow: yes',
    '',
    '[V4+ Styles]',
    'Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, MarginV, Encoding',
    'Style: Text,Inter,72,&H00FFFFFF,&H00FFFFFF,&H00000000,&H80000000,0,0,0,0,100,100,0,0,1,4,2,5,0,0,0,1',
    'Style: Box,Inter,72,&H00FFFFFF,&H00FFFFFF,&H00000000,&H80000000,0,0,0,0,100,100,0,0,3,4,0,5,0,0,0,1',
    '',
    '[Events]',
    'Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text',
  ].join('\n');
}

function dialogue(layer: number, start: number, end: number, boxed: boolean, text: string): string {
  return `Dialogue: ${layer},${assTime(start)},${assTime(end)},${boxed ? 'Box' : 'Text'},,0,0,0,,${text}`;
}

function textEvent(clip: TextClip, frame: FrameSize): string {
  const family = requireFont(clip.style.font, { key: 'captions.textNamed', values: { text: clip.text.slice(0, 30) } }, clip.text);
  const anchor = textAnchor(clip.position, clip.align, frame);
  const lines = wrapText(clip.text, wrapWidth(clip.maxWidth, frame), clip.style.size, clip.style.bold);
  const fade = clip.fadeIn > 0 || clip.fadeOut > 0 ? `\\fad(${Math.round(clip.fadeIn * 1000)},${Math.round(clip.fadeOut * 1000)})` : '';
  const tags = `{\\an${anchor.assAlignment}\\pos(${anchor.x},${anchor.y})${styleTags(clip.style, family)}${fade}}`;
  return dialogue(1, clip.start, clip.start + clip.duration, clip.style.box.enabled, tags + lines.map(assEscape).join('\\N'));
}

const fsc = (scale: number) => Math.round(scale * 1000) / 10;
const alphaHex = (opacity: number) => `&H${Math.round(255 - 255 * opacity).toString(16).padStart(2, '0').toUpperCase()}&`;

/** The override tags that put a word's colour, size and visibility back to the style's. */
function resetTags(style: CaptionsTrack['style']): string {
  const text = assColor(style.color);
  const border = assColor(style.box.enabled ? style.box.color : '#000000');
  return `\\1c&H${text.slice(4)}&\\1a&H${text.slice(2, 4)}&\\3a&H${border.slice(2, 4)}&\\4a&H80&\\fscx100\\fscy100`;
}

/** The alpha tags for a word at `opacity` times the style's own alphas. */
function alphaTags(style: CaptionsTrack['style'], opacity: number): string {
  const own = (hex: string) => (hex.length === 9 ? Number.parseInt(hex.slice(7, 9), 16) / 255 : 1);
  return `\\1a${alphaHex(own(style.color) * opacity)}\\3a${alphaHex((style.box.enabled ? own(style.box.color) : 1) * opacity)}\\4a${alphaHex(0.5 * opacity)}`;
}

/** One caption state as ASS text: each word with its colour, the spoken one scaled and animated. */
function stateText(state: CaptionState, track: CaptionsTrack, look: CaptionLook): string {
  const style = track.style;
  const reset = resetTags(style);
  const motion = spokenWordMotion(look.animation, look.activeScale);
  return state.lines
    .map((line) =>
      line
        .map((word) => {
          const text = assEscape(word.text);
          if (word.index > state.shownThrough) return `{${alphaTags(style, 0)}}${text}{${reset}}`;
          const tags: string[] = [];
          if (word.index >= 0 && word.index === state.active) {
            tags.push(`\\1c&H${assColor(style.highlightColor).slice(4)}&`);
            if (motion.scale0 !== 1 || motion.scaleSteps.length > 0) tags.push(`\\fscx${fsc(motion.scale0)}\\fscy${fsc(motion.scale0)}`);
            for (const step of motion.scaleSteps) tags.push(`\\t(${step.t0},${step.t1},\\fscx${fsc(step.to)}\\fscy${fsc(step.to)})`);
            if (motion.alpha0 !== 1 || motion.alphaSteps.length > 0) tags.push(alphaTags(style, motion.alpha0));
            for (const step of motion.alphaSteps) tags.push(`\\t(${step.t0},${step.t1},${alphaTags(style, step.to)})`);
          } else if (word.emphasis) {
            tags.push(`\\1c&H${assColor(look.emphasisColor).slice(4)}&`);
          }
          return tags.length > 0 ? `{${tags.join('')}}${text}{${reset}}` : text;
        })
        .join(' '),
    )
    .join('\\N');
}

function captionEvents(track: CaptionsTrack, frame: FrameSize, end: number): string[] {
  if (!track.enabled) return [];
  const out: string[] = [];
  const anchor = textAnchor(track.position, 'center', frame);
  const look = captionLook(track);
  for (const cue of track.cues) {
    const family = requireFont(track.style.font, { key: 'captions.captionNamed', values: { text: cue.text.slice(0, 30) } }, cue.text);
    const tags = `{\\an${anchor.assAlignment}\\pos(${anchor.x},${anchor.y})${styleTags(track.style, family)}}`;
    for (const state of captionStates(cue, track, frame, end)) {
      out.push(dialogue(2, state.start, state.end, track.style.box.enabled, tags + stateText(state, track, look)));
    }
  }
  return out;
}

/** The whole ASS script for a project's text track and captions; null when there is nothing to draw. */
export function buildAss(input: { frame: FrameSize; text: readonly TextClip[]; captions: CaptionsTrack; duration: number }): string | null {
  const events = [...input.text.map((clip) => textEvent(clip, input.frame)), ...captionEvents(input.captions, input.frame, input.duration)];
  if (events.length === 0) return null;
  return `${header(input.frame)}\n${events.join('\n')}\n`;
}
