/**
 * The v1 sample opens, exports and previews as before: the bundled demo (resources/sample, a project
 * format v1 file, upgraded when it is opened) exported at full size by the export job, and drawn by
 * the live preview, compared with frames of the v1 app's own export of it (test/fixtures/v1-demo/:
 * Ken Burns, crossfade, slide, wipe and zoom transitions, the highlighted caption word, the title
 * and end texts), all scaled to 270x480 the same way. PSNR in yuv420p: ≥ 45 dB for the export,
 * ≥ 35 dB for the preview (the parity bar of test/e2e/parity.test.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Job } from '../../src-main/ipc/contract/jobs.js';
import type { ProjectDocument } from '../../src-main/project/document.js';
import { call, makeTestCore, tempDirsForThisFile } from '../helpers/temp-core.js';
import { extractDemoFrames, fixtureFile, psnrYuv420, scaleLikeDemoFrames, V1_DEMO_FPS, V1_DEMO_FRAMES } from '../media/v1-demo-frames.js';
import { ARTIFACTS, callInPage, startApp, type AppSession } from './bridge-harness.js';

/** The hook src-renderer/src/preview/render-still.ts puts on the page. */
interface PreviewHook {
  whatifPreview: { renderPng(doc: ProjectDocument, projectId: string, t: number): Promise<string> };
}

const newDir = tempDirsForThisFile('whatif-v1-demo-');
let app: AppSession;
beforeAll(async () => {
  app = await startApp();
  await app.page.goto(app.url);
}, 240_000);
afterAll(async () => app?.close());

describe('the v1 demo as the v1 app made it', () => {
  it('exports the same frames as the v1 export (PSNR ≥ 45 dB at six times)', async () => {
    const core = makeTestCore();
    try {
      const demo = await call<{ id: string; dir: string }>(core, 'project.createDemo', {});
      const started = await call<{ jobId: string; job: Job }>(core, 'export.start', { projectId: demo.id, destination: path.join(newDir(), 'demo.mp4') });
      core.jobs.start();
      const done = await core.jobs.waitFor(started.jobId);
      expect(done.state, done.error?.message).toBe('done');
      const result = done.result as { file: string; width: number; height: number; fps: number; durationSeconds: number };
      expect(result).toMatchObject({ width: 1080, height: 1920, fps: V1_DEMO_FPS });
      expect(result.durationSeconds).toBeCloseTo(60, 1);
      const out = newDir();
      const frames = await extractDemoFrames(result.file, out, (frame) => path.join(out, `head-${frame}.png`));
      const results: { frame: number; psnr: number }[] = [];
      for (const [i, { frame }] of V1_DEMO_FRAMES.entries()) {
        results.push({ frame, psnr: await psnrYuv420(frames[i]!, fixtureFile(frame)) });
        fs.copyFileSync(frames[i]!, path.join(ARTIFACTS, `v1-demo-export-${frame}.png`));
      }
      console.log(`v1 demo, export vs v1 export, PSNR (dB): ${results.map((r) => `frame ${r.frame} ${r.psnr.toFixed(2)}`).join(', ')}`);
      for (const r of results) expect(r.psnr, `PSNR at frame ${r.frame}`).toBeGreaterThanOrEqual(45);
    } finally {
      await core.cleanup();
    }
  }, 900_000);

  it('previews the same frames as the v1 export (PSNR ≥ 35 dB at three times)', async () => {
    const demo = await callInPage<{ id: string }>(app.page, 'project.createDemo', {});
    const { document } = await callInPage<{ document: ProjectDocument }>(app.page, 'project.open', { id: demo.id });
    expect(document.version).toBe(2);
    const out = newDir();
    const results: { frame: number; psnr: number }[] = [];
    // The caption word with the title, the crossfade, the slide.
    for (const frame of [45, 180, 360]) {
      const t = frame / V1_DEMO_FPS;
      const dataUrl = await app.page.evaluate(([d, id, time]) => (window as unknown as PreviewHook).whatifPreview.renderPng(d, id, time), [document, demo.id, t] as const);
      const full = path.join(out, `preview-full-${frame}.png`);
      fs.writeFileSync(full, Buffer.from(dataUrl.split(',')[1]!, 'base64'));
      const small = path.join(out, `preview-${frame}.png`);
      await scaleLikeDemoFrames(full, small);
      results.push({ frame, psnr: await psnrYuv420(small, fixtureFile(frame)) });
      fs.copyFileSync(small, path.join(ARTIFACTS, `v1-demo-preview-${frame}.png`));
    }
    console.log(`v1 demo, preview vs v1 export, PSNR (dB): ${results.map((r) => `frame ${r.frame} ${r.psnr.toFixed(2)}`).join(', ')}`);
    for (const r of results) expect(r.psnr, `PSNR at frame ${r.frame}`).toBeGreaterThanOrEqual(35);
  }, 240_000);
});
