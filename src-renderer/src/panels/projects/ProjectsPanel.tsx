import { useState } from 'react';
import { invoke } from '../../ipc/client.js';
import { useT } from '../../i18n/use-t.js';
import { errorText, useAppStore } from '../../state/app-store.js';
import { MakeTable } from '../make/MakeTable.js';
import { NewFromIdea } from '../make/NewFromIdea.js';
import { NewProjectForm } from './NewProjectForm.js';
import { ProjectRow } from './ProjectRow.js';

/** The home screen: every project in the store, with create, open, rename and delete. */
export function ProjectsPanel() {
  const t = useT();
  const projects = useAppStore((s) => s.projects);
  const [creating, setCreating] = useState(false);
  const [making, setMaking] = useState(false);

  async function create(name: string): Promise<boolean> {
    const store = useAppStore.getState();
    try {
      const summary = await invoke('project.create', { name, language: store.language });
      store.toast('success', t('projects.created', { name: summary.name }));
      await store.refreshProjects();
      setCreating(false);
      store.openProject(summary.id, 'storyboard');
      return true;
    } catch (error) {
      store.toast('error', errorText(error));
      return false;
    }
  }

  return (
    <section className="panel" aria-labelledby="projects-heading">
      <header className="panel-header">
        <h1 id="projects-heading">{t('projects.heading')}</h1>
        <div className="actions">
          {!making && (
            <button type="button" className="primary" onClick={() => setMaking(true)}>
              {t('make.new')}
            </button>
          )}
          {!creating && !!projects?.length && (
            <button type="button" className="primary" onClick={() => setCreating(true)}>
              {t('projects.new')}
            </button>
          )}
        </div>
      </header>
      {making && <NewFromIdea onDone={() => setMaking(false)} />}
      {creating && <NewProjectForm onCreate={create} onCancel={() => setCreating(false)} />}
      <MakeTable />
      {projects === null ? (
        <p className="muted">{t('app.loading')}</p>
      ) : projects.length === 0 ? (
        <div className="empty">
          <p>{t('projects.empty')}</p>
          <div className="actions">
            <button type="button" className="primary" onClick={() => setCreating(true)}>
              {t('projects.new')}
            </button>
            <button type="button" onClick={() => useAppStore.getState().navigate('demo')}>
              {t('demo.open')}
            </button>
          </div>
        </div>
      ) : (
        <ul className="project-list" aria-label={t('projects.list')}>
          {projects.map((project) => (
            <ProjectRow key={project.id} project={project} />
          ))}
        </ul>
      )}
    </section>
  );
}
