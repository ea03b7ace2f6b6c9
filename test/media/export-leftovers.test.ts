/**
 * What a killed export leaves beside its destination (its work folder, its temp MP4) is removed by
 * the next export into that folder, and what a running process is using is never touched.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { exportProject } from '../../src-main/media/export/export-project.js';
import { makeWorkDir, ownerIsGone, removeLeftovers } from '../../src-main/media/export/leftovers.js';
import { withTempOutput } from '../../src-main/media/ffmpeg/run-ffmpeg.js';
import { probeMedia } from '../../src-main/media/ffmpeg/probe.js';
import { ownerTag } from '../../src-main/platform/owner-tag.js';
import { tempDirsForThisFile } from '../helpers/temp-core.js';
import { makeProject } from './fixtures.js';

const dir = tempDirsForThisFile('whatif-leftovers-');

/** The pid of a process that has already exited. */
function deadPid(): number {
  return Number(execFileSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }));
}

/** The names withTempOutput and makeWorkDir really use, re-tagged as if `tag` had made them. */
async function leftoversOf(folder: string, tag: string): Promise<string[]> {
  const work = makeWorkDir(folder);
  fs.writeFileSync(path.join(work, 'owner'), tag);
  fs.writeFileSync(path.join(work, 'chunk-000.mp4'), 'x');
  let temp = '';
  await withTempOutput(path.join(folder, 'short.mp4'), async (t) => {
    temp = t;
    throw new Error('stop here');
  }).catch(() => {});
  const partial = path.join(folder, path.basename(temp).replace(ownerTag(), tag));
  fs.writeFileSync(partial, 'half an mp4');
  return [path.basename(work), path.basename(partial)];
}

describe('leftovers of a killed export', () => {
  it('tells a dead process from a live one, and never judges another host', () => {
    expect(ownerIsGone(`${deadPid()}@${os.hostname()}`)).toBe(true);
    expect(ownerIsGone(ownerTag())).toBe(false);
    expect(ownerIsGone(`${deadPid()}@another-machine`)).toBe(false);
    expect(ownerIsGone('garbage')).toBe(false);
  });

  it('the next export into the folder removes a dead process\'s work folder and temp MP4, not a live one\'s', async () => {
    const { dir: project, doc } = await makeProject(dir(), { count: 1, seconds: 1, width: 360, height: 640 });
    const folder = path.join(project, 'renders');
    fs.mkdirSync(folder, { recursive: true });
    const dead = await leftoversOf(folder, `${deadPid()}@${os.hostname()}`);
    const live = await leftoversOf(folder, ownerTag());
    expect(fs.readdirSync(folder).sort()).toEqual([...dead, ...live].sort());

    const out = path.join(folder, 'next.mp4');
    await exportProject({ projectDir: project, doc, output: doc.output, destination: out });
    expect((await probeMedia(out)).video?.width).toBe(360);
    expect(fs.readdirSync(folder).sort()).toEqual([...live, 'next.mp4'].sort());
  }, 60_000);

  it('is quiet about a folder it cannot read', () => {
    expect(() => removeLeftovers(path.join(dir(), 'missing'))).not.toThrow();
  });
});
