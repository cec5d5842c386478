/**
 * Edits one site component (or the site itself). Every keystroke re-parses the draft, checks it
 * with the contract's schema (the service's own messages) and recomputes the whole site with
 * the pure calculators, so the results beside the form answer as the planner types. Saving is
 * one undoable action; a refusal from the service shows at its field and nothing is saved.
 * Saving a row that exists sends only the fields whose value differs from the row as opened,
 * so a field the planner did not touch is never written (issue 10).
 */
import { useMemo, useState, type ReactNode } from 'react';
import type { Channel } from '../../../shared/contract';
import { errorLine } from '../../../shared/errors';
import type {
  BackupJobRecord,
  BatteryStringRecord,
  CoolingUnitRecord,
  EquipmentRecord,
  GeneratorRecord,
  SiteDetail,
  SiteRecord,
  UpsRecord,
} from '../../../shared/facility/site-record';
import { useChange } from '../../data/query';
import { errorsFrom, errorText, useWorkspace } from '../../state';
import {
  callInput,
  CHANNELS,
  changedFields,
  changeUnit,
  draftFrom,
  formFieldOf,
  liveLimits,
  magnitudeWarnings,
  parseDraft,
  schemaErrors,
  settleUnit,
  siteWithDraft,
  typeText,
  type LiveLimits,
} from './draft';
import { FORMS, type FormKind } from './fields';
import { QuantityField, type TableChoice } from './QuantityField';

export interface LiveView {
  detail: SiteDetail;
  live: LiveLimits;
  values: Record<string, unknown>;
  valid: boolean;
}

/** The stored row each form edits. */
export interface FormRecords {
  site: SiteRecord;
  backupSettings: SiteRecord;
  equipment: EquipmentRecord;
  ups: UpsRecord;
  batteryString: BatteryStringRecord;
  generator: GeneratorRecord;
  coolingUnit: CoolingUnitRecord;
  backupJob: BackupJobRecord;
}

/** A row's fields by name, for the form's generic draft (no cast: a record is a plain object). */
const fieldsOf = (row: object): Record<string, unknown> => Object.fromEntries(Object.entries(row));

interface Props<K extends FormKind> {
  kind: K;
  detail: SiteDetail;
  /** The row edited, or null to add one. */
  record: FormRecords[K] | null;
  /** What a new row's fields start from. */
  defaults?: Partial<FormRecords[K]>;
  tables?: TableChoice[];
  readOnly: boolean;
  title?: string;
  /** Last word on the operation's input (the battery tab names a bundled table by key). */
  transformInput?(input: Record<string, unknown>): Record<string, unknown>;
  onSaved?(id: number): void;
  onRemoved?(): void;
  onCancel?(): void;
  children?(view: LiveView): ReactNode;
}

