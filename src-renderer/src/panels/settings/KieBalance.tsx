import { useEffect, useState } from 'react';
import { useT } from '../../i18n/use-t.js';
import { invoke } from '../../ipc/client.js';
import { errorWords } from '../../i18n/messages.js';
import { errorText, useAppStore } from '../../state/app-store.js';

/** The KIE credit balance (account.credits), read when Settings opens, when the key changes, and on demand. */
export function KieBalance({ keyVersion }: { keyVersion: number }) {
  const t = useT();
  const language = useAppStore((s) => s.language);
  const [state, setState] = useState<{ credits: number | null; message: string | null; key?: string | undefined; values?: Record<string, string | number> | undefined } | null>(null);
  const [busy, setBusy] = useState(false);
  const read = () => {
    setBusy(true);
    invoke('account.credits', {})
      .then(setState, (e: unknown) => setState({ credits: null, message: errorText(e) }))
      .finally(() => setBusy(false));
  };
  useEffect(read, [keyVersion]);
  return (
    <p className="kie-balance" role="status" aria-label={t('settings.kieBalance')}>
      <strong>{t('settings.kieBalance')}:</strong>{' '}
      {!state ? '…' : state.credits !== null ? t('settings.kieBalanceValue', { credits: state.credits }) : <span className="muted">{state.message ? errorWords(language, { ...state, message: state.message }) : ''}</span>}{' '}
      <button type="button" disabled={busy} onClick={read}>
        {t('settings.kieBalanceRefresh')}
      </button>
    </p>
  );
}
