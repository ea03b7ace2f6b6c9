/**
 * Media by asset id, shared by the bridge's /media route and the desktop shell's media:// scheme.
 * A request names a project and an asset id (or a file under renders/; or `preview/<assetId>`, what
 * the preview plays: the asset's preview copy when one is made, media/proxy/); it never carries a path,
 * so `..`, encoded dots, absolute paths and symlinks cannot reach outside the project folder.
 * Range requests are answered with 206 so the preview can seek audio and video.
 */
import fs from 'node:fs';
import path from 'node:path';
import { appError, toAppError } from '../errors.js';
import { assetPath, ownAsset } from '../project/assets.js';
import { readProjectFile } from '../project/project-file.js';
import { PROXIES_DIR } from '../media/proxy/proxy-recipe.js';

export interface MediaProjects {
  dirOf(id: string): string;
}

export interface MediaReply {
  status: number;
  headers: Record<string, string>;
  file?: string;
  start?: number;
  end?: number;
  message?: string;
}

const MIME_BY_EXT: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.wav': 'audio/wav',
  '.mp3': 'audio/mpeg',
  '.m4a': 'audio/mp4',
  '.ogg': 'audio/ogg',
  '.mp4': 'video/mp4',
  '.srt': 'text/plain; charset=utf-8',
  '.json': 'application/json',
};

const ID = /^[A-Za-z0-9_-]{1,128}$/;
const RENDER_FILE = /^[A-Za-z0-9 ._()-]{1,200}$/;

/** Parses `bytes=a-b`, `bytes=a-` and `bytes=-n` for a file of `size` bytes. null = whole file. */
export function parseRangeHeader(header: string | null, size: number): { start: number; end: number } | 'unsatisfiable' | null {
  if (!header) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return null;
  let start: number;
  let end: number;
  if (match[1] === '') {
    const suffix = Number(match[2]);
    if (suffix === 0) return 'unsatisfiable';
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  }
  if (start >= size || end < start) return 'unsatisfiable';
  return { start, end };
}

function fail(status: number, message: string): MediaReply {
  return { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, message };
}

/** Resolves `<projectId>/<assetId>` or `<projectId>/renders/<file>` to a confined file. */
export function resolveMediaFile(projects: MediaProjects, urlPath: string): string {
  let parts: string[];
  try {
    parts = urlPath.split('/').map((part) => decodeURIComponent(part));
  } catch {
    throw appError('invalid_input', 'media.badAddress');
  }
  const [projectId, second, third] = parts;
  if (!projectId || !ID.test(projectId)) throw appError('invalid_input', 'media.addressNoProject');
  const dir = projects.dirOf(projectId);
  if (parts.length === 2 && second && ID.test(second)) {
    const asset = ownAsset(readProjectFile(dir), second);
    if (!asset) throw appError('not_found', 'media.assetNotInProject');
    return assetPath(dir, asset);
  }
  if (parts.length === 3 && second === 'preview' && third && ID.test(third)) {
    // What the preview plays: the asset's preview copy once it is made, else the asset itself.
    const asset = ownAsset(readProjectFile(dir), third);
    if (!asset) throw appError('not_found', 'media.assetNotInProject');
    return asset.proxy?.status === 'ready' ? proxyPath(dir, asset.proxy.file) : assetPath(dir, asset);
  }
  if (parts.length === 3 && second === 'renders' && third && RENDER_FILE.test(third) && !third.startsWith('.')) {
    const root = fs.realpathSync(dir);
    const rendersDir = path.join(root, 'renders');
    let real: string;
    try {
      real = fs.realpathSync(path.join(rendersDir, third));
    } catch {
      throw appError('not_found', 'media.renderMissing');
    }
    if (path.dirname(real) !== rendersDir) throw appError('invalid_input', 'media.renderLinksOut');
    return real;
  }
  throw appError('invalid_input', 'media.addressShape');
}

/** A proxy file confined to the project's proxies/ folder (a link out of it is refused). */
function proxyPath(dir: string, file: string): string {
  const root = path.join(fs.realpathSync(dir), PROXIES_DIR);
  let real: string;
  try {
    real = fs.realpathSync(path.join(fs.realpathSync(dir), file));
  } catch {
    throw appError('not_found', 'media.assetNotInProject');
  }
  if (path.dirname(real) !== root) throw appError('invalid_input', 'media.proxyLinksOut');
  return real;
}

export function resolveMediaRequest(projects: MediaProjects, urlPath: string, range: string | null): MediaReply {
  let file: string;
  try {
    file = resolveMediaFile(projects, urlPath);
  } catch (error) {
    const appError = toAppError(error);
    return fail(appError.code === 'not_found' ? 404 : appError.code === 'invalid_input' ? 400 : 500, appError.message);
  }
  const size = fs.statSync(file).size;
  const headers: Record<string, string> = {
    'Content-Type': MIME_BY_EXT[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Accept-Ranges': 'bytes',
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
  };
  const wanted = parseRangeHeader(range, size);
  if (wanted === 'unsatisfiable') {
    return { status: 416, headers: { ...headers, 'Content-Range': `bytes */${size}` }, message: 'Range not satisfiable.' };
  }
  if (!wanted) {
    if (size === 0) return { status: 200, headers: { ...headers, 'Content-Length': '0' } };
    return { status: 200, headers: { ...headers, 'Content-Length': String(size) }, file, start: 0, end: size - 1 };
  }
  return {
    status: 206,
    headers: { ...headers, 'Content-Length': String(wanted.end - wanted.start + 1), 'Content-Range': `bytes ${wanted.start}-${wanted.end}/${size}` },
    file,
    start: wanted.start,
    end: wanted.end,
  };
}
