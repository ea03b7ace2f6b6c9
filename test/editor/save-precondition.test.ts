import { afterEach, describe, expect, it } from 'vitest';
import type { ProjectDocument } from '../../src-main/project/document.js';
import { call, makeTestCore } from '../helpers/temp-core.js';

let core: ReturnType<typeof makeTestCore> | undefined;
afterEach(async () => {
  await core?.cleanup();
  core = undefined;
});

describe('project.save with expectedUpdatedAt (the editor autosave precondition)', () => {
  it('writes when disk is unchanged and refuses with conflict once a job wrote in between', async () => {
    core = makeTestCore();
    const created = await call<{ id: string }>(core, 'project.create', { name: 'Race' });
    const { document } = await call<{ document: ProjectDocument }>(core, 'project.open', { id: created.id });
    const saved = await call<{ updatedAt: string }>(core, 'project.save', { id: created.id, document: { ...document, name: 'Mine' }, expectedUpdatedAt: document.updatedAt });
    // A job writes through the core.
    await new Promise((r) => setTimeout(r, 5));
    core.projects.update(created.id, (doc) => ({ ...doc, style: { ...doc.style, premise: 'from a job' } }));
    const stale = await core.dispatch('project.save', { id: created.id, document: { ...document, name: 'Stale' }, expectedUpdatedAt: saved.updatedAt });
    expect(stale.ok).toBe(false);
    if (!stale.ok) expect(stale.error.code).toBe('conflict');
    const { document: onDisk } = await call<{ document: ProjectDocument }>(core, 'project.open', { id: created.id });
    expect(onDisk).toMatchObject({ name: 'Mine', style: { premise: 'from a job' } });
  });
});
