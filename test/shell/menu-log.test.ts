import fs from 'node:fs';
import path from 'node:path';
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { buildMenuTemplate } from '../../src-main/shell/menu.js';
import { RotatingLogFile } from '../../src-main/shell/log-file.js';
import { installErrorReporting } from '../../src-main/shell/error-report.js';
import { MENU_ACTIONS } from '../../src-main/ipc/contract/index.js';
import { tempDir } from '../helpers/temp-core.js';

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}

describe('application menu', () => {
  it('has File, Edit, View, Help in Spanish and English', () => {
    const noop = { action: () => {}, showLog: () => {} };
    expect(buildMenuTemplate('es', noop, 'linux').map((m) => m.label)).toEqual(['Archivo', 'Edición', 'Ver', 'Ayuda']);
    expect(buildMenuTemplate('en', noop, 'linux').map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Help']);
    const es = items(buildMenuTemplate('es', noop, 'linux'));
    for (const label of ['Nuevo proyecto', 'Abrir proyecto…', 'Guardar', 'Exportar vídeo…', 'Mostrar en la carpeta', 'Salir', 'Deshacer', 'Rehacer']) {
      expect(es.map((i) => i.label)).toContain(label);
    }
    expect(es.find((i) => i.label === 'Salir')?.role).toBe('quit');
    // macOS puts Quit under the app menu.
    const mac = buildMenuTemplate('en', noop, 'darwin');
    expect(mac[0]?.label).toBe('WhatIf Studio');
    expect(items(mac).some((i) => i.role === 'quit')).toBe(true);
  });

  it('sends each editor command to the renderer as an app.menu action of the contract', () => {
    const sent: string[] = [];
    const template = buildMenuTemplate('en', { action: (a) => sent.push(a), showLog: () => sent.push('log') }, 'linux');
    for (const id of ['new', 'open', 'save', 'export', 'show-in-folder', 'undo', 'redo', 'show-log']) {
      const item = items(template).find((i) => i.id === id);
      (item?.click as () => void)();
    }
    expect(sent).toEqual(['new', 'open', 'save', 'export', 'show-in-folder', 'undo', 'redo', 'log']);
    for (const action of sent.slice(0, 7)) expect(MENU_ACTIONS).toContain(action);
  });
});

describe('log file', () => {
  it('redacts keys and Bearer tokens, and rotates keeping the newest files', () => {
    const dir = tempDir('whatif-logs-');
    let secrets: string[] = ['sk-live-abcdef123456'];
    const log = new RotatingLogFile({ dir, maxBytes: 400, keep: 2, secrets: () => secrets });
    log.write('calling KIE with sk-live-abcdef123456 and Authorization: Bearer abc.def.ghijkl');
    secrets = [...secrets, 'el-added-later-999'];
    log.write('url ?key=el-added-later-999');
    const text = fs.readFileSync(log.file, 'utf8');
    expect(text).not.toContain('sk-live-abcdef123456');
    expect(text).not.toContain('abc.def.ghijkl');
    expect(text).not.toContain('el-added-later-999');
    expect(text).toContain('[redacted]');
    for (let i = 0; i < 40; i += 1) log.write(`line ${i} ${'x'.repeat(40)}`);
    const files = fs.readdirSync(dir).sort();
    expect(files).toEqual(['whatif.1.log', 'whatif.2.log', 'whatif.log']);
    for (const file of files) expect(fs.statSync(path.join(dir, file)).size).toBeLessThanOrEqual(400);
    expect(fs.readFileSync(log.file, 'utf8')).toContain('line 39');
  });
});

describe('unexpected errors', () => {
  it('are logged and shown to the user in their language, with the key scrubbed', () => {
    const emitter = new EventEmitter();
    const lines: string[] = [];
    const shown: { title: string; message: string }[] = [];
    const uninstall = installErrorReporting(
      {
        log: (line) => lines.push(line),
        show: (title, message) => shown.push({ title, message }),
        language: () => 'es',
        logFile: '/data/logs/whatif.log',
        scrub: (text) => text.replaceAll('sk-secret-1234', '[redacted]'),
      },
      emitter,
    );
    emitter.emit('uncaughtException', new Error('boom with sk-secret-1234'));
    emitter.emit('unhandledRejection', new Error('second'));
    uninstall();
    expect(lines[0]).toMatch(/uncaught exception/);
    expect(shown[0]?.title).toMatch(/error inesperado/);
    expect(shown[0]?.message).toContain('/data/logs/whatif.log');
    expect(shown[0]?.message).not.toContain('sk-secret-1234');
    expect(shown).toHaveLength(2);
    expect(emitter.listenerCount('uncaughtException')).toBe(0);
  });
});
