import { createCore } from '../../core.js';
import { AppError } from '../../errors.js';
import { startBridge } from '../../bridge/server.js';
import { ensureRendererBuilt } from '../../bridge/renderer-build.js';
import { appRoot } from '../../platform/app-root.js';
import { parseCommandArgs, type Command } from '../command.js';

const USAGE = 'whatif web [--port N]';

export const web: Command = {
  name: 'web',
  usage: USAGE,
  summary: 'Serve the editor and the real core on 127.0.0.1 for a browser (developer mode, UI tests).',
  async run(args, io) {
    const { values } = parseCommandArgs(args, { port: { type: 'string' } }, USAGE);
    const port = values.port === undefined ? 0 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new AppError('invalid_input', `--port must be a port number, not "${values.port}"`);
    const rendererDir = await ensureRendererBuilt(appRoot(), io.err);
    const core = createCore({ mode: 'bridge', log: (line) => io.err(line) });
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
