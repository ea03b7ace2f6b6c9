/**
 * The desktop application menu's commands (the contract's `app.menu` event, sent by the Electron
 * shell) carried out in the editor. The bridge never sends them, so in a browser this is idle.
 */
import type { EventPayload } from '../../../src-main/ipc/contract/index.js';
import { invoke, on } from '../ipc/client.js';
import { isTyping } from '../panels/help/shortcuts.js';
import { errorText, useAppStore } from '../state/app-store.js';
import { documentStore } from '../state/document/index.js';
import { useTimeline } from '../timeline/timeline-store.js';

export type MenuCommand = EventPayload<'app.menu'>;

/** Menu Undo/Redo take the key away from the page: in a text field they act on the field. */
function editFieldOr(command: 'undo' | 'redo', orElse: () => void): void {
  if (isTyping(document.activeElement)) document.execCommand(command);
  else orElse();
}

export async function runMenuCommand(command: MenuCommand): Promise<void> {
  const app = useAppStore.getState();
  switch (command.action) {
    case 'new':
      return app.navigate('projects');
    case 'open': {
      const picked = await invoke('os.pickPath', { kind: 'open-project' });
      if (!picked.native) return app.navigate('projects');
      if (!picked.path) return;
      const opened = await invoke('project.openFolder', { dir: picked.path });
      await app.refreshProjects();
      return app.openProject(opened.summary.id);
    }
    case 'open-project':
      if (!command.projectId) return;
      await app.refreshProjects();
      return app.openProject(command.projectId);
    case 'save':
      return documentStore.getState().saveNow();
    case 'export':
      app.navigate('timeline');
      if (documentStore.getState().doc) useTimeline.getState().setExportOpen(true);
      return;
    case 'show-in-folder': {
      const project = app.projects?.find((p) => p.id === app.currentProjectId);
      if (!project) return app.navigate('projects');
      await invoke('os.showInFolder', { path: project.dir });
      return;
    }
    case 'undo':
      return editFieldOr('undo', () => documentStore.getState().undo());
    case 'redo':
      return editFieldOr('redo', () => documentStore.getState().redo());
    case 'settings':
      return app.navigate('settings');
    case 'about': {
      const info = await invoke('app.info', {});
      return app.toast('info', `${info.name} ${info.version} (${info.platform})`);
    }
  }
}

/** Subscribes to menu commands; returns the unsubscribe function. */
export function startMenuCommands(): () => void {
  return on('app.menu', (command) => {
    runMenuCommand(command).catch((error: unknown) => useAppStore.getState().toast('error', errorText(error)));
  });
}
