/**
 * A day typed and shown as ISO YYYY-MM-DD, whatever the browser's locale (an `<input type=date>`
 * shows mm/dd/yyyy in an en-US Chromium). Checked as you type by the contract's own rule.
 */
import type { InputHTMLAttributes } from 'react';
import { isoDay } from '../../shared/contract';

/** The problem with a typed day, in plain words, or null (empty is fine: the field is optional). */
export function dayProblem(text: string): string | null {
  if (text.trim() === '') return null;
  const r = isoDay.safeParse(text.trim());
  return r.success ? null : (r.error.issues[0]?.message ?? 'must be a date as YYYY-MM-DD');
}

export function DateInput(props: Omit<InputHTMLAttributes<HTMLInputElement>, 'type'>) {
  return (
    <input
      type="text"
      inputMode="numeric"
      autoComplete="off"
      spellCheck={false}
      placeholder="YYYY-MM-DD"
      maxLength={10}
      className="mono date-input"
      {...props}
    />
  );
}
