/**
 * The export's cache of encoded segments and soundtracks, a folder in the data folder: files named
 * by their key (segment-key.ts), written atomically (copied beside, then renamed), touched when
 * reused, and trimmed to a size cap by dropping the least recently used first. A cache that cannot
 * be written (a full or read-only disk) only costs speed: the export goes on without it.
 */
import fs from 'node:fs';
import path from 'node:path';

export const DEFAULT_CACHE_BYTES = 2 * 1024 ** 3;

export class SegmentCache {
  constructor(
    readonly dir: string,
    private readonly maxBytes = DEFAULT_CACHE_BYTES,
  ) {}

  private file(key: string, ext: string): string {
    if (!/^[0-9a-f]{16,64}$/.test(key)) throw new Error(`not a cache key: ${key}`);
    return path.join(this.dir, `${key}.${ext}`);
  }

  /** The cached file for `key`, or null; a hit counts as a use (kept longer). */
  get(key: string, ext: string): string | null {
    const file = this.file(key, ext);
    try {
      const now = new Date();
      fs.utimesSync(file, now, now);
      return file;
    } catch {
      return null;
    }
  }

  /** Copies `source` in under `key`; returns the cached path, or null when the cache cannot take it. */
  put(key: string, ext: string, source: string): string | null {
    const file = this.file(key, ext);
    const temp = `${file}.${process.pid}.tmp`;
    try {
      fs.mkdirSync(this.dir, { recursive: true });
      fs.copyFileSync(source, temp);
      fs.renameSync(temp, file);
      return file;
    } catch {
      fs.rmSync(temp, { force: true });
      return null;
    }
  }

  /** Drops the least recently used files until the folder is under the cap (`keep` are never dropped). */
  prune(keep: ReadonlySet<string> = new Set()): void {
    let entries: { file: string; bytes: number; used: number }[];
    try {
      entries = fs.readdirSync(this.dir).map((name) => {
        const file = path.join(this.dir, name);
        const stat = fs.statSync(file);
        return { file, bytes: stat.size, used: stat.mtimeMs };
      });
    } catch {
      return;
    }
    let total = entries.reduce((sum, e) => sum + e.bytes, 0);
    for (const entry of entries.sort((a, b) => a.used - b.used)) {
      if (total <= this.maxBytes) break;
      if (keep.has(entry.file)) continue;
      fs.rmSync(entry.file, { force: true });
      total -= entry.bytes;
    }
  }
}
