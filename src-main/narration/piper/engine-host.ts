/**
 * How an engine process is started. Plain Node (CLI, bridge, tests) forks with node:child_process.
 * The packaged desktop app has the RunAsNode fuse off, so `fork` cannot run a Node child there: the
 * Electron shell passes its own `ForkEngine` (Electron's utilityProcess.fork, which speaks the same
 * structured-clone messages) through configureNarration(core, { forkEngine }). The engine process
 * itself talks to either parent (piper-worker.ts).
 */
import { fork } from 'node:child_process';

export interface EngineChild {
  send(message: unknown): void;
  onMessage(listener: (message: unknown) => void): void;
  /** Called once when the process ends; `detail` is the tail of its stderr when there is one. */
  onExit(listener: (code: number | null, signal: string | null, detail: string) => void): void;
  kill(): void;
  /** Whether the process keeps the app alive (true while a request is in flight). */
  setRef(ref: boolean): void;
}

export type ForkEngine = (file: string, args: string[], execArgv: string[]) => EngineChild;

export const forkNodeEngine: ForkEngine = (file, args, execArgv) => {
  const child = fork(file, args, { serialization: 'advanced', execArgv, stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
  return {
    send: (message) => child.send(message as never),
    onMessage: (listener) => child.on('message', listener),
    onExit: (listener) => {
      child.on('exit', (code, signal) => listener(code, signal, stderr.trim().split('\n').slice(-3).join(' ')));
      child.on('error', (error) => listener(null, null, error.message));
    },
    kill: () => child.kill('SIGKILL'),
    setRef: (ref) => {
      const channel = child.channel as { ref?: () => void; unref?: () => void } | undefined;
      if (ref) {
        child.ref();
        channel?.ref?.();
      } else {
        child.unref();
        channel?.unref?.();
      }
    },
  };
};
