import { memo, useState, type DragEvent } from 'react';
import type { Scene } from '../../../../src-main/project/document.js';
import type { StringKey } from '../../i18n/strings.js';
import { jobLine } from '../jobs/job-list.js';
import { useLanguage, useT } from '../../i18n/use-t.js';
import { invoke, mediaUrl } from '../../ipc/client.js';
import { dispatch, documentStore, localizeEditMessage } from '../../state/document/index.js';
import { errorText } from '../../state/app-store.js';
import { fileToBase64, imageFileProblem } from './image-file.js';
import { NumberInput } from '../../app/NumberInput.js';
import { RewritePrompt } from '../make/Rewrite.js';
import { setSceneDuration } from './scene-layout.js';
import { useSceneJob, useStoryboardStore, type ImageModel } from './storyboard-store.js';

export const SCENE_DRAG_TYPE = 'application/x-whatif-scene';

interface Props {
  scene: Scene;
  index: number;
  projectId: string;
  referenceLabel: string | null;
  onGenerate(sceneId: string): void;
  onMove(sceneId: string, toIndex: number): void;
  onUseAsReference(sceneId: string): void;
  onAnimate(sceneId: string, n: number): void;
  /** Length of the video clip that shows this scene on the timeline, when it is animated. */
  animatedSeconds: number | null;
  count: number;
}

