/**
 * The inspector for video clips on the main track (source in/out, speed 0.25x-4x, gain and mute,
 * fit, Ken Burns framing, transition) and for overlay clips (position, size, rotation, opacity,
 * fades; a video overlay also has its source and sound). Every change is a document action.
 */
import type { MediaClip } from '../../../src-main/project/document.js';
import { useDocument } from '../state/document/index.js';
import { CheckField, Fieldset, NumberField, RangeField, SelectField } from './fields.js';
import { KenBurnsFields, Timing, TransitionFields, useEdit, type T } from './Inspector.js';

type Run = ReturnType<typeof useEdit>['run'];
const round = (v: number) => Math.round(v * 1000) / 1000;

function FileName({ clip, t }: { clip: MediaClip; t: T }) {
  const name = useDocument((s) => (s.doc && Object.hasOwn(s.doc.assets, clip.assetId) ? s.doc.assets[clip.assetId]!.originalName : undefined));
  return name ? <p className="muted">{t('ins.file', { name })}</p> : null;
}

/** Source in/out and speed: the part of the file the clip plays, and how fast. */
function SourceFields({ clip, t, run }: { clip: MediaClip; t: T; run: Run }) {
  const update = (patch: Partial<MediaClip>, key?: string) => run({ type: 'updateMediaClip', id: clip.id, patch }, key);
  const out = round(clip.sourceIn + clip.duration * clip.speed);
  return (
    <Fieldset legend={t('ins.source')}>
      <div className="field-row">
        <NumberField label={t('ins.sourceIn')} value={clip.sourceIn} min={0} onCommit={(v) => update({ sourceIn: round(Math.max(0, v)) })} />
        <NumberField label={t('ins.sourceOut')} value={out} min={0} onCommit={(v) => update({ duration: round((v - clip.sourceIn) / clip.speed) })} />
      </div>
      <RangeField label={t('ins.speed')} value={clip.speed} min={0.25} max={4} step={0.05} onChange={(v) => update({ speed: v }, `speed:${clip.id}`)} />
    </Fieldset>
  );
}

/** Gain in dB and mute of the clip's own sound. */
function SoundFields({ clip, t, run }: { clip: MediaClip; t: T; run: Run }) {
  const update = (patch: Partial<MediaClip>, key?: string) => run({ type: 'updateMediaClip', id: clip.id, patch }, key);
  return (
    <Fieldset legend={t('ins.sound')}>
      <RangeField label={t('ins.volume')} value={clip.gainDb} min={-30} max={12} step={0.5} onChange={(v) => update({ gainDb: v }, `vol:${clip.id}`)} />
      <div className="field-row">
        <CheckField label={t('ins.mute')} checked={clip.muted} onChange={(v) => update({ muted: v })} />
        <CheckField label={t('ins.duck')} checked={clip.duck} onChange={(v) => update({ duck: v })} />
      </div>
    </Fieldset>
  );
}

export function VideoInspector({ clip, t }: { clip: MediaClip; t: T }) {
  const { error, run } = useEdit();
  return (
    <>
      <h2>{t('ins.videoClip')}</h2>
      <FileName clip={clip} t={t} />
      <Timing id={clip.id} start={clip.start} length={clip.duration} t={t} run={run} />
      <SourceFields clip={clip} t={t} run={run} />
      <SoundFields clip={clip} t={t} run={run} />
      <SelectField
        label={t('ins.fit')}
        value={clip.fit}
        options={(['cover', 'contain'] as const).map((f) => ({ value: f, label: t(`ins.fit.${f}`) }))}
        onChange={(v) => run({ type: 'updateMediaClip', id: clip.id, patch: { fit: v } })}
      />
      <Fieldset legend={t('ins.kenBurns')}>
        <KenBurnsFields clip={clip} t={t} run={run} />
      </Fieldset>
      <TransitionFields clip={clip} t={t} run={run} />
      {error && <p role="alert" className="field-error">{error}</p>}
    </>
  );
}

export function OverlayInspector({ clip, video, t }: { clip: MediaClip; video: boolean; t: T }) {
  const { error, run } = useEdit();
  const update = (patch: Partial<MediaClip>, key?: string) => run({ type: 'updateMediaClip', id: clip.id, patch }, key);
  const transform = (patch: Partial<MediaClip['transform']>) => update({ transform: { ...clip.transform, ...patch } }, `tf:${clip.id}`);
  return (
    <>
      <h2>{t(video ? 'ins.overlayVideo' : 'ins.overlayClip')}</h2>
      <FileName clip={clip} t={t} />
      <Timing id={clip.id} start={clip.start} length={clip.duration} t={t} run={run} />
      <Fieldset legend={t('ins.placement')}>
        <RangeField label={t('ins.posX')} value={clip.transform.x} min={-0.5} max={1.5} step={0.01} onChange={(v) => transform({ x: v })} />
        <RangeField label={t('ins.posY')} value={clip.transform.y} min={-0.5} max={1.5} step={0.01} onChange={(v) => transform({ y: v })} />
        <RangeField label={t('ins.scale')} value={clip.transform.scale} min={0.05} max={2} step={0.01} onChange={(v) => transform({ scale: v })} />
        <RangeField label={t('ins.rotation')} value={clip.transform.rotation} min={-180} max={180} step={1} onChange={(v) => transform({ rotation: v })} />
        <RangeField label={t('ins.opacity')} value={clip.opacity} min={0} max={1} step={0.01} onChange={(v) => update({ opacity: v }, `op:${clip.id}`)} />
      </Fieldset>
      <div className="field-row">
        <NumberField label={t('ins.fadeIn')} value={clip.fadeIn} min={0} onCommit={(v) => update({ fadeIn: v })} />
        <NumberField label={t('ins.fadeOut')} value={clip.fadeOut} min={0} onCommit={(v) => update({ fadeOut: v })} />
      </div>
      {video && <SourceFields clip={clip} t={t} run={run} />}
      {video && <SoundFields clip={clip} t={t} run={run} />}
      {error && <p role="alert" className="field-error">{error}</p>}
    </>
  );
}
