/** The projects table: an index of project folders so the app can list them without opening each. */
import type { ProjectSummary } from '../ipc/contract/project.js';
import { projectDuration, type ProjectDocument } from '../project/document.js';
import type { Db } from './database.js';

interface ProjectRow {
  id: string;
  name: string;
  dir: string;
  preset: string;
  scene_count: number;
  duration: number;
  created_at: string;
  updated_at: string;
  opened_at: string | null;
}

export type IndexedProject = Omit<ProjectSummary, 'available'>;

function fromRow(row: ProjectRow): IndexedProject {
  return {
    id: row.id,
    name: row.name,
    dir: row.dir,
    preset: row.preset as ProjectSummary['preset'],
    sceneCount: row.scene_count,
    duration: row.duration,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    openedAt: row.opened_at,
  };
}

export class ProjectsIndex {
  constructor(private readonly db: Db) {}

  list(): IndexedProject[] {
    const rows = this.db.prepare('SELECT * FROM projects ORDER BY updated_at DESC, name').all() as ProjectRow[];
    return rows.map(fromRow);
  }

  get(id: string): IndexedProject | null {
    const row = this.db.prepare('SELECT * FROM projects WHERE id = ?').get(id) as ProjectRow | undefined;
    return row ? fromRow(row) : null;
  }

  byDir(dir: string): IndexedProject | null {
    const row = this.db.prepare('SELECT * FROM projects WHERE dir = ?').get(dir) as ProjectRow | undefined;
    return row ? fromRow(row) : null;
  }

  /**
   * Insert or refresh the row from the document (the document is the truth). A folder indexed under
   * another id (its project.json was replaced or copied over) now holds this project: the old row
   * is dropped, in the same transaction.
   */
  upsert(dir: string, doc: ProjectDocument, openedAt?: string): IndexedProject {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM projects WHERE dir = ? AND id != ?').run(dir, doc.id);
      this.write(dir, doc, openedAt);
    })();
    return this.get(doc.id)!;
  }

  private write(dir: string, doc: ProjectDocument, openedAt?: string): void {
    this.db
      .prepare(
        `INSERT INTO projects (id, name, dir, preset, scene_count, duration, created_at, updated_at, opened_at)
         VALUES (@id, @name, @dir, @preset, @scene_count, @duration, @created_at, @updated_at, @opened_at)
         ON CONFLICT(id) DO UPDATE SET name = excluded.name, dir = excluded.dir, preset = excluded.preset,
           scene_count = excluded.scene_count, duration = excluded.duration, updated_at = excluded.updated_at,
           opened_at = COALESCE(excluded.opened_at, projects.opened_at)`,
      )
      .run({
        id: doc.id,
        name: doc.name,
        dir,
        preset: doc.output.preset,
        scene_count: doc.scenes.length,
        duration: projectDuration(doc),
        created_at: doc.createdAt,
        updated_at: doc.updatedAt,
        opened_at: openedAt ?? null,
      });
  }

  remove(id: string): void {
    this.db.prepare('DELETE FROM projects WHERE id = ?').run(id);
  }
}
