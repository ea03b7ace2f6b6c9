-- Projects index (the documents themselves live in each project folder) and non-secret settings.
CREATE TABLE projects (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  dir         TEXT NOT NULL UNIQUE,
  preset      TEXT NOT NULL,
  scene_count INTEGER NOT NULL DEFAULT 0,
  duration    REAL NOT NULL DEFAULT 0,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  opened_at   TEXT
) STRICT;

CREATE INDEX projects_updated ON projects (updated_at DESC);

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL CHECK (json_valid(value))
) STRICT;
