/**
 * Saved text styles: the project keeps named text styles (document.textStyles), so a look made once
 * is one click away on any text clip, and travels with the project (the CLI exports what clips hold).
 */
import { useState } from 'react';
import type { SavedTextStyle, TextClip } from '../../../src-main/project/document.js';
import { useT } from '../i18n/use-t.js';
import { dispatch, useDocument } from '../state/document/index.js';
import { newId } from '../timeline/commands.js';
import { Fieldset } from './fields.js';

const NONE: SavedTextStyle[] = [];

export function SavedTextStyles({ clip, onError }: { clip: TextClip; onError: (message: string | null) => void }) {
  const t = useT();
  const saved = useDocument((s) => s.doc?.textStyles) ?? NONE;
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState('');
  const pick = saved.find((s) => s.id === chosen) ?? saved[0];
  return (
    <Fieldset legend={t('txt.saved')}>
      {saved.length === 0 ? (
        <p className="muted">{t('txt.savedNone')}</p>
      ) : (
        <div className="field-row">
          <label className="field">
            <span>{t('txt.saved')}</span>
            <select value={pick?.id ?? ''} onChange={(e) => setChosen(e.target.value)}>
              {saved.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
          <button type="button" onClick={() => pick && onError(dispatch({ type: 'setTextStyle', id: clip.id, style: pick.style }))}>
            {t('txt.savedApply')}
          </button>
          <button type="button" aria-label={t('txt.savedDelete')} onClick={() => pick && onError(dispatch({ type: 'deleteTextStyle', id: pick.id }))}>
            ×
          </button>
        </div>
      )}
      <div className="field-row">
        <label className="field">
          <span>{t('txt.saveAs')}</span>
          <input value={name} placeholder={t('txt.saveName')} maxLength={80} onChange={(e) => setName(e.target.value)} />
        </label>
        <button
          type="button"
          disabled={name.trim() === ''}
          onClick={() => {
            const message = dispatch({ type: 'saveTextStyle', saved: { id: newId('style'), name: name.trim(), style: clip.style } });
            onError(message);
            if (!message) setName('');
          }}
        >
          {t('txt.save')}
        </button>
      </div>
    </Fieldset>
  );
}
