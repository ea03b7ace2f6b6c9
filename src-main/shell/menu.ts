/**
 * The application menu as a pure template (File, Edit, View, Help in Spanish or English). Commands the
 * editor owns (new, open, save, export, show in folder, undo, redo) reach the renderer as the
 * contract's `app.menu` event; clipboard, zoom, full screen and quit use Electron's roles.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuAction } from '../ipc/contract/index.js';
import { MENU_LABELS, type MenuLanguage } from './menu-labels.js';

export interface MenuHandlers {
  action(action: MenuAction): void;
  /** Reveal the log file (Help menu). */
  showLog(): void;
}

export function buildMenuTemplate(language: MenuLanguage, handlers: MenuHandlers, platform: NodeJS.Platform = process.platform): MenuItemConstructorOptions[] {
  const t = MENU_LABELS[language] ?? MENU_LABELS.en;
  const send = (action: MenuAction) => () => handlers.action(action);
  const isMac = platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [];
  if (isMac) {
    template.push({
      label: 'WhatIf Studio',
      submenu: [
        { label: t.about, click: send('about') },
        { type: 'separator' },
        { label: t.settings, accelerator: 'CmdOrCtrl+,', click: send('settings') },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit', label: t.quit },
      ],
    });
  }
  template.push(
    {
      label: t.file,
      submenu: [
        { id: 'new', label: t.new, accelerator: 'CmdOrCtrl+N', click: send('new') },
        { id: 'open', label: t.open, accelerator: 'CmdOrCtrl+O', click: send('open') },
        { id: 'save', label: t.save, accelerator: 'CmdOrCtrl+S', click: send('save') },
        { type: 'separator' },
        { id: 'export', label: t.export, accelerator: 'CmdOrCtrl+E', click: send('export') },
        { id: 'show-in-folder', label: t.showInFolder, click: send('show-in-folder') },
        ...(isMac
          ? []
          : ([
              { type: 'separator' },
              { id: 'settings', label: t.settings, accelerator: 'CmdOrCtrl+,', click: send('settings') },
              { type: 'separator' },
              { id: 'quit', role: 'quit', label: t.quit },
            ] satisfies MenuItemConstructorOptions[])),
      ],
    },
    {
      label: t.edit,
      submenu: [
        // The editor's undo history lives in the renderer's store: the menu asks it to step.
        { id: 'undo', label: t.undo, accelerator: 'CmdOrCtrl+Z', click: send('undo') },
        { id: 'redo', label: t.redo, accelerator: isMac ? 'Shift+Cmd+Z' : 'Ctrl+Y', click: send('redo') },
        { type: 'separator' },
        { role: 'cut', label: t.cut },
        { role: 'copy', label: t.copy },
        { role: 'paste', label: t.paste },
        { role: 'selectAll', label: t.selectAll },
      ],
    },
    {
      label: t.view,
      submenu: [
        { role: 'zoomIn', label: t.zoomIn },
        { role: 'zoomOut', label: t.zoomOut },
        { role: 'resetZoom', label: t.resetZoom },
        { type: 'separator' },
        { role: 'togglefullscreen', label: t.fullScreen },
      ],
    },
    {
      label: t.help,
      submenu: [
        { id: 'show-log', label: t.showLog, click: () => handlers.showLog() },
        ...(isMac ? [] : ([{ id: 'about', label: t.about, click: send('about') }] satisfies MenuItemConstructorOptions[])),
      ],
    },
  );
  return template;
}
