import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { restoreWindowState, saveWindowState, loadWindowState } from '../../src-main/shell/window-state.js';
import { projectDirFromArgv, projectDirOf } from '../../src-main/shell/launch-args.js';
import { tempDir } from '../helpers/temp-core.js';
import { MemoryKeyValue } from './fake-safe-storage.js';

const screen = { x: 0, y: 0, width: 1920, height: 1080 };

describe('window state', () => {
  it('restores the saved position and size on a display that still exists', () => {
    const kv = new MemoryKeyValue();
    saveWindowState(kv, { bounds: { x: 100, y: 80, width: 1300, height: 850 }, maximized: true });
    expect(loadWindowState(kv, [screen])).toEqual({ bounds: { x: 100, y: 80, width: 1300, height: 850 }, maximized: true });
  });

  it('drops a position left on an unplugged monitor, and clamps sizes to the screen and the minimum', () => {
    expect(restoreWindowState({ bounds: { x: 3000, y: 100, width: 1300, height: 850 } }, [screen])).toEqual({ bounds: { width: 1300, height: 850 }, maximized: false });
    expect(restoreWindowState({ bounds: { width: 5000, height: 200 } }, [screen]).bounds).toEqual({ width: 1920, height: 600 });
    expect(restoreWindowState(undefined, [screen])).toEqual({ bounds: { width: 1400, height: 900 }, maximized: false });
    expect(restoreWindowState({ bounds: { x: 'a', width: null } }, [])).toEqual({ bounds: { width: 1400, height: 900 }, maximized: false });
  });
});

describe('project paths from the command line and the OS', () => {
  const dir = tempDir('whatif-launch-');
  const project = path.join(dir, 'My Short');
  fs.mkdirSync(project);
  fs.writeFileSync(path.join(project, 'project.json'), '{}');
  fs.mkdirSync(path.join(dir, 'not-a-project'));

  it('finds a project folder or its project.json, relative to the launch folder', () => {
    expect(projectDirOf(project)).toBe(project);
    expect(projectDirOf(path.join(project, 'project.json'))).toBe(project);
    expect(projectDirOf('My Short', dir)).toBe(project);
    expect(projectDirOf(path.join(dir, 'not-a-project'))).toBeNull();
    expect(projectDirOf('--inspect')).toBeNull();
  });

  it('skips the executable (and the app path in development) and flags', () => {
    expect(projectDirFromArgv(['/opt/WhatIf Studio/whatif-studio', '--no-sandbox', project])).toBe(project);
    expect(projectDirFromArgv(['electron', project, 'x'], dir, false)).toBeNull();
    expect(projectDirFromArgv(['electron', '.', project], dir, false)).toBe(project);
    expect(projectDirFromArgv([project])).toBeNull();
  });
});
