import './make.css';
import { useState } from 'react';
import { useT } from '../../i18n/use-t.js';
import { invoke } from '../../ipc/client.js';
import { errorWords, jobMessage, storedWords } from '../../i18n/messages.js';
import { errorText, useAppStore } from '../../state/app-store.js';
import { upsertJob, useLatestJob } from '../jobs/jobs-store.js';
import { formatCost, lengthOff, MAKE_KIND, makeResult } from './make-format.js';

/** A strip over the open project's panels while (and after) it is made from an idea: progress, the MP4, cost, offline parts. */
export function MakeStatus() {
  const t = useT();
  const projectId = useAppStore((s) => s.currentProjectId);
  const job = useLatestJob((j) => j.kind === MAKE_KIND && j.projectId === projectId);
  const [note, setNote] = useState<string | null>(null);
  const language = useAppStore((s) => s.language);
  if (!projectId || !job) return null;
  const result = makeResult(job);

  const go = async () => {
    try {
      upsertJob((await invoke('make.continue', { projectId })).job);
    } catch (e) {
      useAppStore.getState().toast('error', errorText(e));
    }
  };
  const show = async (file: string) => {
    try {
      const shown = await invoke('os.showInFolder', { path: file });
      if (!shown.shown) setNote(t('make.shownAt', { path: file }));
    } catch (e) {
      setNote(errorText(e));
    }
  };

  return (
    <section className="card make-status" role="status" aria-label={t('make.heading')}>
      {(job.state === 'queued' || job.state === 'running') && (
        <>
          <p>{t('make.statusRunning', { message: jobMessage(language, job) })}</p>
          <progress max={100} value={job.progress} aria-label={t('make.heading')} />
        </>
      )}
      {job.state === 'error' && <p className="inline-error">{t('make.statusError', { message: job.error ? errorWords(language, job.error) : jobMessage(language, job) })}</p>}
      {result?.stoppedAfter === 'storyboard' && (
        <p>
          {t('make.statusStopped')}{' '}
          <button type="button" className="primary" onClick={() => void go()}>
            {t('make.continue')}
          </button>
        </p>
      )}
      {result?.file && (
        <p>
          {t('make.statusDone', { file: result.file, seconds: (result.durationSeconds ?? 0).toFixed(1) })}{' '}
          <button type="button" onClick={() => void show(result.file!)}>
            {t('make.showInFolder')}
          </button>
        </p>
      )}
      {result?.file && lengthOff(result) && (
        <p className="muted">{t(lengthOff(result) === 'longer' ? 'make.lengthLonger' : 'make.lengthShorter', { seconds: (result.durationSeconds ?? 0).toFixed(1), target: result.target })}</p>
      )}
      {result?.music && <p className="muted">{t('make.music', { name: result.music })}</p>}
      {result?.script && (
        <p className="muted">
          {t('make.cost', { writer: result.script.writer, tokens: result.script.cost.promptTokens + result.script.cost.completionTokens, cost: formatCost(result.script.cost.usd) })}
          {result.offline.length > 0 && ` ${t('make.offline', { parts: result.offline.map((part) => storedWords(language, part)).join(', ') })}`}
        </p>
      )}
      {result?.images && result.images.warnings.length > 0 && (
        <ul className="make-warnings" aria-label={t('make.imageWarnings')}>
          {result.images.warnings.map((warning, i) => (
            <li key={i}>{storedWords(language, warning)}</li>
          ))}
        </ul>
      )}
      {result?.script?.description && (
        <label>
          <span>{t('make.description')}</span>
          <textarea readOnly rows={2} value={result.script.description} />
        </label>
      )}
      {note && <p className="muted">{note}</p>}
    </section>
  );
}
