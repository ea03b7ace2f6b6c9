import { useEffect, useRef, useState } from 'react';
import type { Job } from '../../../../src-main/ipc/contract/jobs.js';
import type { NarrationSettings } from '../../../../src-main/project/document.js';
import type { StringKey } from '../../i18n/strings.js';
import { RewriteSentence } from '../make/Rewrite.js';
import { jobLine } from '../jobs/job-list.js';
import { useLanguage, useT } from '../../i18n/use-t.js';
import { invoke, mediaUrl } from '../../ipc/client.js';
import { storedWords } from '../../i18n/messages.js';
import { errorText, useAppStore } from '../../state/app-store.js';
import { dispatch, documentStore, useDocument, useOpenProjectDocument, localizeEditMessage } from '../../state/document/index.js';
import { upsertJob, useJobsStore } from '../jobs/jobs-store.js';
import { estimateScript, formatSeconds, previewText } from './estimate.js';
import { VoiceInstall } from './VoiceInstall.js';
import { useVoicesStore, voicesFor } from './voices-store.js';
import './voice.css';

const ENGINES: NarrationSettings['engine'][] = ['piper', 'system', 'elevenlabs'];

function useJob(id: string | null): Job | undefined {
  return useJobsStore((s) => (id ? s.jobs?.find((j) => j.id === id) : undefined));
}

