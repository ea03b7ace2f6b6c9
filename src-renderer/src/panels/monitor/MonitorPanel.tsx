import { useEffect, useState } from 'react';
import { JOB_STATES } from '../../../../src-main/ipc/contract/jobs.js';
import type { MonitorSnapshot } from '../../../../src-main/ipc/contract/monitor.js';
import type { StringKey } from '../../i18n/strings.js';
import { errorWords } from '../../i18n/messages.js';
import { useLanguage, useT } from '../../i18n/use-t.js';
import { invoke } from '../../ipc/client.js';
import { errorText } from '../../state/app-store.js';
import { formatBytes, usePercent } from './format.js';
import './monitor.css';

const POLL_MS = 2000;

/** Queue counts by state, provider rate-limit use, recent errors and disk used, refreshed every 2 s. */
export function MonitorPanel() {
  const t = useT();
  const language = useLanguage();
  const [snapshot, setSnapshot] = useState<MonitorSnapshot | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let alive = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = async () => {
      try {
        const next = await invoke('monitor.snapshot', {});
        if (alive) {
          setSnapshot(next);
          setError(null);
        }
      } catch (e) {
        if (alive) setError(errorText(e));
      }
      if (alive) timer = setTimeout(() => void load(), POLL_MS);
    };
    void load();
    return () => {
      alive = false;
      clearTimeout(timer);
    };
  }, []);

  return (
    <section className="panel" aria-labelledby="monitor-heading">
      <header className="panel-header">
        <h1 id="monitor-heading">{t('nav.monitor')}</h1>
        {snapshot && <span className="muted">{t('monitor.updated', { time: new Date(snapshot.at).toLocaleTimeString(language) })}</span>}
      </header>
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
      {!snapshot ? (
        !error && <p className="muted">{t('app.loading')}</p>
      ) : (
        <div className="monitor-grid">
          <section className="card wide" aria-labelledby="monitor-queue">
            <h2 id="monitor-queue">{t('monitor.queue')}</h2>
            <dl className="stat-row">
              {JOB_STATES.map((state) => (
                <div key={state} className={`stat state-${state}`}>
                  <dt>{t(`jobs.state.${state}` as StringKey)}</dt>
                  <dd>{snapshot.queue[state]}</dd>
                </div>
              ))}
            </dl>
          </section>
          <section className="card" aria-labelledby="monitor-rate">
            <h2 id="monitor-rate">{t('monitor.rate')}</h2>
            {snapshot.rateLimits.map((bucket) => (
              <div key={bucket.name} className="rate-row">
                <span>{t(`monitor.bucket.${bucket.name}` as StringKey)}</span>
                <div
                  className="progress"
                  role="meter"
                  aria-label={t(`monitor.bucket.${bucket.name}` as StringKey)}
                  aria-valuemin={0}
                  aria-valuemax={bucket.limit}
                  aria-valuenow={bucket.used}
                >
                  <div className="progress-fill" style={{ width: `${usePercent(bucket.used, bucket.limit)}%` }} />
                </div>
                <span className="muted">
                  {t('monitor.ofLimit', { used: bucket.used, limit: bucket.limit, seconds: bucket.windowMs / 1000 })}
                </span>
              </div>
            ))}
          </section>
          <section className="card" aria-labelledby="monitor-disk">
            <h2 id="monitor-disk">{t('monitor.disk')}</h2>
            <dl className="disk-list">
              <dt>{t('monitor.diskProjects', { count: snapshot.disk.projectCount })}</dt>
              <dd>{formatBytes(snapshot.disk.projectsBytes)}</dd>
              <dt>{t('monitor.diskVoices')}</dt>
              <dd>{formatBytes(snapshot.disk.voicesBytes)}</dd>
              <dt>{t('monitor.diskCache')}</dt>
              <dd>{formatBytes(snapshot.disk.cacheBytes)}</dd>
            </dl>
          </section>
          <section className="card wide" aria-labelledby="monitor-errors">
            <h2 id="monitor-errors">{t('monitor.errors')}</h2>
            {snapshot.recentErrors.length === 0 ? (
              <p className="muted">{t('monitor.noErrors')}</p>
            ) : (
              <ul className="error-list" aria-label={t('monitor.errors')}>
                {snapshot.recentErrors.map((e) => (
                  <li key={e.jobId}>
                    <span className="muted">{new Date(e.at).toLocaleString(language)}</span> <strong>{e.title}</strong>
                    <div className="error-text">
                      {errorWords(language, e.error)}
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      )}
    </section>
  );
}
