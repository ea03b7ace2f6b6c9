/**
 * Messages the core writes for a person (job titles, progress, errors, document rules) travel as a
 * key and values; the page words them in its language (src-renderer/src/i18n/panels/messages.ts),
 * the CLI and the logs in English (here). Pure: imports nothing but zod (the renderer imports it).
 *
 * Where a message must sit in a plain string column (a job's title and progress message in SQLite),
 * it is stored encoded (`encodeMessage`) and decoded at the contract boundary (job-rows.ts).
 */
import { z } from 'zod';
import { jobsEn } from './message-keys/jobs.js';
import { mediaEn } from './message-keys/media.js';
import { narrationEn } from './message-keys/narration.js';
import { projectEn } from './message-keys/project.js';
import { providersEn } from './message-keys/providers.js';
import { systemEn } from './message-keys/system.js';

export const MessageValuesSchema = z.record(z.string(), z.union([z.string(), z.number()]));
export type MessageValues = z.infer<typeof MessageValuesSchema>;
export interface MessageRef {
  key: string;
  values?: MessageValues;
}

/** The English wording of every key the core sends (the page has both languages). */
export const CORE_MESSAGES_EN = {
  'job.sceneImage': 'Scene {scene} image',
  'job.export': 'Export {preset} {name}',
  'job.narration': 'Narration',
  'job.voicePreview': 'Voice preview ({voice})',
  'job.voiceDownload': 'Voice download {name}',
  'job.queuedAgain': 'Queued again',
  'job.done': 'Done',
  'job.savingNarration': 'Saving the narration in the project',
  'job.narrationCaptionsPastEnd': 'Some captions start after the images end: lengthen the scenes to show them.',
  'error.pickVoice': 'Pick a {engine} voice for "{name}" first.',
  'error.noNarrationTrack': 'The project has no narration track: add one on the timeline and narrate again.',
  'error.kieNoKey': 'No KIE API key. Add it in Settings, or set WHATIF_KIE_API_KEY for the CLI.',
  'error.kieCreatePaidLost': 'Scene {scene}: KIE took {credits} credits for it, but its answer with the task id was lost ({cause}), so the result cannot be fetched. It is not sent again automatically: Retry starts it again and pays again.',
  'error.kieCreateBalanceMoved': 'Scene {scene}: the answer from KIE was lost ({cause}) and your credit balance changed by {credits} meanwhile (another app using the account?), so KIE may have started and charged it. It is not sent again automatically: check your KIE account before you Retry.',
  'error.kieCreateUnproven': 'Scene {scene}: the answer from KIE was lost ({cause}). KIE may have started and charged it, and the credit balance cannot tell here, so it is not sent again automatically: check your KIE account before you Retry.',
  'error.kieCreateNotTaken': 'Scene {scene}: KIE did not take the request ({sends} tries, the credit balance did not move; last: {cause}).',
  'error.cancelled': 'Cancelled.',
  'error.diskFull': 'The disk is full{where}. Free some space and try again.',
  'error.permission': 'Permission denied{where}. Choose a folder you can write to.',
  'error.fileNotFound': 'File or folder not found{where}.',
  ...jobsEn,
  ...mediaEn,
  ...narrationEn,
  ...projectEn,
  ...providersEn,
  ...systemEn,
} as const;
export type CoreMessageKey = keyof typeof CORE_MESSAGES_EN;

/** Fills `{name}` placeholders. */
export function fill(template: string, values: MessageValues = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
}

const ROLE_EN: Record<string, string> = { main: 'Main', overlay: 'Overlay', narration: 'Narration', music: 'Music', effects: 'Effects' };

/**
 * A clip in English from the values the core sends for it (project/timeline.ts clipValues): `scene 3`,
 * or `clip 2 ("beach.mp4") of Overlay 1`. The page words the same values in its language.
 */
export function clipEn(values: MessageValues): string {
  if (values.scene !== undefined) return `scene ${values.scene}${values.file ? ` ("${values.file}")` : ''}`;
  const n = Number(values.trackN ?? 0);
  const track = typeof values.trackName === 'string' ? values.trackName : `${ROLE_EN[String(values.role)] ?? String(values.role ?? 'Main')}${n > 0 ? ` ${n}` : ''}`;
  return `clip ${values.clip}${values.file ? ` ("${values.file}")` : ''} of ${track}`;
}

/**
 * A core message in English (for the CLI, logs, and the `message` field beside the key). A nested
 * message travels as `name` (its English), `nameKey` and `name.*` values (see errors.ts nestedValues);
 * `{clip}` is the clip named from clip values (capitalised when it starts a sentence, not when nested).
 */
export function wordEn(ref: MessageRef, sentence = true): string {
  const template = (CORE_MESSAGES_EN as Record<string, string>)[ref.key];
  if (template === undefined) return ref.key;
  const values = { ...(ref.values ?? {}) };
  if (template.includes('{clip}') && (values.clip !== undefined || values.scene !== undefined)) values.clip = clipEn(values);
  const words = fill(template, values);
  // A sentence that starts with the clip's name starts with a capital ("Scene 3 uses…").
  return template.startsWith('{clip}') && sentence ? words.charAt(0).toUpperCase() + words.slice(1) : words;
}

const MARK = '\u2063msg:';

/** A message stored in a text column: its English words, then the key and values (invisible separator). */
export function encodeMessage(ref: MessageRef): string {
  return `${wordEn(ref)}${MARK}${JSON.stringify(ref)}`;
}

/** A stored message as a reference when it has a key, else its plain words (for nesting it in another). */
export function storedRef(stored: string): MessageRef | string {
  const { text, ref } = decodeMessage(stored);
  return ref ?? text;
}

/** The English text and the key of a stored message (plain text: no key). */
export function decodeMessage(stored: string): { text: string; ref: MessageRef | null } {
  const at = stored.indexOf(MARK);
  if (at < 0) return { text: stored, ref: null };
  try {
    const ref = JSON.parse(stored.slice(at + MARK.length)) as MessageRef;
    return { text: stored.slice(0, at), ref: typeof ref?.key === 'string' ? ref : null };
  } catch {
    return { text: stored.slice(0, at), ref: null };
  }
}
