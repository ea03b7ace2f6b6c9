import { describe, expect, it } from 'vitest';
import { en, es } from '../../src-renderer/src/i18n/strings.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('UI strings', () => {
  it('Spanish has every key, none empty, with the same {placeholders} as English', () => {
    const wrong = Object.keys(en).filter((key) => {
      const k = key as keyof typeof en;
      return !es[k]?.trim() || placeholders(es[k]).join() !== placeholders(en[k]).join();
    });
    expect(wrong).toEqual([]);
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
  });
});
