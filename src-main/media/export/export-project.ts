/**
 * Exports a project to MP4: check every input, encode the picture segment by segment (flat memory;
 * segments and the soundtrack an earlier export made are reused from the cache: encode-picture.ts,
 * cached-audio.ts), mix and normalise the audio (render-audio.ts), and join everything with +faststart
 * into a temp file beside the destination that is renamed into place only when all went well.
 * Progress is reported as percent + message with an ETA; the AbortSignal cancels at any step.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { encodeMessage, type MessageValues } from '../../messages.js';
import { appError } from '../../errors.js';
import { clipGain, clipValues, mainClips, projectDuration, tracksWithRole, type OutputSettings, type ProjectDocument } from '../../project/document.js';
import { resourcePath } from '../../platform/app-root.js';
import { buildAss } from '../captions/ass.js';
import { runFfmpeg, withTempOutput } from '../ffmpeg/run-ffmpeg.js';
import { probeMedia, type MediaProbe } from '../ffmpeg/probe.js';
import { SOFTWARE, type EncoderSpec } from '../encoders/encoders.js';
import { planEncoders } from '../encoders/encoder-plan.js';
import { planVideo } from '../render/video-plan.js';
import type { OverlaySource } from '../render/overlay-graph.js';
import { cachedAudio, concatPath, renderVersions } from './cached-audio.js';
import { encodePicture, type PictureResult } from './encode-picture.js';
import { checkAudio, checkImages, distinctPictures, validateForExport } from './inputs.js';
import { checkDestination, checkFreeSpace, estimateExportBytes } from './preflight.js';
import { checkVideos, videoClips, type VideoInfo } from './video-inputs.js';
import { makeWorkDir, removeLeftovers } from './leftovers.js';
import { runPool } from './run-pool.js';
import { SegmentCache } from './segment-cache.js';
import type { ExportJobResult } from './export-job.js';
import type { AudioInput } from '../audio/audio-graph.js';
import type { Size } from '../kenburns/path.js';
import { assetPath } from '../../project/assets.js';
import { userMediaInputArgs } from '../ffmpeg/user-media.js';

export interface ExportOptions {
  projectDir: string;
  doc: ProjectDocument;
  output: OutputSettings;
  destination: string;
  /** A silent AAC track when the project has no audio (otherwise no audio stream). */
  silentAudio?: boolean;
  signal?: AbortSignal;
  onProgress?: (percent: number, message: string, etaSeconds: number | null) => void;
  /** Longest segment of the picture in seconds (default video-plan.ts SEGMENT_SECONDS). */
  segmentSeconds?: number;
  /** Segments encoded at once (default: encoders/encoder-plan.ts, from the cores and the frame size). */
  parallel?: number;
  /** Where encoded segments and soundtracks are kept for the next export; none: everything is encoded. */
  cacheDir?: string;
  /** The H.264 encoder (default libx264); a failing hardware one hands over to libx264 mid-export. */
  encoder?: EncoderSpec;
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
    if (options.signal?.aborted) throw appError('cancelled', 'error.cancelled');
  };
  report(0, encodeMessage({ key: 'export.progress.checking' }));
  checkDestination(options.destination);
  validateForExport(doc);
  const duration = projectDuration(doc);
  const frame = { width: output.width, height: output.height };
  const ass = buildAss({ frame, text: doc.tracks.text, captions: doc.tracks.captions, duration });
  // Image headers are read in-process while the audio and video files are probed.
  const checkDir = fs.mkdtempSync(path.join(os.tmpdir(), 'whatif-check-'));
  const [sizes, audio, videos] = await Promise.all([checkImages(options.projectDir, doc), checkAudio(options.projectDir, doc, signal), checkVideos(options.projectDir, doc, checkDir, signal)]).finally(() => fs.rmSync(checkDir, { recursive: true, force: true }));
  checkCancel();
  for (const [assetId, info] of videos) sizes.set(assetId, info.size);
  const audioInputs = audio.inputs;
  audioInputs.push(...videoSound(doc, videos));
  const overlays = overlaySources(doc, sizes, videos, options.projectDir);
  const plan = planVideo({ clips: mainClips(doc), output, images: sizes, videos: new Set(videos.keys()), ...(options.segmentSeconds ? { segmentSeconds: options.segmentSeconds } : {}) });
  const encoders = planEncoders({ cores: os.availableParallelism(), size: plan.size, quality: output.quality });
  const parallel = Math.max(1, options.parallel ?? encoders.parallel);
  const seconds = plan.totalFrames / plan.fps;
  checkFreeSpace(options.destination, estimateExportBytes({ ...plan.size, fps: plan.fps, seconds, quality: output.quality, pictures: distinctPictures(plan), hasAudio: audioInputs.length > 0 || Boolean(options.silentAudio) }));
  const cache = options.cacheDir ? new SegmentCache(options.cacheDir) : null;
  const versions = cache ? await renderVersions() : '';

  const result = await withTempOutput(options.destination, async (temp) => {
    removeLeftovers(path.dirname(options.destination));
    const workDir = makeWorkDir(path.dirname(options.destination));
    try {
      let picture: PictureResult | null = null;
      let fellBack: string | null = null;
      const encodeVideo = async () => {
        if (ass) fs.writeFileSync(path.join(workDir, 'overlay.ass'), ass, 'utf8');
        const assRef = ass ? { file: 'overlay.ass', fontsDir: path.relative(workDir, fontsDir()) || '.' } : null;
        // Segments are independent: how many are encoded at once, and with how many threads, follows
        // the frame size and the cores within a memory budget (encoders/encoder-plan.ts).
        picture = await encodePicture({
          plan, doc, projectDir: options.projectDir, workDir, quality: output.quality, ass, assRef, overlays,
          video: (clipIndex) => ({ file: videos.get(plan.clips[clipIndex]!.clip.assetId)!.file, clip: mainClip(doc, plan.clips[clipIndex]!.clip.id) }),
          encoder: options.encoder ?? SOFTWARE, cache, versions, parallel, threads: encoders.threads, signal,
          onProgress: (done, fps, stage) => (stage === 'preparing' ? report(6 * done, encodeMessage({ key: 'export.progress.preparing' })) : report(6 + 89 * done, encodeMessage({ key: 'export.progress.encoding', values: { fps: Math.round(fps) } }))),
          onFallback: (from) => {
            fellBack = from.label;
            report(6, encodeMessage({ key: 'export.progress.softwareFallback', values: { encoder: from.label } }));
          },
        });
      };
      let sound: { file: string; reused: boolean } | null = null;
      const encodeAudio = async () => {
        sound = await cachedAudio({ inputs: audioInputs, seconds, silent: Boolean(options.silentAudio), workDir, signal, cache, versions });
        if (picture) report(95, encodeMessage({ key: 'export.progress.audio' }));
      };
      // The soundtrack is mostly one thread of work: it runs beside the picture, not after it.
      await runPool(2, 2, (task) => (task === 0 ? encodeVideo() : encodeAudio()), abortAll);
      checkCancel();
      const done = picture as PictureResult | null;
      const audioOut = sound as { file: string; reused: boolean } | null;
      if (!done) throw appError('internal', 'export.noPicture');

      report(98, encodeMessage({ key: 'export.progress.writing' }));
      fs.writeFileSync(path.join(workDir, 'chunks.txt'), done.files.map((f) => `file '${concatPath(f)}'`).join('\n') + '\n', 'utf8');
      const muxArgs = ['-f', 'concat', '-safe', '0', '-i', 'chunks.txt', ...(audioOut ? ['-i', path.resolve(workDir, audioOut.file), '-map', '0:v', '-map', '1:a'] : ['-map', '0:v']), '-c', 'copy', '-movflags', '+faststart', '-t', String(seconds), path.resolve(temp)];
      await runFfmpeg({ args: muxArgs, cwd: workDir, durationSeconds: seconds, label: { key: 'ffmpeg.label.mp4' }, signal });
      checkCancel();
      cache?.prune(new Set(done.files));
      return { hasAudio: audioOut !== null, segments: { total: done.files.length, encoded: done.encoded, reused: done.reused }, audioReused: audioOut?.reused ?? false, encoder: done.encoder.label, fellBack };
    } finally {
      // WHATIF_KEEP_EXPORT_WORK=1 keeps the filter scripts and chunks for debugging.
      if (!process.env.WHATIF_KEEP_EXPORT_WORK) fs.rmSync(workDir, { recursive: true, force: true });
    }
  });
  const probe = await probeMedia(options.destination);
  report(100, encodeMessage({ key: 'job.done' }));
  return {
    file: options.destination,
    durationSeconds: probe.durationSeconds,
    width: probe.video?.width ?? output.width,
    height: probe.video?.height ?? output.height,
    fps: probe.video?.fps ?? output.fps,
    bytes: probe.bytes,
    hasAudio: result.hasAudio,
    segments: result.segments,
    audioReused: result.audioReused,
    encoder: result.encoder,
    fellBack: result.fellBack,
    warnings: audio.warnings,
    elapsedSeconds: (Date.now() - started) / 1000,
    probe,
  };
}

