/**
 * Wording a message sent as a key and values (by the core: errors, job titles and progress; by the
 * document rules and the editor's refusals) in the UI language. Pure. A key the page does not know
 * falls back to the English text that came with it.
 */
import { decodeMessage } from '../../../src-main/messages.js';
import { STRINGS, type StringKey, type UiLanguage } from './strings.js';

export type MessageValues = Record<string, string | number>;
export interface Message {
  key: string;
  values?: MessageValues;
}

const has = (key: string): key is StringKey => Object.hasOwn(STRINGS.en, key);
const fill = (template: string, values: MessageValues) => template.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));

/** A track named as the timeline labels it ("Overlay 2", "Superposición 2"), from clip values. */
function trackName(language: UiLanguage, values: MessageValues): string {
  if (typeof values.trackName === 'string') return values.trackName;
  const role = String(values.role ?? 'main');
  const n = Number(values.trackN ?? 0);
  if (role === 'overlay') return fill(STRINGS[language]['tl.track.overlay'], { n: n || 1 });
  const key = `tl.track.${role}`;
  const base = has(key) ? STRINGS[language][key] : role;
  return n > 0 ? `${base} ${n}` : base;
}

/** A clip as the user sees it, from the values the document rules send (src-main/project/timeline.ts clipValues). */
export function clipName(language: UiLanguage, values: MessageValues): string {
  if (values.scene !== undefined) return fill(STRINGS[language][values.file ? 'msg.clip.sceneFile' : 'msg.clip.scene'], values);
  const track = trackName(language, values);
  return fill(STRINGS[language][values.file ? 'msg.clip.fileOnTrack' : 'msg.clip.onTrack'], { ...values, track });
}

/**
 * The values of a message nested in another one under `base` (src-main/errors.ts nestedValues):
 * those named `base.<name>`; a nested message sent without them (the editor's `problemKey`) shares
 * the outer values.
 */
function innerValues(values: MessageValues, base: string): MessageValues {
  const prefix = `${base}.`;
  const inner = Object.entries(values).filter(([k]) => k.startsWith(prefix));
  if (inner.length > 0) return Object.fromEntries(inner.map(([k, v]) => [k.slice(prefix.length), v]));
  const { [base]: _text, [`${base}Key`]: _key, ...rest } = values;
  return rest;
}

/**
 * The words for a message: `msg.<key>` filled with its values; `{clip}` from clip values, `{field}`
 * (a form field the core names) as the page labels it, and a nested message (`<name>Key`, such as a
 * document rule inside "That edit was not applied: …", or a provider's error inside a job's) worded first.
 */
export function wordMessage(language: UiLanguage, message: Message, fallback?: string, nested = false): string {
  const key = `msg.${message.key}`;
  if (!has(key)) return fallback ?? message.key;
  const values: MessageValues = { ...(message.values ?? {}) };
  for (const [name, innerKey] of Object.entries(values)) {
    if (!name.endsWith('Key') || typeof innerKey !== 'string' || name.includes('.')) continue;
    const base = name.slice(0, -3);
    values[base] = wordMessage(language, { key: innerKey, values: innerValues(values, base) }, String(values[base] ?? ''), true);
  }
  if (typeof values.field === 'string' && has(`msg.field.${values.field}`)) values.field = STRINGS[language][`msg.field.${values.field}` as StringKey];
  if (values.clip !== undefined || values.scene !== undefined) values.clip = clipName(language, values);
  let template = STRINGS[language][key];
  // "de el clip 2" reads "del clip 2" in Spanish (a clip's name starts with its article).
  if (language === 'es' && String(values.clip ?? '').startsWith('el ')) {
    template = template.replace(/\b([Dd]e|[Aa]) \{clip\}/g, (_, word: string) => `${word}l {clipNoArticle}`);
    values.clipNoArticle = String(values.clip).slice(3);
  }
  const words = fill(template, values);
  // A sentence that starts with the clip's name starts with a capital ("La escena 3 usa…").
  return template.startsWith('{clip}') && !nested ? words.charAt(0).toUpperCase() + words.slice(1) : words;
}

/** A job's title in the UI language (the core sends `titleKey`; older rows have English only). */
export function jobTitle(language: UiLanguage, job: { title: string; titleKey?: string | undefined; titleValues?: MessageValues | undefined }): string {
  return job.titleKey ? wordMessage(language, { key: job.titleKey, ...(job.titleValues ? { values: job.titleValues } : {}) }, job.title) : job.title;
}

/** A job's progress message in the UI language. */
export function jobMessage(language: UiLanguage, job: { message: string; messageKey?: string | undefined; messageValues?: MessageValues | undefined }): string {
  return job.messageKey ? wordMessage(language, { key: job.messageKey, ...(job.messageValues ? { values: job.messageValues } : {}) }, job.message) : job.message;
}

/** An error from the core in the UI language (its key when it has one, else its English message). */
export function errorWords(language: UiLanguage, error: { message: string; key?: string | undefined; values?: MessageValues | undefined }): string {
  return error.key ? wordMessage(language, { key: error.key, ...(error.values ? { values: error.values } : {}) }, error.message) : error.message;
}

/** A message the core stored as text (a result's warnings): worded from its key when it has one. */
export function storedWords(language: UiLanguage, stored: string): string {
  const { text, ref } = decodeMessage(stored);
  return ref ? wordMessage(language, ref, text) : text;
}

/** What kind of task a job is, in words (never the internal kind name). */
export function jobKind(language: UiLanguage, kind: string): string {
  return wordMessage(language, { key: `kind.${kind}` }, '');
}
