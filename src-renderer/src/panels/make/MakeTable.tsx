import './make.css';
import { useMemo } from 'react';
import type { StringKey } from '../../i18n/strings.js';
import { errorWords, jobMessage } from '../../i18n/messages.js';
import { useT } from '../../i18n/use-t.js';
import { useAppStore } from '../../state/app-store.js';
import { useJobsStore } from '../jobs/jobs-store.js';
import { ideaOf, MAKE_KIND, makeResult } from './make-format.js';

/** Every short made from an idea (a batch included): its state and its file, or what went wrong. */
export function MakeTable() {
  const t = useT();
  const language = useAppStore((s) => s.language);
  const all = useJobsStore((s) => s.jobs);
  const jobs = useMemo(() => all?.filter((j) => j.kind === MAKE_KIND), [all]);
  if (!jobs || jobs.length === 0) return null;
  return (
    <table className="make-table" aria-label={t('make.table')}>
      <caption>{t('make.table')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('make.colIdea')}</th>
          <th scope="col">{t('make.colState')}</th>
          <th scope="col">{t('make.colResult')}</th>
        </tr>
      </thead>
      <tbody>
        {jobs.map((job) => {
          const result = makeResult(job);
          return (
            <tr key={job.id}>
              <td>{ideaOf(job)}</td>
              <td>{job.state === 'running' ? `${Math.round(job.progress)}%` : t(`jobs.state.${job.state}` as StringKey)}</td>
              <td>{result?.file ?? (job.state === 'error' && job.error ? errorWords(language, job.error) : jobMessage(language, job))}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
