/**
 * The media bin: every file of the project as a tile (thumbnail or filmstrip frame, name, kind,
 * length, how often it is used), an import button (the desktop's dialog, else the browser's file
 * picker), a drop zone, "remove unused", and the captions saved as SRT. Tiles drag onto the timeline.
 */
import { memo, useRef, useState, type DragEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Asset } from '../../../../src-main/project/document.js';
import { IMPORT_EXTENSIONS } from '../../../../src-main/media/import/file-kinds.js';
import { assetUsage } from '../../../../src-main/media/import/usage.js';
import { useT } from '../../i18n/use-t.js';
import { invoke, mediaUrl } from '../../ipc/client.js';
import { errorText, useAppStore } from '../../state/app-store.js';
import { documentStore, useDocument } from '../../state/document/index.js';
import { formatTime } from '../../timeline/geometry.js';
import { useStrip } from '../timeline/media-cache.js';
import { localizeImportMessage } from './import-messages.js';
import { ASSET_DRAG_TYPE, importFiles, importPaths, useImports } from './media-import.js';
import './media.css';


type T = ReturnType<typeof useT>;

function Thumb({ projectId, asset }: { projectId: string; asset: Asset }) {
  const strip = useStrip(projectId, asset.kind === 'video' ? asset.id : null);
  if (asset.kind === 'image') return <img className="bin-thumb" src={mediaUrl(projectId, asset.id)} alt="" draggable={false} />;
  if (asset.kind === 'video') {
    if (!strip) return <div className="bin-thumb bin-thumb-empty" aria-hidden="true">▶</div>;
    const middle = Math.floor(strip.frames / 2);
    return <div className="bin-thumb" aria-hidden="true" style={{ backgroundImage: `url(${strip.image.src})`, backgroundSize: `${strip.frames * 100}% 100%`, backgroundPosition: `${strip.frames > 1 ? (middle / (strip.frames - 1)) * 100 : 0}% 0` }} />;
  }
  return <div className="bin-thumb bin-thumb-empty" aria-hidden="true">♪</div>;
}

const Tile = memo(function Tile({ projectId, asset, used, fallbackName, t }: { projectId: string; asset: Asset; used: number; fallbackName: string; t: T }) {
  const name = asset.originalName ?? fallbackName;
  const kind = t(`bin.kind.${asset.kind}`);
  const length = asset.duration ? formatTime(asset.duration) : t('bin.still');
  const usedText = used === 0 ? t('bin.used.0') : used === 1 ? t('bin.used.1') : t('bin.used.n', { n: used });
  return (
    <li
      className={`bin-tile${used === 0 ? ' unused' : ''}`}
      draggable
      aria-label={t('bin.item', { name, kind, length, used: usedText })}
      title={name}
      onDragStart={(e) => {
        e.dataTransfer.setData(ASSET_DRAG_TYPE, asset.id);
        e.dataTransfer.effectAllowed = 'copy';
      }}
    >
      <Thumb projectId={projectId} asset={asset} />
      <span className="bin-name">{name}</span>
      <span className="bin-meta">
        {kind} · {length}
      </span>
      <span className="bin-meta">{usedText}</span>
      {asset.proxy ? <span className={`bin-proxy ${asset.proxy.status}`}>{t(`bin.proxy.${asset.proxy.status}`)}</span> : null}
    </li>
  );
});

