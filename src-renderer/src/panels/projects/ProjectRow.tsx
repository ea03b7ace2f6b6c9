import { useId, useState, type FormEvent } from 'react';
import type { ProjectSummary } from '../../../../src-main/ipc/contract/index.js';
import { invoke } from '../../ipc/client.js';
import { useT } from '../../i18n/use-t.js';
import { errorText, useAppStore } from '../../state/app-store.js';

function formatDuration(seconds: number): string {
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

/** One project: open, rename in place, delete after an explicit confirmation. */
export function ProjectRow({ project }: { project: ProjectSummary }) {
  const t = useT();
  const isCurrent = useAppStore((s) => s.currentProjectId === project.id);
  const [mode, setMode] = useState<'view' | 'rename' | 'confirm-delete'>('view');
  const [name, setName] = useState(project.name);
  // The row's buttons ("Open", "Rename", "Delete") are described by the project's name.
  const nameId = useId();

  async function rename(event: FormEvent) {
    event.preventDefault();
    const store = useAppStore.getState();
    try {
      await invoke('project.rename', { id: project.id, name });
      setMode('view');
      await store.refreshProjects();
    } catch (error) {
      store.toast('error', errorText(error));
    }
  }

  async function remove() {
    const store = useAppStore.getState();
    try {
      await invoke('project.delete', { id: project.id, confirmId: project.id });
      store.toast('success', t('projects.deleted', { name: project.name }));
      await store.refreshProjects();
    } catch (error) {
      store.toast('error', errorText(error));
      setMode('view');
    }
  }

  return (
    <li className={isCurrent ? 'project-row current' : 'project-row'}>
      {mode === 'rename' ? (
        <form className="rename" onSubmit={(event) => void rename(event)}>
          <input
            aria-label={t('projects.name')}
            value={name}
            autoFocus
            maxLength={200}
            onChange={(event) => setName(event.target.value)}
            onKeyDown={(event) => {
              if (event.key !== 'Escape') return;
              event.preventDefault();
              setName(project.name);
              setMode('view');
            }}
          />
          <button type="submit" className="primary" disabled={!name.trim()}>
            {t('projects.save')}
          </button>
          <button type="button" onClick={() => (setName(project.name), setMode('view'))}>
            {t('projects.cancel')}
          </button>
        </form>
      ) : (
        <>
          <div className="project-info">
            <span className="project-name" id={nameId}>
              {project.name}
            </span>
            <span className="muted">
              {project.preset} · {t('projects.scenes', { count: project.sceneCount })} · {formatDuration(project.duration)}
              {isCurrent && ` · ${t('projects.current')}`}
              {!project.available && ` · ${t('projects.missing')}`}
            </span>
          </div>
          {mode === 'confirm-delete' ? (
            <div className="confirm" role="alertdialog" aria-label={t('projects.delete')}>
              <span>{t('projects.deleteConfirm', { name: project.name })}</span>
              <button type="button" className="danger" onClick={() => void remove()}>
                {t('projects.deleteYes')}
              </button>
              <button type="button" onClick={() => setMode('view')}>
                {t('projects.cancel')}
              </button>
            </div>
          ) : (
            <div className="actions">
              <button type="button" className="primary" disabled={!project.available} onClick={() => useAppStore.getState().openProject(project.id)} aria-describedby={nameId}>
                {t('projects.open')}
              </button>
              <button type="button" onClick={() => setMode('rename')} aria-describedby={nameId}>
                {t('projects.rename')}
              </button>
              <button type="button" className="danger-quiet" onClick={() => setMode('confirm-delete')} aria-describedby={nameId}>
                {t('projects.delete')}
              </button>
            </div>
          )}
        </>
      )}
    </li>
  );
}
