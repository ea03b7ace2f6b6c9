import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProjectSummary } from '../../src-main/ipc/contract/index.js';
import type { ProjectDocument } from '../../src-main/project/document.js';
import { readProjectFile } from '../../src-main/project/project-file.js';
import { upgradeDocument } from '../../src-main/project/upgrade.js';
import { call, makeTestCore, tempDir } from '../helpers/temp-core.js';

let core: ReturnType<typeof makeTestCore>;
beforeEach(() => {
  core = makeTestCore();
});
afterEach(async () => {
  await core.cleanup();
});

type Opened = { summary: ProjectSummary; document: ProjectDocument };

describe('projects through the contract', () => {
  it('creates a project folder with project.json, assets/ and renders/, and lists it', async () => {
    const created = await call<ProjectSummary>(core, 'project.create', { name: '¿Y si la Luna desapareciera?', language: 'es' });
    expect(fs.existsSync(path.join(created.dir, 'project.json'))).toBe(true);
    expect(fs.statSync(path.join(created.dir, 'assets')).isDirectory()).toBe(true);
    expect(fs.statSync(path.join(created.dir, 'renders')).isDirectory()).toBe(true);
    expect(path.dirname(created.dir)).toBe(core.paths.projects);
    const doc = readProjectFile(created.dir);
    expect(doc).toMatchObject({ version: 2, name: '¿Y si la Luna desapareciera?', language: 'es', output: { width: 1080, height: 1920, fps: 30 } });
    const list = await call<ProjectSummary[]>(core, 'project.list', {});
    expect(list.map((p) => p.id)).toEqual([created.id]);
    const row = core.db.prepare('SELECT name, dir FROM projects WHERE id = ?').get(created.id);
    expect(row).toEqual({ name: '¿Y si la Luna desapareciera?', dir: created.dir });
  });

  it('saves atomically, renames, copies and deletes', async () => {
    const created = await call<ProjectSummary>(core, 'project.create', { name: 'What if' });
    const opened = await call<Opened>(core, 'project.open', { id: created.id });
    const edited = { ...opened.document, narration: { ...opened.document.narration, script: 'What if the sea were sweet?' } };
    await call(core, 'project.save', { id: created.id, document: edited });
    expect(readProjectFile(created.dir).narration.script).toBe('What if the sea were sweet?');
    expect(fs.readdirSync(created.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    const renamed = await call<ProjectSummary>(core, 'project.rename', { id: created.id, name: 'Sweet sea' });
    expect(renamed.name).toBe('Sweet sea');
    expect(readProjectFile(created.dir).name).toBe('Sweet sea');

    const dest = tempDir();
    const copy = await call<{ dir: string }>(core, 'project.exportCopy', { id: created.id, destDir: dest });
    const copied = readProjectFile(copy.dir);
    expect(copied.name).toBe('Sweet sea');
    expect(copied.id).not.toBe(created.id);
    expect(fs.existsSync(path.join(copy.dir, 'assets'))).toBe(true);

    const refused = await core.dispatch('project.delete', { id: created.id, confirmId: 'something-else' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(fs.existsSync(created.dir)).toBe(true);
    await call(core, 'project.delete', { id: created.id, confirmId: created.id });
    expect(fs.existsSync(created.dir)).toBe(false);
    expect(await call<ProjectSummary[]>(core, 'project.list', {})).toEqual([]);
    fs.rmSync(dest, { recursive: true, force: true });
  });

  it('never deletes a folder that does not hold the project', async () => {
    const created = await call<ProjectSummary>(core, 'project.create', { name: 'Victim' });
    // Someone replaced the folder's document with another project's: the delete must refuse.
    const doc = readProjectFile(created.dir);
    fs.writeFileSync(path.join(created.dir, 'project.json'), JSON.stringify({ ...doc, id: 'another-project' }));
    const result = await core.dispatch('project.delete', { id: created.id, confirmId: created.id });
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(fs.existsSync(path.join(created.dir, 'project.json'))).toBe(true);
  });

  it('reports a corrupt project.json by name and leaves it untouched', async () => {
    const created = await call<ProjectSummary>(core, 'project.create', { name: 'Broken' });
    const file = path.join(created.dir, 'project.json');
    fs.writeFileSync(file, '{"version": 1, "name": ');
    const before = fs.readFileSync(file, 'utf8');
    const result = await core.dispatch('project.open', { id: created.id });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid_input');
      expect(result.error.message).toContain(file);
      expect(result.error.message).toMatch(/not valid JSON/);
    }
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
  });

  it('refuses a project.json from a future version, naming the file and the version', async () => {
    const created = await call<ProjectSummary>(core, 'project.create', { name: 'Future' });
    const file = path.join(created.dir, 'project.json');
    const future = { ...JSON.parse(fs.readFileSync(file, 'utf8')), version: 7 };
    fs.writeFileSync(file, JSON.stringify(future));
    const before = fs.readFileSync(file, 'utf8');
    const result = await core.dispatch('project.open', { id: created.id });
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict' } });
    if (!result.ok) expect(result.error.message).toMatch(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}.*format 7`));
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
  });

  it('names the invalid field of a structurally wrong document', async () => {
    const created = await call<ProjectSummary>(core, 'project.create', { name: 'Bad fps' });
    const file = path.join(created.dir, 'project.json');
    const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
    doc.output.fps = 31;
    fs.writeFileSync(file, JSON.stringify(doc));
    const result = await core.dispatch('project.open', { id: created.id });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    if (!result.ok) expect(result.error.message).toContain('output.fps');
  });
});

describe('project file upgrades', () => {
  it('runs each step in order up to the latest version', () => {
    const steps = {
      1: (raw: Record<string, unknown>) => ({ ...raw, title: undefined, name: raw.title }),
      2: (raw: Record<string, unknown>) => ({ ...raw, tags: [] }),
    };
    expect(upgradeDocument({ version: 1, title: 'Old' }, steps, 3)).toEqual({ version: 3, title: undefined, name: 'Old', tags: [] });
  });

  it('refuses a missing step, a missing version and a newer file', () => {
    expect(() => upgradeDocument({ version: 1 }, {}, 2)).toThrow(/no upgrade from format 1/);
    expect(() => upgradeDocument({ name: 'x' }, {}, 1)).toThrow(/no valid "version"/);
    expect(() => upgradeDocument({ version: 4 }, {}, 1)).toThrow(/newer WhatIf Studio/);
  });
});
