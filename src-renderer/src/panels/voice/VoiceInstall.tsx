import { useState } from 'react';
import type { StringKey } from '../../i18n/strings.js';
import { jobLine } from '../jobs/job-list.js';
import { useT } from '../../i18n/use-t.js';
import { invoke } from '../../ipc/client.js';
import { errorText } from '../../state/app-store.js';
import { upsertJob, useJobsStore } from '../jobs/jobs-store.js';
import { useVoicesStore } from './voices-store.js';

/** Install a Piper voice: download by name from the voice hub (a job with progress) or add a local .onnx. */
export function VoiceInstall() {
  const t = useT();
  const [name, setName] = useState('');
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

  const jobText = job ? jobLine(job, t(`jobs.state.${job.state}` as StringKey)) : '\u00a0';
  return (
    <div className="voice-install">
      <form
        className="key-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim()) void download();
        }}
      >
        <input value={name} placeholder="es_ES-davefx-medium" aria-label={t('voice.downloadName')} onChange={(e) => setName(e.target.value)} />
        <button type="submit" disabled={downloading || !name.trim()}>
          {t('voice.download')}
        </button>
      </form>
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
