import { useEffect, type ReactNode } from 'react';
import { useT } from '../i18n/use-t.js';
import { DemoPanel } from '../panels/demo/DemoPanel.js';
import { HelpSheet } from '../panels/help/HelpSheet.js';
import { isTyping } from '../panels/help/shortcuts.js';
import { PanelIntro } from '../panels/intro/PanelIntro.js';
import { JobsPanel } from '../panels/jobs/JobsPanel.js';
import { MakeStatus } from '../panels/make/MakeStatus.js';
import { onJobDone, startJobsWatch } from '../panels/jobs/jobs-store.js';
import { MonitorPanel } from '../panels/monitor/MonitorPanel.js';
import { ProjectsPanel } from '../panels/projects/ProjectsPanel.js';
import { SettingsPanel } from '../panels/settings/SettingsPanel.js';
import { StoryboardPanel } from '../panels/storyboard/StoryboardPanel.js';
import { TimelinePanel } from '../panels/timeline/TimelinePanel.js';
import { VoicePanel } from '../panels/voice/VoicePanel.js';
import { useAppStore, type Route } from '../state/app-store.js';
import { bindUndoKeys, documentStore } from '../state/document/index.js';
import { watchNarrationOrder } from '../state/document/narration-order.js';
import { useHelpStore } from './help-store.js';
import { startMenuCommands } from './menu-commands.js';
import { Sidebar } from './Sidebar.js';
import { startTheme } from './theme.js';
import { Toasts } from './Toasts.js';

/** Which panel each route shows. */
function panelFor(route: Route): ReactNode {
  switch (route) {
    case 'projects':
      return <ProjectsPanel />;
    case 'voice':
      return <VoicePanel />;
    case 'storyboard':
      return <StoryboardPanel />;
    case 'timeline':
      return <TimelinePanel />;
    case 'jobs':
      return <JobsPanel />;
    case 'monitor':
      return <MonitorPanel />;
    case 'settings':
      return <SettingsPanel />;
    case 'demo':
      return <DemoPanel />;
    default:
      return <PanelIntro route={route} />;
  }
}

export function App() {
  const route = useAppStore((s) => s.route);
  const connected = useAppStore((s) => s.connected);
  const helpOpen = useHelpStore((s) => s.open);
  const t = useT();
  useEffect(() => startJobsWatch(), []);
  useEffect(() => watchNarrationOrder(documentStore, (listener) => onJobDone('narration.synthesize', listener)), []);
  useEffect(() => startTheme(), []);
  // The document panels outside the timeline (which binds its own keys): undo/redo and save now.
  useEffect(() => {
    if (route !== 'voice' && route !== 'storyboard') return;
    const offUndo = bindUndoKeys(documentStore);
    const onSave = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 's') {
        e.preventDefault();
        void documentStore.getState().saveNow();
      }
    };
    window.addEventListener('keydown', onSave);
    return () => {
      offUndo();
      window.removeEventListener('keydown', onSave);
    };
  }, [route]);
  useEffect(() => startMenuCommands(), []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === '?' && !e.ctrlKey && !e.metaKey && !isTyping(e.target)) {
        e.preventDefault();
        useHelpStore.getState().toggle();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <div className="app">
      <Sidebar />
      <main className="main">
        {!connected && (
          <div className="banner" role="alert">
            {t('app.disconnected')}
          </div>
        )}
        {(route === 'voice' || route === 'storyboard' || route === 'timeline') && <MakeStatus />}
        {panelFor(route)}
      </main>
      <Toasts />
      {helpOpen && <HelpSheet onClose={useHelpStore.getState().close} />}
    </div>
  );
}