/** How the user names a main-track clip ("scene 3"). */
function mainClip(doc: ProjectDocument, clipId: string): MessageValues {
  const main = tracksWithRole(doc, 'main')[0]!;
  const clip = main.clips.find((c) => c.id === clipId)!;
  return clipValues(doc, main, clip);
}

/** The sound of the video clips on picture tracks (unless muted or the file has none), for the mix. */
function videoSound(doc: ProjectDocument, videos: ReadonlyMap<string, VideoInfo>): AudioInput[] {
  return videoClips(doc).flatMap(({ track, clip }) => {
    const info = videos.get(clip.assetId);
    const gain = clipGain(clip, track);
    return info?.hasAudio && gain > 0 ? [{ clip, file: info.file, role: track.role, gain }] : [];
  });
}

/** The overlay tracks' clips in drawing order (track order, later tracks on top). */
function overlaySources(doc: ProjectDocument, sizes: ReadonlyMap<string, Size>, videos: ReadonlyMap<string, VideoInfo>, dir: string): OverlaySource[] {
  return tracksWithRole(doc, 'overlay').flatMap((track) =>
    [...track.clips]
      .sort((a, b) => a.start - b.start)
      .map((clip) => {
        const video = videos.get(clip.assetId);
        const file = path.resolve(video?.file ?? assetPath(dir, doc.assets[clip.assetId]!));
        const kind = video ? ('video' as const) : ('image' as const);
        return { clip, file, input: userMediaInputArgs(kind, file), kind, picture: sizes.get(clip.assetId)! };
      }),
  );
}
