/**
 * Project operations behind the IPC calls and the CLI: create, list, open, save, rename, delete,
 * export a copy, and the demo. Folders are the truth; the SQLite index only makes listing fast.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { appError, toAppError } from '../errors.js';
import { ensureFolder } from '../files/path-input.js';
import type { EventBus } from '../ipc/events.js';
import type { ProjectSummary } from '../ipc/contract/project.js';
import type { ProjectsIndex, IndexedProject } from '../store/projects-index.js';
import { createEmptyDocument, type AspectPreset, type Language, type ProjectDocument } from './document.js';
import { PROJECT_FILE, readProjectFile, writeProjectFile } from './project-file.js';

export interface OpenedProject {
  summary: ProjectSummary;
  document: ProjectDocument;
}

/** A folder name from a project name: readable, safe on every OS, unique inside its parent. */
export function folderNameFor(name: string, taken: (candidate: string) => boolean): string {
  const base =
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9 _-]+/g, '')
      .trim()
      .replace(/\s+/g, '-')
      .slice(0, 60) || 'project';
  let candidate = base;
  for (let n = 2; taken(candidate); n++) candidate = `${base}-${n}`;
  return candidate;
}

function isInside(parent: string, child: string): boolean {
  const relative = path.relative(parent, child);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

export class ProjectService {
  constructor(
    private readonly index: ProjectsIndex,
    private readonly projectsRoot: string,
    private readonly events: EventBus,
    private readonly now: () => string = () => new Date().toISOString(),
  ) {}

  list(): ProjectSummary[] {
    return this.index.list().map((p) => this.withAvailability(p));
  }

  /** Create a project folder. `seed` lets templates (and the demo) fill the document before the first write. */
  create(input: { name: string; language?: Language; preset?: AspectPreset; parentDir?: string }, seed?: (doc: ProjectDocument) => ProjectDocument): ProjectSummary {
    const parent = path.resolve(input.parentDir ?? this.projectsRoot);
    ensureFolder('parentDir', parent);
    const dir = path.join(parent, folderNameFor(input.name, (c) => fs.existsSync(path.join(parent, c))));
    const now = this.now();
    let doc = createEmptyDocument({ id: crypto.randomUUID(), name: input.name.trim(), now, ...(input.language ? { language: input.language } : {}), ...(input.preset ? { preset: input.preset } : {}) });
    if (seed) doc = seed(doc);
    try {
      fs.mkdirSync(dir);
      writeProjectFile(dir, doc);
    } catch (error) {
      fs.rmSync(dir, { recursive: true, force: true });
      throw error;
    }
    const indexed = this.indexNew(dir, doc, now);
    this.events.emit('project.changed', { id: doc.id, reason: 'created' });
    return this.withAvailability(indexed);
  }

  /** The folder of an indexed project, or not_found. */
  dirOf(id: string): string {
    const indexed = this.index.get(id);
    if (!indexed) throw appError('not_found', 'project.notFound');
    return indexed.dir;
  }

  open(id: string): OpenedProject {
    const dir = this.dirOf(id);
    const document = readProjectFile(dir);
    const indexed = this.index.upsert(dir, document, this.now());
    return { summary: this.withAvailability(indexed), document };
  }

  openFolder(dirInput: string): OpenedProject {
    const dir = path.resolve(dirInput);
    const document = readProjectFile(dir);
    const clash = this.index.get(document.id);
    if (clash && clash.dir !== dir && fs.existsSync(path.join(clash.dir, PROJECT_FILE))) {
      throw appError('conflict', 'project.alreadyOpen', { dir: clash.dir, name: document.name });
    }
    const indexed = this.index.upsert(dir, document, this.now());
    return { summary: this.withAvailability(indexed), document };
  }

  save(id: string, document: ProjectDocument, reason: 'saved' | 'updated-by-job' | 'narrated' | 'animated' = 'saved', expectedUpdatedAt?: string): ProjectSummary {
    if (document.id !== id) throw appError('invalid_input', 'project.otherDocument');
    const dir = this.dirOf(id);
    if (expectedUpdatedAt !== undefined && readProjectFile(dir).updatedAt !== expectedUpdatedAt) {
      throw appError('conflict', 'project.changedOnDisk');
    }
    const next = { ...document, updatedAt: this.now() };
    writeProjectFile(dir, next);
    const indexed = this.index.upsert(dir, next);
    this.events.emit('project.changed', { id, reason });
    return this.withAvailability(indexed);
  }

  /** Read, change and write in one step (jobs use it to merge results into the saved document). */
  update(id: string, change: (doc: ProjectDocument) => ProjectDocument, reason: 'saved' | 'updated-by-job' | 'narrated' | 'animated' = 'updated-by-job'): ProjectDocument {
    const dir = this.dirOf(id);
    const next = change(readProjectFile(dir));
    this.save(id, next, reason);
    return next;
  }

  rename(id: string, name: string): ProjectSummary {
    const { document } = this.open(id);
    const summary = this.save(id, { ...document, name: name.trim() });
    this.events.emit('project.changed', { id, reason: 'renamed' });
    return summary;
  }

  /**
   * Delete a project folder. The caller repeats the id to confirm; only a folder that holds this
   * project's project.json is removed, and never the projects root or anything above the folder.
   */
  delete(id: string, confirmId: string): void {
    if (id !== confirmId) throw appError('invalid_input', 'project.confirmDelete');
    const indexed = this.index.get(id);
    if (!indexed) throw appError('not_found', 'project.notFound');
    const dir = path.resolve(indexed.dir);
    const root = path.resolve(this.projectsRoot);
    if (fs.existsSync(dir)) {
      let ownsFolder = false;
      try {
        ownsFolder = readProjectFile(dir).id === id;
      } catch {
        ownsFolder = false;
      }
      const safeLocation = isInside(root, dir) || fs.existsSync(path.join(dir, PROJECT_FILE));
      if (!ownsFolder || !safeLocation || dir === path.parse(dir).root) {
        throw appError('conflict', 'project.refuseDelete', { dir });
      }
      if (fs.lstatSync(dir).isSymbolicLink()) throw appError('conflict', 'project.refuseDeleteLink', { dir });
      fs.rmSync(dir, { recursive: true, force: true });
    }
    this.index.remove(id);
    this.events.emit('project.changed', { id, reason: 'deleted' });
  }

  /** Copy the whole folder (document, assets, renders) to destDir/<folder name>; the copy gets a new id. */
  exportCopy(id: string, destDir: string): string {
    const source = this.dirOf(id);
    const doc = readProjectFile(source);
    const parent = path.resolve(destDir);
    if (isInside(source, parent) || parent === source) throw appError('invalid_input', 'project.copyIntoItself');
    ensureFolder('destDir', parent);
    const target = path.join(parent, folderNameFor(doc.name, (c) => fs.existsSync(path.join(parent, c))));
    try {
      fs.cpSync(source, target, { recursive: true, errorOnExist: true, force: false, filter: (src) => !path.basename(src).endsWith('.tmp') });
      writeProjectFile(target, { ...doc, id: crypto.randomUUID() });
    } catch (error) {
      fs.rmSync(target, { recursive: true, force: true });
      throw toAppError(error);
    }
    return target;
  }

  /** Copy a project folder from elsewhere (the bundled sample) into the projects root and index it. */
  importCopy(sourceDir: string, name?: string): ProjectSummary {
    const doc = readProjectFile(sourceDir);
    const root = path.resolve(this.projectsRoot);
    ensureFolder('the projects folder', root);
    const finalName = name ?? doc.name;
    const target = path.join(root, folderNameFor(finalName, (c) => fs.existsSync(path.join(root, c))));
    const now = this.now();
    const copy: ProjectDocument = { ...doc, id: crypto.randomUUID(), name: finalName, createdAt: now, updatedAt: now };
    try {
      fs.cpSync(sourceDir, target, { recursive: true, filter: (src) => !src.includes(`${path.sep}renders${path.sep}`) && !path.basename(src).endsWith('.tmp') });
      writeProjectFile(target, copy);
    } catch (error) {
      fs.rmSync(target, { recursive: true, force: true });
      throw toAppError(error);
    }
    const indexed = this.indexNew(target, copy, now);
    this.events.emit('project.changed', { id: copy.id, reason: 'created' });
    return this.withAvailability(indexed);
  }

  /** Indexes a folder just made; when the index cannot be written the folder is removed again. */
  private indexNew(dir: string, doc: ProjectDocument, now: string): IndexedProject {
    try {
      return this.index.upsert(dir, doc, now);
    } catch (error) {
      fs.rmSync(dir, { recursive: true, force: true });
      throw toAppError(error);
    }
  }

  private withAvailability(project: IndexedProject): ProjectSummary {
    return { ...project, available: fs.existsSync(path.join(project.dir, PROJECT_FILE)) };
  }
}
