/**
 * The app side of one Piper engine process (piper-worker.ts): started on first use, kept alive for
 * the next sentence, killed on cancel (the next request starts a fresh one) or after idling. While
 * idle it does not keep the app (or the CLI) alive.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { appError } from '../../errors.js';
import type { Audio } from '../audio/wav.js';
import { forkNodeEngine, type EngineChild, type ForkEngine } from './engine-host.js';

export interface PiperFiles {
  model: string;
  tokens: string;
  dataDir: string;
  label: string;
}

interface Pending {
  resolve(audio: Audio & { inferMs: number }): void;
  reject(error: Error): void;
}

const IDLE_MS = 5 * 60_000;

function workerEntry(): { file: string; execArgv: string[] } {
  const js = fileURLToPath(new URL('./piper-worker.js', import.meta.url));
  if (fs.existsSync(js)) return { file: js, execArgv: [] };
  return { file: fileURLToPath(new URL('./piper-worker.ts', import.meta.url)), execArgv: ['--import', 'tsx'] };
}

export class PiperProcess {
  private child: EngineChild | null = null;
  private ready: Promise<{ sampleRate: number; speakers: number }> | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private idleTimer: NodeJS.Timeout | null = null;
  /** How many processes this object has started (the bench and tests check the model loads once). */
  starts = 0;
  /** Model time inside the process, summed over requests (the benchmark compares it with wall time). */
  inferMs = 0;

  constructor(
    private readonly files: PiperFiles,
    private readonly forkEngine: ForkEngine = forkNodeEngine,
  ) {}

  private start(): Promise<{ sampleRate: number; speakers: number }> {
    const { file, execArgv } = workerEntry();
    const child = this.forkEngine(file, [this.files.model, this.files.tokens, this.files.dataDir], execArgv);
    this.starts++;
    this.child = child;
    this.ready = new Promise((resolve, reject) => {
      const fail = (message: string) => {
        const error = appError('invalid_input', 'narration.voiceLoadFailed', { label: this.files.label, message });
        reject(error);
        for (const p of this.pending.values()) p.reject(error);
        this.pending.clear();
      };
      child.onMessage((raw) => {
        const message = raw as { type: string; id?: number; samples?: Float32Array; sampleRate?: number; speakers?: number; message?: string; inferMs?: number };
        if (message.type === 'ready') resolve({ sampleRate: message.sampleRate!, speakers: message.speakers! });
        else if (message.type === 'audio') {
          this.inferMs += message.inferMs ?? 0;
          this.pending.get(message.id!)?.resolve({ samples: message.samples!, sampleRate: message.sampleRate!, inferMs: message.inferMs ?? 0 });
          this.pending.delete(message.id!);
          this.settle();
        } else if (message.type === 'error' && message.id === undefined) fail(message.message ?? 'unknown error');
        else if (message.type === 'error') {
          this.pending.get(message.id!)?.reject(appError('internal', 'narration.sentenceFailed', { label: this.files.label, message: String(message.message) }));
          this.pending.delete(message.id!);
          this.settle();
        }
      });
      child.onExit((code, sig, detail) => {
        if (this.child === child) {
          this.child = null;
          this.ready = null;
        }
        fail(`the engine process stopped (${sig ?? `exit ${code}`})${detail ? `: ${detail}` : ''}`);
      });
    });
    this.ready.catch(() => {});
    return this.ready;
  }

  private settle(): void {
    if (this.pending.size > 0 || !this.child) return;
    this.child.setRef(false);
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.close(), IDLE_MS);
    this.idleTimer.unref();
  }

  async info(): Promise<{ sampleRate: number; speakers: number }> {
    return this.ready ?? this.start();
  }

  async synthesize(text: string, lengthScale: number, speaker: number, signal?: AbortSignal): Promise<Audio & { inferMs: number }> {
    if (signal?.aborted) throw appError('cancelled', 'error.cancelled');
    await (this.ready ?? this.start());
    const child = this.child;
    if (!child) throw appError('internal', 'narration.piperStopped', { label: this.files.label });
    if (this.idleTimer) clearTimeout(this.idleTimer);
    child.setRef(true);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        this.pending.delete(id);
        reject(appError('cancelled', 'error.cancelled'));
        this.close();
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.pending.set(id, {
        resolve: (audio) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(audio);
        },
        reject: (error) => {
          signal?.removeEventListener('abort', onAbort);
          reject(error);
        },
      });
      child.send({ type: 'synth', id, text, lengthScale, speaker });
    });
  }

  close(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    const child = this.child;
    this.child = null;
    this.ready = null;
    child?.kill();
  }
}