/** One scene: thumbnail (drop or pick an image), prompt, negative prompt, model, duration, generate. */
export const SceneCard = memo(function SceneCard({ scene, index, projectId, referenceLabel, onGenerate, onMove, onUseAsReference, onAnimate, animatedSeconds, count }: Props) {
  const t = useT();
  const language = useLanguage();
  const models = useStoryboardStore((s) => s.models);
  const model: ImageModel | undefined = models.find((m) => m.id === scene.model);
  const job = useSceneJob(projectId, scene.id);
  const waiting = useStoryboardStore((s) => s.waiting.includes(scene.id));
  const [problem, setProblem] = useState<string | null>(null);
  const [over, setOver] = useState(false);
  const n = index + 1;
  const busy = job?.state === 'queued' || job?.state === 'running';

  const update = (patch: Partial<Omit<Scene, 'id'>>, key: string) => {
    const error = dispatch({ type: 'updateScene', id: scene.id, patch }, { coalesceKey: `${key}:${scene.id}` });
    setProblem(error);
  };

  async function importFile(file: File) {
    const why = imageFileProblem(file);
    if (why) {
      setProblem(t(`storyboard.file.${why}` as StringKey, { name: file.name }));
      return;
    }
    setProblem(null);
    try {
      await documentStore.getState().saveNow();
      await invoke('images.importData', { projectId, sceneId: scene.id, name: file.name, dataBase64: await fileToBase64(file) });
      await documentStore.getState().refresh();
    } catch (error) {
      setProblem(errorText(error));
    }
  }

  const onDrop = (e: DragEvent) => {
    if (e.dataTransfer.files.length === 0) return;
    e.preventDefault();
    e.stopPropagation();
    setOver(false);
    void importFile(e.dataTransfer.files[0]!);
  };

  return (
    <li
      className="scene-card card"
      aria-label={t('storyboard.sceneN', { n })}
      draggable
      onDragStart={(e) => {
        e.dataTransfer.setData(SCENE_DRAG_TYPE, scene.id);
        e.dataTransfer.effectAllowed = 'move';
      }}
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes(SCENE_DRAG_TYPE)) e.preventDefault();
      }}
      onDrop={(e) => {
        const id = e.dataTransfer.getData(SCENE_DRAG_TYPE);
        if (id && id !== scene.id) {
          e.preventDefault();
          onMove(id, index);
        }
      }}
    >
      <div className="scene-head">
        <span className="drag-grip" aria-hidden="true">⠿</span>
        <strong>{t('storyboard.sceneN', { n })}</strong>
        <div className="actions">
          <button type="button" disabled={index === 0} onClick={() => onMove(scene.id, index - 1)} aria-label={t('storyboard.moveUp', { n })}>
            ↑
          </button>
          <button type="button" disabled={index === count - 1} onClick={() => onMove(scene.id, index + 1)} aria-label={t('storyboard.moveDown', { n })}>
            ↓
          </button>
          <button type="button" className="danger-quiet" onClick={() => setProblem(dispatch({ type: 'removeScene', id: scene.id }))} aria-label={t('storyboard.remove', { n })}>
            ✕
          </button>
        </div>
      </div>
      <div className="scene-body">
        <div
          className={over ? 'thumb drop-over' : 'thumb'}
          onDragOver={(e) => {
            if (e.dataTransfer.types.includes('Files')) {
              e.preventDefault();
              setOver(true);
            }
          }}
          onDragLeave={() => setOver(false)}
          onDrop={onDrop}
        >
          {scene.imageAssetId ? (
            <img src={mediaUrl(projectId, scene.imageAssetId)} alt={t('storyboard.imageOf', { n })} draggable={false} />
          ) : (
            <span className="muted">{t('storyboard.dropHere')}</span>
          )}
          {animatedSeconds !== null && <span className="animated-badge">{t('animate.animated', { seconds: Math.round(animatedSeconds * 10) / 10 })}</span>}
        </div>
        <div className="scene-fields">
          <label className="field">
            <span>{t('storyboard.prompt')}</span>
            <textarea rows={3} value={scene.prompt} aria-label={t('storyboard.promptOf', { n })} onChange={(e) => update({ prompt: e.target.value }, 'prompt')} />
          </label>
          <RewritePrompt projectId={projectId} n={n} />
          <label className="field">
            <span>
              {t('storyboard.negative')}
              {model && !model.negativePrompt && <em className="note"> · {t('storyboard.noNegative', { model: model.label })}</em>}
            </span>
            <textarea rows={2} value={scene.negativePrompt} aria-label={t('storyboard.negativeOf', { n })} onChange={(e) => update({ negativePrompt: e.target.value }, 'negative')} />
          </label>
          <div className="scene-row">
            <label className="field">
              <span>{t('storyboard.model')}</span>
              <select value={scene.model} aria-label={t('storyboard.modelOf', { n })} onChange={(e) => update({ model: e.target.value }, 'model')}>
                {!model && <option value={scene.model}>{scene.model}</option>}
                {models.map((m) => (
                  <option key={m.id} value={m.id}>
                    {t('storyboard.modelOption', { label: m.label, credits: m.creditsPerImage })}
                  </option>
                ))}
              </select>
            </label>
            <label className="field duration">
              <span>{t('storyboard.duration')}</span>
              <NumberInput
                value={Math.round(scene.duration * 100) / 100}
                min={0.5}
                max={60}
                step={0.1}
                label={t('storyboard.durationOf', { n })}
                rangeMessage={t('storyboard.badDuration')}
                onCommit={(value) => {
                  const doc = documentStore.getState().doc;
                  if (doc) setProblem(dispatch(setSceneDuration(doc, scene.id, value), { coalesceKey: `duration:${scene.id}` }));
                }}
              />
            </label>
          </div>
          {referenceLabel && <p className="muted small">{t('storyboard.usesReference', { scene: referenceLabel })}{model && !model.reference && ` · ${t('storyboard.noReference')}`}</p>}
          <div className="actions">
            <button type="button" className="primary" disabled={busy || !scene.prompt.trim()} onClick={() => onGenerate(scene.id)} aria-label={t('storyboard.generateN', { n })}>
              {t('storyboard.generate')}
            </button>
            <label className="button-like">
              {t('storyboard.pick')}
              <input
                type="file"
                className="visually-hidden"
                accept="image/png,image/jpeg,image/webp"
                aria-label={t('storyboard.pickFor', { n })}
                onChange={(e) => {
                  const file = e.target.files?.[0];
                  e.target.value = '';
                  if (file) void importFile(file);
                }}
              />
            </label>
            <button type="button" disabled={busy || !scene.imageAssetId} onClick={() => onAnimate(scene.id, n)} aria-label={t('animate.buttonN', { n })}>
              {t('animate.button')}
            </button>
            <button type="button" disabled={!scene.imageAssetId} onClick={() => onUseAsReference(scene.id)} aria-label={t('storyboard.useAsReferenceN', { n })}>
              {t('storyboard.useAsReference')}
            </button>
          </div>
        </div>
      </div>
      <div className="scene-status">
        <div className="progress" role="progressbar" aria-label={t('storyboard.progressOf', { n })} aria-valuemin={0} aria-valuemax={100} aria-valuenow={job ? Math.round(job.state === 'done' ? 100 : job.progress) : 0}>
          <div className="progress-fill" style={{ width: `${job ? (job.state === 'done' ? 100 : job.progress) : 0}%` }} />
        </div>
        <p className={problem || job?.state === 'error' ? 'scene-message error-text' : 'scene-message muted'} role="status">
          {(problem && localizeEditMessage(problem, language)) ?? (waiting ? t('storyboard.waitingReference', { scene: referenceLabel ?? '' }) : job ? jobLine(job, t(`jobs.state.${job.state}` as StringKey), language) : '\u00a0')}
        </p>
      </div>
    </li>
  );
});
