import { useEffect, useState } from 'react';
import type { Job } from '../../../../src-main/ipc/contract/jobs.js';
import type { StringKey } from '../../i18n/strings.js';
import { errorWords, jobKind, jobMessage, jobTitle } from '../../i18n/messages.js';
import { useT } from '../../i18n/use-t.js';
import { useAppStore } from '../../state/app-store.js';
import { canCancel, canRetry, secondsUntil } from './job-list.js';
import { useJobsStore } from './jobs-store.js';
import './jobs.css';

/** Every job: state, progress, message, error text, cancel and retry. */
export function JobsPanel() {
  const t = useT();
  const jobs = useJobsStore((s) => s.jobs);
  const projects = useAppStore((s) => s.projects);
  const currentProjectId = useAppStore((s) => s.currentProjectId);
  const [onlyCurrent, setOnlyCurrent] = useState(false);
  const shown = (jobs ?? []).filter((job) => !onlyCurrent || job.projectId === currentProjectId);
  const projectName = (id: string | null) => (id ? (projects?.find((p) => p.id === id)?.name ?? '') : '');

  return (
    <section className="panel" aria-labelledby="jobs-heading">
      <header className="panel-header">
        <h1 id="jobs-heading">{t('nav.jobs')}</h1>
        <div className="actions">
          <label className="inline-check">
            <input type="checkbox" checked={onlyCurrent} disabled={!currentProjectId} onChange={(e) => setOnlyCurrent(e.target.checked)} />
            {t('jobs.onlyCurrent')}
          </label>
          <button type="button" onClick={() => void useJobsStore.getState().refresh()}>
            {t('jobs.refresh')}
          </button>
        </div>
      </header>
      {jobs === null ? (
        <p className="muted">{t('app.loading')}</p>
      ) : shown.length === 0 ? (
        <p className="empty">{t('jobs.empty')}</p>
      ) : (
        <ul className="job-list" aria-label={t('jobs.list')}>
          {shown.map((job) => (
            <JobRow key={job.id} job={job} projectName={projectName(job.projectId)} />
          ))}
        </ul>
      )}
    </section>
  );
}

function JobRow({ job, projectName }: { job: Job; projectName: string }) {
  const t = useT();
  const [, tick] = useState(0);
  const wait = secondsUntil(job.nextRunAt, Date.now());
  useEffect(() => {
    if (wait === null) return;
    const timer = setInterval(() => tick((n) => n + 1), 1000);
    return () => clearInterval(timer);
  }, [wait]);
  const { cancel, retry } = useJobsStore.getState();
  const stateLabel = t(`jobs.state.${job.state}` as StringKey);
  const language = useAppStore((s) => s.language);
  const title = jobTitle(language, job);
  return (
    <li className={`job-row state-${job.state}`} aria-label={title}>
      <div className="job-main">
        <div className="job-title">
          <strong>{title}</strong>
          <span className={`job-state badge-${job.state}`}>{stateLabel}</span>
        </div>
        <div className="job-meta muted">
          {jobKind(language, job.kind)}
          {projectName && ` · ${projectName}`}
          {job.attempts > 1 && ` · ${t('jobs.attempt', { n: job.attempts, max: job.maxAttempts })}`}
          {wait !== null && job.state === 'queued' && ` · ${t('jobs.retryIn', { s: wait })}`}
        </div>
        <div
          className="progress"
          role="progressbar"
          aria-label={t('jobs.progressOf', { title })}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.round(job.progress)}
        >
          <div className="progress-fill" style={{ width: `${job.state === 'done' ? 100 : job.progress}%` }} />
        </div>
        <div className="job-message">{job.state === 'error' && job.error ? <span className="error-text">{errorWords(language, job.error)}</span> : (job.state === 'done' ? '' : jobMessage(language, job)) || '\u00a0'}</div>
      </div>
      <div className="job-actions">
        <button type="button" disabled={!canCancel(job.state)} onClick={() => void cancel(job.id)} aria-label={t('jobs.cancelNamed', { title })}>
          {t('jobs.cancel')}
        </button>
        <button type="button" disabled={!canRetry(job.state)} onClick={() => void retry(job.id)} aria-label={t('jobs.retryNamed', { title })}>
          {t('jobs.retry')}
        </button>
      </div>
    </li>
  );
}
