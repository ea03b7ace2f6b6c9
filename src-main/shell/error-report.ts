/**
 * Unexpected errors in the main process: logged (redacted by the log file) and shown to the user in a
 * dialog that says what happened and where the log is, instead of the app silently dying.
 */
import { toAppError } from '../errors.js';
import type { MenuLanguage } from './menu-labels.js';

const WORDS = {
  en: { title: 'WhatIf Studio hit an unexpected error', tail: 'Your saved work is safe. Details are in the log file:' },
  es: { title: 'WhatIf Studio encontró un error inesperado', tail: 'Tu trabajo guardado está a salvo. Los detalles están en el registro:' },
} as const;

export function describeUnexpected(error: unknown, language: MenuLanguage, logFile: string, scrub: (text: string) => string): { title: string; message: string } {
  const words = WORDS[language] ?? WORDS.en;
  const appError = toAppError(error);
  const what = appError.code === 'internal' ? String((error as Error)?.message ?? error) : appError.message;
  return { title: words.title, message: `${scrub(what).slice(0, 500)}\n\n${words.tail}\n${logFile}` };
}

export interface ErrorReporting {
  log(line: string): void;
  show(title: string, message: string): void;
  language(): MenuLanguage;
  logFile: string;
  scrub(text: string): string;
}

export function installErrorReporting(reporting: ErrorReporting, target: NodeJS.EventEmitter = process): () => void {
  let showing = false;
  const report = (kind: string) => (error: unknown) => {
    reporting.log(`[fatal] ${kind}: ${(error as Error)?.stack ?? String(error)}`);
    if (showing) return;
    showing = true;
    try {
      const { title, message } = describeUnexpected(error, reporting.language(), reporting.logFile, reporting.scrub);
      reporting.show(title, message);
    } finally {
      showing = false;
    }
  };
  const onException = report('uncaught exception');
  const onRejection = report('unhandled rejection');
  target.on('uncaughtException', onException);
  target.on('unhandledRejection', onRejection);
  return () => {
    target.off('uncaughtException', onException);
    target.off('unhandledRejection', onRejection);
  };
}
