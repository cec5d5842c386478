/**
 * What the registry cannot know, edited in place: each box saves on Enter or when it loses focus
 * (one undoable change), a select or checkbox as it changes. The workspace's own value shows as
 * the placeholder; a refusal appears at the field it names.
 */
import { useState } from 'react';
import type { DraftView, RequestEdits } from '../../../shared/contract';
import type { RequestDraft } from '../../../shared/rir/draft';
import { Field } from '../../components/Field';
import { errorText } from '../../state';
import { fieldsFor, fromText, toText, type EditField, type EditKey } from './edit-fields';

/** The value the draft holds now for an edit key (filled from the workspace or edited). */
export function filledValue(d: RequestDraft, key: EditKey): unknown {
  const r = d.request as unknown as Record<string, unknown>;
  const c = d.connectivity as unknown as Record<string, unknown>;
  const v6 = (d.ipv6 ?? {}) as Record<string, unknown>;
  switch (key) {
    case 'multihoming':
    case 'soonMonths':
    case 'uniqueRoutingPolicy':
    case 'interconnectionPlanned':
    case 'ixps':
      return c[key];
    case 'asnBits':
      return d.asn?.bits;
    case 'reason16':
    case 'holdsPiAndPlansMultihoming':
      return d.asn?.[key];
    case 'diagramAttached':
      return d.diagramAttached;
    case 'notes':
      return d.notes;
    case 'dsRdata':
      return d.reverse[0]?.dsRdata;
    case 'asSet':
      return undefined;
    default:
      return key in r ? r[key] : v6[key];
  }
}

/** The field's own hint, and where its value comes from: edited here or filled from the workspace. */
function hintFor(f: EditField, edited: unknown, filled: unknown): string | undefined {
  const origin =
    edited !== undefined
      ? 'edited'
      : filled !== undefined && filled !== '' && !(Array.isArray(filled) && filled.length === 0)
        ? 'from the workspace'
        : undefined;
  return [f.hint, origin].filter((x) => x !== undefined).join(' · ') || undefined;
}

interface Props {
  view: DraftView;
  disabled: boolean;
  errors: Record<string, string>;
  onSave(edits: RequestEdits): Promise<unknown>;
}

function EditBox({
  f,
  view,
  disabled,
  error,
  onSave,
}: {
  f: EditField;
  view: DraftView;
  disabled: boolean;
  error: string | undefined;
  onSave: Props['onSave'];
}) {
  const edited = (view.edits as Record<string, unknown>)[f.key];
  const filled = filledValue(view.draft, f.key);
  const storedText = toText(f, edited);
  const [text, setText] = useState(storedText);
  const [local, setLocal] = useState<string | undefined>(undefined);
  // A new stored value shows in the box (adjusted during render, not after).
  const [shown, setShown] = useState(storedText);
  if (shown !== storedText) {
    setShown(storedText);
    setText(storedText);
  }
  const commit = async (value: string) => {
    if (value === toText(f, edited)) return;
    try {
      const v = fromText(f, value);
      setLocal(undefined);
      await onSave({ [f.key]: v } as RequestEdits);
    } catch (e) {
      setLocal(errorText(e));
    }
  };
  const shownError = local ?? error;
  return (
    <Field label={f.label} error={shownError} hint={hintFor(f, edited, filled)}>
      {(p) =>
        f.type === 'select' ? (
          <select {...p} data-edit={f.key} disabled={disabled} value={toText(f, edited ?? filled)} onChange={(e) => void commit(e.target.value)}>
            {f.options!.map(([v, label]) => (
              <option key={v} value={v}>
                {label}
              </option>
            ))}
          </select>
        ) : f.type === 'bool' ? (
          <input
            {...p}

            data-edit={f.key}
            type="checkbox"
            disabled={disabled}
            checked={Boolean(edited ?? filled)}
            onChange={(e) => void onSave({ [f.key]: e.target.checked } as RequestEdits)}
          />
        ) : f.type === 'textarea' ? (
          <textarea
            {...p}

            data-edit={f.key}
            rows={2}
            disabled={disabled}
            value={text}
            placeholder={toText(f, filled)}
            onChange={(e) => setText(e.target.value)}
            onBlur={() => void commit(text)}
          />
        ) : (
          <input
            {...p}

            data-edit={f.key}
            type="text"
            inputMode={f.type === 'int' || f.type === 'number' || f.type === 'date' ? 'numeric' : undefined}
            {...(f.type === 'date' ? { placeholder: 'YYYY-MM-DD', maxLength: 10 } : {})}
            autoComplete="off"
            spellCheck={false}
            disabled={disabled}
            value={text}
            placeholder={toText(f, filled)}
            onChange={(e) => setText(e.target.value)}
            onBlur={() => void commit(text)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                void commit(text);
              }
            }}
          />
        )
      }
    </Field>
  );
}

export function DraftEdits({ view, disabled, errors, onSave }: Props) {
  const fields = fieldsFor(view.rir, view.kind);
  return (
    <div className="req-edits" aria-label="Draft fields you can edit">
      {fields.map((f) => (
        <EditBox key={`${view.rir}-${view.kind}-${f.key}`} f={f} view={view} disabled={disabled} error={errors[f.key]} onSave={onSave} />
      ))}
    </div>
  );
}
