/**
 * The editor: live preview with the inspector on top, the Konva timeline below, a toolbar for play,
 * split, delete, zoom, undo/redo, text, safe zones and "Export to MP4". Works on the document store.
 */
import { useEffect, useRef, useState } from 'react';
import { projectDuration } from '../../../../src-main/project/document.js';
import { useT } from '../../i18n/use-t.js';
import { Inspector } from '../../preview/Inspector.js';
import { PreviewPlayer } from '../../preview/PreviewPlayer.js';
import { useAppStore } from '../../state/app-store.js';
import { bindUndoKeys, documentStore, localizeEditMessage, useDocument, useOpenProjectDocument } from '../../state/document/index.js';
import { addTextAtPlayhead, deleteSelected, splitAtPlayhead } from '../../timeline/commands.js';
import { formatTime } from '../../timeline/geometry.js';
import { useTimeline, type SafeZone } from '../../timeline/timeline-store.js';
import { ExportDialog } from '../export/ExportDialog.js';
import { ClipList } from './ClipList.js';
import { bindTimelineKeys } from './keyboard.js';
import { TRACKS } from './layout.js';
import { TimelineStage } from './TimelineStage.js';

function PlayTime() {
  const playhead = useTimeline((s) => s.playhead);
  const length = useDocument((s) => (s.doc ? projectDuration(s.doc) : 0));
  return (
    <span className="play-time" aria-live="off">
      {formatTime(playhead)} / {formatTime(length)}
    </span>
  );
}

function SaveState() {
  const t = useT();
  const status = useDocument((s) => s.saveStatus);
  const error = useDocument((s) => s.saveError);
  return (
    <span className={`save-state ${status}`} role="status" title={error ?? undefined}>
      {t(`tl.save.${status}`)}
    </span>
  );
}

function Toolbar({ width, onExport }: { width: number; onExport: () => void }) {
  const t = useT();
  const playing = useTimeline((s) => s.playing);
  const safeZone = useTimeline((s) => s.safeZone);
  const canUndo = useDocument((s) => s.history.past.length > 0);
  const canRedo = useDocument((s) => s.history.future.length > 0);
  const hasSelection = useTimeline((s) => s.selected.size > 0);
  const tl = useTimeline.getState;
  return (
    <div className="tl-toolbar" role="toolbar" aria-label={t('tl.toolbar')}>
      <button type="button" className="primary" onClick={() => tl().setPlaying(!playing)} aria-keyshortcuts="Space">
        {t(playing ? 'tl.pause' : 'tl.play')}
      </button>
      <PlayTime />
      <button type="button" onClick={() => splitAtPlayhead()} aria-keyshortcuts="S">
        {t('tl.split')}
      </button>
      <button type="button" onClick={() => deleteSelected()} disabled={!hasSelection} aria-keyshortcuts="Delete">
        {t('tl.delete')}
      </button>
      <button type="button" onClick={() => addTextAtPlayhead(t('tl.newText'))}>
        {t('tl.addText')}
      </button>
      <button type="button" onClick={() => documentStore.getState().undo()} disabled={!canUndo} aria-keyshortcuts="Control+Z">
        {t('tl.undo')}
      </button>
      <button type="button" onClick={() => documentStore.getState().redo()} disabled={!canRedo} aria-keyshortcuts="Control+Shift+Z">
        {t('tl.redo')}
      </button>
      <button type="button" onClick={() => tl().zoomBy(1 / 1.25, width / 2)} aria-label={t('tl.zoomOut')} aria-keyshortcuts="-">
        −
      </button>
      <button type="button" onClick={() => tl().zoomBy(1.25, width / 2)} aria-label={t('tl.zoomIn')} aria-keyshortcuts="+">
        +
      </button>
      <label className="inline-select">
        <span>{t('pv.safeZone')}</span>
        <select value={safeZone} onChange={(e) => tl().setSafeZone(e.target.value as SafeZone)}>
          {(['none', 'shorts', 'tiktok', 'reels'] as const).map((z) => (
            <option key={z} value={z}>
              {t(`pv.zone.${z}`)}
            </option>
          ))}
        </select>
      </label>
      <SaveState />
      <button type="button" className="primary export-button" onClick={onExport}>
        {t('exp.button')}
      </button>
    </div>
  );
}

