/**
 * The SQLite store: WAL, foreign keys, STRICT tables, numbered migration files (migrations/NNN-name.sql)
 * applied in order inside one transaction each and tracked with PRAGMA user_version. A database written
 * by a newer WhatIf Studio is refused, not opened, so an old build never damages it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { appError } from '../errors.js';

export type Db = Database.Database;

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const MIGRATION_FILE = /^(\d{3})-([a-z0-9-]+)\.sql$/;

export function migrationsDir(): string {
  return path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
}

export function loadMigrations(dir: string = migrationsDir()): Migration[] {
  const migrations = fs
    .readdirSync(dir)
    .map((file) => ({ file, match: MIGRATION_FILE.exec(file) }))
    .filter((entry): entry is { file: string; match: RegExpExecArray } => entry.match !== null)
    .map(({ file, match }) => ({ version: Number(match[1]), name: match[2]!, sql: fs.readFileSync(path.join(dir, file), 'utf8') }))
    .sort((a, b) => a.version - b.version);
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`Migrations must be numbered 001, 002, ... without gaps; found ${migration.version} at position ${index + 1}`);
    }
  });
  return migrations;
}

export function openDatabase(file: string, migrations: Migration[] = loadMigrations()): Db {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  let db: Db;
  try {
    db = new Database(file);
  } catch (error) {
    throw appError('io_error', 'store.cannotOpen', { file, message: (error as Error).message }, { cause: error });
  }
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, migrations, file);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function migrate(db: Db, migrations: Migration[], file = 'the database'): void {
  const current = schemaVersion(db);
  const latest = migrations.length;
  if (current > latest) {
    throw appError('conflict', 'store.newerSchema', { current, file, latest });
  }
  for (const migration of migrations.slice(current)) {
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}
