-- Every long task is a row first: the queue survives restarts because nothing lives only in memory.
CREATE TABLE jobs (
  id           TEXT PRIMARY KEY,
  kind         TEXT NOT NULL,
  project_id   TEXT,
  title        TEXT NOT NULL,
  payload      TEXT NOT NULL CHECK (json_valid(payload)),
  state        TEXT NOT NULL CHECK (state IN ('queued', 'running', 'done', 'error', 'cancelled')),
  progress     REAL NOT NULL DEFAULT 0,
  message      TEXT NOT NULL DEFAULT '',
  attempts     INTEGER NOT NULL DEFAULT 0,
  max_attempts INTEGER NOT NULL DEFAULT 3,
  next_run_at  INTEGER,
  checkpoint   TEXT CHECK (checkpoint IS NULL OR json_valid(checkpoint)),
  result       TEXT CHECK (result IS NULL OR json_valid(result)),
  error        TEXT CHECK (error IS NULL OR json_valid(error)),
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  started_at   TEXT,
  finished_at  TEXT
) STRICT;

CREATE INDEX jobs_state ON jobs (state, next_run_at);
CREATE INDEX jobs_project ON jobs (project_id, created_at DESC);
