/**
 * THE import of user media into a project (the page's media bin and timeline drops, IPC, the CLI's
 * `whatif import` all come here): pictures, videos, sound files and SRT subtitles. Each file is
 * checked (named in every error), probed, copied in content-addressed (one streamed pass that hashes
 * and copies, so the core keeps answering the page while a 2 GB file comes in), given its preview (a video's
 * filmstrip, a sound's waveform peaks, both cached) and only then are all of them added to the
 * document in one atomic write. If any file fails, nothing is added and the files this import
 * copied are removed again: nothing is ever imported half, and project.json stays as it was. A video
 * the preview cannot play (HEVC, ProRes...) gets a `media.proxy` job for its preview copy (../proxy/).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '../../core.js';
import { encodeMessage } from '../../messages.js';
import { appError, AppError, toAppError } from '../../errors.js';
import { storeAssetBuffer, storeAssetFileStreamed } from '../../project/assets.js';
import { plannedDuration, projectDuration, type Asset, type CaptionCue, type ProjectDocument } from '../../project/document.js';
import { ASSETS_DIR } from '../../project/project-file.js';
import { decodeImage, uprightImage } from '../../images/decode.js';
import { parseSrt } from '../captions/srt.js';
import { waveformPeaks } from '../waveform/peaks.js';
import { kindOfFile } from './file-kinds.js';
import { placeAssets } from './place.js';
import { probeImportFile } from './probe-file.js';
import { videoStrip } from './video-strip.js';
import { needsProxy, proxyFile } from '../proxy/proxy-recipe.js';
import { startProxy } from '../proxy/proxy-job.js';

export interface ImportSource {
  /** Where the file is now (a path the user gave, or an upload in the cache). */
  path: string;
  /** The file's name as the user knows it (errors and the media bin show it). */
  name: string;
}

export interface ImportRequest {
  projectId: string;
  files: ImportSource[];
  /** Put the media on the timeline: on this track (when it fits) from this time; omitted = the bin only. */
  place?: { trackId?: string | undefined; start: number } | undefined;
}

export interface ImportResult {
  assetIds: string[];
  clips: { trackId: string; clipId: string }[];
  /** Caption cues an SRT brought (0 when none was imported). */
  cues: number;
}

export interface ImportContext {
  signal?: AbortSignal;
  progress?: (percent: number, message: string) => void;
}

const MAX_IMAGE_BYTES = 80 * 1024 * 1024;
const MAX_SRT_BYTES = 5 * 1024 * 1024;

/** The file's bytes: it must exist, be a file and not be empty. */
function checkFile(source: ImportSource): fs.Stats {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(source.path);
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') throw appError('not_found', 'import.notFound', { name: source.name });
    throw toAppError(error);
  }
  if (!stat.isFile()) throw appError('invalid_input', 'import.notAFile', { name: source.name });
  if (stat.size === 0) throw appError('invalid_input', 'import.empty', { name: source.name });
  return stat;
}

/** The 1-based line of the n-th cue's time line in an SRT text (for errors about that cue). */
export function cueLine(text: string, cueIndex: number): number {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  let seen = -1;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.includes('-->') && ++seen === cueIndex) return i + 1;
  }
  return 1;
}

const clock = (s: number) => `${Math.floor(s / 60)}:${(s % 60).toFixed(1).padStart(4, '0')}`;

interface Prepared {
  asset?: Asset;
  cues?: { list: CaptionCue[]; text: string; name: string };
}

