import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTestCore } from '../helpers/temp-core.js';
import type { PickPathInput } from '../../src-main/ipc/contract/index.js';

const picked: PickPathInput[] = [];
const shown: string[] = [];
const desktop = makeTestCore({
  mode: 'desktop',
  desktop: {
    async pickPath(input) {
      picked.push(input);
      return input.kind === 'save-file' ? null : '/picked/folder';
    },
    showInFolder: (target) => void shown.push(target),
  },
});
const bridge = makeTestCore({ mode: 'bridge' });

afterAll(async () => {
  await desktop.cleanup();
  await bridge.cleanup();
});

describe('os.pickPath and os.showInFolder', () => {
  it('use the native dialog and file manager on the desktop', async () => {
    expect(await desktop.dispatch('os.pickPath', { kind: 'open-project', title: 'Abrir' })).toEqual({ ok: true, data: { path: '/picked/folder', native: true } });
    expect(await desktop.dispatch('os.pickPath', { kind: 'save-file', filters: [{ name: 'MP4', extensions: ['mp4'] }] })).toEqual({ ok: true, data: { path: null, native: true } });
    expect(picked.map((p) => p.kind)).toEqual(['open-project', 'save-file']);
    expect(await desktop.dispatch('os.showInFolder', { path: desktop.paths.home })).toEqual({ ok: true, data: { shown: true, path: desktop.paths.home } });
    expect(shown).toEqual([desktop.paths.home]);
  });

  it('answer "not native" on the bridge, so the page asks for a path instead', async () => {
    expect(await bridge.dispatch('os.pickPath', { kind: 'open-file' })).toEqual({ ok: true, data: { path: null, native: false } });
    expect(await bridge.dispatch('os.showInFolder', { path: bridge.paths.home })).toEqual({ ok: true, data: { shown: false, path: bridge.paths.home } });
  });

  it('refuse relative and missing paths, and filters that are not extensions', async () => {
    expect(await desktop.dispatch('os.showInFolder', { path: 'renders/x.mp4' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const missing = path.join(desktop.paths.home, 'gone.mp4');
    expect(fs.existsSync(missing)).toBe(false);
    expect(await desktop.dispatch('os.showInFolder', { path: missing })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await desktop.dispatch('os.pickPath', { kind: 'open-file', filters: [{ name: 'x', extensions: ['../../etc'] }] })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(shown).toHaveLength(1);
  });
});
