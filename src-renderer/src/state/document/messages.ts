/**
 * Refused-edit messages in the UI language. Refusals are made with a message key and values
 * (actions.ts EditError / editMessage; the document rules send theirs from src-main/project/timeline.ts)
 * and worded from the UI strings (i18n/panels/messages.ts); the string the editor's API hands around
 * is looked up to find its key. A message with no key (a save error from the core) is shown as is.
 */
import { wordMessage } from '../../i18n/messages.js';
import { messageRefOf } from './actions.js';

export function localizeEditMessage(message: string, language: 'es' | 'en'): string {
  const ref = messageRefOf(message);
  return ref ? wordMessage(language, ref, message) : message;
}
