/**
 * The caption style gallery: a live thumbnail per style (drawn by the preview's own code, so it looks
 * like the export), one click applies it to the project's captions; below, the look's fields (word
 * animation, words and lines on screen, capitals, colours, size, position) and "use this style for
 * new projects" (a setting the core applies to every project it creates, CLI included).
 */
import { useEffect, useRef, useState } from 'react';
import { CAPTION_PRESET_IDS, captionStyleOf, presetFor, withCaptionStyle } from '../../../src-main/media/captions/look.js';
import { FONTS } from '../../../src-main/media/text/fonts.js';
import type { CaptionPreset, CaptionsTrack, WordAnimation } from '../../../src-main/project/document.js';
import { useT } from '../i18n/use-t.js';
import { invoke } from '../ipc/client.js';
import { useAppStore } from '../state/app-store.js';
import { dispatch, localizeEditMessage, useDocument, type EditAction } from '../state/document/index.js';
import { useTimeline } from '../timeline/timeline-store.js';
import { drawTextBlock } from './draw.js';
import { CheckField, ColorField, Fieldset, NumberField, RangeField, SelectField } from './fields.js';
import { ensureFonts } from './fonts.js';
import { captionBlock } from './frame.js';

// Thumbnails draw each style at its 1080x1920 size on a 540x960 frame: twice as large, to be read.
const THUMB = { width: 540, height: 960 };
const THUMB_SIZE_FOR = 1920;
const THUMB_PX = { width: 162, height: 288 };

/** One style drawn on a small canvas: the sample caption with its second word spoken. */
function Thumbnail({ preset, sample }: { preset: CaptionPreset; sample: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    const patch = presetFor(preset, THUMB_SIZE_FOR);
    const words = sample.split(/\s+/);
    const cue = { id: 'sample', start: 0, end: words.length * 0.4, text: sample, words: words.map((text, i) => ({ text, start: i * 0.4, end: i * 0.4 + 0.4 })), emphasis: [words.length - 1] };
    const base: CaptionsTrack = { enabled: true, highlightWords: true, position: { preset: 'center', x: 0.5, y: 0.5 }, cues: [cue], style: patch.style };
    const track = withCaptionStyle(base, patch);
    const paint = () => {
      const ctx = canvas.getContext('2d');
      if (!ctx) return;
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      const g = ctx.createLinearGradient(0, 0, canvas.width, canvas.height);
      g.addColorStop(0, '#27324f');
      g.addColorStop(1, '#5b3b62');
      ctx.fillStyle = g;
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      const block = captionBlock(track, cue, THUMB, 100, 0.6);
      if (!block) return;
      ctx.save();
      ctx.scale(canvas.width / THUMB.width, canvas.height / THUMB.height);
      drawTextBlock(ctx, block);
      ctx.restore();
    };
    paint();
    let live = true;
    void ensureFonts([{ font: track.style.font, bold: track.style.bold, text: sample }]).then(() => live && paint(), () => {});
    return () => {
      live = false;
    };
  }, [preset, sample]);
  return <canvas ref={ref} width={THUMB_PX.width} height={THUMB_PX.height} aria-hidden="true" />;
}

