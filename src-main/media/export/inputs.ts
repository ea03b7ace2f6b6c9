/**
 * Checks and prepares an export's inputs BEFORE anything is encoded: the document's rules, every
 * file against its content address and signature (user-media.ts), every image decoded upright (a
 * missing, damaged or cut-short file is an error naming the clip and the file), every audio file
 * probed (silent, cut short or trimmed past its end: an error; shorter than its slot: a warning).
 * Each picture is then prepared once: cropped to the region its Ken Burns path covers, resized to
 * the output size and stored as raw yuv420p, the resampler's input.
 */
import fs from 'node:fs';
import path from 'node:path';
import sharp, { type OutputInfo } from 'sharp';
import { appError, nestedValues } from '../../errors.js';
import type { MessageRef, MessageValues } from '../../messages.js';
import { clipGain, describeClip, mainTrack, PICTURE_ROLES, ProjectDocumentSchema, projectDuration, SOUND_ROLES, type ProjectDocument } from '../../project/document.js';
import { assetPath, verifyAssetContent } from '../../project/assets.js';
import { detectUserMedia, probeUserMedia, type UserMediaKind } from '../ffmpeg/user-media.js';
import type { Size } from '../kenburns/path.js';
import { rgbToYuv420p } from '../kenburns/yuv.js';
import type { AudioInput } from '../audio/audio-graph.js';
import type { PlannedClip, VideoPlan } from '../render/video-plan.js';
import { judgeAudioClip, readWavLayout, wavShortfall } from './audio-checks.js';
import { assetName, clipNumber } from './clip-labels.js';
import { clipNamed, mediaOf, pictureNamed, refusedAsset } from './input-errors.js';
import type { ExportWarning } from '../../ipc/contract/export.js';
import { runPool } from './run-pool.js';

// libvips' operation cache (process-wide, up to 50 MB) would keep every picture the export decoded:
// each is decoded once, so it only held node's memory ~60 MB higher for the rest of the export.
sharp.cache(false);

