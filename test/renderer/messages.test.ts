/**
 * Every message a user sees that the core or the editor's rules send as a key: walked in both
 * languages (no English left in the Spanish UI, no raw id), every key sent exists in the page's
 * strings, and real refusals and core errors come out in Spanish.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORE_MESSAGES_EN, decodeMessage, encodeMessage, wordEn } from '../../src-main/messages.js';
import { toAppError } from '../../src-main/errors.js';
import { createEmptyDocument, timelineIssues } from '../../src-main/project/document.js';
import { clipName, wordMessage } from '../../src-renderer/src/i18n/messages.js';
import { en, es } from '../../src-renderer/src/i18n/strings.js';
import { localizeEditMessage } from '../../src-renderer/src/state/document/messages.js';
import { tryApplyAction } from '../../src-renderer/src/state/document/reduce.js';
import { sampleDocument } from '../editor/fixture.js';
import { clip } from '../helpers/tracks.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const msgKeys = Object.keys(en).filter((k) => k.startsWith('msg.')) as (keyof typeof en)[];
/** Words that may read the same in both languages. */
const SAME_IN_BOTH = new Set<string>([]);
/** A uuid, a clip id, or a placeholder named like an id (`{clipId}`, `{id}`; not `{said}`). */
const RAW_ID = /\b[0-9a-f]{8}-[0-9a-f]{4}|\bclip-[0-9a-z]{6,}|\{(\w*[a-z]Id|id)\}/;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [path.join(dir, e.name)] : []));
}

describe('message keys', () => {
  it('every message key reads differently in Spanish, with the same placeholders, and none names an internal id', () => {
    expect(msgKeys.length).toBeGreaterThan(50);
    const english = msgKeys.filter((k) => es[k] === en[k] && !SAME_IN_BOTH.has(k));
    expect(english).toEqual([]);
    expect(msgKeys.filter((k) => RAW_ID.test(en[k]) || RAW_ID.test(es[k]))).toEqual([]);
  });

  it('every key the core, the document rules and the editor send exists in the page strings', () => {
    const sent = new Set<string>(Object.keys(CORE_MESSAGES_EN));
    for (const file of [...sourceFiles(path.join(ROOT, 'src-main')), ...sourceFiles(path.join(ROOT, 'src-renderer/src'))]) {
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(/(?:editError|editMessage)\(\s*'([\w.]+)'/g)) sent.add(m[1]!);
      for (const m of text.matchAll(/\bkey: '((?:doc|job|error|edit)\.[\w.]+)'/g)) sent.add(m[1]!);
      for (const m of text.matchAll(/'((?:edit|doc)\.[\w]+)' : '((?:edit|doc)\.[\w]+)'/g)) sent.add(m[1]!).add(m[2]!);
    }
    expect(sent.size).toBeGreaterThan(40);
    expect([...sent].filter((k) => !Object.hasOwn(en, `msg.${k}`))).toEqual([]);
    // The core's English and the page's English say the same thing.
    for (const [key, words] of Object.entries(CORE_MESSAGES_EN)) expect(en[`msg.${key}` as keyof typeof en], key).toBe(words);
  });

  it('words every key in both languages with sample values (no placeholder left)', () => {
    const sample = { scene: 3, clip: 2, file: 'beach.mp4', role: 'overlay', trackN: 1 };
    for (const key of msgKeys) {
      const names = [...en[key].matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
      const values = { ...Object.fromEntries(names.map((n) => [n, `<${n}>`])), ...sample };
      for (const language of ['en', 'es'] as const) {
        const words = wordMessage(language, { key: key.slice(4), values });
        expect(words, `${language} ${key}`).not.toMatch(/\{\w+\}/);
      }
    }
    expect(clipName('es', { clip: 2, file: '', role: 'music', trackN: 0 })).toBe('el clip 2 de Música');
    expect(clipName('en', { clip: 1, file: 'a.wav', role: 'effects', trackN: 2 })).toBe('clip 1 ("a.wav") of Effects 2');
  });

  it('a refused edit and a document rule come out in Spanish, naming what the user sees', () => {
    const doc = sampleDocument();
    doc.scenes[0] = { ...doc.scenes[0]!, id: 's1' };
    doc.tracks.media[0]!.clips[1] = { ...doc.tracks.media[0]!.clips[1]!, sceneId: 's2' };
    const refused = tryApplyAction(doc, { type: 'moveClip', id: 'i2', start: 1 });
    if (refused.ok) throw new Error('an overlap on the main track is refused');
    expect(refused.message).toBe('That edit was not applied: scene 2 overlaps the clip before it.');
    expect(localizeEditMessage(refused.message, 'es')).toBe('No se aplicó ese cambio: la escena 2 se solapa con el clip anterior.');
    const bad = createEmptyDocument({ id: 'p', name: 'P', now: 'now' });
    bad.tracks.media[1]!.clips = [clip({ id: 'clip-63c5abcd', assetId: 'nope', start: 0, duration: 1 })];
    const [issue] = timelineIssues(bad);
    expect(issue!.message).toBe('clip 1 of Overlay 1 uses a media file that is not in the project');
    expect(wordMessage('es', { key: issue!.key!, values: issue!.values! })).toBe('El clip 1 de Superposición 1 usa un archivo que no está en el proyecto');
  });

  it('core errors and job messages carry their key through the contract', () => {
    const error = toAppError(Object.assign(new Error('no space'), { code: 'ENOSPC' }));
    expect(error.toJSON()).toMatchObject({ code: 'disk_full', key: 'error.diskFull' });
    expect(wordMessage('es', { key: error.key!, values: error.values! })).toBe('El disco está lleno. Libera espacio y vuelve a intentarlo.');
    const stored = encodeMessage({ key: 'job.sceneImage', values: { scene: 3 } });
    expect(decodeMessage(stored)).toEqual({ text: 'Scene 3 image', ref: { key: 'job.sceneImage', values: { scene: 3 } } });
    expect(decodeMessage('Plain words')).toEqual({ text: 'Plain words', ref: null });
    expect(wordEn({ key: 'job.export', values: { preset: '9:16', name: 'Moon' } })).toBe('Export 9:16 Moon');
  });
});
