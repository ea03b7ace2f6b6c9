/**
 * Text overlays and captions as one ASS script, burned in by libass (the `subtitles` filter with the
 * bundled fonts dir). Pure. Layout (anchor, safe area, line breaks) comes from ../text/layout.ts, the
 * same module the preview uses; libass is told not to re-wrap (WrapStyle 2). Captions with word
 * timings get one event per word with the spoken word in the highlight colour.
 */
import { AppError } from '../../errors.js';
import type { CaptionsTrack, TextClip, TextStyle } from '../../project/document.js';
import { FONTS, fontForText } from '../text/fonts.js';
import { textAnchor, wrapText, wrapWidth, type FrameSize } from '../text/layout.js';

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

function requireFont(id: string, where: string, text: string): string {
  const font = fontForText(id, text);
  if (!font) {
    throw new AppError('invalid_input', `${where} uses the font "${id}", which is not one of the bundled fonts (${FONTS.map((f) => f.id).join(', ')}).`);
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
  const family = requireFont(clip.style.font, `Text "${clip.text.slice(0, 30)}"`, clip.text);
  const anchor = textAnchor(clip.position, clip.align, frame);
  const lines = wrapText(clip.text, wrapWidth(clip.maxWidth, frame), clip.style.size, clip.style.bold);
  const fade = clip.fadeIn > 0 || clip.fadeOut > 0 ? `\\fad(${Math.round(clip.fadeIn * 1000)},${Math.round(clip.fadeOut * 1000)})` : '';
  const tags = `{\\an${anchor.assAlignment}\\pos(${anchor.x},${anchor.y})${styleTags(clip.style, family)}${fade}}`;
  return dialogue(1, clip.start, clip.start + clip.duration, clip.style.box.enabled, tags + lines.map(assEscape).join('\\N'));
}

function captionEvents(track: CaptionsTrack, frame: FrameSize, end: number): string[] {
  if (!track.enabled) return [];
  const out: string[] = [];
  const anchor = textAnchor(track.position, 'center', frame);
  const width = wrapWidth(0.86, frame);
  const hl = assColor(track.style.highlightColor);
  const base = assColor(track.style.color);
  for (const cue of track.cues) {
    const family = requireFont(track.style.font, `Caption "${cue.text.slice(0, 30)}"`, cue.text);
    const cueEnd = Math.min(cue.end, end);
    if (cueEnd <= cue.start) continue;
    const tags = `{\\an${anchor.assAlignment}\\pos(${anchor.x},${anchor.y})${styleTags(track.style, family)}}`;
    const lines = wrapText(cue.text, width, track.style.size, track.style.bold);
    const lineWords = lines.map((l) => l.split(/\s+/).filter(Boolean));
    const words = cue.words ?? [];
    const flat = lineWords.flat();
    if (!track.highlightWords || words.length === 0 || words.length !== flat.length) {
      out.push(dialogue(2, cue.start, cueEnd, track.style.box.enabled, tags + lines.map(assEscape).join('\\N')));
      continue;
    }
    const render = (active: number) => {
      let k = 0;
      return lineWords
        .map((ws) =>
          ws
            .map((w) => {
              const text = assEscape(w);
              const i = k++;
              return i === active ? `{\\1c&H${hl.slice(4)}&}${text}{\\1c&H${base.slice(4)}&}` : text;
            })
            .join(' '),
        )
        .join('\\N');
    };
    let t = cue.start;
    words.forEach((word, i) => {
      const wordStart = Math.max(t, Math.min(word.start, cueEnd));
      if (wordStart > t + 0.005) out.push(dialogue(2, t, wordStart, track.style.box.enabled, tags + render(-1)));
      const next = i + 1 < words.length ? Math.max(words[i + 1]!.start, wordStart) : cueEnd;
      const wordEnd = Math.min(next, cueEnd);
      if (wordEnd > wordStart) out.push(dialogue(2, wordStart, wordEnd, track.style.box.enabled, tags + render(i)));
      t = Math.max(t, wordEnd);
    });
    if (t < cueEnd - 0.005) out.push(dialogue(2, t, cueEnd, track.style.box.enabled, tags + render(-1)));
  }
  return out;
}

/** The whole ASS script for a project's text track and captions; null when there is nothing to draw. */
export function buildAss(input: { frame: FrameSize; text: readonly TextClip[]; captions: CaptionsTrack; duration: number }): string | null {
  const events = [...input.text.map((clip) => textEvent(clip, input.frame)), ...captionEvents(input.captions, input.frame, input.duration)];
  if (events.length === 0) return null;
  return `${header(input.frame)}\n${events.join('\n')}\n`;
}
