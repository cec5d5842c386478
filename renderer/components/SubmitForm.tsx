/**
 * One field-and-submit form, the shape every "Add …" form takes (a block, an AS number, a route):
 * the refusals of the last submit shown at their fields (or above the button when they name no
 * field), a submit that cannot run twice at once, and a text field that forgets a stale refusal
 * as soon as the planner edits it. The forms say what they ask and what they send; this holds
 * the rest, once.
 */
import { useState, type ReactNode } from 'react';
import { errorsFrom } from '../state';
import { Field, TextInput } from './Field';

export interface FormState {
  /** Refusals by field; `_` for one that names no field. */
  errors: Record<string, string>;
  busy: boolean;
  /** Shows refusals without asking the service (a check made as you type). */
  refuse(errors: Record<string, string>): void;
  /** Forgets the refusal at one field: what it described is being edited. */
  forget(field: string): void;
  /** Runs a submit: refusals cleared before, busy while it runs, a thrown refusal shown at its field. */
  run(action: () => Promise<void>): Promise<void>;
}

export function useFormState(): FormState {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  return {
    errors,
    busy,
    refuse: setErrors,
    forget: (field) =>
      setErrors((prev) => {
        if (!(field in prev)) return prev;
        const { [field]: _stale, ...rest } = prev;
        return rest;
      }),
    run: async (action) => {
      setBusy(true);
      setErrors({});
      try {
        await action();
      } catch (e) {
        setErrors(errorsFrom(e));
      } finally {
        setBusy(false);
      }
    },
  };
}

interface SubmitFormProps {
  form: FormState;
  /** The form's accessible name ("Add a route"). */
  label: string;
  className: string;
  /** The button's words ("Add route"). */
  submit: string;
  disabled: boolean;
  /** Whether what is typed is enough to send (the button waits for it). */
  ready: boolean;
  onSubmit(): Promise<void>;
  children: ReactNode;
  /** Shown after the form-wide refusal (what the service warned about, say). */
  footer?: ReactNode;
}

export function SubmitForm({ form, label, className, submit, disabled, ready, onSubmit, children, footer }: SubmitFormProps) {
  return (
    <form
      className={className}
      aria-label={label}
      onSubmit={(e) => {
        e.preventDefault();
        void form.run(onSubmit);
      }}
    >
      {children}
      <div className="form-submit">
        <button type="submit" className="primary" disabled={disabled || form.busy || !ready}>
          {submit}
        </button>
      </div>
      {form.errors._ && (
        <div className="form-error" role="alert">
          {form.errors._}
        </div>
      )}
      {footer}
    </form>
  );
}

interface TextFieldProps {
  form: FormState;
  /** The field's name: the input's name and the key its refusals come under. */
  name: string;
  label: string;
  value: string;
  onChange(value: string): void;
  disabled: boolean;
  /** A problem found as you type, shown when no refusal from the service is. */
  live?: string | null | undefined;
  hint?: ReactNode;
  placeholder?: string;
  mono?: boolean;
}

/** A labelled text input whose refusal shows at it and is forgotten when it is edited. */
export function TextField({ form, name, label, value, onChange, disabled, live, hint, placeholder, mono }: TextFieldProps) {
  return (
    <Field label={label} error={form.errors[name] ?? live ?? undefined} hint={hint}>
      {(p) => (
        <TextInput
          {...p}
          name={name}
          className={mono ? 'mono' : undefined}
          value={value}
          placeholder={placeholder}
          onChange={(e) => {
            onChange(e.target.value);
            form.forget(name);
          }}
          disabled={disabled}
        />
      )}
    </Field>
  );
}
