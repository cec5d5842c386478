/**
 * Allocate from a block: a length, a strategy, room to grow, how many, status and description.
 * The blocks it will take are previewed as you type (the same call with dryRun), refusals show at
 * the field, and Allocate records them (one undoable action, growth reservations included).
 */
import { useEffect, useState } from 'react';
import {
  ALLOCATION_STRATEGIES,
  PREFIX_STATUSES,
  type AllocationResult,
  type AllocationStrategyName,
  type InputOf,
  type PrefixRow,
  type PrefixStatus,
} from '../../../shared/contract';
import { maxLength } from '../../../shared/ip/prefix';
import { Dialog } from '../../components/Dialog';
import { Field, Select, TextInput } from '../../components/Field';
import { useChange, useContractQuery } from '../../data/query';
import { errorsFrom, useWorkspace } from '../../state';

type AllocateInput = InputOf<'registry.allocate'>;

const STRATEGY_HINT: Record<AllocationStrategyName, string> = {
  'first-fit': 'the lowest free block that fits',
  'best-fit': 'from the smallest free gap that fits (keeps large gaps whole)',
  sparse: 'spread out, leaving each block room to grow',
  'last-fit': 'the highest free block that fits',
};

/** A sensible first length: the pool's unit, else a small block for IPv4, a /64 or /48 for IPv6. */
export function defaultLength(from: PrefixRow): number {
  if (from.unit && from.unit > from.length) return from.unit;
  if (from.family === 4) return Math.min(32, Math.max(from.length + 1, 29));
  return Math.min(128, Math.max(from.length + 1, from.length < 48 ? 48 : 64));
}

