/**
 * The packaged app cannot fork Node (RunAsNode fuse off): the shell narrates through Electron's
 * utilityProcess. With a stand-in utilityProcess that starts a real child, a project is narrated with
 * the generated test voice through the shell's adapter, and the WAV that comes back is real audio.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Job } from '../../src-main/ipc/contract/jobs.js';
import { closeNarration, configureNarration } from '../../src-main/narration/runtime.js';
import { addVoice } from '../../src-main/narration/voices/manage.js';
import { forkUtilityEngine } from '../../src-main/shell/engine-process.js';
import { call, makeTestCore, tempDir } from '../helpers/temp-core.js';
import { readWav, testVoice } from '../narration/helpers.js';
import { utilityProcess } from './stand-in/electron.js';

vi.mock('electron', () => import('./stand-in/electron.js'));

let core: ReturnType<typeof makeTestCore>;
let gen: string;
beforeAll(async () => {
  gen = tempDir('whatif-utility-');
  core = makeTestCore();
  configureNarration(core, { forkEngine: forkUtilityEngine });
  await addVoice(core, testVoice(gen));
  core.jobs.start();
});
afterAll(async () => {
  closeNarration(core);
  await core.cleanup();
  fs.rmSync(gen, { recursive: true, force: true });
});

describe('narration engine in the desktop shell', () => {
  it('runs the Piper worker through utilityProcess.fork and returns real audio', async () => {
    const before = utilityProcess.forks.length;
    const { job } = await call<{ job: Job }>(core, 'narration.preview', { text: 'What if the moon vanished tonight?', voiceId: 'en_US-test-medium', wordsPerMinute: 170, language: 'en' });
    const done = await core.jobs.waitFor(job.id);
    expect(done.state, done.error?.message).toBe('done');
    expect(utilityProcess.forks.length).toBeGreaterThan(before);
    expect(utilityProcess.forks.at(-1)!.file).toMatch(/piper-worker\.(ts|js)$/);
    const file = (done.result as { file?: string } | null)?.file;
    expect(file, JSON.stringify(done.result)).toBeTruthy();
    const audio = readWav(file!);
    expect(audio.samples.length / audio.sampleRate).toBeGreaterThan(0.5);
  });
});
