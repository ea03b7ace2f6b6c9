/**
 * The one number field of the page. It keeps the user's draft while they type (empty, "0", "0," are
 * fine on the way to "0,8"), commits a valid number on Enter, on leaving the field or with the arrow
 * keys, shows an invalid one as invalid with its message, and puts the last value back on Escape or
 * on leaving the field. The field never rewrites what the user is typing.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useLanguage, useT } from '../i18n/use-t.js';
import { formatDraft, parseNumberDraft, stepDraft, type DraftProblem, type NumberLimits } from './number-draft.js';

interface Props extends NumberLimits {
  value: number;
  step?: number;
  onCommit(value: number): void;
  /** The field's accessible name (the visible label's words). */
  label: string;
  /** Words for a number out of range when the generic "from {min} to {max}" would say less. */
  rangeMessage?: string;
  className?: string;
}

export function NumberInput({ value, min, max, integer, step = integer ? 1 : 0.1, onCommit, label, rangeMessage, className }: Props) {
  const t = useT();
  const language = useLanguage();
  const limits = { min, max, integer };
  const shown = formatDraft(value, language);
  const [text, setText] = useState(shown);
  const [problem, setProblem] = useState<DraftProblem | null>(null);
  const editing = useRef(false);
  const problemId = useId();
  useEffect(() => {
    if (!editing.current) setText(shown);
  }, [shown]);

  const revert = () => {
    editing.current = false;
    setText(shown);
    setProblem(null);
  };
  const commit = (next: number) => {
    editing.current = false;
    setProblem(null);
    setText(formatDraft(next, language));
    if (next !== value) onCommit(next);
  };
  const finish = (onInvalid: 'keep' | 'revert') => {
    if (!editing.current) return;
    const parsed = parseNumberDraft(text, limits);
    if (parsed.ok) commit(parsed.value);
    else if (onInvalid === 'revert') revert();
    else setProblem(parsed.problem);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' && editing.current) {
      e.preventDefault(); // commit first (in a form, a second Enter submits with the new value)
      finish('keep');
    }
    else if (e.key === 'Escape' && (editing.current || problem)) {
      e.stopPropagation();
      revert();
    } else if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      e.preventDefault();
      commit(stepDraft(text, value, step, e.key === 'ArrowUp' ? 1 : -1, limits));
    }
  };

  const n = (v: number) => formatDraft(v, language);
  const message =
    problem === null
      ? null
      : (problem === 'range' && rangeMessage) ||
        (min !== undefined && max !== undefined
          ? t(integer ? 'field.wholeRange' : 'field.numberRange', { min: n(min), max: n(max) })
          : min !== undefined
            ? t(integer ? 'field.wholeMin' : 'field.numberMin', { min: n(min) })
            : t(integer ? 'field.whole' : 'field.number'));
  return (
    <>
      <input
        type="text"
        inputMode={integer ? 'numeric' : 'decimal'}
        role="spinbutton"
        className={className}
        aria-label={label}
        aria-valuenow={problem ? undefined : value}
        aria-valuemin={min}
        aria-valuemax={max}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? problemId : undefined}
        value={text}
        onChange={(e) => {
          editing.current = true;
          setText(e.target.value);
          const parsed = parseNumberDraft(e.target.value, limits);
          setProblem(parsed.ok ? null : parsed.problem);
        }}
        onBlur={() => finish('revert')}
        onKeyDown={onKeyDown}
      />
      {message && (
        <small id={problemId} className="field-error number-problem" aria-live="polite">
          {message} {t('field.restore', { value: shown })}
        </small>
      )}
    </>
  );
}