export function CaptionStylePanel() {
  const t = useT();
  const language = useAppStore((s) => s.language);
  const captions = useDocument((s) => s.doc?.tracks.captions);
  const height = useDocument((s) => s.doc?.output.height ?? 1920);
  const [message, setMessage] = useState<string | null>(null);
  if (!captions) return null;
  const run = (action: EditAction, key?: string) => {
    const refused = dispatch(action, key ? { coalesceKey: key } : undefined);
    setMessage(refused && localizeEditMessage(refused, language));
  };
  const set = (patch: Extract<EditAction, { type: 'setCaptions' }>['patch'], key?: string) => run({ type: 'setCaptions', patch }, key);
  const style = (patch: Partial<CaptionsTrack['style']>, key?: string) => set({ style: patch }, key);
  const current = captions.preset ?? 'karaoke';
  const animations: WordAnimation[] = ['none', 'pop', 'bounce', 'fade'];
  return (
    <>
      <div className="field-row">
        <h2>{t('cap.gallery')}</h2>
        <button type="button" onClick={() => useTimeline.getState().setCaptionStyleOpen(false)}>
          {t('cap.close')}
        </button>
      </div>
      <div className="cap-gallery" role="group" aria-label={t('cap.gallery')}>
        {CAPTION_PRESET_IDS.map((id) => (
          <button key={id} type="button" className="cap-card" aria-pressed={current === id} title={t(`cap.presetHint.${id}`)} onClick={() => run({ type: 'setCaptionStyle', style: presetFor(id, height) })}>
            <Thumbnail preset={id} sample={t('cap.sample')} />
            <span>{t(`cap.preset.${id}`)}</span>
          </button>
        ))}
      </div>
      <CheckField label={t('cap.show')} checked={captions.enabled} onChange={(v) => set({ enabled: v })} />
      <Fieldset legend={t('cap.animation')}>
        <SelectField label={t('cap.animation')} value={captions.animation ?? 'none'} options={animations.map((a) => ({ value: a, label: t(`cap.anim.${a}`) }))} onChange={(v) => set({ animation: v })} />
        <div className="field-row">
          <NumberField label={t('cap.wordsPerCue')} value={captions.wordsPerCue ?? 0} min={0} max={20} integer onCommit={(v) => set({ wordsPerCue: v })} />
          <SelectField
            label={t('cap.linesPerCue')}
            value={String(captions.linesPerCue ?? 0)}
            options={['0', '1', '2', '3'].map((v) => ({ value: v, label: v === '0' ? t('cap.linesAny') : v }))}
            onChange={(v) => set({ linesPerCue: v === '0' ? undefined : Number(v) })}
          />
        </div>
        <RangeField label={t('cap.activeScale')} value={captions.activeScale ?? 1} min={1} max={1.6} step={0.05} onChange={(v) => set({ activeScale: v }, 'cap:scale')} />
        <div className="field-row">
          <CheckField label={t('cap.highlight')} checked={captions.highlightWords} onChange={(v) => set({ highlightWords: v })} />
          <CheckField label={t('cap.uppercase')} checked={captions.uppercase ?? false} onChange={(v) => set({ uppercase: v })} />
        </div>
      </Fieldset>
      <Fieldset legend={t('ins.style')}>
        <SelectField label={t('ins.font')} value={captions.style.font} options={FONTS.map((f) => ({ value: f.id, label: f.id }))} onChange={(v) => style({ font: v })} />
        <RangeField label={t('ins.size')} value={captions.style.size} min={24} max={160} step={1} onChange={(v) => style({ size: v }, 'cap:size')} />
        <div className="field-row">
          <ColorField label={t('ins.color')} value={captions.style.color} onChange={(v) => style({ color: v }, 'cap:color')} />
          <ColorField label={t('cap.highlightColor')} value={captions.style.highlightColor} onChange={(v) => style({ highlightColor: v }, 'cap:hl')} />
          <ColorField label={t('cap.emphasisColor')} value={captions.emphasisColor ?? '#FF4D4D'} onChange={(v) => set({ emphasisColor: v }, 'cap:em')} />
        </div>
        <div className="field-row">
          <CheckField label={t('ins.bold')} checked={captions.style.bold} onChange={(v) => style({ bold: v })} />
          <CheckField label={t('ins.box')} checked={captions.style.box.enabled} onChange={(v) => style({ box: { ...captions.style.box, enabled: v } })} />
        </div>
      </Fieldset>
      <Fieldset legend={t('ins.position')}>
        <SelectField
          label={t('ins.place')}
          value={captions.position.preset}
          options={(['top', 'center', 'bottom', 'free'] as const).map((p) => ({ value: p, label: t(`ins.pos.${p}`) }))}
          onChange={(v) => set({ position: { ...captions.position, preset: v } })}
        />
        {captions.position.preset === 'free' && (
          <>
            <RangeField label={t('ins.posX')} value={captions.position.x} min={0} max={1} step={0.01} onChange={(v) => set({ position: { ...captions.position, x: v } }, 'cap:x')} />
            <RangeField label={t('ins.posY')} value={captions.position.y} min={0} max={1} step={0.01} onChange={(v) => set({ position: { ...captions.position, y: v } }, 'cap:y')} />
          </>
        )}
      </Fieldset>
      <button
        type="button"
        onClick={async () => {
          try {
            await invoke('settings.set', { defaultCaptionStyle: captionStyleOf(captions) });
            setMessage(t('cap.defaultSaved'));
          } catch (error) {
            setMessage((error as Error).message);
          }
        }}
      >
        {t('cap.makeDefault')}
      </button>
      {message && <p role="status">{message}</p>}
    </>
  );
}
