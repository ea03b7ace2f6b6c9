/**
 * The inspector: edits the one selected clip through document actions (Ken Burns frames and easing,
 * transition; text, style, saved styles and position; captions in CueInspector; audio volume and
 * fades), or shows the caption style gallery. A refused
 * edit's message is shown in place and the field keeps what the user typed.
 */
import { useEffect, useState } from 'react';
import type { EasingSchema, MediaClip, TextClip, TrackRole } from '../../../src-main/project/document.js';
import { FONTS } from '../../../src-main/media/text/fonts.js';
import { useT } from '../i18n/use-t.js';
import { useAppStore } from '../state/app-store.js';
import { dispatch, localizeEditMessage, useDocument, type EditAction } from '../state/document/index.js';
import { useTimeline } from '../timeline/timeline-store.js';
import { CaptionStylePanel } from './CaptionStylePanel.js';
import { CueInspector, MergeCuesButton } from './CueInspector.js';
import { CheckField, ColorField, Fieldset, NumberField, RangeField, SelectField } from './fields.js';
import { SavedTextStyles } from './SavedTextStyles.js';
import { OverlayInspector, VideoInspector } from './MediaInspectors.js';
import type { z } from 'zod';

export type T = ReturnType<typeof useT>;

export function useEdit() {
  const [error, setError] = useState<string | null>(null);
  const language = useAppStore((s) => s.language);
  const run = (action: EditAction, coalesceKey?: string) => {
    const message = dispatch(action, coalesceKey ? { coalesceKey } : undefined);
    setError(message && localizeEditMessage(message, language));
  };
  return { error, run, setError };
}

export function Timing({ id, start, length, t, run }: { id: string; start: number; length: number; t: T; run: (a: EditAction) => void }) {
  return (
    <div className="field-row">
      <NumberField label={t('ins.start')} value={start} min={0} onCommit={(v) => run({ type: 'moveClip', id, start: v })} />
      <NumberField label={t('ins.duration')} value={length} min={0.1} onCommit={(v) => run({ type: 'trimClip', id, edge: 'end', time: start + v })} />
    </div>
  );
}

/** The Ken Burns framing of a picture on the main track: easing, start frame A and end frame B. */
export function KenBurnsFields({ clip, t, run }: { clip: MediaClip; t: T; run: (a: EditAction, key?: string) => void }) {
  const easings: z.infer<typeof EasingSchema>[] = ['linear', 'easeInOut', 'easeIn', 'easeOut'];
  const frame = (which: 'from' | 'to') => {
    const f = clip.kenBurns[which];
    const key = `kb:${clip.id}:${which}`;
    return (
      <Fieldset legend={t(which === 'from' ? 'ins.kbFrom' : 'ins.kbTo')}>
        <RangeField label={t('ins.zoom')} value={f.zoom} min={1} max={3} step={0.01} onChange={(v) => run({ type: 'setKenBurns', id: clip.id, [which]: { zoom: v } }, key)} />
        <RangeField label={t('ins.focusX')} value={f.x} min={0} max={1} step={0.01} onChange={(v) => run({ type: 'setKenBurns', id: clip.id, [which]: { x: v } }, key)} />
        <RangeField label={t('ins.focusY')} value={f.y} min={0} max={1} step={0.01} onChange={(v) => run({ type: 'setKenBurns', id: clip.id, [which]: { y: v } }, key)} />
      </Fieldset>
    );
  };
  return (
    <>
      <SelectField label={t('ins.easing')} value={clip.kenBurns.easing} options={easings.map((e) => ({ value: e, label: t(`ins.easing.${e}`) }))} onChange={(v) => run({ type: 'setKenBurns', id: clip.id, easing: v })} />
      {frame('from')}
      {frame('to')}
    </>
  );
}

/** The transition into a clip of the main track. */
export function TransitionFields({ clip, t, run }: { clip: MediaClip; t: T; run: (a: EditAction) => void }) {
  return (
    <Fieldset legend={t('ins.transition')}>
      <SelectField
        label={t('ins.transitionKind')}
        value={clip.transitionIn.kind}
        options={(['cut', 'crossfade', 'slide', 'wipe', 'zoom'] as const).map((k) => ({ value: k, label: t(`ins.tr.${k}`) }))}
        onChange={(v) => run({ type: 'setTransition', id: clip.id, transition: { kind: v, duration: v === 'cut' ? 0 : clip.transitionIn.duration || 0.5 } })}
      />
      {clip.transitionIn.kind !== 'cut' && <NumberField label={t('ins.transitionDuration')} value={clip.transitionIn.duration} min={0} max={3} onCommit={(v) => run({ type: 'setTransition', id: clip.id, transition: { duration: v } })} />}
    </Fieldset>
  );
}

