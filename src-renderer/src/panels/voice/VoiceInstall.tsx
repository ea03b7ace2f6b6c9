import { useState } from 'react';
import type { StringKey } from '../../i18n/strings.js';
import { jobLine } from '../jobs/job-list.js';
import { useLanguage, useT } from '../../i18n/use-t.js';
import type { CallOutput } from '../../../../src-main/ipc/contract/index.js';
import { invoke } from '../../ipc/client.js';
import { formatBytes } from '../export/eta.js';
import { errorText } from '../../state/app-store.js';
import { upsertJob, useJobsStore } from '../jobs/jobs-store.js';
import { useVoicesStore } from './voices-store.js';

type CatalogVoice = CallOutput<'voices.catalog'>['voices'][number];

/** Install a Piper voice: pick it from the voice hub's catalogue (a download job with progress) or add a local .onnx. */
export function VoiceInstall() {
  const t = useT();
  const language = useLanguage();
  const [name, setName] = useState('');
  const [catalog, setCatalog] = useState<CatalogVoice[] | null>(null);
  const [loadingCatalog, setLoadingCatalog] = useState(false);
  const [langFilter, setLangFilter] = useState<string>(language);
  const installed = useVoicesStore((s) => s.voices);
  const [file, setFile] = useState('');
  const [jobId, setJobId] = useState<string | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const job = useJobsStore((s) => (jobId ? s.jobs?.find((j) => j.id === jobId) : undefined));
  const downloading = job?.state === 'queued' || job?.state === 'running';

  async function download() {
    setMessage(null);
    try {
      const { job: started } = await invoke('voices.download', { name: name.trim() });
      upsertJob(started);
      setJobId(started.id);
    } catch (e) {
      setMessage({ ok: false, text: errorText(e) });
    }
  }
  async function loadCatalog() {
    setMessage(null);
    setLoadingCatalog(true);
    try {
      setCatalog((await invoke('voices.catalog', {})).voices);
    } catch (e) {
      setMessage({ ok: false, text: errorText(e) });
    } finally {
      setLoadingCatalog(false);
    }
  }
  async function add() {
    setMessage(null);
    try {
      const { voice } = await invoke('voices.add', { file: file.trim() });
      setMessage({ ok: true, text: t('voice.added', { name: voice.name }) });
      setFile('');
      await useVoicesStore.getState().refresh();
    } catch (e) {
      setMessage({ ok: false, text: errorText(e) });
    }
  }

  const jobText = job ? jobLine(job, t(`jobs.state.${job.state}` as StringKey), language) : '\u00a0';
  return (
    <div className="voice-install">
      {catalog === null ? (
        <button type="button" onClick={() => void loadCatalog()} disabled={loadingCatalog}>
          {loadingCatalog ? t('app.loading') : t('voice.browseCatalog')}
        </button>
      ) : (
        <form
          className="key-form voice-catalog"
          onSubmit={(e) => {
            e.preventDefault();
            if (name) void download();
          }}
        >
          <label className="inline-field">
            <span>{t('voice.catalogLanguage')}</span>
            <select value={langFilter} onChange={(e) => (setLangFilter(e.target.value), setName(''))}>
              <option value="es">{t('voice.lang.es')}</option>
              <option value="en">{t('voice.lang.en')}</option>
              <option value="">{t('voice.lang.all')}</option>
            </select>
          </label>
          <label className="inline-field">
            <span>{t('voice.catalogVoice')}</span>
            <select value={name} onChange={(e) => setName(e.target.value)}>
              <option value="">{t('voice.catalogPick')}</option>
              {catalog
                .filter((v) => !langFilter || v.language.toLowerCase().startsWith(langFilter))
                .map((v) => (
                  <option key={v.name} value={v.name} disabled={installed?.some((i) => i.id === `piper:${v.name}`)}>
                    {t('voice.catalogEntry', { language: v.language.replace('_', '-'), speaker: v.speaker, quality: t(`voice.quality.${v.quality}` as StringKey), size: formatBytes(v.sizeBytes, language) })}
                  </option>
                ))}
            </select>
          </label>
          <button type="submit" disabled={downloading || !name}>
            {t('voice.download')}
          </button>
        </form>
      )}
      <div className="progress" role="progressbar" aria-label={t('voice.downloadProgress')} aria-valuemin={0} aria-valuemax={100} aria-valuenow={job ? Math.round(job.state === 'done' ? 100 : job.progress) : 0}>
        <div className="progress-fill" style={{ width: `${job ? (job.state === 'done' ? 100 : job.progress) : 0}%` }} />
      </div>
      <p className={job?.state === 'error' ? 'key-result error-text' : 'key-result muted'}>{jobText}</p>
      <form
        className="key-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (file.trim()) void add();
        }}
      >
        <input value={file} placeholder="/path/to/voice.onnx" aria-label={t('voice.addFile')} onChange={(e) => setFile(e.target.value)} />
        <button type="submit" disabled={!file.trim()}>
          {t('voice.add')}
        </button>
      </form>
      <p className={message ? (message.ok ? 'key-result ok' : 'key-result error-text') : 'key-result'} role="status">
        {message?.text ?? '\u00a0'}
      </p>
    </div>
  );
}
