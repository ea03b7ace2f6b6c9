/**
 * The inspector for one caption: its text (edited text keeps the timing and highlight of the words
 * it keeps), its words as toggles for emphasis, times, and split at the playhead, merge with the next
 * caption, delete; a link to the caption style gallery.
 */
import { useEffect, useState } from 'react';
import { matchingTimings, wordsOf } from '../../../src-main/media/captions/states.js';
import type { CaptionCue } from '../../../src-main/project/document.js';
import { useT } from '../i18n/use-t.js';
import { useAppStore } from '../state/app-store.js';
import { dispatch, localizeEditMessage, useDocument, type EditAction } from '../state/document/index.js';
import { deleteSelected, mergeSelectedCues, newId } from '../timeline/commands.js';
import { useTimeline } from '../timeline/timeline-store.js';
import { NumberField } from './fields.js';

export function CueInspector({ cue }: { cue: CaptionCue }) {
  const t = useT();
  const language = useAppStore((s) => s.language);
  const [error, setError] = useState<string | null>(null);
  const [text, setText] = useState(cue.text);
  useEffect(() => setText(cue.text), [cue.id, cue.text]);
  const next = useDocument((s) => s.doc?.tracks.captions.cues.filter((c) => c.start >= cue.end - 1e-6).sort((a, b) => a.start - b.start)[0]?.id ?? null);
  const run = (action: EditAction) => {
    const message = dispatch(action);
    setError(message && localizeEditMessage(message, language));
    return message === null;
  };
  const timed = matchingTimings(cue) !== null;
  const emphasis = new Set(cue.emphasis ?? []);
  const commitText = () => {
    if (text !== cue.text) run({ type: 'setCueText', id: cue.id, text });
  };
  return (
    <>
      <div className="field-row">
        <h2>{t('ins.caption')}</h2>
        <button type="button" onClick={() => useTimeline.getState().setCaptionStyleOpen(true)}>
          {t('cap.styleButton')}
        </button>
      </div>
      <label className="field">
        <span>{t('ins.text')}</span>
        <textarea rows={2} value={text} aria-invalid={error ? true : undefined} onChange={(e) => setText(e.target.value)} onBlur={commitText} onKeyDown={(e) => e.key === 'Enter' && !e.shiftKey && (e.preventDefault(), commitText())} />
      </label>
      {error && <p role="alert" className="field-error">{error}</p>}
      <div className="field">
        <span>{t('cap.words')}</span>
        <div className="cap-words">
          {wordsOf(cue.text).map((word, i) => (
            <button key={`${i}-${word}`} type="button" aria-pressed={emphasis.has(i)} aria-label={t('cap.wordEmphasis', { word })} onClick={() => run({ type: 'toggleEmphasis', id: cue.id, index: i })}>
              {word}
            </button>
          ))}
        </div>
        {!timed && <p className="muted">{t('cap.noWords')}</p>}
      </div>
      <div className="field-row">
        <NumberField label={t('ins.start')} value={cue.start} min={0} onCommit={(v) => run({ type: 'moveClip', id: cue.id, start: v })} />
        <NumberField label={t('ins.duration')} value={cue.end - cue.start} min={0.1} onCommit={(v) => run({ type: 'trimClip', id: cue.id, edge: 'end', time: cue.start + v })} />
      </div>
      <div className="button-row">
        <button type="button" onClick={() => run({ type: 'splitClip', id: cue.id, at: useTimeline.getState().playhead, newId: newId('cue') })}>
          {t('cap.splitHere')}
        </button>
        <button type="button" disabled={!next} onClick={() => next && mergeSelectedCues([cue.id, next])}>
          {t('cap.mergeNext')}
        </button>
        <button type="button" onClick={() => (useTimeline.getState().setSelection([cue.id]), deleteSelected())}>
          {t('cap.delete')}
        </button>
      </div>
    </>
  );
}

/** With several captions selected: merge them. */
export function MergeCuesButton({ ids }: { ids: string[] }) {
  const t = useT();
  const allCues = useDocument((s) => ids.length > 1 && ids.every((id) => s.doc?.tracks.captions.cues.some((c) => c.id === id)));
  if (!allCues) return null;
  return (
    <button type="button" onClick={() => mergeSelectedCues(ids)}>
      {t('cap.mergeSelected')}
    </button>
  );
}

