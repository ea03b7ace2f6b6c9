import { useEffect, useState } from 'react';
import { useT } from '../../i18n/use-t.js';
import { invoke } from '../../ipc/client.js';
import { errorText } from '../../state/app-store.js';
import { formatBytes } from '../monitor/format.js';
import { VoiceInstall } from '../voice/VoiceInstall.js';
import { useVoicesStore } from '../voice/voices-store.js';

/** Installed voices (remove a Piper voice) and installing new ones. */
export function VoicesSection() {
  const t = useT();
  const voices = useVoicesStore((s) => s.voices);
  const loadError = useVoicesStore((s) => s.error);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void useVoicesStore.getState().refresh();
  }, []);

  async function remove(voiceId: string) {
    setError(null);
    try {
      await invoke('voices.remove', { voiceId });
      await useVoicesStore.getState().refresh();
    } catch (e) {
      setError(errorText(e));
    }
  }

  return (
    <section className="card settings-section" aria-labelledby="voices-heading">
      <h2 id="voices-heading">{t('settings.voices')}</h2>
      {(error || loadError) && (
        <p className="inline-error" role="alert">
          {error ?? loadError}
        </p>
      )}
      {voices === null ? (
        <p className="muted">{t('app.loading')}</p>
      ) : voices.length === 0 ? (
        <p className="muted">{t('voice.noVoicesInstalled')}</p>
      ) : (
        <ul className="voice-list" aria-label={t('settings.voices')}>
          {voices.map((v) => (
            <li key={v.id}>
              <span>
                <strong>{v.name}</strong> <span className="muted">{v.language} · {v.engine}{v.bytes ? ` · ${formatBytes(v.bytes)}` : ''}</span>
              </span>
              {v.engine === 'piper' && (
                <button type="button" className="danger-quiet" onClick={() => void remove(v.id)} aria-label={t('voice.removeNamed', { name: v.name })}>
                  {t('voice.remove')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <h3 className="subheading">{t('voice.install')}</h3>
      <VoiceInstall />
    </section>
  );
}
