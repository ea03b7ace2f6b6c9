/**
 * A project is a folder:  project.json (the document), assets/ (content-addressed files), renders/.
 * project.json is read through upgrades + zod and written atomically (temp file, fsync, rename), so a
 * crash or a full disk never leaves half a document. A bad file is reported by name and left untouched.
 */
import fs from 'node:fs';
import path from 'node:path';
import { appError, toAppError } from '../errors.js';
import { describeZodError } from '../ipc/handle.js';
import { PROJECT_VERSION, ProjectDocumentSchema, type ProjectDocument } from './document.js';
import { upgradeDocument, UpgradeError } from './upgrade.js';
import { writeFileAtomic } from '../platform/atomic-file.js';
import { scrub } from '../secrets/known-secrets.js';
import { ensureFolder } from '../files/path-input.js';

export const PROJECT_FILE = 'project.json';
export const ASSETS_DIR = 'assets';
export const RENDERS_DIR = 'renders';

export function projectFilePath(dir: string): string {
  return path.join(dir, PROJECT_FILE);
}

/**
 * Ids are looked up in plain objects (doc.assets[id]); a name Object.prototype already has
 * ("constructor", "__proto__", "toString") would be found without being an asset. Refused on read and write.
 */
export function reservedIdIssue(doc: unknown): string | null {
  let found: string | null = null;
  JSON.stringify(doc, function (key, value: unknown) {
    if (found) return undefined;
    if (key in Object.prototype || key === '__proto__') found = key;
    else if (typeof value === 'string' && /^(assetId|\w+AssetId)$/.test(key) && (value in Object.prototype || value === '__proto__')) found = value;
    return value;
  });
  return found;
}

export function readProjectFile(dir: string): ProjectDocument {
  const file = projectFilePath(dir);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ENOENT') throw appError('not_found', 'project.fileMissing', { file });
    if (code === 'EISDIR') throw appError('invalid_input', 'project.fileIsFolder', { file, projectFile: PROJECT_FILE });
    if (code === 'ENOTDIR') throw appError('invalid_input', 'project.folderIsFile', { dir, projectFile: PROJECT_FILE });
    throw toAppError(error);
  }
  let raw: unknown;
  try {
    // Editors on Windows may save a byte order mark: it is not part of the JSON.
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw appError('invalid_input', 'project.notJson', { file, message: (error as Error).message });
  }
  let upgraded: Record<string, unknown>;
  try {
    upgraded = upgradeDocument(raw);
  } catch (error) {
    if (error instanceof UpgradeError) throw appError('conflict', 'project.cannotOpen', { file, message: error.message });
    throw error;
  }
  const parsed = ProjectDocumentSchema.safeParse(upgraded);
  if (!parsed.success) {
    throw appError('invalid_input', 'project.invalidFile', { file, problem: describeZodError(parsed.error) });
  }
  const reserved = reservedIdIssue(parsed.data);
  if (reserved) throw appError('invalid_input', 'project.reservedIdFile', { file, reserved });
  return parsed.data;
}

/** The name of the copy an older project.json is kept under before it is first saved in a newer format. */
export function backupFileName(version: number): string {
  return `project.v${version}.backup.json`;
}

/** The format version of the project.json on disk, or null when there is none (or it is unreadable). */
function versionOnDisk(file: string): number | null {
  try {
    const raw = JSON.parse(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '')) as { version?: unknown };
    return typeof raw.version === 'number' ? raw.version : null;
  } catch {
    return null;
  }
}

export function writeProjectFile(dir: string, document: ProjectDocument): void {
  const checked = ProjectDocumentSchema.safeParse(document);
  if (!checked.success) throw appError('invalid_input', 'project.invalid', { problem: describeZodError(checked.error) });
  const reserved = reservedIdIssue(checked.data);
  if (reserved) throw appError('invalid_input', 'project.reservedId', { reserved });
  ensureFolder('the project folder', path.join(dir, ASSETS_DIR));
  ensureFolder('the project folder', path.join(dir, RENDERS_DIR));
  const file = projectFilePath(dir);
  // An older file is upgraded on save: the original is kept beside it first (never overwritten).
  const old = versionOnDisk(file);
  if (old !== null && old < PROJECT_VERSION) {
    const backup = path.join(dir, backupFileName(old));
    if (!fs.existsSync(backup)) writeFileAtomic(backup, fs.readFileSync(file));
  }
  writeFileAtomic(file, scrub(`${JSON.stringify(checked.data, null, 2)}\n`));
}