export function ComponentEditor<K extends FormKind>(props: Props<K>) {
  const { kind, detail, record, defaults, tables, readOnly, title, transformInput, onSaved, onRemoved, onCancel, children } = props;
  const { notify } = useWorkspace();
  const change = useChange();
  const [draft, setDraft] = useState(() => draftFrom(kind, record && fieldsOf(record), defaults && fieldsOf(defaults)));
  // The values as opened: a save of an existing row sends only the fields that differ from them.
  const [opened] = useState(() => parseDraft(kind, draftFrom(kind, record && fieldsOf(record), defaults && fieldsOf(defaults))).values);
  const [touched, setTouched] = useState<Set<string>>(() => new Set(record ? FORMS[kind].fields.map((f) => f.key) : []));
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const id = record ? record.id : null;
  const form = FORMS[kind];
  const channels = CHANNELS[kind];
  const channel: Channel = id === null ? channels.add! : channels.update;

  const view = useMemo(() => {
    const parsed = parseDraft(kind, draft);
    const base = callInput(kind, parsed.values, { id, siteId: detail.site.id });
    const input = transformInput ? transformInput(base) : base;
    const schema = schemaErrors(channel, input);
    const errors: Record<string, string> = { ...schema, ...parsed.errors };
    const liveDetail = siteWithDraft(detail, kind, id, parsed.values);
    const live = liveLimits(liveDetail);
    if (!live.ok) {
      const f = formFieldOf(kind, live.field);
      if (f && !(f in errors)) errors[f] = live.message;
      else if (!f && !errors._) errors._ = errorLine(live);
    }
    const warnings = magnitudeWarnings(kind, id, parsed.values, liveDetail);
    return { input, errors, warnings, live, liveDetail, values: parsed.values };
  }, [draft, kind, id, detail, channel, transformInput]);

  const shown = (key: string): string | undefined => serverErrors[key] ?? (touched.has(key) ? view.errors[key] : undefined);
  const valid = Object.keys(view.errors).length === 0;

  const edit = (key: string, next: typeof draft) => {
    setDraft(next);
    setTouched((t) => new Set(t).add(key));
    if (serverErrors[key] || serverErrors._) setServerErrors(({ [key]: _a, _: _b, ...rest }) => rest);
  };

  const submit = async () => {
    setTouched(new Set(form.fields.map((f) => f.key)));
    if (!valid) return;
    let input = view.input;
    if (id !== null) {
      const patch = changedFields(view.values, opened);
      if (Object.keys(patch).length === 0) {
        notify('info', `Nothing to save: no field of the ${form.title.toLowerCase()} was changed.`);
        return;
      }
      const base = { id, ...patch };
      input = transformInput ? transformInput(base) : base;
    }
    setBusy(true);
    setServerErrors({});
    try {
      const saved = (await change(channel, input as never)) as { id: number; name?: string };
      notify('info', `${id === null ? 'Added' : 'Saved'} ${form.title.toLowerCase()}${saved.name ? ` “${saved.name}”` : ''}. Ctrl+Z undoes it.`);
      onSaved?.(saved.id);
    } catch (e) {
      setServerErrors(errorsFrom(e));
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    if (id === null || !channels.remove) return;
    setBusy(true);
    try {
      await change(channels.remove, { id } as never);
      notify('info', `Removed ${form.title.toLowerCase()}${record?.name ? ` “${record.name}”` : ''}. Ctrl+Z undoes it.`);
      onRemoved?.();
    } catch (e) {
      notify('error', errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const heading = title ?? (id === null ? `New ${form.title.toLowerCase()}` : form.title);
  return (
    <div className="fac-editor">
      <form
        className="fac-form"
        aria-label={heading}
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && onCancel) {
            e.preventDefault();
            onCancel();
          }
        }}
      >
        <h3>{heading}</h3>
        <div className="fac-fields">
          {form.fields.map((f) => (
            <QuantityField
              key={f.key}
              spec={f}
              text={draft.text[f.key] ?? ''}
              unit={draft.unit[f.key] ?? ''}
              error={shown(f.key)}
              warning={view.warnings[f.key]}
              disabled={readOnly}
              {...(tables ? { tables } : {})}
              onText={(text) => edit(f.key, typeText(draft, f.key, text))}
              onUnit={(u) => edit(f.key, changeUnit(draft, f, u))}
              onSettle={() => setDraft((d) => settleUnit(d, f))}
            />
          ))}
        </div>
        {(serverErrors._ || (touched.size > 0 && view.errors._)) && (
          <div className="form-error" role="alert">
            {serverErrors._ ?? view.errors._}
          </div>
        )}
        <div className="fac-actions">
          <button type="submit" className="primary" disabled={readOnly || busy}>
            {id === null ? 'Add' : 'Save'}
          </button>
          {id !== null && channels.remove && (
            <button type="button" disabled={readOnly || busy} onClick={() => void remove()}>
              {kind === 'site' ? 'Remove site' : 'Remove'}
            </button>
          )}
          {onCancel && (
            <button type="button" onClick={onCancel}>
              Cancel
            </button>
          )}
          <span className="muted fac-live-note" aria-live="polite">
            {valid ? 'The results beside follow what you type; nothing is saved until you press Enter or Save.' : 'Fix the marked fields to see the results.'}
          </span>
        </div>
      </form>
      {children && <div className="fac-results">{children({ detail: view.liveDetail, live: view.live, values: view.values, valid })}</div>}
    </div>
  );
}
