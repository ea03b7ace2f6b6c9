import path from 'node:path';
import { createCore } from '../../core.js';
import { rootsFromEnv } from '../../files/grants.js';
import { existingFolder } from '../../files/path-input.js';
import { AppError } from '../../errors.js';
import { startBridge } from '../../bridge/server.js';
import { ensureRendererBuilt } from '../../bridge/renderer-build.js';
import { appRoot } from '../../platform/app-root.js';
import { parseCommandArgs, type Command } from '../command.js';

const USAGE = 'whatif web [--port N] [--allow <folder>]...';

export const web: Command = {
  name: 'web',
  usage: USAGE,
  summary: 'Serve the editor and the real core on 127.0.0.1 for a browser (developer mode, UI tests); --allow lets the page use a folder.',
  async run(args, io) {
    const { values } = parseCommandArgs(args, { port: { type: 'string' }, allow: { type: 'string', multiple: true } }, USAGE);
    const port = values.port === undefined ? 0 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new AppError('invalid_input', `--port must be a port number, not "${values.port}"`);
    const rendererDir = await ensureRendererBuilt(appRoot(), io.err);
    // The page may name paths only in the data folder, the projects and these folders (files/grants.ts).
    const allowed = ((values.allow as string[] | undefined) ?? []).map((dir) => existingFolder('--allow', path.resolve(dir)));
    const core = createCore({ mode: 'bridge', log: (line) => io.err(line), allowedRoots: [...rootsFromEnv(), ...allowed] });
    const bridge = await startBridge({ core, rendererDir, port });
    io.out(`WhatIf Studio is running at ${bridge.url}`);
    io.out('Open that address in a browser (it carries a one-time access token). Ctrl+C stops.');
    await new Promise<void>((resolve) => {
      if (io.signal.aborted) resolve();
      io.signal.addEventListener('abort', () => resolve(), { once: true });
      process.once('SIGTERM', () => resolve());
    });
    await bridge.close();
    await core.close();
    return 0;
  },
};
