/**
 * A project is a folder:  project.json (the document), assets/ (content-addressed files), renders/.
 * project.json is read through upgrades + zod and written atomically (temp file, fsync, rename), so a
 * crash or a full disk never leaves half a document. A bad file is reported by name and left untouched.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError, toAppError } from '../errors.js';
import { describeZodError } from '../ipc/handle.js';
import { ProjectDocumentSchema, type ProjectDocument } from './document.js';
import { upgradeDocument, UpgradeError } from './upgrade.js';
import { writeFileAtomic } from '../platform/atomic-file.js';

export const PROJECT_FILE = 'project.json';
export const ASSETS_DIR = 'assets';
export const RENDERS_DIR = 'renders';

export function projectFilePath(dir: string): string {
  return path.join(dir, PROJECT_FILE);
}

export function readProjectFile(dir: string): ProjectDocument {
  const file = projectFilePath(dir);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') throw new AppError('not_found', `No project found: ${file} does not exist.`);
    throw toAppError(error);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new AppError('invalid_input', `${file} is not valid JSON (${(error as Error).message}). The file was left untouched.`);
  }
  let upgraded: Record<string, unknown>;
  try {
    upgraded = upgradeDocument(raw);
  } catch (error) {
    if (error instanceof UpgradeError) throw new AppError('conflict', `${file} cannot be opened: ${error.message}. The file was left untouched.`);
    throw error;
  }
  const parsed = ProjectDocumentSchema.safeParse(upgraded);
  if (!parsed.success) {
    throw new AppError('invalid_input', `${file} is not a valid project: ${describeZodError(parsed.error)}. The file was left untouched.`);
  }
  return parsed.data;
}

export function writeProjectFile(dir: string, document: ProjectDocument): void {
  const checked = ProjectDocumentSchema.safeParse(document);
  if (!checked.success) throw new AppError('invalid_input', `The project is not valid: ${describeZodError(checked.error)}`);
  fs.mkdirSync(path.join(dir, ASSETS_DIR), { recursive: true });
  fs.mkdirSync(path.join(dir, RENDERS_DIR), { recursive: true });
  writeFileAtomic(projectFilePath(dir), `${JSON.stringify(checked.data, null, 2)}\n`);
}