export function TimelinePanel() {
  const t = useT();
  useOpenProjectDocument(documentStore);
  const currentProjectId = useAppStore((s) => s.currentProjectId);
  const projectId = useDocument((s) => s.projectId);
  const loaded = useDocument((s) => s.doc !== null);
  const loadError = useDocument((s) => s.loadError);
  const notice = useTimeline((s) => s.notice);
  const language = useAppStore((s) => s.language);
  const saveError = useDocument((s) => (s.saveStatus === 'error' ? s.saveError : null));
  const selected = useTimeline((s) => s.selected);
  const [kbEditing, setKbEditing] = useState(false);
  const exporting = useTimeline((s) => s.exportOpen);
  const setExporting = useTimeline.getState().setExportOpen;
  const stageBox = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(800);
  const widthRef = useRef(width);
  widthRef.current = width;

  useEffect(() => {
    const el = stageBox.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => entry && setWidth(Math.max(200, Math.floor(entry.contentRect.width))));
    observer.observe(el);
    return () => observer.disconnect();
  }, [loaded]);
  useEffect(
    () =>
      // While playing, page the timeline so the playhead stays in view.
      useTimeline.subscribe((s, prev) => {
        if (!s.playing || s.playhead === prev.playhead) return;
        const x = (s.playhead - s.scroll) * s.zoom;
        if (x > widthRef.current * 0.92 || x < 0) s.setView({ scroll: s.playhead - (widthRef.current * 0.1) / s.zoom });
      }),
    [],
  );
  useEffect(() => {
    const a = bindUndoKeys(documentStore);
    const b = bindTimelineKeys(() => widthRef.current);
    return () => {
      a();
      b();
      useTimeline.getState().setPlaying(false);
    };
  }, []);
  const single = selected.size === 1 ? [...selected][0]! : null;
  const kbClip = useDocument((s) => (kbEditing && single && s.doc?.tracks.images.some((c) => c.id === single) ? single : null));

  if (!currentProjectId) return <section className="panel"><p className="empty">{t('app.noProject')}</p></section>;
  if (loadError) return <section className="panel"><p role="alert" className="empty">{loadError}</p></section>;
  if (!loaded || projectId !== currentProjectId) return <section className="panel"><p className="muted">{t('app.loading')}</p></section>;

  return (
    <section className="editor" aria-label={t('tl.heading')}>
      <Toolbar width={width} onExport={() => setExporting(true)} />
      <div className="editor-top">
        <PreviewPlayer kenBurnsClipId={kbClip} />
        <Inspector kbEditing={kbEditing} setKbEditing={setKbEditing} />
      </div>
      <p className="tl-notice" role="alert">
        {notice ? localizeEditMessage(notice, language) : saveError ? `${t('tl.save.error')}: ${saveError}` : ''}
      </p>
      <div className="tl-body">
        <div className="tl-labels" aria-hidden="true">
          <div className="tl-ruler-label" />
          {TRACKS.map((track) => (
            <div key={track} className="tl-track-label">
              {t(`tl.track.${track}`)}
            </div>
          ))}
        </div>
        <div className="tl-stage" ref={stageBox} role="application" aria-label={t('tl.canvas')} aria-describedby="tl-help">
          <TimelineStage width={width} projectId={projectId} />
        </div>
      </div>
      <p id="tl-help" className="muted tl-help">
        {t('tl.help')}
      </p>
      <ClipList />
      {exporting && <ExportDialog onClose={() => setExporting(false)} />}
    </section>
  );
}
