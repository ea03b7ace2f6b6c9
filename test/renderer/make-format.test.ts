/** The "New from an idea" status's pure helpers: ideas from pasted text, and a length far from the ask. */
import { describe, expect, it } from 'vitest';
import { ideasOf, lengthOff } from '../../src-renderer/src/panels/make/make-format.js';
import { STRINGS } from '../../src-renderer/src/i18n/strings.js';

describe('the make status', () => {
  it('says when the short is more than 10 % off the asked length, and which way', () => {
    expect(lengthOff({ durationSeconds: 17.2, target: 10 })).toBe('longer');
    expect(lengthOff({ durationSeconds: 10.9, target: 10 })).toBeNull();
    expect(lengthOff({ durationSeconds: 8.5, target: 10 })).toBe('shorter');
    expect(lengthOff({ durationSeconds: null, target: 10 })).toBeNull();
  });

  it('reads one idea a line, skipping blanks and # comments', () => {
    expect(ideasOf('# mine\nWhat if A?\n\n  What if B?  \n')).toEqual(['What if A?', 'What if B?']);
  });

  it('words the length and music notes in both languages', () => {
    for (const language of ['en', 'es'] as const) {
      for (const key of ['make.lengthLonger', 'make.lengthShorter', 'make.music'] as const) expect(STRINGS[language][key], `${language} ${key}`).toBeTruthy();
    }
  });
});
