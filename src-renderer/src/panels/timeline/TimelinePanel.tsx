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
import { useShallow } from 'zustand/react/shallow';
import { bindUndoKeys, documentStore, laneIds, laneLabel, localizeEditMessage, useDocument, useOpenProjectDocument } from '../../state/document/index.js';
import { addCaptionAtPlayhead, addTextAtPlayhead, deleteSelected, splitAtPlayhead } from '../../timeline/commands.js';
import { TEXT_TEMPLATE_IDS, TEXT_TEMPLATES, type TextTemplateId } from '../../timeline/text-templates.js';
import { formatTime } from '../../timeline/geometry.js';
import { useTimeline, type SafeZone } from '../../timeline/timeline-store.js';
import { ExportDialog } from '../export/ExportDialog.js';
import { MediaBin } from '../media/MediaBin.js';
import { ClipList } from './ClipList.js';
import { timelineSummary } from './describe.js';
import { CaptionNote, Scrollbar } from './Scrollbar.js';
import { NarrationOrderNote } from '../storyboard/NarrationOrderNote.js';
import { addOverlayTrack } from './tracks.js';
import { acceptsDrop, dropOnTimeline } from './timeline-drop.js';
import { bindTimelineKeys } from './keyboard.js';
import { TimelineStage } from './TimelineStage.js';

/** The playhead's time: written straight into the text when its tenths change (playing does not re-render). */
function PlayTime() {
  const length = useDocument((s) => (s.doc ? projectDuration(s.doc) : 0));
  const ref = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const write = (playhead: number) => {
      const text = `${formatTime(playhead)} / ${formatTime(length)}`;
      if (ref.current && ref.current.textContent !== text) ref.current.textContent = text;
    };
    write(useTimeline.getState().playhead);
    return useTimeline.subscribe((s, prev) => s.playhead !== prev.playhead && write(s.playhead));
  }, [length]);
  return <span className="play-time" aria-live="off" ref={ref} />;
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
  const ripple = useTimeline((s) => s.ripple);
  const snapping = useTimeline((s) => s.snapping);
  const captionStyleOpen = useTimeline((s) => s.captionStyleOpen);
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
      <button type="button" onClick={() => deleteSelected()} disabled={!hasSelection} aria-keyshortcuts="Delete Shift+Delete">
        {t('tl.delete')}
      </button>
      <button type="button" onClick={() => addTextAtPlayhead(t('tl.newText'))}>
        {t('tl.addText')}
      </button>
      <select
        aria-label={t('txt.template')}
        value=""
        onChange={(e) => {
          const id = e.target.value as TextTemplateId;
          if (TEXT_TEMPLATES[id]) addTextAtPlayhead(t(`txt.templateText.${id}`), TEXT_TEMPLATES[id]);
        }}
      >
        <option value="">{t('txt.template.pick')}</option>
        {TEXT_TEMPLATE_IDS.map((id) => (
          <option key={id} value={id}>
            {t(`txt.template.${id}`)}
          </option>
        ))}
      </select>
      <button type="button" onClick={() => addCaptionAtPlayhead(t('cap.newCaption'))}>
        {t('cap.addCaption')}
      </button>
      <button type="button" aria-pressed={captionStyleOpen} onClick={() => tl().setCaptionStyleOpen(!captionStyleOpen)}>
        {t('cap.styleButton')}
      </button>
      <button type="button" onClick={() => addOverlayTrack()}>
        {t('tl.addOverlay')}
      </button>
      <button type="button" onClick={() => documentStore.getState().undo()} disabled={!canUndo} aria-keyshortcuts="Control+Z">
        {t('tl.undo')}
      </button>
      <button type="button" onClick={() => documentStore.getState().redo()} disabled={!canRedo} aria-keyshortcuts="Control+Shift+Z">
        {t('tl.redo')}
      </button>
      <button type="button" onClick={() => tl().toggleRipple()} aria-pressed={ripple} title={t('tl.rippleHint')}>
        {t('tl.ripple')}
      </button>
      <button type="button" onClick={() => tl().toggleSnapping()} aria-pressed={snapping} aria-keyshortcuts="N">
        {t('tl.snapping')}
      </button>
      <button type="button" onClick={() => tl().zoomToFit()} aria-keyshortcuts="Shift+Z">
        {t('tl.fit')}
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