/** Script, language, engine, voice, speed; preview in the page; generate the narration and captions. */
export function VoicePanel() {
  const t = useT();
  const language = useLanguage();
  useOpenProjectDocument(documentStore);
  const currentProjectId = useAppStore((s) => s.currentProjectId);
  const projectId = useDocument((s) => s.projectId);
  const narration = useDocument((s) => s.doc?.narration);
  const narrationClip = useDocument((s) => s.doc?.tracks.media.find((m) => m.role === 'narration')?.clips[0]);
  const cueCount = useDocument((s) => s.doc?.tracks.captions.cues.length ?? 0);
  const voices = useVoicesStore((s) => s.voices);
  const elevenlabs = useVoicesStore((s) => s.elevenlabs);
  const elevenlabsError = useVoicesStore((s) => s.elevenlabsError);
  const [error, setError] = useState<string | null>(null);
  const [previewJobId, setPreviewJobId] = useState<string | null>(null);
  const [synthJobId, setSynthJobId] = useState<string | null>(null);
  const [applyScenes, setApplyScenes] = useState(true);
  const previewJob = useJob(previewJobId);
  // The job started here, else the project's latest narration (after navigating away and back).
  const startedSynth = useJob(synthJobId);
  const latestSynth = useJobsStore((s) => s.jobs?.find((j) => j.kind === 'narration.synthesize' && j.projectId === currentProjectId));
  const synthJob = startedSynth ?? latestSynth;
  const synthResult = synthJob?.state === 'done' ? (synthJob.result as { measuredWpm?: number; warnings?: string[] } | null) : null;
  const audioRef = useRef<HTMLAudioElement>(null);

  useEffect(() => {
    void useVoicesStore.getState().refresh();
    void useVoicesStore.getState().loadElevenlabs();
  }, []);
  const [previewUrl, setPreviewUrl] = useState<string | null>(null);
  const previewDone = previewJob?.state === 'done' ? previewJob.id : null;
  useEffect(() => {
    if (!previewDone) return;
    let url: string | null = null;
    invoke('narration.previewAudio', { jobId: previewDone }).then(
      ({ dataBase64, mime }) => {
        url = URL.createObjectURL(new Blob([Uint8Array.from(atob(dataBase64), (c) => c.charCodeAt(0))], { type: mime }));
        setPreviewUrl(url);
      },
      (e: unknown) => setError(errorText(e)),
    );
    return () => {
      if (url) URL.revokeObjectURL(url);
    };
  }, [previewDone]);
  useEffect(() => {
    if (previewUrl && audioRef.current) void audioRef.current.play().catch(() => {});
  }, [previewUrl]);

  if (!currentProjectId) {
    return (
      <section className="panel" aria-labelledby="voice-heading">
        <header className="panel-header">
          <h1 id="voice-heading">{t('nav.voice')}</h1>
        </header>
        <div className="empty">
          <p>{t('voice.noProject')}</p>
          <button type="button" className="primary" onClick={() => useAppStore.getState().navigate('projects')}>
            {t('storyboard.goProjects')}
          </button>
        </div>
      </section>
    );
  }
  if (!narration || !projectId) {
    return (
      <section className="panel" aria-labelledby="voice-heading">
        <h1 id="voice-heading">{t('nav.voice')}</h1>
        <p className="muted">{t('app.loading')}</p>
      </section>
    );
  }

  const set = (patch: Partial<NarrationSettings>, key?: string) => setError(dispatch({ type: 'setNarrationSettings', patch }, key ? { coalesceKey: key } : undefined));
  const options = voicesFor(narration.engine, narration.language, voices ?? [], elevenlabs);
  const estimate = estimateScript(narration.script, narration.language, narration.wordsPerMinute, narration.sentenceSilence);
  const voiceMissing = !narration.voiceId || !options.some((v) => v.id === narration.voiceId);
  const synthBusy = synthJob?.state === 'queued' || synthJob?.state === 'running';
  const previewBusy = previewJob?.state === 'queued' || previewJob?.state === 'running';
  const canSpeak = !!estimate && !voiceMissing;

  async function preview() {
    setError(null);
    try {
      const text = previewText(narration!.script, narration!.language);
      const { job } = await invoke('narration.preview', { voiceId: narration!.voiceId!, text, wordsPerMinute: narration!.wordsPerMinute, language: narration!.language });
      upsertJob(job);
      setPreviewJobId(job.id);
    } catch (e) {
      setError(errorText(e));
    }
  }
  async function generate() {
    setError(null);
    try {
      await documentStore.getState().saveNow();
      const { job } = await invoke('narration.synthesize', { projectId: projectId!, applySceneDurations: applyScenes });
      upsertJob(job);
      setSynthJobId(job.id);
    } catch (e) {
      setError(errorText(e));
    }
  }

  const lineOf = (job: Job | undefined) => (job ? jobLine(job, t(`jobs.state.${job.state}` as StringKey), language) : '\u00a0');

  return (
    <section className="panel voice" aria-labelledby="voice-heading">
      <header className="panel-header">
        <h1 id="voice-heading">{t('nav.voice')}</h1>
      </header>
      {error && (
        <p className="inline-error" role="alert">
          {error && localizeEditMessage(error, language)}
        </p>
      )}
      <div className="voice-grid">
        <div className="card voice-script">
          <label className="field">
            <span>{t('voice.script')}</span>
            <textarea rows={12} value={narration.script} placeholder={t('voice.scriptPlaceholder')} onChange={(e) => set({ script: e.target.value }, 'script')} />
          </label>
          <p className={estimate ? 'muted small' : 'error-text small'} role="status">
            {estimate ? t('voice.estimate', { words: estimate.words, sentences: estimate.sentences, time: formatSeconds(estimate.seconds) }) : t('voice.emptyScript')}
          </p>
          {estimate && <RewriteSentence projectId={projectId} sentences={estimate.sentences} />}
        </div>
        <div className="card voice-controls">
          <label className="field">
            <span>{t('voice.language')}</span>
            <select value={narration.language} onChange={(e) => set({ language: e.target.value as NarrationSettings['language'] })}>
              <option value="es">Español</option>
              <option value="en">English</option>
            </select>
          </label>
          <label className="field">
            <span>{t('voice.engine')}</span>
            <select
              value={narration.engine}
              onChange={(e) => {
                const engine = e.target.value as NarrationSettings['engine'];
                const first = voicesFor(engine, narration.language, voices ?? [], elevenlabs)[0];
                set({ engine, voiceId: first?.id ?? null });
              }}
            >
              {ENGINES.map((engine) => (
                <option key={engine} value={engine}>
                  {t(`voice.engine.${engine}` as StringKey)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('voice.voice')}</span>
            <select value={voiceMissing ? '' : narration.voiceId!} onChange={(e) => set({ voiceId: e.target.value || null })}>
              <option value="">{options.length ? t('voice.pickVoice') : t('voice.noVoices')}</option>
              {options.map((v) => (
                <option key={v.id} value={v.id}>
                  {v.engine === 'elevenlabs' ? v.name : `${v.name} (${v.language})`}
                </option>
              ))}
            </select>
          </label>
          {narration.engine === 'elevenlabs' && elevenlabs === null && <p className="muted small">{t('voice.elevenlabsNeedsKey')}</p>}
          {narration.engine === 'elevenlabs' && elevenlabsError && <p className="error-text small">{elevenlabsError}</p>}
          {narration.engine === 'piper' && voices && options.length === 0 && <p className="muted small">{t('voice.installHint')}</p>}
          <label className="field">
            <span>{t('voice.wpm', { wpm: narration.wordsPerMinute })}</span>
            <input type="range" min={120} max={240} step={5} value={narration.wordsPerMinute} onChange={(e) => set({ wordsPerMinute: Number(e.target.value) }, 'wpm')} />
          </label>
          <div className="actions">
            <button type="button" disabled={!canSpeak || previewBusy} onClick={() => void preview()}>
              {t('voice.preview')}
            </button>
            <button type="button" className="primary" disabled={!canSpeak || synthBusy} onClick={() => void generate()}>
              {t('voice.generate')}
            </button>
          </div>
          <label className="inline-check">
            <input type="checkbox" checked={applyScenes} onChange={(e) => setApplyScenes(e.target.checked)} />
            {t('voice.applyScenes')}
          </label>
          <div className="progress" role="progressbar" aria-label={t('voice.generateProgress')} aria-valuemin={0} aria-valuemax={100} aria-valuenow={synthJob ? Math.round(synthJob.state === 'done' ? 100 : synthJob.progress) : 0}>
            <div className="progress-fill" style={{ width: `${synthJob ? (synthJob.state === 'done' ? 100 : synthJob.progress) : 0}%` }} />
          </div>
          <p className={synthJob?.state === 'error' ? 'small error-text job-line' : 'small muted job-line'} role="status" aria-label={t('voice.generateStatus')}>
            {lineOf(synthJob)}
            {synthResult?.measuredWpm ? ` · ${t('voice.measured', { wpm: Math.round(synthResult.measuredWpm) })}` : ''}
          </p>
          {synthResult?.warnings?.length ? <p className="small note">{synthResult.warnings.map((w) => storedWords(language, w)).join(' ')}</p> : null}
          <p className={previewJob?.state === 'error' ? 'small error-text job-line' : 'small muted job-line'}>{previewJob ? `${t('voice.preview')}: ${lineOf(previewJob)}` : '\u00a0'}</p>
          <audio ref={audioRef} controls className="preview-audio" aria-label={t('voice.previewAudio')} src={previewUrl ?? undefined} />
          <div className="narration-result">
            {narrationClip ? (
              <>
                <span className="muted small">{t('voice.hasNarration', { time: formatSeconds(narrationClip.duration), cues: cueCount })}</span>
                <a className="button-like" href={mediaUrl(projectId, narrationClip.assetId)} download="narration.wav">
                  {t('voice.downloadWav')}
                </a>
              </>
            ) : (
              <span className="muted small">{t('voice.noNarration')}</span>
            )}
          </div>
        </div>
      </div>
      <details className="card voice-install-card">
        <summary>{t('voice.install')}</summary>
        <VoiceInstall />
      </details>
    </section>
  );
}
