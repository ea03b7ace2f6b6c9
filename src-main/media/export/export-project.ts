/**
 * Exports a project to MP4: check every input, prepare each image once, encode the picture chunk by
 * chunk (flat memory), mix and normalise the audio (two passes), and join everything with +faststart
 * into a temp file beside the destination that is renamed into place only when all went well.
 * Progress is reported as percent + message with an ETA; the AbortSignal cancels at any step.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../errors.js';
import { projectDuration, type OutputSettings, type ProjectDocument } from '../../project/document.js';
import { resourcePath } from '../../platform/app-root.js';
import { buildAudioGraph, silentAudioGraph, measureFilter, parseLoudnorm, applyFilter, limiterCorrection } from '../audio/audio-graph.js';
import { buildAss } from '../captions/ass.js';
import { runFfmpeg, withTempOutput } from '../ffmpeg/run-ffmpeg.js';
import { probeMedia, type MediaProbe } from '../ffmpeg/probe.js';
import { chunkGraph, videoEncoderArgs } from '../render/chunk-graph.js';
import { planVideo } from '../render/video-plan.js';
import { checkAudio, checkImages, prepareClipImage, validateForExport } from './inputs.js';
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
  /** Target chunk length in seconds (memory vs. overhead); default 12. */
  chunkSeconds?: number;
  /** Chunks encoded at once (default: 2, or 1 on a single core). */
  parallel?: number;
}

/**
 * Runs task(0..count-1) with at most `width` at once; the first failure aborts the others (through
 * `abort`) and is rethrown after every running task has settled.
 */
async function runPool(count: number, width: number, task: (index: number) => Promise<void>, abort: AbortController): Promise<void> {
  let next = 0;
  let failure: unknown = null;
  const worker = async () => {
    while (next < count && failure === null) {
      const index = next++;
      try {
        await task(index);
      } catch (error) {
        if (failure === null) failure = error;
        abort.abort();
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, count) }, worker));
  if (failure !== null) throw failure;
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
  const sizes = await checkImages(options.projectDir, doc);
  const audioInputs = await checkAudio(options.projectDir, doc, signal);
  checkCancel();
  const plan = planVideo({ clips: doc.tracks.images, output, images: sizes, chunkSeconds: options.chunkSeconds ?? 12 });
  const seconds = plan.totalFrames / plan.fps;

  const result = await withTempOutput(options.destination, async (temp) => {
    const workDir = fs.mkdtempSync(path.join(path.dirname(options.destination), '.whatif-export-'));
    try {
      const images: string[] = [];
      for (const clip of plan.clips) {
        checkCancel();
        images.push(await prepareClipImage(options.projectDir, doc, clip, plan.size, workDir));
        report((6 * images.length) / plan.clips.length, `Preparing images ${images.length}/${plan.clips.length}`);
      }
      if (ass) fs.writeFileSync(path.join(workDir, 'overlay.ass'), ass, 'utf8');
      const assRef = ass ? { file: 'overlay.ass', fontsDir: path.relative(workDir, fontsDir()) || '.' } : null;
      // Chunks are independent: two at a time keeps both cores busy (the filters are mostly serial).
      const chunkFiles = plan.chunks.map((chunk) => `chunk-${String(chunk.index).padStart(3, '0')}.mp4`);
      const framesDone = plan.chunks.map(() => 0);
      let fpsNow = 0;
      const encodeChunk = async (index: number) => {
        const chunk = plan.chunks[index]!;
        const g = chunkGraph(plan, chunk, assRef);
        const name = chunkFiles[index]!;
        fs.writeFileSync(path.join(workDir, `${name}.filter`), g.graph, 'utf8');
        const inputs = g.inputClips.flatMap((i) => ['-framerate', String(plan.fps), '-i', images[i]!]);
        await runFfmpeg({
          args: [...inputs, '-filter_complex_script', `${name}.filter`, '-map', '[vout]', '-frames:v', String(g.frames), ...videoEncoderArgs(output.quality, plan.fps), '-an', name],
          cwd: workDir,
          durationSeconds: g.frames / plan.fps,
          label: 'the video',
          ...(signal ? { signal } : {}),
          onProgress: (p) => {
            framesDone[index] = (p.percent / 100) * g.frames;
            fpsNow = p.fps || fpsNow;
            report(6 + (84 * framesDone.reduce((a, b) => a + b, 0)) / plan.totalFrames, `Encoding video ${Math.round(fpsNow)} fps`);
          },
        });
        framesDone[index] = g.frames;
      };
      await runPool(plan.chunks.length, options.parallel ?? Math.min(2, Math.max(1, os.availableParallelism())), encodeChunk, abortAll);
      fs.writeFileSync(path.join(workDir, 'chunks.txt'), chunkFiles.map((f) => `file '${f}'`).join('\n') + '\n', 'utf8');

      const audioGraph = audioInputs.length > 0 ? buildAudioGraph(audioInputs, seconds) : options.silentAudio ? silentAudioGraph(seconds) : null;
      if (audioGraph) {
        const audioInputsArgs = audioGraph.files.flatMap((f) => ['-i', path.resolve(f)]);
        let measure = null;
        let correction = 0;
        if (audioInputs.length > 0) {
          report(91, 'Measuring loudness');
          const pass1 = await runFfmpeg({
            args: [...audioInputsArgs, '-filter_complex', `${audioGraph.graph};\n[mix]${measureFilter}[aout]`, '-map', '[aout]', '-f', 'null', '-'],
            cwd: workDir,
            durationSeconds: seconds,
            label: 'the loudness measurement',
            ...(signal ? { signal } : {}),
          });
          measure = parseLoudnorm(pass1.stderr);
          if (measure) {
            // Trials of gain + limiter: the loudness the limiter takes is added back (at most 3 rounds).
            for (let round = 0; round < 3; round++) {
              const trial = await runFfmpeg({
                args: [...audioInputsArgs, '-filter_complex', `${audioGraph.graph};\n[mix]${applyFilter(measure, correction)},${measureFilter}[aout]`, '-map', '[aout]', '-f', 'null', '-'],
                cwd: workDir,
                durationSeconds: seconds,
                label: 'the loudness measurement',
                ...(signal ? { signal } : {}),
              });
              const missed = limiterCorrection(parseLoudnorm(trial.stderr));
              correction = Math.max(-3, Math.min(8, correction + missed));
              if (Math.abs(missed) < 0.25) break;
            }
          }
        }
        report(94, 'Mixing audio');
        await runFfmpeg({
          args: [...audioInputsArgs, '-filter_complex', `${audioGraph.graph};\n[mix]${applyFilter(measure, correction)}[aout]`, '-map', '[aout]', '-c:a', 'aac', '-b:a', '192k', '-ar', '48000', '-ac', '2', '-t', String(seconds), 'audio.m4a'],
          cwd: workDir,
          durationSeconds: seconds,
          label: 'the audio',
          ...(signal ? { signal } : {}),
        });
      }
      report(98, 'Writing the MP4');
      const muxArgs = ['-f', 'concat', '-safe', '0', '-i', 'chunks.txt', ...(audioGraph ? ['-i', 'audio.m4a', '-map', '0:v', '-map', '1:a'] : ['-map', '0:v']), '-c', 'copy', '-movflags', '+faststart', '-t', String(seconds), path.resolve(temp)];
      await runFfmpeg({ args: muxArgs, cwd: workDir, durationSeconds: seconds, label: 'the MP4', ...(signal ? { signal } : {}) });
      checkCancel();
      return { hasAudio: Boolean(audioGraph) };
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
