import { useCallback, useEffect, useMemo, useState, type CSSProperties } from 'react';
import { NarrationOrderNote } from './NarrationOrderNote.js';
import type { AspectPreset } from '../../../../src-main/project/document.js';
import { useT } from '../../i18n/use-t.js';
import { invoke } from '../../ipc/client.js';
import { errorText, useAppStore } from '../../state/app-store.js';
import { dispatch, documentStore, useDocument, useOpenProjectDocument, localizeEditMessage } from '../../state/document/index.js';
import { useJobsStore } from '../jobs/jobs-store.js';
import { AnimateDialog } from './AnimateDialog.js';
import { SceneCard, SCENE_DRAG_TYPE } from './SceneCard.js';
import { animatedScenesKey, followNarration, generateAllPlan, planLine, releaseWaiting, reorderScenes, sceneWarnings, splitByReference } from './scene-layout.js';
import { useStoryboardStore, type Estimate } from './storyboard-store.js';
import { TemplatePicker } from './TemplatePicker.js';
import './storyboard.css';

/** Scene cards, templates, aspect, generate one or all with cost estimate, own images, reorder. */
export function StoryboardPanel() {
  const t = useT();
  useOpenProjectDocument(documentStore);
  const projectId = useDocument((s) => s.projectId);
  const scenes = useDocument((s) => s.doc?.scenes);
  const preset = useDocument((s) => s.doc?.output.preset);
  const hasCues = useDocument((s) => (s.doc?.tracks.captions.cues.length ?? 0) > 0);
  const saveStatus = useDocument((s) => s.saveStatus);
  const loadError = useDocument((s) => s.loadError);
  const currentProjectId = useAppStore((s) => s.currentProjectId);
  const [error, setError] = useState<string | null>(null);
  const [estimate, setEstimate] = useState<Estimate | null>(null);
  const [busy, setBusy] = useState(false);
  const [replace, setReplace] = useState(false);
  const plan = useMemo(() => generateAllPlan(scenes ?? [], replace), [scenes, replace]);
  const planKey = plan.generate.join(',');
  const models = useStoryboardStore((s) => s.models);
  const style = useDocument((s) => s.doc?.style);
  const warnings = useMemo(() => (scenes && style ? sceneWarnings({ scenes, style, output: { preset: preset ?? '9:16' } }, models) : []), [scenes, style, models, preset]);
  const [animating, setAnimating] = useState<{ scene: { id: string; n: number } | null } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // "sceneId:seconds|…" for scenes shown by a video clip (a string, so the selector is stable).
  const animatedKey = useDocument((s) => (s.doc ? animatedScenesKey(s.doc) : ''));
  const animated = useMemo(() => new Map(animatedKey ? animatedKey.split('|').map((e) => [e.split(':')[0]!, Number(e.split(':')[1])] as const) : []), [animatedKey]);
  const hasImages = useDocument((s) => Boolean(s.doc?.scenes.some((x) => x.imageAssetId)));
  const onAnimate = useCallback((sceneId: string, n: number) => setAnimating({ scene: { id: sceneId, n } }), []);

  useEffect(() => {
    useStoryboardStore.getState().loadModels().catch((e: unknown) => setError(errorText(e)));
  }, []);
  const sceneKey = scenes?.map((s) => `${s.id}:${s.model}:${s.prompt}:${s.imageAssetId}`).join('|') ?? '';
  useEffect(() => {
    if (!projectId || !sceneKey || saveStatus !== 'saved') return;
    let alive = true;
    if (!planKey) return setEstimate(null);
    invoke('scenes.estimate', { projectId, sceneIds: planKey.split(',') }).then(
      (e) => alive && setEstimate(e),
      () => alive && setEstimate(null),
    );
    return () => {
      alive = false;
    };
  }, [projectId, sceneKey, saveStatus, planKey]);

  const generate = useCallback(async (sceneIds?: string[]) => {
    const id = documentStore.getState().projectId;
    if (!id) return;
    setBusy(true);
    setError(null);
    try {
      await documentStore.getState().saveNow();
      const doc = documentStore.getState().doc;
      const { now, later } = splitByReference(doc?.scenes ?? [], sceneIds ?? doc?.scenes.map((s) => s.id) ?? []);
      useStoryboardStore.getState().wait(later);
      if (now.length) {
        const result = await invoke('scenes.generate', { projectId: id, sceneIds: now });
        useStoryboardStore.getState().remember(result.jobs, now);
      }
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }, []);
  // Scenes waiting for their reference scene's image: generate them once it has one; if the
  // reference's job fails, they stop waiting and the user is told which scenes were held back.
  const waiting = useStoryboardStore((s) => s.waiting);
  const jobBySceneId = useStoryboardStore((s) => s.jobBySceneId);
  const failedRefs = useJobsStore((s) => {
    const ids = Object.entries(jobBySceneId).filter(([, jobId]) => s.jobs?.some((j) => j.id === jobId && (j.state === 'error' || j.state === 'cancelled')));
    return ids.map(([sceneId]) => sceneId).join(',');
  });
  useEffect(() => {
    if (!waiting.length || !scenes || !failedRefs) return;
    const released = releaseWaiting(waiting, scenes, new Set(failedRefs.split(',')));
    if (!released.length) return;
    useStoryboardStore.getState().unwait(released);
    const order = new Map(scenes.map((s, i) => [s.id, i + 1]));
    const refs = [...new Set(released.map((id) => scenes.find((s) => s.id === id)?.referenceSceneId).filter((id): id is string => !!id))];
    setError(t('storyboard.referenceFailed', { scene: refs.map((id) => order.get(id)).join(', '), scenes: released.map((id) => order.get(id)).join(', ') }));
  }, [waiting, scenes, failedRefs, t]);
  useEffect(() => {
    if (!waiting.length || !scenes) return;
    const ready = waiting.filter((id) => {
      const ref = scenes.find((s) => s.id === id)?.referenceSceneId;
      return !ref || !!scenes.find((s) => s.id === ref)?.imageAssetId || !scenes.some((s) => s.id === ref);
    });
    if (ready.length) {
      useStoryboardStore.getState().unwait(ready);
      void generate(ready);
    }
  }, [waiting, scenes, generate]);
  const onGenerate = useCallback((sceneId: string) => void generate([sceneId]), [generate]);
  const onMove = useCallback((sceneId: string, toIndex: number) => {
    const doc = documentStore.getState().doc;
    const action = doc && reorderScenes(doc, sceneId, toIndex);
    if (action) setError(dispatch(action));
  }, []);
  const onUseAsReference = useCallback((sceneId: string) => {
    const doc = documentStore.getState().doc;
    if (!doc) return;
    const actions = doc.scenes.filter((s) => s.id !== sceneId).map((s) => ({ type: 'updateScene' as const, id: s.id, patch: { referenceSceneId: sceneId } }));
    setError(dispatch({ type: 'batch', actions, label: 'Character reference' }));
  }, []);

  if (!currentProjectId) {
    return (
      <section className="panel" aria-labelledby="storyboard-heading">
        <header className="panel-header">
          <h1 id="storyboard-heading">{t('nav.storyboard')}</h1>
        </header>
        <div className="empty">
          <p>{t('storyboard.noProject')}</p>
          <button type="button" className="primary" onClick={() => useAppStore.getState().navigate('projects')}>
            {t('storyboard.goProjects')}
          </button>
        </div>
      </section>
    );
  }

  const indexOf = new Map((scenes ?? []).map((s, i) => [s.id, i + 1]));
  return (
    <section className="panel storyboard" aria-labelledby="storyboard-heading">
      <header className="panel-header">
        <h1 id="storyboard-heading">{t('nav.storyboard')}</h1>
        <div className="actions">
          <label className="inline-field">
            <span>{t('storyboard.aspect')}</span>
            <select value={preset ?? '9:16'} onChange={(e) => setError(dispatch({ type: 'setOutput', patch: { preset: e.target.value as AspectPreset } }))}>
              <option value="9:16">9:16</option>
              <option value="16:9">16:9</option>
              <option value="1:1">1:1</option>
            </select>
          </label>
          <button
            type="button"
            disabled={!hasCues || !scenes?.length}
            title={hasCues ? undefined : t('storyboard.followNeedsNarration')}
            onClick={() => {
              const doc = documentStore.getState().doc;
              const narrated = useJobsStore.getState().jobs?.find((j) => j.kind === 'narration.synthesize' && j.projectId === projectId && j.state === 'done');
              const suggested = (narrated?.result as { sceneDurations?: { duration: number }[] } | null)?.sceneDurations?.map((d) => d.duration);
              const action = doc && followNarration(doc, suggested);
              if (action) setError(dispatch(action));
            }}
          >
            {t('storyboard.followNarration')}
          </button>
          <label className="inline-field">
            <input type="checkbox" checked={replace} onChange={(e) => setReplace(e.target.checked)} />
            <span>{t('storyboard.replaceImages')}</span>
          </label>
          <button type="button" className="primary" disabled={busy || plan.generate.length === 0} onClick={() => void generate(plan.generate)}>
            {t('storyboard.generateAll')}
          </button>
          <button type="button" disabled={!hasImages} onClick={() => setAnimating({ scene: null })}>
            {t('animate.all')}
          </button>
        </div>
      </header>
      {animating && projectId && <AnimateDialog projectId={projectId} scene={animating.scene} onClose={() => setAnimating(null)} onStarted={setNotice} />}
      {notice && (
        <p className="muted" role="status">
          {notice}
        </p>
      )}
      <p className="estimate muted" aria-live="polite">
        {scenes?.length
          ? planLine(plan, estimate)
              .map((part) => t(part.key, part.values))
              .join(' ')
          : '\u00a0'}
      </p>
      {warnings.length > 0 && (
        <ul className="warnings">
          {warnings.slice(0, 2).map((w) => (
            <li key={`${w.scene}-${w.kind}`}>
              {t(w.kind === 'noNegative' ? 'storyboard.warnNoNegative' : w.kind === 'framed' ? 'storyboard.warnFramed' : 'storyboard.warnNoReference', { scene: w.scene, model: w.model, madeAt: w.madeAt ?? '', aspect: preset ?? '9:16' })}
            </li>
          ))}
          {warnings.length > 2 && <li>{t('storyboard.moreWarnings', { count: warnings.length - 2 })}</li>}
        </ul>
      )}
      <NarrationOrderNote />
      {(error || loadError) && (
        <p className="inline-error" role="alert">
          {error ? localizeEditMessage(error, useAppStore.getState().language) : loadError}
        </p>
      )}
      {projectId && <TemplatePicker projectId={projectId} sceneCount={scenes?.length ?? 0} onError={setError} />}
      {!scenes ? (
        <p className="muted">{t('app.loading')}</p>
      ) : scenes.length === 0 ? (
        <p className="empty">{t('storyboard.empty')}</p>
      ) : (
        <ol
          className="scene-list"
          aria-label={t('storyboard.scenes')}
          style={{ '--thumb-aspect': (preset ?? '9:16').replace(':', ' / ') } as CSSProperties}
          onDragOver={(e) => {
            if (e.dataTransfer.types.includes(SCENE_DRAG_TYPE)) e.preventDefault();
          }}
        >
          {scenes.map((scene, index) => (
            <SceneCard
              key={scene.id}
              scene={scene}
              index={index}
              count={scenes.length}
              projectId={projectId!}
              referenceLabel={scene.referenceSceneId && indexOf.has(scene.referenceSceneId) ? String(indexOf.get(scene.referenceSceneId)) : null}
              onGenerate={onGenerate}
              onMove={onMove}
              onUseAsReference={onUseAsReference}
              onAnimate={onAnimate}
              animatedSeconds={animated.get(scene.id) ?? null}
            />
          ))}
        </ol>
      )}
      <button
        type="button"
        className="add-scene"
        disabled={!scenes}
        onClick={() => {
          const doc = documentStore.getState().doc;
          if (!doc) return;
          const last = doc.scenes[doc.scenes.length - 1];
          setError(
            dispatch({
              type: 'addScene',
              scene: { id: crypto.randomUUID(), prompt: '', negativePrompt: doc.style.negativePrompt, model: last?.model ?? 'flux-kontext-pro', imageAssetId: null, duration: last?.duration ?? 4 },
            }),
          );
        }}
      >
        {t('storyboard.addScene')}
      </button>
    </section>
  );
}