export async function importMedia(core: Core, request: ImportRequest, ctx: ImportContext = {}): Promise<ImportResult> {
  if (request.files.length === 0) throw appError('invalid_input', 'import.chooseFile');
  const dir = core.projects.dirOf(request.projectId);
  const created: string[] = []; // asset files this import copied in (removed again on failure)
  const prepared: Prepared[] = [];
  const n = request.files.length;
  const report = (index: number, fraction: number, message: string) => ctx.progress?.(Math.min(99, ((index + fraction) / n) * 100), message);
  try {
    for (const [index, source] of request.files.entries()) {
      if (ctx.signal?.aborted) throw appError('cancelled', 'error.cancelled');
      const stat = checkFile(source);
      const known = kindOfFile(source.name) ?? kindOfFile(source.path);
      if (!known) throw appError('unsupported', 'import.unsupported', { name: source.name });
      report(index, 0, encodeMessage({ key: 'import.progress.checking', values: { name: source.name } }));
      if (known.kind === 'subtitles') {
        if (stat.size > MAX_SRT_BYTES) throw appError('invalid_input', 'import.srtTooLarge', { name: source.name });
        const text = fs.readFileSync(source.path, 'utf8');
        const list = parseSrt(text, source.name);
        if (list.length === 0) throw appError('invalid_input', 'import.noCaptions', { name: source.name });
        prepared.push({ cues: { list, text, name: source.name } });
        continue;
      }
      if (known.kind === 'image') {
        if (stat.size > MAX_IMAGE_BYTES) throw appError('invalid_input', 'import.imageTooLarge', { name: source.name });
        const image = await uprightImage(await decodeImage(fs.readFileSync(source.path), source.name));
        const target = path.join(dir, ASSETS_DIR, `${crypto.createHash('sha256').update(image.data).digest('hex')}.${image.ext}`);
        if (!fs.existsSync(target)) created.push(target);
        const asset = await storeAssetBuffer(dir, image.data, image.ext, { kind: 'image', source: 'import', mime: image.mime, width: image.width, height: image.height, originalName: source.name });
        prepared.push({ asset });
        continue;
      }
      const fields = await probeImportFile(source.path, source.name, known.kind === 'video' ? 'video' : 'audio', ctx.signal);
      const stored = await storeAssetFileStreamed(dir, source.path, known.ext, { ...fields, source: 'import', mime: fields.kind === 'audio' && known.kind === 'video' ? 'audio/mp4' : known.mime, originalName: source.name }, {
        signal: ctx.signal,
        onProgress: (f) => report(index, f * 0.8, encodeMessage({ key: 'import.progress.copying', values: { name: source.name } })),
      });
      // A video the preview cannot play gets a preview copy, made by a job once the import is in.
      const asset = needsProxy(stored.asset) ? { ...stored.asset, proxy: { file: proxyFile(stored.asset), status: fs.existsSync(path.join(dir, proxyFile(stored.asset))) ? ('ready' as const) : ('making' as const) } } : stored.asset;
      if (stored.created) created.push(path.join(dir, asset.file));
      report(index, 0.8, encodeMessage({ key: fields.kind === 'video' ? 'import.progress.frames' : 'import.progress.waveform', values: { name: source.name } }));
      if (fields.kind === 'video') {
        await videoStrip(path.join(dir, asset.file), asset, core.paths.cache, source.name, ctx.signal);
      } else {
        try {
          await waveformPeaks(dir, asset, core.paths.cache, ctx.signal);
        } catch (error) {
          if (error instanceof AppError && error.code === 'cancelled') throw error;
          throw appError('invalid_input', 'import.noSound', { name: source.name }, { cause: error });
        }
      }
      prepared.push({ asset });
    }
    report(n - 1, 1, encodeMessage({ key: 'import.progress.adding' }));
    let result: ImportResult = { assetIds: [], clips: [], cues: 0 };
    core.projects.update(
      request.projectId,
      (doc) => {
        const { next, outcome } = addToDocument(doc, prepared, request.place);
        result = outcome;
        return next;
      },
      'updated-by-job',
    );
    for (const { asset } of prepared) if (asset?.proxy?.status === 'making') startProxy(core, request.projectId, asset);
    ctx.progress?.(100, encodeMessage({ key: 'import.progress.imported' }));
    return result;
  } catch (error) {
    for (const file of created) fs.rmSync(file, { force: true });
    throw toAppError(error);
  }
}

/** Pure: the imported assets (and an SRT's cues) added to the document, placed when asked. */
export function addToDocument(doc: ProjectDocument, prepared: readonly Prepared[], place: ImportRequest['place']): { next: ProjectDocument; outcome: ImportResult } {
  const assets = { ...doc.assets };
  const added: Asset[] = [];
  for (const { asset } of prepared) {
    if (!asset) continue;
    // Imported again: keep the name the bin already shows.
    const kept = Object.hasOwn(assets, asset.id) ? assets[asset.id]!.originalName : undefined;
    assets[asset.id] = kept ? { ...asset, originalName: kept } : asset;
    added.push(assets[asset.id]!);
  }
  let next: ProjectDocument = { ...doc, assets };
  let clips: ImportResult['clips'] = [];
  if (place) {
    const placed = placeAssets(next, added, place);
    next = placed.doc;
    clips = placed.placed.map((p) => ({ trackId: p.trackId, clipId: p.clip.id }));
  }
  let cues = 0;
  const srt = prepared.filter((p) => p.cues).at(-1)?.cues;
  if (srt) {
    const length = plannedDuration(next);
    const late = srt.list.findIndex((c) => c.start >= length - 1e-6);
    if (late >= 0 && projectDuration(next) > 0) {
      throw appError('invalid_input', 'import.captionPastEnd', { name: srt.name, line: cueLine(srt.text, late), start: clock(srt.list[late]!.start), end: clock(length) });
    }
    next = { ...next, tracks: { ...next.tracks, captions: { ...next.tracks.captions, cues: srt.list } } };
    cues = srt.list.length;
  }
  return { next, outcome: { assetIds: added.map((a) => a.id), clips, cues } };
}
