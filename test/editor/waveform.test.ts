import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ProjectDocument } from '../../src-main/project/document.js';
import { peaksCacheFile, peaksFromSamples } from '../../src-main/media/waveform/peaks.js';
import { storeAssetFile } from '../../src-main/project/assets.js';
import { resolveBinary } from '../../src-main/platform/binaries.js';
import { call, makeTestCore } from '../helpers/temp-core.js';

let core: ReturnType<typeof makeTestCore> | undefined;
afterEach(async () => {
  await core?.cleanup();
  core = undefined;
});

describe('waveform peaks', () => {
  it('keeps the loudest sample of each bucket', () => {
    expect(peaksFromSamples(Int16Array.from([0, 100, -16384, 5, 32767]), 2)).toEqual([0.003, 0.5, 1]);
  });

  it('decodes an audio asset with ffmpeg (quiet then loud), and serves the disk cache afterwards', async () => {
    core = makeTestCore();
    const created = await call<{ id: string }>(core, 'project.create', { name: 'Wave' });
    const dir = core.projects.dirOf(created.id);
    const made = path.join(dir, 'tone.wav');
    // 1 s of silence, then 1 s of a half-scale sine.
    execFileSync(resolveBinary('ffmpeg'), ['-hide_banner', '-loglevel', 'error', '-f', 'lavfi', '-i', 'anullsrc=r=22050:cl=mono:d=1', '-f', 'lavfi', '-i', 'aevalsrc=0.5*sin(2*PI*440*t):s=22050:d=1', '-filter_complex', '[0][1]concat=n=2:v=0:a=1', made]);
    // Stored under its content address, as every asset is (the waveform checks it).
    const asset = await storeAssetFile(dir, made, 'wav', { kind: 'audio', source: 'import', originalName: 'tone.wav' });
    const file = path.join(dir, asset.file);
    const { document } = await call<{ document: ProjectDocument }>(core, 'project.open', { id: created.id });
    await call(core, 'project.save', { id: created.id, document: { ...document, assets: { [asset.id]: asset } } });
    const result = await call<{ duration: number; perSecond: number; peaks: number[] }>(core, 'waveform.peaks', { projectId: created.id, assetId: asset.id });
    expect(result.duration).toBeCloseTo(2, 1);
    expect(result.peaks.length).toBeGreaterThanOrEqual(99);
    expect(Math.max(...result.peaks.slice(0, 45))).toBeLessThan(0.01);
    const loud = result.peaks.slice(55, 95);
    expect(Math.min(...loud)).toBeGreaterThan(0.4);
    expect(Math.max(...loud)).toBeLessThan(0.6);
    expect(fs.existsSync(peaksCacheFile(core.paths.cache, asset.id))).toBe(true);
    fs.rmSync(file);
    const again = await call<{ peaks: number[] }>(core, 'waveform.peaks', { projectId: created.id, assetId: asset.id });
    expect(again.peaks).toEqual(result.peaks);
    const bad = await core.dispatch('waveform.peaks', { projectId: created.id, assetId: 'nope' });
    expect(bad.ok).toBe(false);
  });
});
