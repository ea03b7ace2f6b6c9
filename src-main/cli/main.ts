/**
 * `whatif`: the headless CLI on the same core as the desktop app. Clear messages and non-zero exit
 * codes on bad input: 2 for usage errors, 1 for failures, 130 when cancelled with Ctrl+C.
 */
import { isAppError, toAppError } from '../errors.js';
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
  const onSigint = () => {
    if (controller.signal.aborted) process.exit(130);
    process.stderr.write('\nCancelling... (Ctrl+C again to force)\n');
    controller.abort();
  };
  process.on('SIGINT', onSigint);
  const io: CliIo = {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    isTty: Boolean(process.stderr.isTTY),
    signal: controller.signal,
  };
  try {
    return await found.command.run(found.rest, io);
  } catch (error) {
    const appError = toAppError(error);
    if (appError.code === 'cancelled') {
      io.err('whatif: cancelled');
      return 130;
    }
    io.err(`whatif: ${appError.message}`);
    if (appError.code === 'internal' && !isAppError(error) && error instanceof Error && error.stack) io.err(error.stack);
    return appError.code === 'invalid_input' ? 2 : 1;
  } finally {
    process.off('SIGINT', onSigint);
  }
}

process.exitCode = await main(process.argv.slice(2));
