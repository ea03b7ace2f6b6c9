import type { ScriptWriterSettings, Settings } from '../../../../src-main/ipc/contract/settings.js';
import { NumberInput } from '../../app/NumberInput.js';
import { useT } from '../../i18n/use-t.js';

type Patch = Partial<ScriptWriterSettings>;

/** Who writes scripts from an idea: an OpenAI-compatible endpoint, Ollama on this computer, or the offline templates; prices and the cap. */
export function ScriptWriterSection({ settings, change }: { settings: Settings; change(patch: Partial<Settings>): Promise<void> }) {
  const t = useT();
  const sw = settings.scriptWriter;
  const set = (patch: Patch) => void change({ scriptWriter: { ...sw, ...patch } });
  const text = (key: keyof ScriptWriterSettings, label: string, placeholder = '') => (
    <label>
      <span>{label}</span>
      <input
        key={`${key}:${String(sw[key])}`}
        defaultValue={String(sw[key])}
        placeholder={placeholder}
        maxLength={500}
        onBlur={(e) => {
          if (e.target.value.trim() !== sw[key]) set({ [key]: e.target.value.trim() } as Patch);
        }}
      />
    </label>
  );
  const number = (key: 'inputPricePerMillion' | 'outputPricePerMillion' | 'costCapUsd', label: string, max: number) => (
    <label>
      <span>{label}</span>
      <NumberInput label={label} value={sw[key]} min={0} max={max} step={0.01} onCommit={(value) => set({ [key]: value } as Patch)} />
    </label>
  );
  return (
    <section className="card settings-section" aria-labelledby="writer-heading">
      <h2 id="writer-heading">{t('settings.writer')}</h2>
      <p className="muted">{t('settings.writerBody')}</p>
      <div className="field-grid">
        <label>
          <span>{t('settings.writerProvider')}</span>
          <select value={sw.provider} onChange={(e) => set({ provider: e.target.value as ScriptWriterSettings['provider'] })}>
            <option value="auto">{t('settings.writerAuto')}</option>
            <option value="openai">{t('settings.writerOpenai')}</option>
            <option value="ollama">{t('settings.writerOllama')}</option>
            <option value="offline">{t('settings.writerOffline')}</option>
          </select>
        </label>
        {text('baseUrl', t('settings.writerBaseUrl'), 'https://api.openai.com')}
        {text('model', t('settings.writerModel'), 'gpt-4o-mini')}
        <label>
          <span>{t('settings.writerJson')}</span>
          <select value={sw.jsonMode} onChange={(e) => set({ jsonMode: e.target.value as ScriptWriterSettings['jsonMode'] })}>
            <option value="schema">{t('settings.writerJsonSchema')}</option>
            <option value="object">{t('settings.writerJsonObject')}</option>
            <option value="none">{t('settings.writerJsonNone')}</option>
          </select>
        </label>
        {text('ollamaUrl', t('settings.writerOllamaUrl'), 'http://127.0.0.1:11434')}
        {text('ollamaModel', t('settings.writerOllamaModel'), 'llama3.2')}
        {number('inputPricePerMillion', t('settings.writerPriceIn'), 1000)}
        {number('outputPricePerMillion', t('settings.writerPriceOut'), 1000)}
        {number('costCapUsd', t('settings.writerCap'), 100)}
      </div>
    </section>
  );
}