function ImageInspector({ clip, t, kbEditing, setKbEditing }: { clip: MediaClip; t: T; kbEditing: boolean; setKbEditing: (v: boolean) => void }) {
  const { error, run } = useEdit();
  return (
    <>
      <h2>{t('ins.imageClip')}</h2>
      <Timing id={clip.id} start={clip.start} length={clip.duration} t={t} run={run} />
      <button type="button" aria-pressed={kbEditing} onClick={() => setKbEditing(!kbEditing)}>
        {t(kbEditing ? 'ins.kbDone' : 'ins.kbEdit')}
      </button>
      <KenBurnsFields clip={clip} t={t} run={run} />
      <TransitionFields clip={clip} t={t} run={run} />
      {error && <p role="alert" className="field-error">{error}</p>}
    </>
  );
}

function TextInspector({ clip, t }: { clip: TextClip; t: T }) {
  const { error, run, setError } = useEdit();
  const language = useAppStore((s) => s.language);
  const [text, setText] = useState(clip.text);
  useEffect(() => setText(clip.text), [clip.id, clip.text]);
  const style = (patch: Partial<TextClip['style']>, key?: string) => run({ type: 'setTextStyle', id: clip.id, style: patch }, key);
  return (
    <>
      <h2>{t('ins.textClip')}</h2>
      <label className="field">
        <span>{t('ins.text')}</span>
        <textarea
          rows={3}
          value={text}
          aria-invalid={error ? true : undefined}
          onChange={(e) => {
            setText(e.target.value);
            run({ type: 'updateTextClip', id: clip.id, patch: { text: e.target.value } }, `text:${clip.id}`);
          }}
        />
      </label>
      {error && <p role="alert" className="field-error">{error}</p>}
      <Timing id={clip.id} start={clip.start} length={clip.duration} t={t} run={run} />
      <Fieldset legend={t('ins.style')}>
        <SelectField label={t('ins.font')} value={clip.style.font} options={FONTS.map((f) => ({ value: f.id, label: f.id }))} onChange={(v) => style({ font: v })} />
        <RangeField label={t('ins.size')} value={clip.style.size} min={16} max={200} step={1} onChange={(v) => style({ size: v }, `size:${clip.id}`)} />
        <div className="field-row">
          <ColorField label={t('ins.color')} value={clip.style.color} onChange={(v) => style({ color: v }, `color:${clip.id}`)} />
          <ColorField label={t('ins.outlineColor')} value={clip.style.outlineColor} onChange={(v) => style({ outlineColor: v }, `ocolor:${clip.id}`)} />
        </div>
        <RangeField label={t('ins.outline')} value={clip.style.outlineWidth} min={0} max={20} step={1} onChange={(v) => style({ outlineWidth: v }, `outline:${clip.id}`)} />
        <div className="field-row">
          <CheckField label={t('ins.bold')} checked={clip.style.bold} onChange={(v) => style({ bold: v })} />
          <CheckField label={t('ins.shadow')} checked={clip.style.shadow} onChange={(v) => style({ shadow: v })} />
          <CheckField label={t('ins.box')} checked={clip.style.box.enabled} onChange={(v) => style({ box: { ...clip.style.box, enabled: v } })} />
        </div>
      </Fieldset>
      <SavedTextStyles clip={clip} onError={(m) => setError(m && localizeEditMessage(m, language))} />
      <Fieldset legend={t('ins.position')}>
        <SelectField
          label={t('ins.place')}
          value={clip.position.preset}
          options={(['top', 'center', 'bottom', 'free'] as const).map((p) => ({ value: p, label: t(`ins.pos.${p}`) }))}
          onChange={(v) => run({ type: 'updateTextClip', id: clip.id, patch: { position: { ...clip.position, preset: v } } })}
        />
        {clip.position.preset === 'free' && (
          <>
            <RangeField label={t('ins.posX')} value={clip.position.x} min={0} max={1} step={0.01} onChange={(v) => run({ type: 'updateTextClip', id: clip.id, patch: { position: { ...clip.position, x: v } } }, `pos:${clip.id}`)} />
            <RangeField label={t('ins.posY')} value={clip.position.y} min={0} max={1} step={0.01} onChange={(v) => run({ type: 'updateTextClip', id: clip.id, patch: { position: { ...clip.position, y: v } } }, `pos:${clip.id}`)} />
          </>
        )}
        <SelectField label={t('ins.align')} value={clip.align} options={(['left', 'center', 'right'] as const).map((a) => ({ value: a, label: t(`ins.align.${a}`) }))} onChange={(v) => run({ type: 'updateTextClip', id: clip.id, patch: { align: v } })} />
        <div className="field-row">
          <NumberField label={t('ins.fadeIn')} value={clip.fadeIn} min={0} max={5} onCommit={(v) => run({ type: 'updateTextClip', id: clip.id, patch: { fadeIn: v } })} />
          <NumberField label={t('ins.fadeOut')} value={clip.fadeOut} min={0} max={5} onCommit={(v) => run({ type: 'updateTextClip', id: clip.id, patch: { fadeOut: v } })} />
        </div>
      </Fieldset>
    </>
  );
}

