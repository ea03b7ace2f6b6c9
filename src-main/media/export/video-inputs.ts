/**
 * The export's video files, checked BEFORE anything is encoded: every video clip's file exists, is a
 * video ffmpeg can decode, is long enough for the clip's source in/out, and really has pictures at
 * the clip's first and last source times (a truncated or damaged file fails here, not half-way
 * through the encode). Errors name the clip as the user sees it and the file. Also gives each
 * video's displayed size (rotation applied) and whether it has sound.
 */
import fs from 'node:fs';
import path from 'node:path';
import { appError, nestedValues } from '../../errors.js';
import { clipNamed, mediaOf, refusedAsset } from './input-errors.js';
import { sourceSpan, type MediaClip, type ProjectDocument, type Track } from '../../project/document.js';
import { assetPath, verifyAssetContent } from '../../project/assets.js';
import type { MediaProbe } from '../ffmpeg/probe.js';
import { detectUserMedia, probeUserMedia, userMediaInputArgs } from '../ffmpeg/user-media.js';
import { runFfmpeg } from '../ffmpeg/run-ffmpeg.js';
import type { Size } from '../kenburns/path.js';
import { runPool } from './run-pool.js';

export interface VideoInfo {
  file: string;
  /** Displayed size (after the rotation metadata). */
  size: Size;
  hasAudio: boolean;
  duration: number;
  /** The picture's own length (a file's sound may last longer: the clip then holds its last frame). */
  pictureDuration: number;
}

/** How far a clip's out point may pass the file's end (container and stream ends differ a little): its last frame is held. */
export const END_TOLERANCE = 0.05;

/** Every video clip of the picture tracks with its track. */
export function videoClips(doc: ProjectDocument): Array<{ track: Track; clip: MediaClip }> {
  return doc.tracks.media.flatMap((track) => (track.role === 'main' || track.role === 'overlay' ? track.clips.filter((c) => doc.assets[c.assetId]?.kind === 'video').map((clip) => ({ track, clip })) : []));
}

function displayedSize(probe: MediaProbe): Size {
  const v = probe.video!;
  const turned = v.rotation === 90 || v.rotation === 270;
  return turned ? { width: v.height, height: v.width } : { width: v.width, height: v.height };
}

/** Longest a one-frame check may take (a file that makes ffmpeg hang fails the check). */
const CHECK_SECONDS = 60;

/** Whether ffmpeg decodes a picture at `at` seconds of the file (one tiny frame written to a file). */
async function decodesAt(file: string, at: number, workDir: string, name: string, signal: AbortSignal): Promise<boolean> {
  const out = path.join(workDir, name);
  const bounded = AbortSignal.any([signal, AbortSignal.timeout(CHECK_SECONDS * 1000)]);
  await runFfmpeg({ args: ['-ss', String(Math.max(0, at)), ...userMediaInputArgs('video', file), '-an', '-sn', '-dn', '-frames:v', '1', '-vf', 'scale=16:16', '-f', 'rawvideo', '-pix_fmt', 'gray', out], signal: bounded, label: { key: 'ffmpeg.label.check', values: { name: path.basename(file) } } }).catch((error: unknown) => {
    if (signal.aborted) throw appError('cancelled', 'error.cancelled');
    return error;
  });
  const ok = fs.existsSync(out) && fs.statSync(out).size === 256;
  fs.rmSync(out, { force: true });
  return ok;
}

/**
 * Probes every video used on a picture track (four at a time) and decodes one frame at each clip's
 * first and last source time (two at a time). Returns the videos by asset id.
 */
export async function checkVideos(dir: string, doc: ProjectDocument, workDir: string, signal?: AbortSignal): Promise<Map<string, VideoInfo>> {
  const clips = videoClips(doc);
  const infos = new Map<string, VideoInfo>();
  const abort = new AbortController();
  const all = signal ? AbortSignal.any([signal, abort.signal]) : abort.signal;
  const byAsset = new Map<string, { track: Track; clip: MediaClip }>();
  for (const c of clips) if (!byAsset.has(c.clip.assetId)) byAsset.set(c.clip.assetId, c);
  const assets = [...byAsset];
  await runPool(assets.length, 4, async (i) => {
    const [assetId, { track, clip }] = assets[i]!;
    const named = clipNamed(doc, track, clip);
    const what = mediaOf('video', named);
    const asset = doc.assets[assetId]!;
    let file: string;
    try {
      file = assetPath(dir, asset);
    } catch (error) {
      throw appError('invalid_input', 'export.videoMissingWhy', { ...named, path: asset.file, problem: (error as Error).message }, { cause: error });
    }
    if (!fs.existsSync(file)) throw appError('invalid_input', 'export.assetMissing', { ...nestedValues('what', what), path: file });
    await verifyAssetContent(file, asset, what);
    try {
      detectUserMedia('video', file);
    } catch (error) {
      // "<hash>.mp4 is not a video file…" becomes "The video of scene 2 is not a video file…".
      throw refusedAsset(what, error);
    }
    const probe = await probeUserMedia('video', file, AbortSignal.any([all, AbortSignal.timeout(CHECK_SECONDS * 1000)])).catch((error: unknown) => {
      if (all.aborted) throw appError('cancelled', 'error.cancelled');
      throw appError('invalid_input', 'export.videoCorrupt', { ...named, path: file, problem: (error as Error).message }, { cause: error });
    });
    if (!probe.video || !probe.video.width || !probe.video.height) throw appError('invalid_input', 'export.noPictureIn', { ...named, path: file });
    infos.set(assetId, { file, size: displayedSize(probe), hasAudio: probe.audio !== null, duration: probe.durationSeconds, pictureDuration: probe.video.durationSeconds ?? probe.durationSeconds });
  }, abort);
  await runPool(clips.length, 2, async (i) => {
    const { track, clip } = clips[i]!;
    const info = infos.get(clip.assetId)!;
    const named = clipNamed(doc, track, clip);
    const name = path.basename(info.file);
    const end = clip.sourceIn + sourceSpan(clip);
    if (info.duration > 0 && end > info.duration + END_TOLERANCE) {
      throw appError('invalid_input', 'export.videoTooShort', { ...named, from: clip.sourceIn.toFixed(2), to: end.toFixed(2), name, length: info.duration.toFixed(2) });
    }
    const last = Math.max(0, Math.min(end, info.pictureDuration || end) - 0.1);
    for (const [at, which] of [[clip.sourceIn, 'start'], [last, 'end']] as const) {
      if (!(await decodesAt(info.file, at, workDir, `check-${i}.gray`, all))) {
        throw appError('invalid_input', which === 'start' ? 'export.videoUndecodableStart' : 'export.videoUndecodableEnd', { ...named, at: at.toFixed(2), path: info.file });
      }
    }
  }, abort);
  return infos;
}

