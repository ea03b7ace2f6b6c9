import { useState } from 'react';
import { invoke } from '../../ipc/client.js';
import { useT } from '../../i18n/use-t.js';
import { errorText, useAppStore } from '../../state/app-store.js';
import { NewProjectForm } from './NewProjectForm.js';
import { ProjectRow } from './ProjectRow.js';

/** The home screen: every project in the store, with create, open, rename and delete. */
export function ProjectsPanel() {
  const t = useT();
  const projects = useAppStore((s) => s.projects);
  const [creating, setCreating] = useState(false);

  async function create(name: string): Promise<boolean> {
    const store = useAppStore.getState();
    try {
      const summary = await invoke('project.create', { name, language: store.language });
      store.toast('success', t('projects.created', { name: summary.name }));
      await store.refreshProjects();
      setCreating(false);
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
        {!creating && (
          <button type="button" className="primary" onClick={() => setCreating(true)}>
            {t('projects.new')}
          </button>
        )}
      </header>
      {creating && <NewProjectForm onCreate={create} onCancel={() => setCreating(false)} />}
      {projects === null ? (
        <p className="muted">{t('app.loading')}</p>
      ) : projects.length === 0 ? (
        <p className="empty">{t('projects.empty')}</p>
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