function Tasks({ t }: { t: T }) {
  const tasks = useImports((s) => s.tasks);
  const language = useAppStore((s) => s.language);
  return (
    <ul className="bin-tasks" aria-live="polite">
      {tasks.map((task) => (
        <li key={task.id} className={`bin-task ${task.state}`} role={task.state === 'error' ? 'alert' : 'status'}>
          {task.state === 'running' && <progress max={100} value={task.percent} aria-label={task.label} />}
          <span>
            {task.state === 'running'
              ? t('bin.importing', { name: task.label, percent: Math.round(task.percent) })
              : task.state === 'done'
                ? t('bin.imported', { name: task.label })
                : t('bin.failed', { message: localizeImportMessage(task.error ?? '', language) })}
          </span>
          {task.state !== 'running' && (
            <button type="button" className="bin-dismiss" aria-label={t('bin.dismiss')} onClick={() => useImports.getState().dismiss(task.id)}>
              ×
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}

export function MediaBin({ projectId }: { projectId: string }) {
  const t = useT();
  const language = useAppStore((s) => s.language);
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const [note, setNote] = useState<{ text: string; error: boolean } | null>(null);
  const assets = useDocument(useShallow((s) => (s.doc ? Object.values(s.doc.assets) : [])));
  const usage = useDocument(useShallow((s) => (s.doc ? Object.fromEntries(assetUsage(s.doc)) : {})));
  const unused = assets.filter((a) => (usage[a.id] ?? 0) === 0);
  const cues = useDocument((s) => s.doc?.tracks.captions.cues.length ?? 0);
  const sceneOf = useDocument(useShallow((s) => (s.doc ? Object.fromEntries(s.doc.scenes.map((scene, i) => [scene.imageAssetId ?? '', i + 1])) : {})));
  // A file with no name of its own (generated, narrated): the scene that shows it, else its kind and place.
  const unnamed = (asset: Asset, i: number) => (sceneOf[asset.id] ? t('bin.sceneImage', { n: sceneOf[asset.id]! }) : asset.source === 'narration' ? t('bin.narration') : `${t(`bin.kind.${asset.kind}`)} ${i + 1}`);

  const pick = async () => {
    // In a browser the file picker must open within the click (no await first).
    if (!window.whatif) return input.current?.click();
    // The desktop opens its native dialog (the core then reads the file itself, however large).
    try {
      const picked = await invoke('os.pickPath', { kind: 'open-file', title: t('bin.import'), filters: [{ name: t('bin.heading'), extensions: IMPORT_EXTENSIONS }] });
      if (picked.native) {
        if (picked.path) await importPaths(projectId, [picked.path]);
        return;
      }
    } catch {
      // No dialog here: the browser's picker below.
    }
    input.current?.click();
  };

  const removeUnused = async () => {
    try {
      await documentStore.getState().saveNow();
      const { removed } = await invoke('media.removeUnused', { projectId, assetIds: unused.map((a) => a.id) });
      await documentStore.getState().refresh();
      setNote({ text: t('bin.removed', { n: removed.length }), error: false });
    } catch (error) {
      setNote({ text: localizeImportMessage(errorText(error), language), error: true });
    }
  };

  const saveSrt = async () => {
    try {
      await documentStore.getState().saveNow();
      const { srt, cues: n, fileName } = await invoke('captions.exportSrt', { projectId });
      const link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([srt], { type: 'application/x-subrip' }));
      link.download = fileName;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
      setNote({ text: t('bin.srtSaved', { n, file: fileName }), error: false });
    } catch (error) {
      setNote({ text: localizeImportMessage(errorText(error), language), error: true });
    }
  };

  const onDrop = (e: DragEvent) => {
    if (e.dataTransfer.files.length === 0) return;
    e.preventDefault();
    setOver(false);
    void importFiles(projectId, [...e.dataTransfer.files]);
  };

  return (
    <section
      className={`media-bin${over ? ' over' : ''}`}
      aria-label={t('bin.heading')}
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes('Files')) return;
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <div className="bin-header">
        <h2>{t('bin.heading')}</h2>
        <button type="button" className="primary" onClick={() => void pick()}>
          {t('bin.import')}
        </button>
        <input
          ref={input}
          type="file"
          multiple
          hidden
          aria-label={t('bin.import')}
          accept={IMPORT_EXTENSIONS.map((e) => `.${e}`).join(',')}
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = '';
            if (files.length) void importFiles(projectId, files);
          }}
        />
      </div>
      <p className="muted bin-drop">{t('bin.drop')}</p>
      <Tasks t={t} />
      {assets.length === 0 ? (
        <p className="muted">{t('bin.empty')}</p>
      ) : (
        <ul className="bin-grid" aria-label={t('bin.list')}>
          {assets.map((asset, i) => (
            <Tile key={asset.id} projectId={projectId} asset={asset} used={usage[asset.id] ?? 0} fallbackName={unnamed(asset, i)} t={t} />
          ))}
        </ul>
      )}
      <div className="bin-actions">
        <button type="button" onClick={() => void removeUnused()} disabled={unused.length === 0}>
          {t('bin.removeUnused', { n: unused.length })}
        </button>
        <button type="button" onClick={() => void saveSrt()} disabled={cues === 0}>
          {t('bin.exportSrt')}
        </button>
      </div>
      {note && (
        <p role={note.error ? 'alert' : 'status'} className={note.error ? 'field-error' : 'muted'}>
          {note.text}
        </p>
      )}
    </section>
  );
}
