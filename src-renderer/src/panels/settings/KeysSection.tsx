import { useEffect, useState } from 'react';
import type { SecretName } from '../../../../src-main/ipc/contract/settings.js';
import type { CallOutput } from '../../../../src-main/ipc/contract/index.js';
import type { StringKey } from '../../i18n/strings.js';
import { useT } from '../../i18n/use-t.js';
import { invoke } from '../../ipc/client.js';
import { errorText, useAppStore } from '../../state/app-store.js';
import { errorWords } from '../../i18n/messages.js';

type Status = CallOutput<'secrets.status'>;
const PROVIDERS: { name: SecretName; label: string }[] = [
  { name: 'kie', label: 'KIE' },
  { name: 'elevenlabs', label: 'ElevenLabs' },
  { name: 'llm', label: 'settings.writerKey' },
];

/** API keys: typed once, then shown only as set / not set; a test button tries the stored key. */
export function KeysSection({ onChange }: { onChange?: (status: Status) => void }) {
  const t = useT();
  const [status, setStatus] = useState<Status | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    invoke('secrets.status', {}).then(setStatus, (e: unknown) => setError(errorText(e)));
  }, []);
  const update = (next: Status) => {
    setStatus(next);
    onChange?.(next);
  };

  return (
    <section className="card settings-section" aria-labelledby="keys-heading">
      <h2 id="keys-heading">{t('settings.keys')}</h2>
      <p className="muted">{t('settings.keysBody')}</p>
      {status && !status.protected && (
        <p className="warning" role="note">
          {t('settings.keysUnprotected', { backend: status.backend === 'file (0600) or environment' ? t('settings.backendFile') : status.backend })}
        </p>
      )}
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
      {PROVIDERS.map((p) => (
        <KeyRow key={p.name} name={p.name} label={p.label.startsWith('settings.') ? t(p.label as StringKey) : p.label} isSet={status ? status[p.name] : null} onStatus={update} />
      ))}
    </section>
  );
}

function KeyRow({ name, label, isSet, onStatus }: { name: SecretName; label: string; isSet: boolean | null; onStatus: (s: Status) => void }) {
  const t = useT();
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);

  async function run(work: () => Promise<void>) {
    setBusy(true);
    setResult(null);
    try {
      await work();
    } catch (e) {
      setResult({ ok: false, message: errorText(e) });
    } finally {
      setBusy(false);
    }
  }
  const save = () =>
    run(async () => {
      onStatus(await invoke('secrets.set', { name, value }));
      setValue('');
      setResult({ ok: true, message: t('settings.keySaved') });
    });
  const forget = () => run(async () => onStatus(await invoke('secrets.delete', { name })));
  const test = () =>
    run(async () => {
      const answer = await invoke('secrets.test', { name });
      setResult({ ok: answer.ok, message: errorWords(useAppStore.getState().language, answer) });
    });

  return (
    <div className="key-row">
      <div className="key-head">
        <strong>{label}</strong>
        <span className={isSet ? 'badge-done key-status' : 'key-status muted'} role="note" aria-label={t('settings.keyStatusOf', { name: label })}>
          {isSet === null ? '…' : isSet ? t('settings.keySet') : t('settings.keyNotSet')}
        </span>
      </div>
      <form
        className="key-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (value.trim()) void save();
        }}
      >
        <input
          type="password"
          autoComplete="off"
          value={value}
          aria-label={t('settings.keyInput', { name: label })}
          placeholder={isSet ? t('settings.keyReplace') : t('settings.keyPaste')}
          onChange={(e) => setValue(e.target.value)}
        />
        <button type="submit" disabled={busy || !value.trim()}>
          {t('settings.keySave')}
        </button>
        <button type="button" disabled={busy || !isSet} onClick={() => void test()} aria-label={t('settings.keyTestNamed', { name: label })}>
          {t('settings.keyTest')}
        </button>
        <button type="button" className="danger-quiet" disabled={busy || !isSet} onClick={() => void forget()} aria-label={t('settings.keyForgetNamed', { name: label })}>
          {t('settings.keyForget')}
        </button>
      </form>
      <p className={result ? (result.ok ? 'key-result ok' : 'key-result error-text') : 'key-result'} role="status">
        {result?.message ?? '\u00a0'}
      </p>
    </div>
  );
}
