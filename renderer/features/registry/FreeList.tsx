/** The free space of a block: summary (free addresses, largest, fragmentation) and the minimal CIDR list. */
import type { FreeSpace } from '../../../shared/contract';
import { count } from './blocks';

export const FREE_SHOWN = 64;

export function FreeList({ free, onPick, readOnly }: { free: FreeSpace; onPick(cidr: string): void; readOnly: boolean }) {
  if (free.cidrCount === 0) return <p className="muted">Nothing is free: every address is held by a child block.</p>;
  return (
    <div className="free-list">
      <dl className="reg-facts">
        <div>
          <dt>Free addresses</dt>
          <dd>{count(free.freeAddresses)}</dd>
        </div>
        <div>
          <dt>Largest free</dt>
          <dd className="mono">{free.largest ?? '—'}</dd>
        </div>
        <div>
          <dt>Free blocks</dt>
          <dd>
            {count(free.cidrCount)} in {count(free.gapCount)} gap{free.gapCount === 1 ? '' : 's'}
          </dd>
        </div>
        <div>
          <dt>Fragmentation</dt>
          <dd title="1 − largest free ÷ all free: 0 when the free space is one aligned block">{(free.fragmentation * 100).toFixed(0)} %</dd>
        </div>
      </dl>
      <ul className="free-cidrs" aria-label={`Free blocks in ${free.parent}`}>
        {free.free.map((c) => (
          <li key={c}>
            <button type="button" className="link mono" disabled={readOnly} title={`Allocate ${c} or part of it`} onClick={() => onPick(c)}>
              {c}
            </button>
          </li>
        ))}
      </ul>
      {free.cidrCount > free.free.length && (
        <p className="muted small-note">
          The first {free.free.length} of {count(free.cidrCount)} free blocks.
        </p>
      )}
    </div>
  );
}
