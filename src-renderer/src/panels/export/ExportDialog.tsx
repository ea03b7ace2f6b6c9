/**
 * "Export to MP4": preset, fps, quality and destination (defaults from the project), then the export
 * job's progress with an ETA, cancel, and when done "Show in folder" and "Open". Everything goes
 * through the contract (export.start, job.changed, jobs.cancel, os.showInFolder, os.pickPath).
 */
import { useEffect, useRef, useState } from 'react';
import type { Job } from '../../../../src-main/ipc/contract/index.js';
import { ASPECT_PRESETS, FPS_CHOICES, type AspectPreset, type Quality } from '../../../../src-main/project/document.js';
import { errorWords, jobMessage } from '../../i18n/messages.js';
import { useLanguage, useT } from '../../i18n/use-t.js';
import { CallError, invoke, mediaUrl, on } from '../../ipc/client.js';
import { errorText } from '../../state/app-store.js';
import { localizeExportMessage } from './export-messages.js';
import { documentStore, useDocument } from '../../state/document/index.js';
import { addSample, estimateExportBytes, etaSeconds, formatBytes, formatEta, type ProgressSample } from './eta.js';
import { projectDuration } from '../../../../src-main/project/document.js';
import type { ExportJobResult } from '../../../../src-main/ipc/contract/export.js';


