/** A block's utilization: IPv4 in addresses, IPv6 in its assignment unit, with the HD-ratio. */
import type { PrefixUtilization } from '../../../shared/contract';
import { count, pct } from './blocks';
import { UsageBar } from './UsageBar';

const UNIT_SOURCE: Record<PrefixUtilization['unitSource'], string> = {
  block: 'set on this block',
  enclosing: 'set on an enclosing pool',
  option: 'chosen',
  default: 'the default',
  ipv4: '',
};

export function UtilizationFacts({ u, family }: { u: PrefixUtilization; family: 4 | 6 }) {
  const unit = family === 4 ? 'addresses' : `/${u.unit} units`;
  const reservedPct = (Number(u.reservedUnits) / Number(u.totalUnits)) * 100;
  return (
    <div className="reg-util">
      <UsageBar usage={{ usedPct: u.utilizationPct, reservedPct }} label={u.prefix} wide />
      <dl className="reg-facts">
        <div>
          <dt>Used</dt>
          <dd>
            {count(u.usedUnits)} of {count(u.totalUnits)} {unit}
          </dd>
        </div>
        <div>
          <dt>Reserved</dt>
          <dd>
            {count(u.reservedUnits)} {unit}
          </dd>
        </div>
        <div>
          <dt>Free</dt>
          <dd>
            {count(u.freeUnits)} {unit}
          </dd>
        </div>
        <div>
          <dt>Utilization</dt>
          <dd>{pct(u.utilizationPct)}</dd>
        </div>
        {family === 6 && (
          <>
            <div>
              <dt>Unit</dt>
              <dd>
                /{u.unit} <span className="muted">({UNIT_SOURCE[u.unitSource]})</span>
              </dd>
            </div>
            <div>
              <dt>HD-ratio</dt>
              <dd className={u.meetsHd ? 'reg-ok' : 'reg-short'}>
                {u.hdRatio === null ? '—' : u.hdRatio.toFixed(3)}{' '}
                {u.hdThresholdUnits !== null && (
                  <span className="muted">
                    ({u.meetsHd ? 'meets' : 'below'} 0.94: {count(u.hdThresholdUnits)} units)
                  </span>
                )}
              </dd>
            </div>
          </>
        )}
      </dl>
    </div>
  );
}
