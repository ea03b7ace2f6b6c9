/**
 * espeak-ng, the phonemizer Piper voices are trained on: where its data folder is, whether it has a
 * language, and a preflight that every phoneme of a script exists in the voice's phoneme_id_map (an
 * unknown symbol would otherwise be dropped silently and the word mispronounced).
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { appError } from '../../errors.js';
import { resolveBinary } from '../../platform/binaries.js';
import { resourcesDir } from '../../platform/app-root.js';

const DATA_CANDIDATES = ['/usr/lib/x86_64-linux-gnu/espeak-ng-data', '/usr/lib/aarch64-linux-gnu/espeak-ng-data', '/usr/share/espeak-ng-data', '/usr/local/share/espeak-ng-data', '/opt/homebrew/share/espeak-ng-data'];

/** The espeak-ng-data folder: ESPEAK_NG_DATA, bundled resources, then the system's. */
export function espeakDataDir(env: NodeJS.ProcessEnv = process.env): string {
  const candidates = [env.ESPEAK_NG_DATA, path.join(resourcesDir(), 'espeak-ng-data'), ...DATA_CANDIDATES].filter((c): c is string => Boolean(c));
  for (const dir of candidates) if (fs.existsSync(path.join(dir, 'phontab'))) return dir;
  throw appError('missing_binary', 'narration.noEspeakData');
}

const ALIASES: Record<string, string> = { 'en-gb': 'en', 'en-uk': 'en', 'es-es': 'es', 'es-mx': 'es-419', 'es-la': 'es-419' };
const voiceFiles = new Map<string, Map<string, string>>();

/** Voice files under <data>/lang, by lower-case name (en-gb-x-rp → en-GB-x-rp). */
function voicesIn(dataDir: string): Map<string, string> {
  let found = voiceFiles.get(dataDir);
  if (found) return found;
  found = new Map();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(path.join(dir, entry.name));
      else found!.set(entry.name.toLowerCase(), entry.name);
    }
  };
  try {
    walk(path.join(dataDir, 'lang'));
  } catch {
    // no lang folder: nothing resolves
  }
  voiceFiles.set(dataDir, found);
  return found;
}

/**
 * The espeak-ng voice name this data folder has for a voice's `espeak.voice` (names differ between
 * espeak-ng versions: Piper's "en-gb" is "en" in 1.51), or a clear error when its language has no
 * phonemizer. The engine crashes on a voice name it does not know, so this runs before it. Pure but
 * for reading the folder.
 */
export function resolveEspeakVoice(espeakVoice: string, dataDir: string, voiceLabel: string): string {
  const wanted = espeakVoice.toLowerCase();
  const files = voicesIn(dataDir);
  const lang = wanted.split(/[-_]/)[0]!;
  const hasDict = /^[a-z]{2,3}$/.test(lang) && fs.existsSync(path.join(dataDir, `${lang}_dict`));
  for (const candidate of [wanted, ALIASES[wanted], lang]) {
    if (hasDict && candidate && files.has(candidate)) return files.get(candidate)!;
  }
  throw appError('unsupported', 'narration.unknownLanguage', { espeakVoice, voiceLabel });
}

/** Throws a clear error when espeak-ng has no dictionary for the voice's language (e.g. "xx-yy"). */
export function assertPhonemizerFor(espeakVoice: string, dataDir: string, voiceLabel: string): void {
  resolveEspeakVoice(espeakVoice, dataDir, voiceLabel);
}

/** IPA of a text as espeak-ng prints it (one clause a line), NFD-normalised. */
export function phonemize(text: string, espeakVoice: string, signal?: AbortSignal): Promise<string> {
  const bin = resolveBinary('espeak-ng');
  return new Promise((resolve, reject) => {
    const child = execFile(bin, ['-q', '--ipa', '-v', espeakVoice, '--stdin'], { maxBuffer: 32 * 1024 * 1024, ...(signal ? { signal } : {}) }, (error, stdout) => {
      if (signal?.aborted) reject(appError('cancelled', 'error.cancelled'));
      else if (error) reject(appError('internal', 'narration.phonemizeFailed', { message: error.message }));
      else resolve(stdout.normalize('NFD'));
    });
    child.stdin?.end(text);
  });
}

/** Symbols of `ipa` missing from the map (whitespace aside). Pure. */
export function missingPhonemes(ipa: string, phonemeIdMap: Record<string, unknown>): string[] {
  const missing = new Set<string>();
  for (const ch of ipa) {
    if (/\s/.test(ch) || ch === '\u200d') continue;
    if (!(ch in phonemeIdMap)) missing.add(ch);
  }
  return [...missing];
}

/**
 * The preflight needs the espeak-ng program; where only its data is present (bundled for sherpa), the
 * check is skipped and sherpa reads the script as it is.
 */
export async function assertPhonemesKnown(text: string, espeakVoice: string, phonemeIdMap: Record<string, unknown>, voiceLabel: string, signal?: AbortSignal): Promise<void> {
  try {
    resolveBinary('espeak-ng');
  } catch {
    return;
  }
  const missing = missingPhonemes(await phonemize(text, espeakVoice, signal), phonemeIdMap);
  if (missing.length > 0) {
    const list = missing.map((m) => `"${m}" (U+${m.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`).join(', ');
    throw appError('invalid_input', 'narration.cannotPronounce', { list, voiceLabel });
  }
}
