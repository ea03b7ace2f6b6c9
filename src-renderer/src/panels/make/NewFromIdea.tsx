import './make.css';
import { NumberInput } from '../../app/NumberInput.js';
import { useEffect, useState, type FormEvent } from 'react';
import type { CallOutput } from '../../../../src-main/ipc/contract/index.js';
import { useT } from '../../i18n/use-t.js';
import { invoke } from '../../ipc/client.js';
import { errorText, useAppStore } from '../../state/app-store.js';
import { upsertJob } from '../jobs/jobs-store.js';
import { formatCost, ideasOf } from './make-format.js';
import { defaultMoreOptions, MakeMoreOptions, OwnFolder, type MoreOptions } from './MakeMoreOptions.js';

type Estimate = CallOutput<'make.estimate'>;
type Images = 'auto' | 'kie' | 'own' | 'none';

/** "New from an idea": the idea (or one per line for a batch), language, length, images, more options (tone, scenes, voice), an estimate before paying. */
export function NewFromIdea(props: { onDone(): void }) {
  const t = useT();
  const uiLanguage = useAppStore((s) => s.language);
  const [text, setText] = useState('');
  const [language, setLanguage] = useState<'es' | 'en'>(uiLanguage);
  const [seconds, setSeconds] = useState(45);
  const [images, setImages] = useState<Images>('auto');
  const [ownDir, setOwnDir] = useState('');
  const [more, setMore] = useState<MoreOptions>(defaultMoreOptions);
  const [stop, setStop] = useState(false);
  const [estimate, setEstimate] = useState<Estimate | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ideas = ideasOf(text);
  const validSeconds = Number.isInteger(seconds) && seconds >= 10 && seconds <= 180;
  const ready = ideas.length > 0 && validSeconds && (images !== 'own' || ownDir.trim().length > 0);

  const idea = ideas[0] ?? '';
  useEffect(() => {
    if (idea.length < 3 || !validSeconds) {
      setEstimate(null);
      return;
    }
    let alive = true;
    const timer = setTimeout(() => {
      invoke('make.estimate', { idea, language, seconds, scenes: more.scenes }).then(
        (e) => alive && setEstimate(e),
        () => alive && setEstimate(null),
      );
    }, 300);
    return () => {
      alive = false;
      clearTimeout(timer);
    };
  }, [idea, language, seconds, more.scenes, validSeconds]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!ready || busy) return;
    setBusy(true);
    setError(null);
    const app = useAppStore.getState();
    const options = {
      language,
      seconds,
      images,
      scenes: more.scenes,
      ...(images === 'own' ? { ownImagesDir: ownDir.trim() } : {}),
      ...(more.tone.trim() ? { tone: more.tone.trim() } : {}),
      ...(more.voiceId ? { voiceId: more.voiceId } : {}),
      ...(stop ? { stopAfterStoryboard: true } : {}),
    };
    try {
      if (ideas.length === 1) {
        const { projectId, job } = await invoke('make.start', { idea: ideas[0]!, ...options });
        upsertJob(job);
        app.toast('info', t('make.started', { idea: ideas[0]! }));
        await app.refreshProjects();
        app.openProject(projectId);
      } else {
        const { items } = await invoke('make.batch', { ideas, ...options });
        items.forEach((item) => upsertJob(item.job));
        app.toast('info', t('make.batchStarted', { count: items.length }));
        await app.refreshProjects();
      }
      props.onDone();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card new-from-idea" onSubmit={(e) => void submit(e)} aria-labelledby="make-heading">
      <h2 id="make-heading">{t('make.heading')}</h2>
      <p className="muted">{t('make.body')}</p>
      <label>
        <span>{t('make.ideas')}</span>
        <textarea autoFocus rows={3} value={text} maxLength={20_000} placeholder={t('make.ideasPlaceholder')} onChange={(e) => setText(e.target.value)} />
      </label>
      <div className="make-options">
        <label>
          <span>{t('make.language')}</span>
          <select value={language} onChange={(e) => setLanguage(e.target.value as 'es' | 'en')}>
            <option value="es">Español</option>
            <option value="en">English</option>
          </select>
        </label>
        <label>
          <span>{t('make.seconds')}</span>
          <NumberInput label={t('make.seconds')} value={seconds} min={10} max={180} step={5} integer onCommit={setSeconds} />
        </label>
        <label>
          <span>{t('make.images')}</span>
          <select value={images} onChange={(e) => setImages(e.target.value as Images)}>
            <option value="auto">{t('make.imagesAuto')}</option>
            <option value="kie">{t('make.imagesKie')}</option>
            <option value="own">{t('make.imagesOwn')}</option>
            <option value="none">{t('make.imagesNone')}</option>
          </select>
        </label>
      </div>
      {images === 'own' && <OwnFolder value={ownDir} onChange={setOwnDir} />}
      <MakeMoreOptions language={language} value={more} onChange={setMore} />
      <label className="checkbox">
        <input type="checkbox" checked={stop} onChange={(e) => setStop(e.target.checked)} />
        <span>{t('make.stopAfterStoryboard')}</span>
      </label>
      {estimate && (
        <p className={estimate.withinCap ? 'muted' : 'warning'} role="status">
          {estimate.offline
            ? t('make.estimateOffline')
            : `${t('make.estimate', { writer: estimate.writer, tokens: estimate.estimate.promptTokens + estimate.estimate.completionTokens, cost: formatCost(estimate.estimate.usd), cap: formatCost(estimate.capUsd) })}${estimate.withinCap ? '' : ` ${t('make.estimateOverCap', { cap: formatCost(estimate.capUsd) })}`}`}
        </p>
      )}
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={!ready || busy || (estimate !== null && !estimate.withinCap)}>
          {ideas.length > 1 ? t('make.startBatch', { count: ideas.length }) : t('make.start')}
        </button>
        <button type="button" onClick={props.onDone}>
          {t('make.cancel')}
        </button>
      </div>
    </form>
  );
}
