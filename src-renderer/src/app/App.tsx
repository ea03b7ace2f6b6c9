import type { ReactNode } from 'react';
import { useT } from '../i18n/use-t.js';
import { DemoPanel } from '../panels/intro/DemoPanel.js';
import { PanelIntro } from '../panels/intro/PanelIntro.js';
import { ProjectsPanel } from '../panels/projects/ProjectsPanel.js';
import { useAppStore, type Route } from '../state/app-store.js';
import { Sidebar } from './Sidebar.js';
import { Toasts } from './Toasts.js';

/** Which panel each route shows. Panels that later features fill say what they are for. */
function panelFor(route: Route): ReactNode {
  switch (route) {
    case 'projects':
      return <ProjectsPanel />;
    case 'demo':
      return <DemoPanel />;
    default:
      return <PanelIntro route={route} />;
  }
}

export function App() {
  const route = useAppStore((s) => s.route);
  const connected = useAppStore((s) => s.connected);
  const t = useT();
  return (
    <div className="app">
      <Sidebar />
      <main className="main" aria-live="polite">
        {!connected && (
          <div className="banner" role="alert">
            {t('app.disconnected')}
          </div>
        )}
        {panelFor(route)}
      </main>
      <Toasts />
    </div>
  );
}
