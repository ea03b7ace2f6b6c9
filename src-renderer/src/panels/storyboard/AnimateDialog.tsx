/**
 * "Animate" (one scene) and "Animate all": video model, length, resolution where offered, the motion
 * prompt, the last frame where the model takes two. The cost, the cap and the KIE balance are shown
 * before anything starts (scenes.animateEstimate); over the cap the button stays off. Starting queues
 * one job per scene (scenes.animate); each card shows its progress.
 */
import { useEffect, useRef, useState } from 'react';
import type { CallOutput } from '../../../../src-main/ipc/contract/index.js';
import { useT } from '../../i18n/use-t.js';
import { invoke } from '../../ipc/client.js';
import { errorWords } from '../../i18n/messages.js';
import { errorText, useAppStore } from '../../state/app-store.js';
import { documentStore, useDocument } from '../../state/document/index.js';
import { useStoryboardStore } from './storyboard-store.js';

type VideoModel = CallOutput<'animation.models'>['models'][number];
type Estimate = CallOutput<'scenes.animateEstimate'>;

let modelsCache: Promise<CallOutput<'animation.models'>> | null = null;
const loadModels = () => (modelsCache ??= invoke('animation.models', {}).catch((e: unknown) => ((modelsCache = null), Promise.reject(e))));

const cheapest = (m: VideoModel) => Math.min(...Object.values(m.credits));

interface Props {
  projectId: string;
  /** One scene (its id and number), or null for every scene that has an image. */
  scene: { id: string; n: number } | null;
  onClose(): void;
  onStarted(message: string): void;
}

