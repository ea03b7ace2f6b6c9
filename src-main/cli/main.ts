/**
 * `whatif`: the headless CLI on the same core as the desktop app. Clear messages and non-zero exit
 * codes on bad input: 2 for usage errors, 1 for failures, 130 when cancelled with Ctrl+C, 143 when
 * stopped by SIGTERM (which cancels the same way: the running job ends cancelled, nothing is left).
 * Output to a pipe that was closed (`whatif project info | head -1`) stops quietly.
 */
import { causeText, isAppError, toAppError } from '../errors.js';
import { scrub } from '../secrets/known-secrets.js';
import type { CliIo, Command } from './command.js';
import { COMMANDS } from './commands/index.js';

function helpText(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'WhatIf Studio: turn a "What if...?" idea into a finished vertical short.',
    '',
    'usage: whatif <command> [options]',
    '',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'whatif <command> --help shows the options of one command.',
  ].join('\n');
}

/** A write to a closed pipe: the reader is gone, which is not an error of ours. */
function isClosedPipe(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'EPIPE' || code === 'ERR_STREAM_DESTROYED';
}

const closed = { stdout: false, stderr: false };
for (const name of ['stdout', 'stderr'] as const) {
  process[name].on('error', (error: unknown) => {
    if (!isClosedPipe(error)) throw error;
    closed[name] = true;
  });
}
const write = (name: 'stdout' | 'stderr', text: string) => {
  if (!closed[name] && !process[name].destroyed) process[name].write(text);
};

function findCommand(argv: string[]): { command: Command; rest: string[] } | null {
  for (const words of [2, 1]) {
    const name = argv.slice(0, words).join(' ');
    const command = COMMANDS.find((c) => c.name === name);
    if (command) return { command, rest: argv.slice(words) };
  }
  return null;
}

export async function main(argv: string[]): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    console.log(helpText());
    return argv.length === 0 ? 2 : 0;
  }
  if (argv[0] === '--version') {
    console.log('whatif 0.1.0');
    return 0;
  }
  const found = findCommand(argv);
  if (!found) {
    console.error(`whatif: unknown command "${argv.slice(0, 2).join(' ')}"\n\n${helpText()}`);
    return 2;
  }
  if (found.rest.includes('--help') || found.rest.includes('-h')) {
    console.log(`${found.command.summary}\n\nusage: ${found.command.usage}`);
    return 0;
  }
  const controller = new AbortController();
  let stoppedBy: NodeJS.Signals | null = null;
  const onSignal = (signal: NodeJS.Signals) => {
    const code = signal === 'SIGTERM' ? 143 : 130;
    if (controller.signal.aborted) process.exit(code);
    stoppedBy = signal;
    write('stderr', signal === 'SIGTERM' ? '\nStopping: cancelling...\n' : '\nCancelling... (Ctrl+C again to force)\n');
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const io: CliIo = {
    // The edge: no known key is printed, whatever a provider wrote into a message.
    out: (line) => write('stdout', `${scrub(line)}\n`),
    err: (line) => write('stderr', `${scrub(line)}\n`),
    isTty: Boolean(process.stderr.isTTY),
    signal: controller.signal,
  };
  try {
    return await found.command.run(found.rest, io);
  } catch (error) {
    const appError = toAppError(error);
    if (appError.code === 'cancelled') {
      io.err('whatif: cancelled');
      return stoppedBy === 'SIGTERM' ? 143 : 130;
    }
    io.err(`whatif: ${appError.message}`);
    if (appError.code === 'internal' && !isAppError(error)) io.err(causeText(error));
    return appError.code === 'invalid_input' ? 2 : 1;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

process.exitCode = await main(process.argv.slice(2));
