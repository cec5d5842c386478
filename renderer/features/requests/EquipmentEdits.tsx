/**
 * The draft's equipment list: filled from the facility sites, completed by the planner with
 * vendor, model and how each piece uses addresses (what the RIR hostmasters ask). Saved as one
 * undoable edit; "Use the facility list" drops the edit again.
 */
import { useMemo, useState } from 'react';
import type { DraftView, RequestEdits } from '../../../shared/contract';
import type { Equipment } from '../../../shared/rir/draft';
import { useDraft } from '../../components/useDraft';

type Row = { name: string; vendor: string; model: string; usage: string };
const toRows = (list: readonly Equipment[]): Row[] => list.map((e) => ({ name: e.name, vendor: e.vendor ?? '', model: e.model ?? '', usage: e.usage ?? '' }));

interface Props {
  view: DraftView;
  disabled: boolean;
  error: string | undefined;
  /** Saves the edits; the draft as stored after them, or null when the save was refused. */
  onSave(edits: RequestEdits): Promise<DraftView | null>;
}

const blank = (r: Row): boolean => !r.name.trim() && !r.vendor.trim() && !r.model.trim() && !r.usage.trim();

export function EquipmentEdits({ view, disabled, error, onSave }: Props) {
  // Rows being typed survive a reload of the draft (another field's save): see useDraft.
  const stored = useMemo(() => ({ rows: toRows(view.draft.infrastructure) }), [view.draft.infrastructure]);
  const draft = useDraft(stored);
  const rows = draft.draft?.rows ?? stored.rows;
  const setRows = (next: Row[]) => draft.set({ rows: next });
  const edited = view.edits.equipment !== undefined;
  const set = (i: number, patch: Partial<Row>) => setRows(rows.map((r, k) => (k === i ? { ...r, ...patch } : r)));
  const [unnamed, setUnnamed] = useState<string | null>(null);
  const save = async () => {
    // A row left wholly empty is dropped; a row with a vendor, model or use but no name would be
    // lost on saving, so it is refused, naming the row.
    const nameless = rows.findIndex((r) => !blank(r) && !r.name.trim());
    if (nameless >= 0) {
      setUnnamed(`Equipment ${nameless + 1}: give it a name, or clear the row.`);
      return;
    }
    setUnnamed(null);
    const sent = draft.changes;
    const out = await onSave({
      equipment: rows
        .filter((r) => !blank(r))
        .map((r) => ({
          name: r.name.trim(),
          ...(r.vendor.trim() ? { vendor: r.vendor.trim() } : {}),
          ...(r.model.trim() ? { model: r.model.trim() } : {}),
          ...(r.usage.trim() ? { usage: r.usage.trim() } : {}),
        })),
    });
    // The list shows what was stored: trimmed, without the empty rows.
    if (out) draft.saved(sent.rows ? sent : { rows }, { rows: toRows(out.draft.infrastructure) });
  };
  return (
    <section className="req-equipment" aria-labelledby="req-equipment-title">
      <div className="req-edit-head">
        <h3 id="req-equipment-title">
          Equipment <span className="muted req-origin">{edited ? 'edited' : 'from the facility sites'}</span>
        </h3>
        <span className="req-equipment-actions">
          <button type="button" disabled={disabled} onClick={() => setRows([...rows, { name: '', vendor: '', model: '', usage: '' }])}>
            Add equipment
          </button>
          <button type="button" disabled={disabled || !edited} onClick={() => void onSave({ equipment: null })}>
            Use the facility list
          </button>
          <button type="button" className="primary" disabled={disabled} onClick={() => void save()}>
            Save equipment
          </button>
        </span>
      </div>
      {rows.length === 0 ? (
        <p className="muted">No equipment on the facility sites yet.</p>
      ) : (
        <table className="req-table req-equipment-table" aria-label="Equipment">
          <thead>
            <tr>
              <th>Equipment</th>
              <th>Vendor</th>
              <th>Model</th>
              <th>Use of addresses</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={i}>
                {(['name', 'vendor', 'model', 'usage'] as const).map((k) => (
                  <td key={k}>
                    <input
                      type="text"
                      autoComplete="off"
                      aria-label={`Equipment ${i + 1} ${k}`}
                      value={r[k]}
                      disabled={disabled}
                      onChange={(e) => set(i, { [k]: e.target.value })}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {(unnamed ?? error) ? <div className="field-error">{unnamed ?? error}</div> : null}
    </section>
  );
}
