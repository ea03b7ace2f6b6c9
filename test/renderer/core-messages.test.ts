/**
 * Every message the core can send a person (errors, job titles, progress, key tests) is a key of
 * CORE_MESSAGES_EN, and the page words each one in Spanish and English: a Spanish wording that is not
 * the English, the same placeholders, no internal id. A static scan of src-main finds every key the
 * core sends and every place that would still build an English-only message. Real core errors,
 * produced by the core's own functions, come out in Spanish naming what the user sees.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appError, nestedValues, toAppError } from '../../src-main/errors.js';
import { CORE_MESSAGES_EN, decodeMessage, wordEn } from '../../src-main/messages.js';
import { checkPathText, existingFile, existingFolder, refuseSpecial } from '../../src-main/files/path-input.js';
import { PathGrants } from '../../src-main/files/grants.js';
import { errorForStatus, networkError, timeoutError } from '../../src-main/providers/http/classify.js';
import { envelopeError } from '../../src-main/providers/kie/envelope.js';
import { resolveBinary } from '../../src-main/platform/binaries.js';
import { detectUserMedia } from '../../src-main/media/ffmpeg/user-media.js';
import { errorWords, jobMessage, jobTitle, wordMessage } from '../../src-renderer/src/i18n/messages.js';
import { en, es } from '../../src-renderer/src/i18n/strings.js';
import { tempDirsForThisFile } from '../helpers/temp-core.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const temp = tempDirsForThisFile('whatif-core-messages-');
const coreKeys = Object.keys(CORE_MESSAGES_EN);
const page = (language: 'en' | 'es', key: string): string | undefined => (language === 'en' ? en : es)[`msg.${key}` as keyof typeof en];

/** Keys whose words read the same in both languages (only placeholders and symbols). */
const SAME_IN_BOTH = new Set<string>([]);
/** An internal id in a wording: a uuid, a clip/scene/asset id, or a placeholder named like an id. */
const RAW_ID = /\b[0-9a-f]{8}-[0-9a-f]{4}|\b(?:clip|scene|asset|cue|track)-[0-9a-z]{4,}|\{\w*(?:[a-z]Id|^id|Ids?)\}|\{id\}/;
/** English words that never belong in a Spanish wording (outside a quoted name, a command or a code). */
const ENGLISH = /\b(?:the|is|was|not|could|cannot|with|while|failed|missing|please|choose|try again|file|folder)\b/i;

const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))].sort();
/** The Spanish with quoted names, `code`, commands and key names taken out, for the English check. */
const spanishWords = (text: string) => text.replace(/"[^"]*"|`[^`]*`|\{\w+\}|\([^)]*(?:apt-get|ollama|whatif|quota_exceeded)[^)]*\)|WHATIF_\w+|ESPEAK_NG_DATA|espeak-ng-data|[\w.-]+\.(?:onnx|json|mp4|srt)\b/g, ' ');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : /\.ts$/.test(e.name) ? [path.join(dir, e.name)] : []));
}

/** src-main without the CLI (it prints English by design) and the Electron-only refusal of foreign pages. */
const coreFiles = sourceFiles(path.join(ROOT, 'src-main')).filter((f) => !f.includes(`${path.sep}cli${path.sep}`));

describe('every message key the core sends', () => {
  it('has a Spanish wording that is not the English, with the same placeholders, and the same English as the core', () => {
    expect(coreKeys.length).toBeGreaterThan(300);
    const missing = coreKeys.filter((k) => page('en', k) === undefined || page('es', k) === undefined);
    expect(missing).toEqual([]);
    expect(coreKeys.filter((k) => page('en', k) !== (CORE_MESSAGES_EN as Record<string, string>)[k])).toEqual([]);
    expect(coreKeys.filter((k) => page('es', k) === page('en', k) && !SAME_IN_BOTH.has(k))).toEqual([]);
    const mismatched = coreKeys.filter((k) => placeholders(page('es', k)!).join() !== placeholders(page('en', k)!).join());
    expect(mismatched).toEqual([]);
    // `{file}` is a clip's own file name among clip values: a message naming a clip says a path as `{path}`.
    expect(coreKeys.filter((k) => /\{clip\}/.test(page('en', k)!) && /\{file\}/.test(page('en', k)!))).toEqual([]);
  });

  it('names no internal id and leaves no English word in Spanish', () => {
    const allKeys = Object.keys(en).filter((k) => k.startsWith('msg.')) as (keyof typeof en)[];
    expect(allKeys.filter((k) => RAW_ID.test(en[k]) || RAW_ID.test(es[k]))).toEqual([]);
    const english = coreKeys.filter((k) => ENGLISH.test(spanishWords(page('es', k)!)));
    expect(english).toEqual([]);
  });

  it('words every key in both languages with values for its placeholders (none left, nested keys worded)', () => {
    for (const key of coreKeys) {
      const names = placeholders(page('en', key)!);
      const values = Object.fromEntries(names.map((n) => [n, n === 'scene' || n === 'clip' ? 3 : `<${n}>`]));
      for (const language of ['en', 'es'] as const) expect(wordMessage(language, { key, values }), `${language} ${key}`).not.toMatch(/\{\w+\}/);
      expect(wordEn({ key, values }), key).not.toMatch(/\{\w+\}/);
    }
  });
});

