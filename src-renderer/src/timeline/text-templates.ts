/**
 * Ready-made text overlays: a title card, a lower third and an end card, pure. Sizes are in pixels at
 * 1080x1920 (the default output) and scale with the output height when added.
 */
import { DEFAULT_TEXT_STYLE, type TextClip } from '../../../src-main/project/document.js';

export type TextTemplateId = 'title' | 'lowerThird' | 'endCard';
export const TEXT_TEMPLATE_IDS: TextTemplateId[] = ['title', 'lowerThird', 'endCard'];

export interface TextTemplate {
  clip: Omit<TextClip, 'id' | 'text' | 'start' | 'duration'>;
  duration: number;
  /** Where it goes: at the playhead, or ending with the project. */
  at: 'playhead' | 'end';
}

/** A new text's look when no template is chosen: large enough to read on a phone. */
export const NEW_TEXT: TextTemplate = {
  clip: { style: { ...DEFAULT_TEXT_STYLE, size: 96 }, position: { preset: 'center', x: 0.5, y: 0.5 }, align: 'center', maxWidth: 0.8, fadeIn: 0, fadeOut: 0.2 },
  duration: 3,
  at: 'playhead',
};

export const TEXT_TEMPLATES: Record<TextTemplateId, TextTemplate> = {
  title: {
    clip: { style: { ...DEFAULT_TEXT_STYLE, font: 'Inter Black', size: 128, outlineWidth: 6 }, position: { preset: 'free', x: 0.5, y: 0.3 }, align: 'center', maxWidth: 0.86, fadeIn: 0, fadeOut: 0.3 },
    duration: 3,
    at: 'playhead',
  },
  lowerThird: {
    clip: {
      style: { ...DEFAULT_TEXT_STYLE, size: 56, outlineWidth: 0, shadow: false, box: { enabled: true, color: '#000000B3', padding: 14 } },
      position: { preset: 'free', x: 0.08, y: 0.7 },
      align: 'left',
      maxWidth: 0.7,
      fadeIn: 0,
      fadeOut: 0.3,
    },
    duration: 4,
    at: 'playhead',
  },
  endCard: {
    clip: {
      style: { ...DEFAULT_TEXT_STYLE, font: 'Inter Black', size: 88, color: '#111111', outlineWidth: 0, shadow: false, box: { enabled: true, color: '#FFD400FF', padding: 32 } },
      position: { preset: 'center', x: 0.5, y: 0.5 },
      align: 'center',
      maxWidth: 0.9,
      fadeIn: 0,
      fadeOut: 0,
    },
    duration: 3,
    at: 'end',
  },
};

/** A text clip from a template for a project of `length` seconds at output height `height`; null if it does not fit. */
export function clipFromTemplate(template: TextTemplate, input: { id: string; text: string; playhead: number; length: number; height: number }): TextClip | null {
  if (input.length < 0.2) return null;
  const duration = Math.min(template.duration, input.length);
  const start = template.at === 'end' ? input.length - duration : Math.max(0, Math.min(input.playhead, input.length - 0.5));
  const k = input.height / 1920;
  const style = { ...template.clip.style, size: Math.max(8, Math.round(template.clip.style.size * k)), outlineWidth: Math.round(template.clip.style.outlineWidth * k * 10) / 10, box: { ...template.clip.style.box, padding: Math.round(template.clip.style.box.padding * k) } };
  const round = (t: number) => Math.round(t * 1000) / 1000;
  const clipDuration = round(Math.min(duration, input.length - start));
  return { ...template.clip, style, id: input.id, text: input.text, start: round(start), duration: clipDuration, fadeOut: Math.min(template.clip.fadeOut, clipDuration / 2) };
}
