import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALL_NAMES, calls, events, EVENT_NAMES } from '../../src-main/ipc/contract/index.js';
import type { ProjectSummary } from '../../src-main/ipc/contract/index.js';
import { EventBus } from '../../src-main/ipc/events.js';
import { call, makeTestCore } from '../helpers/temp-core.js';

let core: ReturnType<typeof makeTestCore>;
beforeAll(() => {
  core = makeTestCore();
});
afterAll(async () => {
  await core.cleanup();
});

describe('the IPC contract', () => {
  it('declares every call with input and output schemas, and has a handler for each', () => {
    expect(CALL_NAMES.length).toBeGreaterThan(15);
    for (const name of CALL_NAMES) {
      expect(calls[name].input, name).toBeDefined();
      expect(calls[name].output, name).toBeDefined();
      expect(typeof core.handlers[name], name).toBe('function');
    }
    expect(Object.keys(core.handlers).sort()).toEqual([...CALL_NAMES].sort());
    expect(EVENT_NAMES).toEqual(expect.arrayContaining(['project.changed', 'job.changed']));
    for (const name of EVENT_NAMES) expect(events[name]).toBeDefined();
  });

  it.each(CALL_NAMES)('%s rejects a malformed payload with invalid_input', async (name) => {
    const before = await call<ProjectSummary[]>(core, 'project.list', {});
    for (const payload of [42, 'text', [1, 2], { __unexpected: { nested: true }, id: 17, name: 17, projectId: 17 }]) {
      const result = await core.dispatch(name, payload);
      expect(result.ok, `${name} accepted ${JSON.stringify(payload)}`).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('invalid_input');
        expect(result.error.message).toContain(name);
      }
    }
    expect(await call<ProjectSummary[]>(core, 'project.list', {})).toEqual(before);
  });

  it('names the offending field', async () => {
    const result = await core.dispatch('project.create', { name: '' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    if (!result.ok) expect(result.error.message).toMatch(/name: name must not be empty/);
    const preset = await core.dispatch('project.create', { name: 'x', preset: '4:3' });
    if (!preset.ok) expect(preset.error.message).toContain('preset');
    expect(await call<ProjectSummary[]>(core, 'project.list', {})).toEqual([]);
  });

  it('refuses an unknown channel', async () => {
    expect(await core.dispatch('project.format-disk', {})).toMatchObject({ ok: false, error: { code: 'not_found', message: expect.stringContaining('Unknown channel') } });
    expect(await core.dispatch(undefined, {})).toMatchObject({ ok: false });
  });

  it('never returns a secret value', async () => {
    const key = 'kie-secret-value-1234567890';
    const status = await call(core, 'secrets.set', { name: 'kie', value: key });
    expect(status).toMatchObject({ kie: true, elevenlabs: false });
    expect(JSON.stringify(status)).not.toContain(key);
    for (const name of CALL_NAMES.filter((n) => n.startsWith('secrets.') || n.startsWith('settings.'))) {
      const result = await core.dispatch(name, name === 'settings.set' ? {} : name.startsWith('settings') ? {} : { name: 'kie' });
      expect(JSON.stringify(result)).not.toContain(key);
    }
    expect(await call(core, 'secrets.delete', { name: 'kie' })).toMatchObject({ kie: false });
  });
});

describe('events', () => {
  it('are validated against the contract and coalesced per job, keeping the last value', async () => {
    const bus = new EventBus();
    const seen: unknown[] = [];
    bus.subscribe((name, payload) => seen.push([name, payload]));
    expect(() => bus.emit('project.changed', { id: 'p', reason: 'exploded' } as never)).toThrow();
    const job = {
      id: 'j1', kind: 'export', projectId: null, title: 'Export', state: 'running' as const, progress: 0, message: '', attempts: 1, maxAttempts: 3,
      nextRunAt: null, result: null, error: null, createdAt: 't', updatedAt: 't', startedAt: 't', finishedAt: null,
    };
    for (let p = 0; p <= 100; p += 1) bus.emit('job.changed', { ...job, progress: p });
    expect(seen.length).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(seen.length).toBe(2);
    expect((seen[1] as [string, { progress: number }])[1].progress).toBe(100);
  });
});
