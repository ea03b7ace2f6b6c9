/** The number field's draft (app/number-draft.ts): what is a value yet, and what is only on the way to one. */
import { describe, expect, it } from 'vitest';
import { formatDraft, parseNumberDraft, stepDraft } from '../../src-renderer/src/app/number-draft.js';

const scene = { min: 0.5, max: 60 };

describe('a typed number', () => {
  it('takes "0.8" and the Spanish "0,8", and says why the steps on the way are not values yet', () => {
    expect(parseNumberDraft('0.8', scene)).toEqual({ ok: true, value: 0.8 });
    expect(parseNumberDraft(' 0,8 ', scene)).toEqual({ ok: true, value: 0.8 });
    expect(parseNumberDraft('', scene)).toEqual({ ok: false, problem: 'empty' });
    expect(parseNumberDraft('0', scene)).toEqual({ ok: false, problem: 'range' });
    expect(parseNumberDraft('0.', scene)).toEqual({ ok: false, problem: 'range' });
    expect(parseNumberDraft('61', scene)).toEqual({ ok: false, problem: 'range' });
    expect(parseNumberDraft('1..2', scene)).toEqual({ ok: false, problem: 'notNumber' });
    expect(parseNumberDraft('abc')).toEqual({ ok: false, problem: 'notNumber' });
    expect(parseNumberDraft('2.5', { integer: true })).toEqual({ ok: false, problem: 'integer' });
    expect(parseNumberDraft('12', { min: 1, max: 30, integer: true })).toEqual({ ok: true, value: 12 });
  });

  it('shows the value in the language of the page, and steps within the limits', () => {
    expect(formatDraft(1.23456, 'en')).toBe('1.235');
    expect(formatDraft(0.5, 'es')).toBe('0,5');
    expect(stepDraft('2,4', 3, 0.1, 1, scene)).toBe(2.5);
    expect(stepDraft('', 0.5, 0.1, -1, scene)).toBe(0.5);
    expect(stepDraft('59.95', 3, 0.1, 1, scene)).toBe(60);
  });
});
