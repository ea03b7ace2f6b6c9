import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadMigrations, migrate, openDatabase, schemaVersion } from '../../src-main/store/database.js';
import { SettingsStore, DEFAULT_SETTINGS } from '../../src-main/store/settings-store.js';
import { tempDir } from '../helpers/temp-core.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
function dbFile(): string {
  const dir = tempDir();
  dirs.push(dir);
  return path.join(dir, 'whatif.sqlite');
}

describe('SQLite store', () => {
  it('applies every numbered migration and records the version, with WAL, foreign keys and STRICT tables', () => {
    const db = openDatabase(dbFile());
    expect(schemaVersion(db)).toBe(loadMigrations().length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const projectsSql = (db.prepare("SELECT sql FROM sqlite_master WHERE name = 'projects'").get() as { sql: string }).sql;
    expect(projectsSql).toMatch(/STRICT/);
    expect(() => db.prepare("INSERT INTO projects (id, name, dir, preset, scene_count, duration, created_at, updated_at) VALUES ('a','n','/d','9:16','many',0,'t','t')").run()).toThrow();
    db.close();
  });

  it('reopens an existing database without re-running migrations', () => {
    const file = dbFile();
    const first = openDatabase(file);
    first.prepare("INSERT INTO settings (key, value) VALUES ('theme', '\"light\"')").run();
    first.close();
    const again = openDatabase(file);
    expect((again.prepare("SELECT value FROM settings WHERE key = 'theme'").get() as { value: string }).value).toBe('"light"');
    again.close();
  });

  it('refuses a database written by a newer version and leaves it untouched', () => {
    const file = dbFile();
    const db = openDatabase(file);
    db.pragma('user_version = 999');
    db.close();
    const before = fs.readFileSync(file);
    expect(() => openDatabase(file)).toThrow(/newer version of WhatIf Studio \(schema 999/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('rolls back a failing migration as a whole', () => {
    const db = openDatabase(dbFile(), []);
    expect(() => migrate(db, [{ version: 1, name: 'broken', sql: 'CREATE TABLE t (a TEXT) STRICT; CREATE TABLE t (b TEXT);' }])).toThrow();
    expect(schemaVersion(db)).toBe(0);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 't'").get()).toEqual({ n: 0 });
    db.close();
  });
});

describe('settings', () => {
  it('returns defaults, stores changes, and survives a bad stored value', () => {
    const db = openDatabase(dbFile());
    const settings = new SettingsStore(db);
    expect(settings.get()).toEqual(DEFAULT_SETTINGS);
    settings.set({ theme: 'light', defaultWordsPerMinute: 200 });
    db.prepare("INSERT INTO settings (key, value) VALUES ('defaultFps', '17')").run();
    const read = new SettingsStore(db).get();
    expect(read.theme).toBe('light');
    expect(read.defaultWordsPerMinute).toBe(200);
    expect(read.defaultFps).toBe(DEFAULT_SETTINGS.defaultFps);
    expect(() => settings.set({ defaultWordsPerMinute: 500 })).toThrow();
    db.close();
  });
});
