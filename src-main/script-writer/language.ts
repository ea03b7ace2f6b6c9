/**
 * Which of our two languages a text is in (pure), from the share of very common words. Enough to catch
 * a model that answers a Spanish request in English; null when the text is too short to tell.
 */
import type { Language } from '../project/document.js';

const COMMON: Record<Language, Set<string>> = {
  en: new Set('the of and to a in is it you that he was for on are with as his they be at one have this from or had by but what if would could there their we when your can an which do will all were our its then them than into'.split(' ')),
  es: new Set('el la de que y a en un una es se no los las del por con para su al lo como más pero sus le ya o si porque cuando muy sin sobre también me hasta hay donde quien desde todo nos durante todos uno les ni contra otros ese eso ante ellos esto mí antes algunos qué sería podría habría'.split(' ')),
};

export function guessLanguage(text: string): Language | null {
  const words = text.toLowerCase().match(/[a-záéíóúüñ]+/g) ?? [];
  let en = 0;
  let es = 0;
  for (const word of words) {
    if (COMMON.en.has(word)) en++;
    if (COMMON.es.has(word)) es++;
  }
  if (en + es < 4) return null;
  if (en >= es * 1.5) return 'en';
  if (es >= en * 1.5) return 'es';
  return null;
}

export function languageName(language: Language, inLanguage: Language = 'en'): string {
  const names = { en: { en: 'English', es: 'Spanish' }, es: { en: 'inglés', es: 'español' } } as const;
  return names[inLanguage][language];
}