export function AnimateDialog({ projectId, scene, onClose, onStarted }: Props) {
  const t = useT();
  const dialog = useRef<HTMLDialogElement>(null);
  const [models, setModels] = useState<VideoModel[]>([]);
  const [modelId, setModelId] = useState('');
  const [duration, setDuration] = useState(5);
  const [resolution, setResolution] = useState<string | null>(null);
  const [prompt, setPrompt] = useState('');
  const [lastFrame, setLastFrame] = useState(false);
  const [estimate, setEstimate] = useState<Estimate | null>(null);
  /** The input the shown estimate is for: a newer choice keeps the old figures up but holds the button. */
  const [estimatedKey, setEstimatedKey] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const hasNegative = useDocument((s) => Boolean(s.doc?.style.negativePrompt.trim() || s.doc?.scenes.some((x) => x.negativePrompt.trim())));
  const model = models.find((m) => m.id === modelId);

  useEffect(() => {
    const el = dialog.current;
    if (el && !el.open) el.showModal();
    loadModels().then(({ models: list }) => {
      setModels(list);
      const first = list[0];
      if (first) choose(first);
    }, (e: unknown) => setError(errorText(e)));
  }, []);

  function choose(next: VideoModel) {
    setModelId(next.id);
    setDuration((d) => (next.durations.includes(d) ? d : next.durations[0]!));
    setResolution(next.resolutions[0] ?? null);
    if (!next.lastFrame) setLastFrame(false);
  }

  const input = model ? { projectId, ...(scene ? { sceneIds: [scene.id] } : {}), model: model.id, duration, resolution, prompt, lastFrame } : null;
  const inputKey = JSON.stringify(input);
  useEffect(() => {
    if (!input) return;
    let alive = true;
    const timer = setTimeout(() => {
      invoke('scenes.animateEstimate', input).then(
        (e) => alive && (setEstimate(e), setEstimatedKey(inputKey), setError(null)),
        (e: unknown) => alive && setError(errorText(e)),
      );
    }, 150);
    return () => {
      alive = false;
      clearTimeout(timer);
    };
  }, [inputKey]);

  async function start() {
    if (!input) return;
    setBusy(true);
    setError(null);
    try {
      await documentStore.getState().saveNow();
      const result = await invoke('scenes.animate', input);
      useStoryboardStore.getState().remember(result.jobs, result.sceneIds);
      onStarted(t('animate.started', { count: result.jobs.length }));
      onClose();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  const offered = (d: number, r: string | null) => Boolean(model && Object.hasOwn(model.credits, model.resolutions.length ? `${d}@${r}` : `${d}`));
  const title = scene ? t('animate.titleOne', { n: scene.n }) : t('animate.titleAll');
  return (
    <dialog ref={dialog} className="export-dialog animate-dialog" aria-label={title} onClose={onClose}>
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          void start();
        }}
      >
        <h2>{title}</h2>
        <div className="animate-grid">
          <label className="field">
            <span>{t('animate.model')}</span>
            <select value={modelId} onChange={(e) => choose(models.find((m) => m.id === e.target.value)!)}>
              {models.map((m) => (
                <option key={m.id} value={m.id}>
                  {t('animate.modelOption', { label: m.label, credits: cheapest(m) })}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('animate.duration')}</span>
            <select value={duration} onChange={(e) => setDuration(Number(e.target.value))}>
              {(model?.durations ?? []).map((d) => (
                <option key={d} value={d} disabled={!offered(d, resolution)}>
                  {t('animate.seconds', { n: d })}
                </option>
              ))}
            </select>
          </label>
          {model && model.resolutions.length > 0 && (
            <label className="field">
              <span>{t('animate.resolution')}</span>
              <select value={resolution ?? ''} onChange={(e) => setResolution(e.target.value)}>
                {model.resolutions.map((r) => (
                  <option key={r} value={r} disabled={!offered(duration, r)}>
                    {r}
                  </option>
                ))}
              </select>
            </label>
          )}
        </div>
        <label className="field">
          <span>{scene ? t('animate.motion') : t('animate.motionAll')}</span>
          <textarea rows={3} value={prompt} placeholder={t('animate.motionPlaceholder')} onChange={(e) => setPrompt(e.target.value)} />
        </label>
        {model?.lastFrame ? (
          <label className="check">
            <input type="checkbox" checked={lastFrame} onChange={(e) => setLastFrame(e.target.checked)} /> {t('animate.lastFrame')}
          </label>
        ) : (
          model && <p className="muted small">{t('animate.lastFrameNo', { model: model.label })}</p>
        )}
        {model && !model.negativePrompt && hasNegative && <p className="note small">{t('animate.noNegative', { model: model.label })}</p>}
        <div className="animate-cost" aria-live="polite">
          {!estimate ? (
            <p className="muted">{error ? '\u00a0' : t('animate.loading')}</p>
          ) : (
            <>
              <p>{t('animate.estimate', { clips: estimate.clips, each: estimate.creditsPerClip, total: estimate.totalCredits, cap: estimate.cap, date: estimate.tableDate })}</p>
              {!estimate.withinCap && <p className="error-text">{t('animate.overCap')}</p>}
              <p className={estimate.balance !== null && estimate.balance < estimate.totalCredits ? 'note' : 'muted'}>
                {estimate.balance === null
                  ? t('animate.balanceUnknown', { reason: estimate.balanceMessage ? errorWords(useAppStore.getState().language, { message: estimate.balanceMessage, key: estimate.balanceKey, values: estimate.balanceValues }) : '' })
                  : estimate.balance < estimate.totalCredits
                    ? t('animate.balanceLow', { credits: estimate.balance })
                    : t('animate.balance', { credits: estimate.balance })}
              </p>
              {estimate.skipped.length > 0 && <p className="muted small">{t('animate.skipped', { scenes: estimate.skipped.map((s) => s.replace(/^scene /, '')).join(', ') })}</p>}
            </>
          )}
          <p className="muted small">{t('animate.replaces')}</p>
        </div>
        {error && (
          <p className="inline-error" role="alert">
            {error}
          </p>
        )}
        <div className="actions">
          <button type="button" onClick={onClose}>
            {t('animate.cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy || !estimate || estimatedKey !== inputKey || !estimate.withinCap}>
            {scene ? t('animate.start') : t('animate.startAll', { count: estimate?.clips ?? 0 })}
          </button>
        </div>
      </form>
    </dialog>
  );
}
