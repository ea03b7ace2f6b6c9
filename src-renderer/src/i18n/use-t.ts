import { useAppStore } from '../state/app-store.js';
import { STRINGS, type StringKey, type UiLanguage } from './strings.js';

/** Looks up a string and fills `{name}` placeholders. */
export function translate(language: UiLanguage, key: StringKey, values: Record<string, string | number> = {}): string {
  return STRINGS[language][key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
}

/** The translate function for the current UI language (re-renders when the language changes). */
export function useT(): (key: StringKey, values?: Record<string, string | number>) => string {
  const language = useAppStore((s) => s.language);
  return (key, values) => translate(language, key, values);
}

/** The UI language (for wording messages sent as keys: i18n/messages.ts). */
export function useLanguage(): UiLanguage {
  return useAppStore((s) => s.language);
}
