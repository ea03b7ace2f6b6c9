/**
 * System voices, so narration works before any voice is downloaded: espeak-ng on Linux, `say` on
 * macOS, SAPI through PowerShell on Windows. Same interface as Piper; the rate flag carries the
 * words per minute (calibrated like the others, since no engine keeps its nominal rate exactly).
 * Voice ids: `system:<language>` (system:en, system:es, system:en-gb, system:es-419).
 */
import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { appError, isAbortError } from '../../errors.js';
import { resolveBinary } from '../../platform/binaries.js';
import { decodeWav } from '../audio/wav.js';
import type { NarrationEngine } from '../engines/engine.js';
import type { RateModel } from '../timing/wpm.js';
import { sapiScript, sayArgs, espeakArgs, espeakVoiceFor } from './system-commands.js';

function run(bin: string, args: string[], input: string | null, signal?: AbortSignal): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = execFile(bin, args, { encoding: 'buffer', maxBuffer: 512 * 1024 * 1024, ...(signal ? { signal } : {}) }, (error, stdout, stderr) => {
      if (signal?.aborted || isAbortError(error)) reject(appError('cancelled', 'error.cancelled'));
      else if (error) reject(appError('internal', 'narration.systemFailed', { detail: (stderr.toString() || error.message).trim().slice(0, 300), file: path.basename(bin) }));
      else resolve(stdout);
    });
    if (input !== null) child.stdin?.end(input);
  });
}

async function withTempWav<T>(use: (file: string) => Promise<T>): Promise<T> {
  const file = path.join(os.tmpdir(), `whatif-voice-${crypto.randomUUID()}.wav`);
  try {
    return await use(file);
  } finally {
    fs.rmSync(file, { force: true });
    fs.rmSync(`${file}.txt`, { force: true });
  }
}

export function systemEngineName(platform: NodeJS.Platform = process.platform): 'espeak-ng' | 'say' | 'sapi' {
  return platform === 'darwin' ? 'say' : platform === 'win32' ? 'sapi' : 'espeak-ng';
}

export function createSystemEngine(language: string, platform: NodeJS.Platform = process.platform): NarrationEngine {
  const lang = language.toLowerCase();
  if (!/^[a-z]{2,3}(-[a-z0-9]{2,4})?$/.test(lang)) throw appError('invalid_input', 'narration.notSystemVoice', { language });
  const base = lang.split('-')[0]!;
  const name = systemEngineName(platform);
  const common = { kind: 'system' as const, voiceId: `system:${lang}`, language: base };
  if (name === 'espeak-ng') {
    const bin = resolveBinary('espeak-ng');
    const voice = espeakVoiceFor(lang);
    const rate: RateModel = { kind: 'linear', min: 80, max: 450, calibrationRates: [130, 230], name: 'espeak-ng -s' };
    return {
      ...common,
      label: `system voice (espeak-ng ${voice})`,
      rate,
      calibrationKey: `espeak-ng:${voice}:${fs.statSync(bin).size}`,
      async synthesize(text, wpm, signal) {
        return decodeWav(await run(bin, espeakArgs(voice, wpm), text, signal), 'espeak-ng output');
      },
    };
  }
  if (name === 'say') {
    const rate: RateModel = { kind: 'linear', min: 90, max: 360, calibrationRates: [130, 230], name: 'say -r' };
    return {
      ...common,
      label: `system voice (macOS say, ${lang})`,
      rate,
      calibrationKey: `say:${lang}:${os.release()}`,
      synthesize: (text, wpm, signal) =>
        withTempWav(async (file) => {
          fs.writeFileSync(`${file}.txt`, text);
          await run('/usr/bin/say', sayArgs(wpm, file, `${file}.txt`), null, signal);
          return decodeWav(fs.readFileSync(file), 'say output');
        }),
    };
  }
  const rate: RateModel = { kind: 'linear', min: -10, max: 10, calibrationRates: [-3, 4], name: 'SAPI Rate' };
  return {
    ...common,
    label: `system voice (Windows SAPI, ${lang})`,
    rate,
    calibrationKey: `sapi:${lang}:${os.release()}`,
    synthesize: (text, sapiRate, signal) =>
      withTempWav(async (file) => {
        fs.writeFileSync(`${file}.txt`, text, 'utf8');
        await run('powershell.exe', ['-NoProfile', '-NonInteractive', '-Command', sapiScript(Math.round(sapiRate), lang, file, `${file}.txt`)], null, signal);
        return decodeWav(fs.readFileSync(file), 'SAPI output');
      }),
  };
}
