import { useEffect } from 'react';
import type { StringKey } from '../../i18n/strings.js';
import { useT } from '../../i18n/use-t.js';
import { invoke } from '../../ipc/client.js';
import { useVoicesStore, voicesFor } from '../voice/voices-store.js';

export interface MoreOptions {
  tone: string;
  /** null: the script writer chooses. */
  scenes: number | null;
  /** '' : as today, the system voice of the video's language. */
  voiceId: string;
}

export const defaultMoreOptions = (): MoreOptions => ({ tone: '', scenes: null, voiceId: '' });

const SCENE_COUNTS = Array.from({ length: 11 }, (_v, i) => i + 2);

/** "More options" of "New from an idea": tone, number of scenes, voice (the Voice panel's list of installed voices). */
export function MakeMoreOptions(props: { language: 'es' | 'en'; value: MoreOptions; onChange(value: MoreOptions): void }) {
  const t = useT();
  const voices = useVoicesStore((s) => s.voices);
  useEffect(() => {
    if (!useVoicesStore.getState().voices) void useVoicesStore.getState().refresh();
  }, []);
  const { value, onChange } = props;
  const engines = (['piper', 'system'] as const).map((engine) => ({ engine, list: voicesFor(engine, props.language, voices ?? [], null) })).filter((g) => g.list.length > 0);
  return (
    <details className="make-more">
      <summary>{t('make.moreOptions')}</summary>
      <div className="make-options">
        <label>
          <span>{t('make.tone')}</span>
          <input value={value.tone} maxLength={100} placeholder={t('make.tonePlaceholder')} onChange={(e) => onChange({ ...value, tone: e.target.value })} />
        </label>
        <label>
          <span>{t('make.scenes')}</span>
          <select value={value.scenes ?? ''} onChange={(e) => onChange({ ...value, scenes: e.target.value ? Number(e.target.value) : null })}>
            <option value="">{t('make.scenesAuto')}</option>
            {SCENE_COUNTS.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('make.voice')}</span>
          <select value={value.voiceId} onChange={(e) => onChange({ ...value, voiceId: e.target.value })}>
            <option value="">{t('make.voiceAuto')}</option>
            {engines.map((g) => (
              <optgroup key={g.engine} label={t(`voice.engine.${g.engine}` as StringKey)}>
                {g.list.map((v) => (
                  <option key={v.id} value={v.id}>{`${v.name} (${v.language})`}</option>
                ))}
              </optgroup>
            ))}
          </select>
        </label>
      </div>
    </details>
  );
}

/** The folder of the user's own pictures: typed, or chosen with the desktop's dialog. */
export function OwnFolder(props: { value: string; onChange(value: string): void }) {
  const t = useT();
  const choose = async () => {
    try {
      const picked = await invoke('os.pickPath', { kind: 'pick-folder', title: t('make.ownFolder') });
      if (picked.native && picked.path) props.onChange(picked.path);
    } catch {
      // No dialog: the folder is typed.
    }
  };
  return (
    <div className="make-own">
      <label>
        <span>{t('make.ownFolder')}</span>
        <input value={props.value} maxLength={4096} placeholder={t('make.ownFolderPlaceholder')} onChange={(e) => props.onChange(e.target.value)} />
      </label>
      {window.whatif && (
        <button type="button" onClick={() => void choose()}>
          {t('make.ownFolderChoose')}
        </button>
      )}
      <p className="muted small">{t('make.ownFolderHint')}</p>
    </div>
  );
}