describe('the static scan of the core', () => {
  const texts = coreFiles.map((file) => ({ file: path.relative(ROOT, file), text: fs.readFileSync(file, 'utf8') }));

  it('finds every key literal the core sends in CORE_MESSAGES_EN', () => {
    const sent = new Set<string>();
    for (const { text } of texts) {
      for (const m of text.matchAll(/appError\(\s*[^,]+,\s*'([\w.]+)'/g)) sent.add(m[1]!);
      for (const m of text.matchAll(/\bkey: '([a-z]+\.[\w.]+)'/g)) sent.add(m[1]!);
      for (const m of text.matchAll(/\? '([\w.]+)' : '([\w.]+)'/g)) if (/^[a-z]+\.[\w.]+$/.test(m[1]!) && /^[a-z]+\.[\w.]+$/.test(m[2]!)) sent.add(m[1]!).add(m[2]!);
    }
    expect(sent.size).toBeGreaterThan(250);
    const docRules = [...sent].filter((k) => k.startsWith('doc.'));
    expect([...sent].filter((k) => !k.startsWith('doc.') && !Object.hasOwn(CORE_MESSAGES_EN, k))).toEqual([]);
    // The document rules are worded by the page (panels/messages.ts).
    expect(docRules.filter((k) => page('es', k) === undefined)).toEqual([]);
  });

  it('builds no English-only AppError, job title or progress message', () => {
    // `new AppError(` only where an error is copied with its key (or in errors.ts, which builds them);
    // the web editor's build step is a CLI message (whatif web), printed in English.
    const COPIES = new Set(['src-main/errors.ts', 'src-main/providers/http/classify.ts', 'src-main/ipc/handle.ts', 'src-main/bridge/renderer-build.ts']);
    const english: string[] = [];
    for (const { file, text } of texts) {
      const at = (i: number) => `${file}:${text.slice(0, i).split('\n').length}`;
      if (!COPIES.has(file)) for (const m of text.matchAll(/new AppError\(/g)) english.push(`${at(m.index)} new AppError`);
      for (const m of text.matchAll(/\b(?:ctx\.)?(?:progress|report)\??\.?\(\s*[^,()]+(?:\([^()]*\))?[^,()]*,\s*[`'][A-Z]/g)) english.push(`${at(m.index)} progress`);
      for (const m of text.matchAll(/\btitle(?:: (?:\(p\) => )?| = [^;\n]*)`/g)) english.push(`${at(m.index)} title`);
    }
    expect(english).toEqual([]);
  });
});

function thrown(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    return toAppError(error);
  }
  throw new Error('expected a failure');
}

describe('real core errors in Spanish', () => {
  it('path refusals, file errors and a missing tool name the file and the field as the page labels them', () => {
    const dir = temp();
    const file = path.join(dir, 'música.mp3');
    fs.writeFileSync(file, 'x');
    const cases: [ReturnType<typeof thrown>, string][] = [
      [thrown(() => new PathGrants('bridge', () => [dir]).check('destination', '/elsewhere/out.mp4')), 'Destino: "out.mp4" está fuera de las carpetas que la aplicación puede usar (su carpeta de datos, tus proyectos y las carpetas que elegiste). Inicia el editor con `whatif web --allow <carpeta>` para usar otra carpeta.'],
      [thrown(() => existingFolder('dir', file)), 'Carpeta: "música.mp3" es un archivo, no una carpeta.'],
      [thrown(() => existingFile('file', dir)), `Archivo: "${path.basename(dir)}" es una carpeta, no un archivo.`],
      [thrown(() => checkPathText('parentDir', '')), 'Carpeta: falta una ruta.'],
      [thrown(() => refuseSpecial('destDir', '/proc/self/copy')), 'Carpeta de destino: "copy" está en una carpeta del sistema (/proc), no es un lugar para archivos.'],
      [toAppError(Object.assign(new Error('raw'), { code: 'EACCES', path: '/x/out/video.mp4' })), 'Permiso denegado ("video.mp4"). Elige una carpeta en la que puedas escribir.'],
      [toAppError(Object.assign(new Error('raw'), { code: 'EEXIST', path: '/x/copy' })), 'Ya hay algo con ese nombre ("copy"). Elige otro nombre u otra carpeta.'],
      [toAppError(new Error('raw node text')), 'Algo inesperado falló; los detalles están en el registro.'],
      [thrown(() => resolveBinary('ffmpeg', { FFMPEG_BIN: path.join(dir, 'nope') })), `FFMPEG_BIN apunta a ${path.join(dir, 'nope')}, que no es un archivo ejecutable.`],
    ];
    for (const [error, spanish] of cases) {
      expect(error.key, error.message).toBeTruthy();
      expect(errorWords('es', error).startsWith(spanish), `${errorWords('es', error)}\n≠ ${spanish}`).toBe(true);
      expect(errorWords('en', error)).not.toMatch(/\{\w+\}/);
    }
    // The same refusal in English names the field as the page labels it, not the core's parameter name.
    expect(cases[3]![0].message).toBe('parentDir: a path is needed.');
    expect(wordMessage('en', { key: cases[3]![0].key!, values: cases[3]![0].values! })).toBe('Folder: a path is needed.');
  });

  it('provider failures: a refused key, a timeout, KIE out of credits while starting an image', () => {
    const refused = errorForStatus('KIE', 401, 'Unauthorized', undefined, { host: '127.0.0.1:9999', sentKey: true });
    expect(refused.message).toBe('KIE at 127.0.0.1:9999 refused the API key (HTTP 401): Unauthorized. Check the key in Settings.');
    expect(errorWords('es', refused)).toBe('KIE en 127.0.0.1:9999 rechazó la clave de la API (HTTP 401): Unauthorized. Revisa la clave en Ajustes.');
    expect(errorWords('es', timeoutError('ElevenLabs', 'api.elevenlabs.io', 30_000))).toBe('ElevenLabs en api.elevenlabs.io no respondió en 30 s.');
    expect(errorWords('es', networkError('KIE', 'api.kie.ai', { code: 'ECONNREFUSED' }))).toBe('No se pudo conectar con KIE en api.kie.ai (ECONNREFUSED). Revisa la conexión.');
    const broke = envelopeError(402, 'insufficient', { key: 'kie.ctx.startImage', values: { model: 'Flux Kontext Pro' } });
    expect(broke.message).toBe('Not enough KIE credits to finish starting a Flux Kontext Pro image (insufficient). Top up your KIE account.');
    expect(errorWords('es', broke)).toBe('No hay créditos de KIE suficientes para iniciar una imagen con Flux Kontext Pro (insufficient). Recarga tu cuenta de KIE.');
  });

  it('a nested message (a retried failure, a failed make step) is worded inside the outer one', () => {
    const inner = appError('rate_limited', 'http.rateLimited', { provider: 'KIE', status: 429, said: '' });
    const outer = appError('rate_limited', 'http.afterTries', { ...nestedValues('message', inner), tries: 4 });
    expect(outer.message).toBe('KIE is rate limiting requests (HTTP 429). (4 tries)');
    expect(errorWords('es', outer)).toBe('KIE está limitando las peticiones (HTTP 429). (4 intentos)');
    const step = appError('invalid_input', 'make.scriptFailed', nestedValues('problem', appError('invalid_input', 'script.ollamaNoModel')));
    expect(errorWords('es', step)).toBe('Falló el paso del guion: Ollama se ejecuta pero no tiene ningún modelo. Descarga uno primero (ollama pull llama3.2).');
  });

  it('a refused media file says what it is of, in the page language', () => {
    const dir = temp();
    const file = path.join(dir, 'list.m3u');
    fs.writeFileSync(file, '#EXTM3U\n#EXTINF:1,\nhttp://x/a.mp3\n');
    const error = thrown(() => detectUserMedia('audio', file));
    expect(error.message).toBe('list.m3u is not an audio file (WAV, MP3, M4A/AAC, OGG/Opus, FLAC): it is an HLS/M3U playlist.');
    expect(errorWords('es', error)).toBe('list.m3u no es un archivo de audio (WAV, MP3, M4A/AAC, OGG/Opus, FLAC): es una lista de reproducción HLS/M3U.');
  });

  it('job titles and progress name the scene by its number, never its id', () => {
    const title = decodeMessage('Scene 3 image\u2063msg:{"key":"job.sceneImage","values":{"scene":3}}');
    expect(jobTitle('es', { title: title.text, titleKey: title.ref!.key, titleValues: title.ref!.values })).toBe('Imagen de la escena 3');
    expect(jobMessage('es', { message: 'x', messageKey: 'images.progress.drawingCheck', messageValues: { scene: 3, polls: 2 } })).toBe('KIE está dibujando la escena 3 (comprobación 2)');
    expect(wordEn({ key: 'export.audioSilent', values: { clip: 1, file: 'voz.wav', role: 'narration', trackN: 0 } })).toBe('The audio of clip 1 ("voz.wav") of Narration has no sound (0 s long).');
    expect(wordMessage('es', { key: 'export.videoTooShort', values: { clip: 2, file: 'playa.mp4', role: 'overlay', trackN: 1, from: '1.50', to: '2.50', name: 'a.mp4', length: '2.00' } })).toBe(
      'El clip 2 ("playa.mp4") de Superposición 1 usa 1.50–2.50 s de a.mp4, que solo dura 2.00 s: acorta el clip o mueve su inicio en el archivo.',
    );
  });
});
