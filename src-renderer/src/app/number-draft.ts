/**
 * A number field's draft while the user types, as desktop editors keep it: the text is the user's own
 * (empty, "0", "0," are fine while typing), parsed here into a value or the reason it is not one yet.
 */
export interface NumberLimits {
  min?: number;
  max?: number;
  integer?: boolean;
}

export type DraftProblem = 'empty' | 'notNumber' | 'range' | 'integer';
export type ParsedDraft = { ok: true; value: number } | { ok: false; problem: DraftProblem };

/** "0.8", "0,8" (Spanish), " 12 " → a number within the limits, or why not. */
export function parseNumberDraft(text: string, limits: NumberLimits = {}): ParsedDraft {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return { ok: false, problem: 'empty' };
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(trimmed)) return { ok: false, problem: 'notNumber' };
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return { ok: false, problem: 'notNumber' };
  if (limits.integer && !Number.isInteger(value)) return { ok: false, problem: 'integer' };
  if ((limits.min !== undefined && value < limits.min) || (limits.max !== undefined && value > limits.max)) return { ok: false, problem: 'range' };
  return { ok: true, value };
}

/** The value as the field shows it: at most three decimals, the user's decimal mark. */
export function formatDraft(value: number, language: 'es' | 'en'): string {
  const rounded = String(Math.round(value * 1000) / 1000);
  return language === 'es' ? rounded.replace('.', ',') : rounded;
}

/** One arrow-key step from the draft (or the committed value when the draft is not a number), kept within the limits. */
export function stepDraft(text: string, value: number, step: number, direction: 1 | -1, limits: NumberLimits = {}): number {
  const parsed = parseNumberDraft(text);
  const from = parsed.ok ? parsed.value : value;
  const decimals = (String(step).split('.')[1] ?? '').length;
  let next = Number((from + direction * step).toFixed(decimals));
  if (limits.min !== undefined) next = Math.max(limits.min, next);
  if (limits.max !== undefined) next = Math.min(limits.max, next);
  return next;
}
