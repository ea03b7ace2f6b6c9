import './make.css';
import { NumberInput } from '../../app/NumberInput.js';
import { useState } from 'react';
import { useT } from '../../i18n/use-t.js';
import { invoke } from '../../ipc/client.js';
import { errorText, useAppStore } from '../../state/app-store.js';
import { documentStore } from '../../state/document/index.js';

async function rewrite(projectId: string, part: 'sentence' | 'prompt', index: number, instruction: string): Promise<string> {
  await documentStore.getState().saveNow();
  const { text } = await invoke('script.rewrite', { projectId, part, index, ...(instruction.trim() ? { instruction: instruction.trim() } : {}) });
  // One undo step of its own: undo brings the old text back (a plain refresh would carry it into the history).
  await documentStore.getState().refresh({ undoable: true });
  return text;
}

/** "Rewrite" beside a scene's prompt: the script writer writes that prompt again. */
export function RewritePrompt({ projectId, n }: { projectId: string; n: number }) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      className="rewrite-button"
      disabled={busy}
      aria-label={t('make.rewritePromptN', { n })}
      onClick={() => {
        setBusy(true);
        rewrite(projectId, 'prompt', n, '')
          .then((text) => useAppStore.getState().toast('success', t('make.rewritten', { text: text.slice(0, 80) })))
          .catch((e: unknown) => useAppStore.getState().toast('error', errorText(e)))
          .finally(() => setBusy(false));
      }}
    >
      {t('make.rewrite')}
    </button>
  );
}

/** Under the script: rewrite sentence N (optionally saying how). */
export function RewriteSentence({ projectId, sentences }: { projectId: string; sentences: number }) {
  const t = useT();
  const [n, setN] = useState(1);
  const [how, setHow] = useState('');
  const [busy, setBusy] = useState(false);
  if (sentences < 1) return null;
  return (
    <div className="rewrite-sentence">
      <label>
        <span>{t('make.rewriteSentenceN')}</span>
        <NumberInput label={t('make.rewriteSentenceN')} value={Math.min(n, sentences)} min={1} max={sentences} integer onCommit={setN} />
      </label>
      <label>
        <span>{t('make.rewriteHow')}</span>
        <input value={how} maxLength={300} onChange={(e) => setHow(e.target.value)} />
      </label>
      <button
        type="button"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          rewrite(projectId, 'sentence', n, how)
            .then((text) => useAppStore.getState().toast('success', t('make.rewritten', { text: text.slice(0, 80) })))
            .catch((e: unknown) => useAppStore.getState().toast('error', errorText(e)))
            .finally(() => setBusy(false));
        }}
      >
        {t('make.rewriteSentence')}
      </button>
    </div>
  );
}