function AudioInspector({ clip, role, t }: { clip: MediaClip; role: TrackRole; t: T }) {
  const { error, run } = useEdit();
  const update = (patch: Partial<MediaClip>, key?: string) => run({ type: 'updateMediaClip', id: clip.id, patch }, key);
  return (
    <>
      <h2>{t(role === 'music' ? 'ins.music' : role === 'effects' ? 'ins.effects' : 'ins.narration')}</h2>
      <Timing id={clip.id} start={clip.start} length={clip.duration} t={t} run={run} />
      <RangeField label={t('ins.volume')} value={clip.gainDb} min={-30} max={12} step={0.5} onChange={(v) => update({ gainDb: v }, `vol:${clip.id}`)} />
      <CheckField label={t('ins.mute')} checked={clip.muted} onChange={(v) => update({ muted: v })} />
      <div className="field-row">
        <NumberField label={t('ins.fadeIn')} value={clip.fadeIn} min={0} onCommit={(v) => update({ fadeIn: v })} />
        <NumberField label={t('ins.fadeOut')} value={clip.fadeOut} min={0} onCommit={(v) => update({ fadeOut: v })} />
      </div>
      {role !== 'narration' && <CheckField label={t('ins.duck')} checked={clip.duck} onChange={(v) => update({ duck: v })} />}
      {error && <p role="alert" className="field-error">{error}</p>}
    </>
  );
}

export function Inspector({ kbEditing, setKbEditing }: { kbEditing: boolean; setKbEditing: (v: boolean) => void }) {
  const t = useT();
  const selected = useTimeline((s) => s.selected);
  const id = selected.size === 1 ? [...selected][0]! : null;
  const media = useDocument((s) => (id ? s.doc?.tracks.media.find((m) => m.clips.some((c) => c.id === id)) : undefined));
  const clip = id ? media?.clips.find((c) => c.id === id) : undefined;
  const assetKind = useDocument((s) => (clip && s.doc && Object.hasOwn(s.doc.assets, clip.assetId) ? s.doc.assets[clip.assetId]!.kind : undefined));
  const image = media?.role === 'main' && assetKind !== 'video' ? clip : undefined;
  const video = media?.role === 'main' && assetKind === 'video' ? clip : undefined;
  const overlay = media?.role === 'overlay' ? clip : undefined;
  const text = useDocument((s) => (id ? s.doc?.tracks.text.find((c) => c.id === id) : undefined));
  const cue = useDocument((s) => (id ? s.doc?.tracks.captions.cues.find((c) => c.id === id) : undefined));
  const sound = media?.kind === 'audio' ? clip : undefined;
  const captionStyle = useTimeline((s) => s.captionStyleOpen);
  return (
    <aside className="inspector" aria-label={t('ins.heading')}>
      {captionStyle ? (
        <CaptionStylePanel />
      ) : image ? (
        <ImageInspector key={image.id} clip={image} t={t} kbEditing={kbEditing} setKbEditing={setKbEditing} />
      ) : video ? (
        <VideoInspector key={video.id} clip={video} t={t} />
      ) : overlay ? (
        <OverlayInspector key={overlay.id} clip={overlay} video={assetKind === 'video'} t={t} />
      ) : text ? (
        <TextInspector key={text.id} clip={text} t={t} />
      ) : cue ? (
        <CueInspector key={cue.id} cue={cue} />
      ) : sound && media ? (
        <AudioInspector key={sound.id} clip={sound} role={media.role} t={t} />
      ) : (
        <>
          <p className="muted">{t(selected.size > 1 ? 'ins.many' : 'ins.none')}</p>
          <MergeCuesButton ids={[...selected]} />
          <button type="button" onClick={() => useTimeline.getState().setCaptionStyleOpen(true)}>
            {t('cap.styleButton')}
          </button>
        </>
      )}
    </aside>
  );
}
