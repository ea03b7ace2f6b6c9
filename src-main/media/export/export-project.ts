/**
 * Exports a project to MP4: check every input, prepare each image once, encode the picture chunk by
 * chunk (flat memory), mix and normalise the audio (render-audio.ts), and join everything with +faststart
 * into a temp file beside the destination that is renamed into place only when all went well.
 * Progress is reported as percent + message with an ETA; the AbortSignal cancels at any step.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../errors.js';
import { projectDuration, type OutputSettings, type ProjectDocument } from '../../project/document.js';
import { resourcePath } from '../../platform/app-root.js';
import { renderAudio } from '../audio/render-audio.js';
import { buildAss } from '../captions/ass.js';
import { runFfmpeg, withTempOutput } from '../ffmpeg/run-ffmpeg.js';
import { probeMedia, type MediaProbe } from '../ffmpeg/probe.js';
import { chunkFrames } from '../render/chunk-frames.js';
import { chunkGraph, rawFramesInput, videoEncoderArgs } from '../render/chunk-graph.js';
import { feedFrames } from '../render/frame-feed.js';
import { planVideo } from '../render/video-plan.js';
import { checkAudio, checkImages, prepareImages, validateForExport } from './inputs.js';
import { makeWorkDir, removeLeftovers } from './leftovers.js';
import { runPool } from './run-pool.js';
import type { ExportJobResult } from './export-job.js';

export interface ExportOptions {
  projectDir: string;
  doc: ProjectDocument;
  output: OutputSettings;
  destination: string;
  /** A silent AAC track when the project has no audio (otherwise no audio stream). */
  silentAudio?: boolean;
  signal?: AbortSignal;
  onProgress?: (percent: number, message: string, etaSeconds: number | null) => void;
  /** Chunks the picture is cut into; default one per encoder running at once (`parallel`). */
  chunks?: number;
  /** Chunks encoded at once (default: 2, or 1 on a single core). */
  parallel?: number;
}

export type ExportResult = Omit<ExportJobResult, 'folder'> & { probe: MediaProbe };

export function fontsDir(): string {
  return resourcePath('fonts');
}

