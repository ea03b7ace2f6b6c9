-- Generated images by what was asked (model, prompt, negative, aspect, seed, reference): the same
-- request reuses the stored file in any project without calling KIE (and without paying) again.
CREATE TABLE image_cache (
  key        TEXT PRIMARY KEY,
  sha256     TEXT NOT NULL,
  ext        TEXT NOT NULL,
  mime       TEXT NOT NULL,
  width      INTEGER NOT NULL,
  height     INTEGER NOT NULL,
  bytes      INTEGER NOT NULL,
  model      TEXT NOT NULL,
  task_id    TEXT,
  created_at TEXT NOT NULL
) STRICT;
