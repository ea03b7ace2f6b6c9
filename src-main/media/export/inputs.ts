/**
 * Checks and prepares an export's inputs BEFORE anything is encoded: the document's rules, every
 * image decoded (a missing or corrupt file is an error naming the clip and the file), every audio
 * file probed, fonts known. Each image is then prepared once: cropped to the region its Ken Burns
 * path covers, resized to the output size and stored as raw yuv420p, the resampler's input.
 */
import fs from 'node:fs';
import path from 'node:path';
import sharp, { type OutputInfo } from 'sharp';
import { AppError } from '../../errors.js';
import { ProjectDocumentSchema, type ProjectDocument } from '../../project/document.js';
import { assetPath } from '../../project/assets.js';
import { probeMedia } from '../ffmpeg/probe.js';
import type { Size } from '../kenburns/path.js';
import { rgbToYuv420p } from '../kenburns/yuv.js';
import type { AudioInput } from '../audio/audio-graph.js';
import type { PlannedClip, VideoPlan } from '../render/video-plan.js';
import { runPool } from './run-pool.js';

/** The document's own rules (zero-length or overlapping clips, references, fades) as one clear error. */
export function validateForExport(doc: ProjectDocument): void {
  const parsed = ProjectDocumentSchema.safeParse(doc);
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || 'document'}: ${i.message}`);
    throw new AppError('invalid_input', `The project cannot be exported:\n${problems.join('\n')}`);
  }
  if (doc.tracks.images.length === 0) throw new AppError('invalid_input', 'The project has no image clips on the timeline: add scenes with images before exporting.');
}

function clipLabel(doc: ProjectDocument, clipId: string, sceneId: string | null | undefined): string {
  const sceneIndex = sceneId ? doc.scenes.findIndex((s) => s.id === sceneId) : -1;
  return sceneIndex >= 0 ? `image clip ${clipId} (scene ${sceneIndex + 1})` : `image clip ${clipId}`;
}

/** Pixel size of every image asset used on the timeline (header only; prepareClipImage decodes). */
export async function checkImages(dir: string, doc: ProjectDocument): Promise<Map<string, Size>> {
  const sizes = new Map<string, Size>();
  for (const clip of doc.tracks.images) {
    if (sizes.has(clip.assetId)) continue;
    const asset = doc.assets[clip.assetId]!;
    const file = assetPath(dir, asset);
    const label = clipLabel(doc, clip.id, clip.sceneId);
    if (!fs.existsSync(file)) throw new AppError('invalid_input', `The image of ${label} is missing: ${file}`);
    try {
      const meta = await sharp(file).metadata();
      if (!meta.width || !meta.height) throw new Error('no picture size');
      sizes.set(clip.assetId, { width: meta.width, height: meta.height });
    } catch (error) {
      throw new AppError('invalid_input', `The image of ${label} is corrupt or not an image: ${file} (${(error as Error).message})`, { cause: error });
    }
  }
  return sizes;
}

/**
 * Every narration and music clip with its file; a missing or unreadable file is named. The files are
 * probed side by side (each probe is mostly an ffprobe process starting).
 */
export async function checkAudio(dir: string, doc: ProjectDocument, signal?: AbortSignal): Promise<AudioInput[]> {
  const inputs: AudioInput[] = [];
  const labels = new Map<string, string>(); // file -> the first clip using it
  for (const track of ['narration', 'music'] as const) {
    for (const clip of doc.tracks[track]) {
      const file = assetPath(dir, doc.assets[clip.assetId]!);
      const label = `${track} clip ${clip.id}`;
      if (!fs.existsSync(file)) throw new AppError('invalid_input', `The audio of ${label} is missing: ${file}`);
      if (!labels.has(file)) labels.set(file, label);
      inputs.push({ clip, file, track });
    }
  }
  // A few at a time: a long project can use many files, and each probe is a process.
  const files = [...labels];
  const abort = new AbortController();
  const probeSignal = signal ? AbortSignal.any([signal, abort.signal]) : abort.signal;
  await runPool(files.length, 4, async (i) => {
    const [file, label] = files[i]!;
    const probe = await probeMedia(file, probeSignal).catch((error: unknown) => {
      if (probeSignal.aborted) throw new AppError('cancelled', 'Cancelled.');
      throw new AppError('invalid_input', `The audio of ${label} is corrupt or not audio: ${file} (${(error as Error).message})`, { cause: error });
    });
    if (!probe.audio) throw new AppError('invalid_input', `The file of ${label} has no audio: ${file}`);
  }, abort);
  return inputs;
}

/**
 * Writes clip-NNN.yuv (the path's region at the output size, raw yuv420p) into workDir and returns its
 * path. This is the one full decode of the image; a corrupt file fails here, before any encoding,
 * naming the clip.
 */
async function prepareClipImage(dir: string, doc: ProjectDocument, clip: PlannedClip, size: Size, workDir: string): Promise<string> {
  const file = assetPath(dir, doc.assets[clip.clip.assetId]!);
  const out = path.join(workDir, `clip-${String(clip.index).padStart(3, '0')}.yuv`);
  const r = clip.region;
  let rgb: { data: Buffer; info: OutputInfo };
  try {
    rgb = await sharp(file, { failOn: 'error' })
      .extract({ left: r.x, top: r.y, width: r.w, height: r.h })
      .resize(size.width, size.height, { fit: 'fill', kernel: 'lanczos3' })
      .flatten({ background: '#000000' })
      .toColourspace('srgb')
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
  } catch (error) {
    throw new AppError('invalid_input', `The image of ${clipLabel(doc, clip.clip.id, clip.clip.sceneId)} is corrupt: ${file} (${(error as Error).message})`, { cause: error });
  }
  fs.writeFileSync(out, rgbToYuv420p(rgb.data, size.width, size.height, rgb.info.channels).data);
  return out;
}

/**
 * Prepares every clip's picture, `width` at a time (sharp decodes on its own threads), before any
 * encoding starts, so a corrupt file still fails first. Returns the prepared files by clip index.
 */
export async function prepareImages(plan: VideoPlan, doc: ProjectDocument, dir: string, workDir: string, run: { width: number; abort: AbortController; signal: AbortSignal; onEach: (done: number) => void }): Promise<string[]> {
  const files: string[] = [];
  let done = 0;
  await runPool(plan.clips.length, run.width, async (i) => {
    if (run.signal.aborted) throw new AppError('cancelled', 'Cancelled.');
    files[i] = await prepareClipImage(dir, doc, plan.clips[i]!, plan.size, workDir);
    run.onEach(++done);
  }, run.abort);
  return files;
}