/** The lane names beside the canvas; re-rendered only when a lane is added, removed or renamed. */
function LaneLabels() {
  const t = useT();
  const labels = useDocument(useShallow((s) => (s.doc ? laneIds(s.doc).map((lane) => laneLabel(s.doc!, lane, t)) : [])));
  return (
    <>
      {labels.map((label, i) => (
        <div key={i} className="tl-track-label">
          {label}
        </div>
      ))}
    </>
  );
}

/** The canvas's text alternative: every track with its clips' count and span (the clip list follows). */
function TimelineSummary() {
  const t = useT();
  const summary = useDocument((s) => (s.doc ? timelineSummary(s.doc, projectDuration(s.doc), t) : ''));
  return (
    <p id="tl-summary" className="visually-hidden">
      {summary}
    </p>
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
  const [dropping, setDropping] = useState(false);
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
  const length = useDocument((s) => (s.doc ? projectDuration(s.doc) : 0));
  useEffect(() => useTimeline.getState().setBounds(length, width), [length, width]);
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
  // Ken Burns frames are edited on a still picture only (a video clip has the inspector's fields).
  const kbClip = useDocument((s) => (kbEditing && single && s.doc?.tracks.media.some((m) => m.role === 'main' && m.clips.some((c) => c.id === single && s.doc!.assets[c.assetId]?.kind === 'image')) ? single : null));

  const waiting = !currentProjectId ? <p className="empty">{t('app.noProject')}</p> : loadError ? <p role="alert" className="empty">{loadError}</p> : !loaded || projectId !== currentProjectId ? <p className="muted">{t('app.loading')}</p> : null;
  if (waiting || !projectId) {
    return (
      <section className="panel" aria-labelledby="timeline-heading">
        <h1 id="timeline-heading">{t('nav.timeline')}</h1>
        {waiting}
      </section>
    );
  }

  return (
    <section className="editor" aria-labelledby="timeline-heading">
      {/* The editor gives its room to the tracks: its heading is for screen readers' heading navigation. */}
      <h1 id="timeline-heading" className="visually-hidden">
        {t('tl.heading')}
      </h1>
      <Toolbar width={width} onExport={() => setExporting(true)} />
      <div className="editor-top">
        <PreviewPlayer kenBurnsClipId={kbClip} />
        <Inspector kbEditing={kbEditing} setKbEditing={setKbEditing} />
        <MediaBin projectId={projectId} />
      </div>
      <p className="tl-notice" role="alert">
        {notice ? localizeEditMessage(notice, language) : saveError ? `${t('tl.save.error')}: ${saveError}` : ''}
      </p>
      <div className="tl-body">
        <div className="tl-labels" aria-hidden="true">
          <div className="tl-ruler-label" />
          <LaneLabels />
        </div>
        <div
          className={`tl-stage${dropping ? ' dropping' : ''}`}
          id="tl-canvas"
          ref={stageBox}
          role="application"
          tabIndex={0}
          aria-label={t('tl.canvas')}
          aria-describedby="tl-summary tl-help"
          onDragOver={(e) => {
            if (!acceptsDrop(e)) return;
            e.preventDefault();
            e.dataTransfer.dropEffect = 'copy';
            setDropping(true);
          }}
          onDragLeave={() => setDropping(false)}
          onDrop={(e) => {
            setDropping(false);
            dropOnTimeline(e, projectId);
          }}
        >
          <TimelineStage width={width} projectId={projectId} />
          <Scrollbar width={width} length={length} />
        </div>
      </div>
      <TimelineSummary />
      <CaptionNote />
      <NarrationOrderNote />
      <p id="tl-help" className="muted tl-help">
        {t('tl.help')}
      </p>
      <ClipList />
      {exporting && <ExportDialog onClose={() => setExporting(false)} />}
    </section>
  );
}