export async function exportProject(options: ExportOptions): Promise<ExportResult> {
  const started = Date.now();
  const { doc, output } = options;
  const abortAll = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, abortAll.signal]) : abortAll.signal;
  const report = (percent: number, message: string) => {
    const elapsed = (Date.now() - started) / 1000;
    const eta = percent > 3 ? (elapsed * (100 - percent)) / percent : null;
    options.onProgress?.(Math.min(100, percent), message, eta);
  };
  const checkCancel = () => {
    if (options.signal?.aborted) throw new AppError('cancelled', 'Cancelled.');
  };
  report(0, 'Checking the project');
  validateForExport(doc);
  const duration = projectDuration(doc);
  const frame = { width: output.width, height: output.height };
  const ass = buildAss({ frame, text: doc.tracks.text, captions: doc.tracks.captions, duration });
  // Image headers are read in-process while the audio files are probed.
  const [sizes, audioInputs] = await Promise.all([checkImages(options.projectDir, doc), checkAudio(options.projectDir, doc, signal)]);
  checkCancel();
  const cores = Math.max(1, os.availableParallelism());
  const parallel = Math.max(1, options.parallel ?? Math.min(2, cores));
  const plan = planVideo({ clips: doc.tracks.images, output, images: sizes, chunks: options.chunks ?? parallel });
  const seconds = plan.totalFrames / plan.fps;

  const result = await withTempOutput(options.destination, async (temp) => {
    removeLeftovers(path.dirname(options.destination));
    const workDir = makeWorkDir(path.dirname(options.destination));
    try {
      const chunkFiles = plan.chunks.map((chunk) => `chunk-${String(chunk.index).padStart(3, '0')}.mp4`);
      let videoDone = false;
      const encodeVideo = async () => {
        const images = await prepareImages(plan, doc, options.projectDir, workDir, {
          width: Math.min(2, cores),
          abort: abortAll,
          signal,
          onEach: (done) => report((6 * done) / plan.clips.length, `Preparing images ${done}/${plan.clips.length}`),
        });
        if (ass) fs.writeFileSync(path.join(workDir, 'overlay.ass'), ass, 'utf8');
        const assRef = ass ? { file: 'overlay.ass', fontsDir: path.relative(workDir, fontsDir()) || '.' } : null;
        // Chunks are independent: two at a time keeps both cores busy (our frames are drawn on one
        // thread, and x264's frame threads do not fill two cores on their own).
        const framesDone = plan.chunks.map(() => 0);
        let fpsNow = 0;
        const encodeChunk = async (index: number) => {
          const chunk = plan.chunks[index]!;
          const g = chunkGraph(plan, chunk, assRef);
          const name = chunkFiles[index]!;
          fs.writeFileSync(path.join(workDir, `${name}.filter`), g.graph, 'utf8');
          const frames = chunkFrames(plan, chunk, (clipIndex) => images[clipIndex]!);
          await runFfmpeg({
            inputPipes: [(out) => feedFrames(out, g.frames, frames, signal)],
            args: [...rawFramesInput(plan.size, plan.fps, 0), '-filter_complex_script', `${name}.filter`, '-map', '[vout]', '-frames:v', String(g.frames), ...videoEncoderArgs(output.quality, plan.fps), '-an', name],
            cwd: workDir,
            durationSeconds: g.frames / plan.fps,
            label: 'the video',
            signal,
            onProgress: (p) => {
              framesDone[index] = (p.percent / 100) * g.frames;
              fpsNow = p.fps || fpsNow;
              report(6 + (89 * framesDone.reduce((a, b) => a + b, 0)) / plan.totalFrames, `Encoding video ${Math.round(fpsNow)} fps`);
            },
          });
          framesDone[index] = g.frames;
        };
        await runPool(plan.chunks.length, parallel, encodeChunk, abortAll);
        videoDone = true;
      };
      let audioFile: string | null = null;
      const encodeAudio = async () => {
        audioFile = await renderAudio({ inputs: audioInputs, seconds, silent: Boolean(options.silentAudio), workDir, signal });
        if (videoDone) report(95, 'Finishing the audio');
      };
      // The soundtrack is mostly one thread of work: it runs beside the picture, not after it.
      await runPool(2, 2, (task) => (task === 0 ? encodeVideo() : encodeAudio()), abortAll);
      if (!videoDone) report(95, 'Finishing the audio');
      checkCancel();

      report(98, 'Writing the MP4');
      fs.writeFileSync(path.join(workDir, 'chunks.txt'), chunkFiles.map((f) => `file '${f}'`).join('\n') + '\n', 'utf8');
      const muxArgs = ['-f', 'concat', '-safe', '0', '-i', 'chunks.txt', ...(audioFile ? ['-i', audioFile, '-map', '0:v', '-map', '1:a'] : ['-map', '0:v']), '-c', 'copy', '-movflags', '+faststart', '-t', String(seconds), path.resolve(temp)];
      await runFfmpeg({ args: muxArgs, cwd: workDir, durationSeconds: seconds, label: 'the MP4', signal });
      checkCancel();
      return { hasAudio: audioFile !== null };
    } finally {
      // WHATIF_KEEP_EXPORT_WORK=1 keeps the filter scripts and chunks for debugging.
      if (!process.env.WHATIF_KEEP_EXPORT_WORK) fs.rmSync(workDir, { recursive: true, force: true });
    }
  });
  const probe = await probeMedia(options.destination);
  report(100, 'Done');
  return {
    file: options.destination,
    durationSeconds: probe.durationSeconds,
    width: probe.video?.width ?? output.width,
    height: probe.video?.height ?? output.height,
    fps: probe.video?.fps ?? output.fps,
    bytes: probe.bytes,
    hasAudio: result.hasAudio,
    elapsedSeconds: (Date.now() - started) / 1000,
    probe,
  };
}