/** The document's own rules (zero-length or overlapping clips, references, fades) as one clear error. */
export function validateForExport(doc: ProjectDocument): void {
  const parsed = ProjectDocumentSchema.safeParse(doc);
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || 'document'}: ${i.message}`);
    throw appError('invalid_input', 'export.invalidDocument', { problems: problems.join('\n') });
  }
  if (mainTrack(doc).clips.length === 0) throw appError('invalid_input', 'export.noPictures');
}

/** Checks one file against its content address and its signature; returns its path. */
async function openAsset(dir: string, doc: ProjectDocument, assetId: string, kind: UserMediaKind, what: MessageRef): Promise<string> {
  const asset = doc.assets[assetId]!;
  let file: string;
  try {
    file = assetPath(dir, asset);
  } catch (error) {
    throw refusedAsset(what, error);
  }
  if (!fs.existsSync(file)) throw appError('invalid_input', 'export.assetMissing', { ...nestedValues('what', what), path: file });
  await verifyAssetContent(file, asset, what);
  try {
    detectUserMedia(kind, file);
  } catch (error) {
    // "<hash>.wav is not an audio file…" becomes "The audio of clip 1 ("voice.wav") of Narration is not…".
    throw refusedAsset(what, error);
  }
  return file;
}

/**
 * Pixel size of every image asset used on the picture tracks, upright (EXIF orientation applied, as every
 * viewer shows it); header only: prepareClipImage decodes.
 */
export async function checkImages(dir: string, doc: ProjectDocument): Promise<Map<string, Size>> {
  const sizes = new Map<string, Size>();
  for (const clip of doc.tracks.media.filter((t) => PICTURE_ROLES.includes(t.role)).flatMap((t) => t.clips)) {
    if (sizes.has(clip.assetId) || doc.assets[clip.assetId]?.kind !== 'image') continue;
    const what = mediaOf('image', pictureNamed(doc, clip.id));
    const file = await openAsset(dir, doc, clip.assetId, 'image', what);
    try {
      const meta = await sharp(file).metadata();
      const width = meta.autoOrient?.width ?? meta.width;
      const height = meta.autoOrient?.height ?? meta.height;
      if (!width || !height) throw new Error('no picture size');
      sizes.set(clip.assetId, { width, height });
    } catch (error) {
      throw appError('invalid_input', 'export.imageCorrupt', { ...nestedValues('what', what), path: file, problem: (error as Error).message }, { cause: error });
    }
  }
  return sizes;
}

/**
 * Every clip with sound (narration, music and effects tracks) with its file; muted clips are left out.
 * A missing, unreadable, silent or cut-short file is an error naming the clip, a clip running past the
 * end of its file a warning. The files are probed side by side (each probe is mostly an ffprobe
 * process starting).
 */
export async function checkAudio(dir: string, doc: ProjectDocument, signal?: AbortSignal): Promise<{ inputs: AudioInput[]; warnings: ExportWarning[] }> {
  const inputs: AudioInput[] = [];
  const labels = new Map<string, MessageValues>(); // file -> the first clip using it
  const trackOf = new Map<string, ProjectDocument['tracks']['media'][number]>();
  const namedClips = new Map<string, MessageValues>();
  for (const track of doc.tracks.media) {
    if (!SOUND_ROLES.includes(track.role)) continue;
    for (const clip of track.clips) {
      const gain = clipGain(clip, track);
      if (gain === 0) continue;
      const named = clipNamed(doc, track, clip);
      const file = await openAsset(dir, doc, clip.assetId, 'audio', mediaOf('audio', named));
      if (!labels.has(file)) labels.set(file, named);
      trackOf.set(clip.id, track);
      namedClips.set(clip.id, named);
      inputs.push({ clip, file, role: track.role, gain, label: describeClip(doc, track, clip) });
    }
  }
  // A few at a time: a long project can use many files, and each probe is a process.
  const files = [...labels];
  const seconds = new Map<string, number>();
  const abort = new AbortController();
  const probeSignal = signal ? AbortSignal.any([signal, abort.signal]) : abort.signal;
  await runPool(files.length, 4, async (i) => {
    const [file, label] = files[i]!;
    const probe = await probeUserMedia('audio', file, probeSignal).catch((error: unknown) => {
      if (probeSignal.aborted) throw appError('cancelled', 'error.cancelled');
      throw appError('invalid_input', 'export.audioCorrupt', { ...label, path: file, problem: (error as Error).message }, { cause: error });
    });
    if (!probe.audio) throw appError('invalid_input', 'export.noAudio', { ...label, path: file });
    if (probe.container === 'wav') {
      const cut = wavShortfall(readWavLayout(readHead(file, 4096)) ?? { declaredBytes: null, dataOffset: 0, byteRate: 1 }, probe.bytes || fs.statSync(file).size);
      if (cut) throw appError('invalid_input', 'export.audioCutShort', { ...label, present: cut.present.toFixed(1), announced: cut.announced.toFixed(1) });
    }
    seconds.set(file, probe.durationSeconds);
  }, abort);
  const warnings: ExportWarning[] = [];
  for (const input of inputs) {
    const verdict = judgeAudioClip(input.clip, seconds.get(input.file) ?? 0, namedClips.get(input.clip.id) ?? { clip: 0, role: 'narration' }, projectDuration(doc));
    if (verdict.error) throw appError('invalid_input', verdict.error.key, verdict.error.values);
    if (verdict.warning) {
      const { clip } = input;
      const track = trackOf.get(clip.id)!;
      warnings.push({ kind: 'audio_past_end', track: track.role, clip: clipNumber(track, clip.id), file: assetName(doc, clip.assetId), ...verdict.warning });
    }
  }
  return { inputs, warnings };
}

function readHead(file: string, bytes: number): Buffer {
  const head = Buffer.alloc(bytes);
  const fd = fs.openSync(file, 'r');
  try {
    return head.subarray(0, fs.readSync(fd, head, 0, bytes, 0));
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Writes `out` (the path's region of the upright image at the output size, raw yuv420p). This is the
 * one full decode of the image; a truncated or damaged file (even one libjpeg only warns about, which
 * would come out grey) fails here, before any encoding, naming the clip.
 */
async function prepareClipImage(dir: string, doc: ProjectDocument, clip: PlannedClip, size: Size, out: string): Promise<void> {
  const file = assetPath(dir, doc.assets[clip.clip.assetId]!);
  const r = clip.region;
  let rgb: { data: Buffer; info: OutputInfo };
  try {
    rgb = await sharp(file, { failOn: 'warning' })
      .rotate()
      .extract({ left: r.x, top: r.y, width: r.w, height: r.h })
      .resize(size.width, size.height, { fit: 'fill', kernel: 'lanczos3' })
      .flatten({ background: '#000000' })
      .toColourspace('srgb')
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
  } catch (error) {
    throw appError('invalid_input', 'export.imageDamaged', { ...pictureNamed(doc, clip.clip.id), path: file, problem: (error as Error).message }, { cause: error });
  }
  fs.writeFileSync(out, rgbToYuv420p(rgb.data, size.width, size.height, rgb.info.channels).data);
}

/** Clips showing the same picture: one prepared file per image and framing region, not per clip. */
export function pictureKey(clip: PlannedClip): string {
  const r = clip.region;
  return `${clip.clip.assetId}:${r.x},${r.y},${r.w},${r.h}`;
}

/**
* Prepares the pictures of the clips in `only` (clip indexes of the plan; video clips are decoded as
 * they play, chunk-frames.ts), one per distinct image and framing region (pictureKey), `width` at a
 * time (sharp decodes on its own threads), before any encoding starts, so a corrupt file still fails
 * first. Returns the prepared file of each clip asked for, by clip index.
 */
export async function prepareImages(plan: VideoPlan, doc: ProjectDocument, dir: string, workDir: string, run: { only: readonly number[]; width: number; abort: AbortController; signal: AbortSignal; onEach: (done: number, total: number) => void }): Promise<Map<number, string>> {
  const wanted = run.only.map((i) => plan.clips[i]!).filter((c) => !c.video);
  const firstClip = new Map<string, number>(); // picture key -> the first clip showing it
  for (const clip of wanted) if (!firstClip.has(pictureKey(clip))) firstClip.set(pictureKey(clip), clip.index);
  const pictures = [...firstClip.values()];
  // Named by the first clip showing it, so pictures prepared by two calls never share a name.
  const fileOf = (clipIndex: number) => path.join(workDir, `picture-${String(clipIndex).padStart(4, '0')}.yuv`);
  let done = 0;
  await runPool(pictures.length, run.width, async (n) => {
    if (run.signal.aborted) throw appError('cancelled', 'error.cancelled');
    await prepareClipImage(dir, doc, plan.clips[pictures[n]!]!, plan.size, fileOf(pictures[n]!));
    run.onEach(++done, pictures.length);
  }, run.abort);
  return new Map(wanted.map((clip) => [clip.index, fileOf(firstClip.get(pictureKey(clip))!)]));
}

/** How many distinct pictures an export prepares (each `width x height x 1.5` bytes of scratch). */
export function distinctPictures(plan: VideoPlan): number {
  return new Set(plan.clips.filter((c) => !c.video).map(pictureKey)).size;
}
