/**
 * The desktop app's log: <data>/logs/whatif.log, rotated when it passes maxBytes (whatif.1.log is the
 * previous one, up to `keep` files). Every line goes through the HTTP client's redaction with the
 * keys the secret store has seen, so a key never lands on disk even if a message quotes it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { redact } from '../providers/http/index.js';

export interface LogFileOptions {
  dir: string;
  name?: string;
  maxBytes?: number;
  keep?: number;
  /** The secret values to scrub (asked at every line: keys can be added while the app runs). */
  secrets?: () => readonly string[];
  now?: () => Date;
}

export class RotatingLogFile {
  readonly file: string;
  private readonly maxBytes: number;
  private readonly keep: number;
  private size: number;

  constructor(private readonly options: LogFileOptions) {
    fs.mkdirSync(options.dir, { recursive: true });
    this.file = path.join(options.dir, `${options.name ?? 'whatif'}.log`);
    this.maxBytes = options.maxBytes ?? 2 * 1024 * 1024;
    this.keep = Math.max(1, options.keep ?? 3);
    this.size = fs.existsSync(this.file) ? fs.statSync(this.file).size : 0;
  }

  /** Appends one line (timestamped, redacted); never throws: logging must not break the app. */
  write(line: string): void {
    try {
      const stamp = (this.options.now?.() ?? new Date()).toISOString();
      const clean = redact(String(line), this.options.secrets?.() ?? []).replace(/\r?\n/g, '\n    ');
      const text = `${stamp} ${clean}\n`;
      const bytes = Buffer.byteLength(text);
      if (this.size > 0 && this.size + bytes > this.maxBytes) this.rotate();
      fs.appendFileSync(this.file, text, { mode: 0o600 });
      this.size += bytes;
    } catch {
      // A full disk or a locked file must not take the app down with it.
    }
  }

  /** whatif.log → whatif.1.log → whatif.2.log ...; the oldest beyond `keep` is dropped. */
  private rotate(): void {
    const base = this.file.slice(0, -'.log'.length);
    fs.rmSync(`${base}.${this.keep}.log`, { force: true });
    for (let i = this.keep - 1; i >= 1; i -= 1) {
      if (fs.existsSync(`${base}.${i}.log`)) fs.renameSync(`${base}.${i}.log`, `${base}.${i + 1}.log`);
    }
    fs.renameSync(this.file, `${base}.1.log`);
    this.size = 0;
  }
}
