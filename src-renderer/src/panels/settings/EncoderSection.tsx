/**
 * Settings → Export speed: which H.264 encoder exports use (a working hardware one, or always the
 * software one), what this machine has (each hardware encoder ffmpeg lists, tried once with a
 * one-second encode), and a button to try again after a driver update.
 */
import { useEffect, useState } from 'react';
import type { Settings } from '../../../../src-main/ipc/contract/settings.js';
import { useT } from '../../i18n/use-t.js';
import type { CallOutput } from '../../../../src-main/ipc/contract/index.js';
import { invoke } from '../../ipc/client.js';
import { errorText } from '../../state/app-store.js';

type Report = CallOutput<'export.encoders'>;

export function EncoderSection({ settings, change }: { settings: Settings; change: (patch: Partial<Settings>) => Promise<void> }) {
  const t = useT();
  const [report, setReport] = useState<Report | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const load = (fresh: boolean) => {
    setBusy(true);
    setError(null);
    invoke('export.encoders', fresh ? { fresh } : {})
      .then(setReport, (e: unknown) => setError(errorText(e)))
      .finally(() => setBusy(false));
  };
  useEffect(() => load(false), [settings.videoEncoder]);
  return (
    <section className="card settings-section" aria-labelledby="encoder-heading">
      <h2 id="encoder-heading">{t('settings.encoder')}</h2>
      <p className="muted">{t('settings.encoderBody')}</p>
      <div className="field-grid">
        <label>
          <span>{t('settings.encoderChoice')}</span>
          <select value={settings.videoEncoder} onChange={(e) => void change({ videoEncoder: e.target.value as Settings['videoEncoder'] })}>
            <option value="auto">{t('settings.encoderAuto')}</option>
            <option value="software">{t('settings.encoderSoftware')}</option>
          </select>
        </label>
      </div>
      <p aria-live="polite">{busy ? t('settings.encoderChecking') : report ? t('settings.encoderInUse', { name: report.inUse }) : ''}</p>
      {report && (
        <ul className="encoder-list">
          {report.tried.length === 0 && <li className="muted">{t('settings.encoderNone')}</li>}
          {report.tried.map((e) => (
            <li key={e.id}>
              {e.label}: {e.ok ? t('settings.encoderWorks') : t('settings.encoderFails', { why: e.error ?? '' })}
            </li>
          ))}
        </ul>
      )}
      <button type="button" disabled={busy} onClick={() => load(true)}>
        {t('settings.encoderRecheck')}
      </button>
      {error && <p role="alert" className="field-error">{error}</p>}
    </section>
  );
}