export function ExportDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const language = useLanguage();
  const output = useDocument((s) => s.doc?.output);
  const length = useDocument((s) => (s.doc ? projectDuration(s.doc) : 0));
  const projectId = useDocument((s) => s.projectId);
  const [preset, setPreset] = useState<AspectPreset>(output?.preset ?? '9:16');
  const [fps, setFps] = useState<24 | 25 | 30 | 60>(output?.fps ?? 30);
  const [quality, setQuality] = useState<Quality>(output?.quality ?? 'standard');
  const [destination, setDestination] = useState('');
  const [job, setJob] = useState<Job | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [folderNote, setFolderNote] = useState<string | null>(null);
  const samples = useRef<ProgressSample[]>([]);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const el = dialog.current;
    // Not modal: the export runs in the background, the editor stays usable, and the dialog can be
    // closed while it runs (the job goes on in Jobs). Focus moves into it and back where it was.
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (el && !el.open) el.show();
    el?.querySelector<HTMLElement>('select, input, button')?.focus();
    return () => before?.focus();
  }, []);

  useEffect(() => {
    if (!job) return;
    const apply = (changed: Job) => {
      samples.current = addSample(samples.current, { at: Date.now(), percent: changed.progress });
      setJob((current) => (current && current.id === changed.id && changed.updatedAt < current.updatedAt ? current : changed));
    };
    const off = on('job.changed', (changed) => changed.id === job.id && apply(changed));
    // A short export can finish before the subscription: read the job once too.
    invoke('jobs.get', { id: job.id }).then(apply, () => undefined);
    return off;
  }, [job?.id]);

  const running = job && (job.state === 'queued' || job.state === 'running');
  const result = job?.state === 'done' ? (job.result as ExportJobResult | null) : null;
  const view = !job || job.state === 'error' || job.state === 'cancelled' ? 'form' : running ? 'progress' : 'done';
  useEffect(() => {
    // The form, the progress and the result replace each other: keep the keyboard in the dialog, on
    // the dialog itself so no Enter cancels the export by accident (unless the user has gone back to
    // the editor meanwhile: the dialog does not block it).
    const el = dialog.current;
    const active = document.activeElement;
    if (el && view !== 'form' && (active === document.body || active === null || el.contains(active))) el.focus();
  }, [view]);
  const eta = running ? etaSeconds(samples.current) : null;

  const start = async () => {
    if (!projectId) return;
    setError(null);
    setFolderNote(null);
    try {
      await documentStore.getState().saveNow();
      const started = await invoke('export.start', { projectId, preset, fps, quality, ...(destination.trim() ? { destination: destination.trim() } : {}) });
      samples.current = [{ at: Date.now(), percent: started.job.progress }];
      setJob(started.job);
    } catch (e) {
      setError(errorText(e));
    }
  };

  const pick = async () => {
    try {
      const picked = await invoke('os.pickPath', { kind: 'save-file', title: t('exp.destination'), filters: [{ name: 'MP4', extensions: ['mp4'] }] });
      if (picked.path) setDestination(picked.path);
      else if (!picked.native) setFolderNote(t('exp.typePath'));
    } catch (e) {
      setError(errorText(e));
    }
  };

  const cancel = async () => {
    if (!job) return;
    try {
      setJob(await invoke('jobs.cancel', { id: job.id }));
    } catch (e) {
      setError(errorText(e));
    }
  };

  const showInFolder = async () => {
    if (!result) return;
    try {
      const shown = await invoke('os.showInFolder', { path: result.file });
      if (!shown.shown) setFolderNote(t('exp.fileAt', { path: shown.path }));
    } catch (e) {
      setError(e instanceof CallError ? e.message : errorText(e));
    }
  };

  const renderPath = result && projectId ? renderMediaPath(result.file) : null;

  return (
    <dialog
      ref={dialog}
      className="export-dialog"
      tabIndex={-1}
      aria-labelledby="export-title"
      onCancel={() => onClose()}
      // A dialog opened with show() gets no Escape from the browser: close it as a modal one would.
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.stopPropagation();
        onClose();
      }}
    >
      <h2 id="export-title">{t('exp.heading')}</h2>
      {!job || job.state === 'error' || job.state === 'cancelled' ? (
        <form
          className="export-form"
          onSubmit={(e) => {
            e.preventDefault();
            void start();
          }}
        >
          <label className="field">
            <span>{t('exp.preset')}</span>
            <select value={preset} onChange={(e) => setPreset(e.target.value as AspectPreset)}>
              {(Object.keys(ASPECT_PRESETS) as AspectPreset[]).map((p) => (
                <option key={p} value={p}>
                  {p} ({ASPECT_PRESETS[p].width}×{ASPECT_PRESETS[p].height})
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('exp.fps')}</span>
            <select value={fps} onChange={(e) => setFps(Number(e.target.value) as 24 | 25 | 30 | 60)}>
              {FPS_CHOICES.map((f) => (
                <option key={f} value={f}>
                  {f}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('exp.quality')}</span>
            <select value={quality} onChange={(e) => setQuality(e.target.value as Quality)}>
              {(['draft', 'standard', 'high'] as const).map((q) => (
                <option key={q} value={q}>
                  {t(`exp.q.${q}`)}
                </option>
              ))}
            </select>
          </label>
          <div className="field">
            <label htmlFor="export-dest">{t('exp.destination')}</label>
            <div className="field-row">
              <input id="export-dest" value={destination} placeholder={t('exp.destinationDefault')} onChange={(e) => setDestination(e.target.value)} />
              <button type="button" onClick={() => void pick()}>
                {t('exp.choose')}
              </button>
            </div>
          </div>
          <p className="muted" id="export-size">
            {t('exp.size', { size: formatBytes(estimateExportBytes(ASPECT_PRESETS[preset].width, ASPECT_PRESETS[preset].height, fps, quality, length), language) })}
          </p>
          {job?.state === 'error' && <p role="alert" className="field-error">{job.error?.key ? errorWords(language, job.error) : localizeExportMessage(job.error?.message ?? jobMessage(language, job), language)}</p>}
          {job?.state === 'cancelled' && <p role="status">{t('exp.cancelled')}</p>}
          <div className="actions">
            <button type="submit" className="primary">
              {t('exp.start')}
            </button>
            <button type="button" onClick={onClose}>
              {t('exp.close')}
            </button>
          </div>
        </form>
      ) : running ? (
        <div className="export-progress">
          <progress max={100} value={job.progress} aria-label={t('exp.progress')} />
          <p role="status">
            {Math.round(job.progress)}% {eta !== null ? `· ${t('exp.eta', { eta: formatEta(eta) })}` : ''} {job.message ? `· ${jobMessage(language, job).replace(/ · (?:ETA|quedan) \S+$/, '')}` : ''}
          </p>
          <div className="actions">
            <button type="button" className="danger-quiet" onClick={() => void cancel()}>
              {t('exp.cancel')}
            </button>
            <button type="button" onClick={onClose}>
              {t('exp.background')}
            </button>
          </div>
        </div>
      ) : (
        <div className="export-done">
          <p role="status">{t('exp.doneAt', { path: result?.file ?? '' })}</p>
          {result?.warnings && result.warnings.length > 0 && (
            <div className="export-warnings" role="note">
              <p>{t('exp.warnings')}</p>
              <ul>
                {result.warnings.map((w) => (
                  <li key={`${w.track}-${w.clip}`}>
                    {t('exp.warn.audioPastEnd', {
                      track: w.track === 'narration' || w.track === 'music' || w.track === 'effects' ? t(`tl.track.${w.track}`) : w.track,
                      clip: w.clip,
                      file: w.file,
                      missing: w.missingSeconds.toFixed(1),
                      length: w.fileSeconds.toFixed(1),
                    })}
                  </li>
                ))}
              </ul>
            </div>
          )}
          <div className="actions">
            <button type="button" onClick={() => void showInFolder()}>
              {t('exp.showInFolder')}
            </button>
            {renderPath && projectId && (
              <a className="button" href={mediaUrl(projectId, renderPath)} target="_blank" rel="noreferrer">
                {t('exp.open')}
              </a>
            )}
            <button type="button" onClick={onClose}>
              {t('exp.close')}
            </button>
          </div>
        </div>
      )}
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
      {folderNote && <p className="muted">{folderNote}</p>}
    </dialog>
  );
}

/** renders/<file> when the MP4 is in the project's renders folder (what the media route serves). */
function renderMediaPath(file: string): string | null {
  const m = /[\\/]renders[\\/]([^\\/]+\.mp4)$/i.exec(file);
  return m ? `renders/${m[1]}` : null;
}
