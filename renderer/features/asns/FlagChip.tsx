import type { AsnFlag } from '../../../shared/contract';
import { flagDescription, kindLabel } from './flags';

/**
 * A special-purpose ASN's flag: its kind on the chip, purpose and RFC as the tooltip (and, for
 * screen readers and keyboard users who get no tooltip, as visible small text when `detail`).
 */
export function FlagChip({ flag, detail = false }: { flag: AsnFlag; detail?: boolean }) {
  const text = flagDescription(flag);
  return (
    <span className="asn-flag-cell">
      <span className={`asn-chip asn-chip-${flag.legalInternally ? 'internal' : 'never'} asn-kind-${flag.kind}`} title={text} data-kind={flag.kind}>
        {kindLabel(flag.kind)}
      </span>
      {detail ? <span className="asn-rfc muted">{flag.rfc}</span> : <span className="sr-only">{text}</span>}
    </span>
  );
}