function wholeNumber(text: string, field: string): [number, null] | [null, Record<string, string>] {
  const t = text.trim().replace(/^\//, '');
  if (t === '') return [null, { [field]: 'is required' }];
  if (!/^\d{1,3}$/.test(t)) return [null, { [field]: 'must be a whole number' }];
  return [Number(t), null];
}

/** The number of blocks to take: a whole number from 1 (the service says how many fit). */
function wholeCount(text: string): [number, null] | [null, Record<string, string>] {
  const t = text.trim();
  if (t === '') return [null, { count: 'is required' }];
  if (!/^\d{1,4}$/.test(t)) return [null, { count: 'must be a whole number' }];
  if (Number(t) < 1) return [null, { count: 'must be at least 1' }];
  return [Number(t), null];
}

interface Props {
  from: PrefixRow;
  initialLength?: number | undefined;
  onClose(): void;
  onDone(prefix: string): void;
}

export function AllocateDialog({ from, initialLength, onClose, onDone }: Props) {
  const { notify } = useWorkspace();
  const change = useChange();
  const [length, setLength] = useState(String(initialLength ?? defaultLength(from)));
  const [strategy, setStrategy] = useState<AllocationStrategyName>('first-fit');
  const [growth, setGrowth] = useState('0');
  const [count, setCount] = useState('1');
  const [status, setStatus] = useState<PrefixStatus>('assigned');
  const [description, setDescription] = useState('');
  /** A refusal of Allocate itself, shown until the input changes. */
  const [refused, setRefused] = useState<{ wish: string; errors: Record<string, string> } | null>(null);
  const [busy, setBusy] = useState(false);

  const input = () => {
    const [len, lenErr] = wholeNumber(length, 'length');
    const [grow, growErr] = wholeNumber(growth, 'growth');
    const [n, countErr] = wholeCount(count);
    const errs = { ...(lenErr ?? {}), ...(growErr ?? {}), ...(countErr ?? {}) };
    if (len === null || grow === null || n === null) return [null, errs] as const;
    return [{ from: from.prefix, space: from.space, length: len, strategy, growth: grow, status, description, count: n }, null] as const;
  };
  // The preview follows every change of the input, a moment after the typing stops.
  const [i, inputErrors] = input();
  const wish = i ? JSON.stringify(i) : '';
  const [settled, setSettled] = useState(wish);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(wish), 150);
    return () => clearTimeout(timer);
  }, [wish]);
  const asked: AllocateInput = settled ? { ...(JSON.parse(settled) as AllocateInput), dryRun: true } : { from: from.prefix, length: 0, dryRun: true };
  // Not while Allocate runs: the change invalidates the registry's queries, and a preview asked
  // again then would answer for the pool after the allocation (a 409 once the pool is full).
  const previewed = useContractQuery('registry.allocate', asked, { enabled: !busy && settled !== '' && settled === wish });
  const preview: AllocationResult | null = i && previewed.data && !previewed.isError ? previewed.data : null;
  const errors: Record<string, string> =
    refused?.wish === wish ? refused.errors : !i ? inputErrors : previewed.isError && settled === wish ? errorsFrom(previewed.error) : {};
  const setErrors = (e: Record<string, string>) => setRefused({ wish, errors: e });

  const submit = async () => {
    if (!i) {
      setErrors(inputErrors);
      return;
    }
    setBusy(true);
    try {
      const r = await change('registry.allocate', i);
      const taken = r.prefixes.length > 1 ? `${r.prefixes.length} blocks (${r.prefixes[0]} to ${r.prefixes[r.prefixes.length - 1]})` : r.prefix;
      notify(
        'info',
        `Allocated ${taken} from ${from.prefix}${r.reserved.length ? `, ${r.reserved.length} block${r.reserved.length === 1 ? '' : 's'} reserved for growth` : ''}. Ctrl+Z undoes ${r.prefixes.length > 1 ? 'them all' : 'it'}.`,
      );
      onDone(r.prefix);
    } catch (e) {
      setErrors(errorsFrom(e));
      setBusy(false);
    }
  };

  const max = maxLength(from.family);
  return (
    <Dialog title={`Allocate from ${from.prefix}`} onClose={onClose}>
      <form
        className="reg-allocate"
        aria-label="Allocate"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <div className="reg-allocate-grid">
          <Field label="Length" error={errors.length} hint={`/${from.length + 1} to /${max}`}>
            {(p) => <TextInput {...p} name="length" className="mono" inputMode="numeric" value={length} onChange={(e) => setLength(e.target.value)} />}
          </Field>
          <Field label="Strategy" error={errors.strategy} hint={STRATEGY_HINT[strategy]}>
            {(p) => (
              <Select {...p} name="strategy" value={strategy} onChange={(e) => setStrategy(e.target.value as AllocationStrategyName)}>
                {ALLOCATION_STRATEGIES.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field label="Room to grow (bits)" error={errors.growth} hint="Reserve the block's neighbours so it can double this many times">
            {(p) => <TextInput {...p} name="growth" className="mono" inputMode="numeric" value={growth} onChange={(e) => setGrowth(e.target.value)} />}
          </Field>
          <Field label="How many" error={errors.count} hint="Blocks of that length, taken in one change">
            {(p) => <TextInput {...p} name="count" className="mono" inputMode="numeric" value={count} onChange={(e) => setCount(e.target.value)} />}
          </Field>
          <Field label="Status" error={errors.status}>
            {(p) => (
              <Select {...p} name="status" value={status} onChange={(e) => setStatus(e.target.value as PrefixStatus)}>
                {PREFIX_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </Select>
            )}
          </Field>
        </div>
        <Field label="Description" error={errors.description}>
          {(p) => (
            <TextInput {...p} name="description" value={description} placeholder="Customer or purpose" onChange={(e) => setDescription(e.target.value)} />
          )}
        </Field>
        <div className={`reg-preview${preview ? '' : ' empty'}`} role="status" aria-label="Preview">
          {preview && preview.prefixes.length > 1 ? (
            <>
              Will take {preview.prefixes.length} blocks ({preview.strategy})
              {preview.reserved.length > 0 && <> and reserve {preview.reserved.length} for their growth</>}:
              <ol className="reg-preview-list mono" aria-label="Blocks to take">
                {preview.prefixes.map((p) => (
                  <li key={p} data-preview={p}>
                    {p}
                  </li>
                ))}
              </ol>
            </>
          ) : preview ? (
            <>
              Will take{' '}
              <strong className="mono" data-preview={preview.prefix}>
                {preview.prefix}
              </strong>{' '}
              ({preview.strategy})
              {preview.reserved.length > 0 && (
                <>
                  {' '}
                  and reserve <span className="mono">{preview.reserved.join(', ')}</span> for its growth
                </>
              )}
              .
            </>
          ) : (
            <span className="muted">No block to preview{Object.keys(errors).length ? ': see the field above' : ''}.</span>
          )}
        </div>
        {errors._ && (
          <div className="form-error" role="alert">
            {errors._}
          </div>
        )}
        {errors.from && (
          <div className="form-error" role="alert">
            {errors.from}
          </div>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            Allocate
          </button>
        </div>
      </form>
    </Dialog>
  );
}
