import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Job } from '../../src-main/ipc/contract/jobs.js';
import { call, makeTestCore, tempDir } from '../helpers/temp-core.js';
import { makeProject } from './fixtures.js';

let cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups) await c();
  cleanups = [];
});

describe('export job and IPC', () => {
  it('export.start queues an export.render job whose result is the MP4 that export.probe describes', async () => {
    const core = makeTestCore();
    const root = tempDir('whatif-exportjob-');
    cleanups.push(async () => {
      await core.cleanup();
      fs.rmSync(root, { recursive: true, force: true });
    });
    const { dir } = await makeProject(path.join(root, 'p'), { count: 2, seconds: 0.5 });
    const { summary } = core.projects.openFolder(dir);
    const started = await call<{ jobId: string; destination: string; job: Job }>(core, 'export.start', { projectId: summary.id, fps: 24 });
    expect(started.job.kind).toBe('export.render');
    expect(path.dirname(started.destination)).toBe(path.join(dir, 'renders'));
    core.jobs.start();
    const done = await core.jobs.waitFor(started.jobId);
    expect(done.state).toBe('done');
    const result = done.result as { file: string; folder: string; fps: number; durationSeconds: number };
    expect(result.file).toBe(started.destination);
    expect(result.folder).toBe(path.join(dir, 'renders'));
    const probe = await call<{ video: { fps: number; width: number } | null; durationSeconds: number }>(core, 'export.probe', { file: result.file });
    expect(probe.video?.fps).toBe(24);
    expect(probe.video?.width).toBe(180);
    expect(Math.abs(probe.durationSeconds - 1)).toBeLessThan(0.06);
  }, 60_000);

  it('export.probe names a file that is not media', async () => {
    const core = makeTestCore();
    cleanups.push(() => core.cleanup());
    const bad = path.join(core.paths.home, 'notes.mp4');
    fs.writeFileSync(bad, 'not a video');
    const result = await core.dispatch('export.probe', { file: bad });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain('notes.mp4');
  });
});
