/** Small labelled form controls for the inspector (every control has an accessible name). */
import type { ReactNode } from 'react';
import { NumberInput } from '../app/NumberInput.js';

export function NumberField({ label, value, min, max, step = 0.1, integer, onCommit }: { label: string; value: number; min?: number; max?: number; step?: number; integer?: boolean; onCommit: (v: number) => void }) {
  return (
    <label className="field">
      <span>{label}</span>
      <NumberInput label={label} value={value} min={min} max={max} step={step} integer={integer} onCommit={onCommit} />
    </label>
  );
}

export function RangeField({ label, value, min, max, step, onChange }: { label: string; value: number; min: number; max: number; step: number; onChange: (v: number) => void }) {
  return (
    <label className="field">
      <span>
        {label} <output>{Math.round(value * 100) / 100}</output>
      </span>
      <input type="range" value={value} min={min} max={max} step={step} onChange={(e) => onChange(Number(e.target.value))} />
    </label>
  );
}

export function SelectField<V extends string>({ label, value, options, onChange }: { label: string; value: V; options: readonly { value: V; label: string }[]; onChange: (v: V) => void }) {
  return (
    <label className="field">
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value as V)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

export function ColorField({ label, value, onChange }: { label: string; value: string; onChange: (v: string) => void }) {
  const alpha = value.length === 9 ? value.slice(7) : '';
  return (
    <label className="field field-inline">
      <input type="color" value={value.slice(0, 7)} onChange={(e) => onChange(e.target.value.toUpperCase() + alpha)} />
      <span>{label}</span>
    </label>
  );
}

export function CheckField({ label, checked, onChange }: { label: string; checked: boolean; onChange: (v: boolean) => void }) {
  return (
    <label className="field field-inline">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <span>{label}</span>
    </label>
  );
}

export function Fieldset({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="inspector-group">
      <legend>{legend}</legend>
      {children}
    </fieldset>
  );
}
