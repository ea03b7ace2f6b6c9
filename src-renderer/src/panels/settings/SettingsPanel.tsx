import { useEffect, useState } from 'react';
import type { Settings } from '../../../../src-main/ipc/contract/settings.js';
import { useT } from '../../i18n/use-t.js';
import { invoke, on } from '../../ipc/client.js';
import { errorText, useAppStore } from '../../state/app-store.js';
import { NumberInput } from '../../app/NumberInput.js';
import { KieBalance } from './KieBalance.js';
import { EncoderSection } from './EncoderSection.js';
import { KeysSection } from './KeysSection.js';
import { ScriptWriterSection } from './ScriptWriterSection.js';
import { VoicesSection } from './VoicesSection.js';
import './settings.css';

/** Keys, voices, defaults for new projects, interface language and theme. */
export function SettingsPanel() {
  const t = useT();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [keyVersion, setKeyVersion] = useState(0);

  useEffect(() => {
    invoke('settings.get', {}).then(setSettings, (e: unknown) => setError(errorText(e)));
    return on('settings.changed', setSettings);
  }, []);

  async function change(patch: Partial<Settings>) {
    setError(null);
    try {
      setSettings(await invoke('settings.set', patch));
      if (patch.uiLanguage) await useAppStore.getState().setLanguage(patch.uiLanguage);
    } catch (e) {
      setError(errorText(e));
    }
  }

  return (
    <section className="panel settings" aria-labelledby="settings-heading">
      <header className="panel-header">
        <h1 id="settings-heading">{t('nav.settings')}</h1>
      </header>
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
      <KeysSection onChange={() => setKeyVersion((v) => v + 1)} />
      <KieBalance keyVersion={keyVersion} />
      {settings && (
        <>
          <section className="card settings-section" aria-labelledby="ui-heading">
            <h2 id="ui-heading">{t('settings.interface')}</h2>
            <div className="field-grid">
              <label>
                <span>{t('settings.uiLanguage')}</span>
                <select value={settings.uiLanguage} onChange={(e) => void change({ uiLanguage: e.target.value as Settings['uiLanguage'] })}>
                  <option value="es">Español</option>
                  <option value="en">English</option>
                </select>
              </label>
              <label>
                <span>{t('settings.theme')}</span>
                <select value={settings.theme} onChange={(e) => void change({ theme: e.target.value as Settings['theme'] })}>
                  <option value="dark">{t('settings.themeDark')}</option>
                  <option value="light">{t('settings.themeLight')}</option>
                  <option value="system">{t('settings.themeSystem')}</option>
                </select>
              </label>
            </div>
          </section>
          <section className="card settings-section" aria-labelledby="defaults-heading">
            <h2 id="defaults-heading">{t('settings.defaults')}</h2>
            <p className="muted">{t('settings.defaultsBody')}</p>
            <div className="field-grid">
              <label>
                <span>{t('settings.aspect')}</span>
                <select value={settings.defaultPreset} onChange={(e) => void change({ defaultPreset: e.target.value as Settings['defaultPreset'] })}>
                  <option value="9:16">9:16 (Shorts, TikTok, Reels)</option>
                  <option value="16:9">16:9 (YouTube)</option>
                  <option value="1:1">1:1</option>
                </select>
              </label>
              <label>
                <span>{t('settings.fps')}</span>
                <select value={settings.defaultFps} onChange={(e) => void change({ defaultFps: Number(e.target.value) as Settings['defaultFps'] })}>
                  {[24, 25, 30, 60].map((fps) => (
                    <option key={fps} value={fps}>
                      {fps}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                <span>{t('settings.language')}</span>
                <select value={settings.defaultLanguage} onChange={(e) => void change({ defaultLanguage: e.target.value as Settings['defaultLanguage'] })}>
                  <option value="es">Español</option>
                  <option value="en">English</option>
                </select>
              </label>
              <label>
                <span>{t('settings.wpm', { wpm: settings.defaultWordsPerMinute })}</span>
                <input
                  type="range"
                  min={120}
                  max={240}
                  step={5}
                  value={settings.defaultWordsPerMinute}
                  onChange={(e) => setSettings({ ...settings, defaultWordsPerMinute: Number(e.target.value) })}
                  onPointerUp={(e) => void change({ defaultWordsPerMinute: Number((e.target as HTMLInputElement).value) })}
                  onKeyUp={(e) => void change({ defaultWordsPerMinute: Number((e.target as HTMLInputElement).value) })}
                />
              </label>
              <label>
                <span>{t('settings.creditCap')}</span>
                <NumberInput label={t('settings.creditCap')} value={settings.creditCap} min={0} step={1} onCommit={(value) => void change({ creditCap: value })} />
              </label>
            </div>
          </section>
          <ScriptWriterSection settings={settings} change={change} />
          <EncoderSection settings={settings} change={change} />
        </>
      )}
      <VoicesSection />
    </section>
  );
}
