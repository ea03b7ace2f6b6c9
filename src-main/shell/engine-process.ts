/**
 * Narration engine processes in the packaged app. The RunAsNode fuse is off there, so Node's `fork`
 * cannot start a Node child: Electron's utilityProcess.fork runs piper-worker.ts instead, and the
 * worker already speaks to either parent (process.parentPort). Must be used after app `ready`.
 */
import { utilityProcess } from 'electron';
import type { ForkEngine } from '../narration/piper/engine-host.js';

export const forkUtilityEngine: ForkEngine = (file, args, execArgv) => {
  const child = utilityProcess.fork(file, args, { execArgv, stdio: ['ignore', 'ignore', 'pipe'], serviceName: 'WhatIf narration engine' });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
  let ended = false;
  return {
    send: (message) => child.postMessage(message),
    onMessage: (listener) => child.on('message', listener),
    onExit: (listener) => {
      child.on('exit', (code) => {
        if (ended) return;
        ended = true;
        listener(code, null, stderr.trim().split('\n').slice(-3).join(' '));
      });
      child.on('error', (type, location) => {
        if (ended) return;
        ended = true;
        listener(null, null, `${type} at ${location}`);
      });
    },
    kill: () => void child.kill(),
    // A utility process never keeps the Electron app alive on its own: nothing to (un)reference.
    setRef: () => {},
  };
};
