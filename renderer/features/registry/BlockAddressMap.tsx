/**
 * An assigned block's addresses as cells (IPv4 up to 1024 addresses): network and broadcast,
 * the router, fixed hosts, the dynamic range and what is free, each cell titled with its address.
 * Larger blocks and IPv6 show the range and the hosts as text.
 */
import { useMemo } from 'react';
import type { HostRow, PrefixRow, ScopeRow } from '../../../shared/contract';
import { blockMapCells, type MapCellKind } from '../../../shared/dhcp/block-map';

const LEGEND: [MapCellKind, string][] = [
  ['range', 'DHCP range'],
  ['host', 'fixed host'],
  ['router', 'router'],
  ['network', 'network / broadcast'],
  ['free', 'free'],
];

export function BlockAddressMap({ block, scope, hosts }: { block: PrefixRow; scope: ScopeRow | null; hosts: HostRow[] }) {
  const cells = useMemo(() => blockMapCells(block.prefix, scope, hosts), [block.prefix, scope, hosts]);
  const summary = `${hosts.length} fixed host${hosts.length === 1 ? '' : 's'}${scope ? `; DHCP range ${scope.first}–${scope.last} (${scope.size} addresses)` : '; no DHCP scope'}`;
  if (!cells) return <p className="muted addr-summary">{summary}</p>;
  const cols = cells.length <= 16 ? cells.length : cells.length <= 256 ? 16 : 32;
  const rows = Math.ceil(cells.length / cols);
  const size = 12;
  return (
    <figure className="addr-map">
      <svg viewBox={`0 0 ${cols * size} ${rows * size}`} className="addr-map-svg" role="img" aria-label={`Addresses of ${block.prefix}: ${summary}`}>
        {cells.map((c) => (
          <rect
            key={c.offset}
            className={`addr-cell addr-${c.kind}`}
            x={(c.offset % cols) * size + 0.5}
            y={Math.floor(c.offset / cols) * size + 0.5}
            width={size - 1}
            height={size - 1}
            rx="2"
            data-kind={c.kind}
          >
            <title>{`${c.ip}: ${c.name ?? LEGEND.find(([k]) => k === c.kind)?.[1] ?? c.kind}`}</title>
          </rect>
        ))}
      </svg>
      <figcaption className="addr-legend">
        {LEGEND.map(([k, label]) => (
          <span key={k}>
            <i className={`addr-swatch addr-${k}`} aria-hidden="true" />
            {label}
          </span>
        ))}
      </figcaption>
      <p className="muted addr-summary">{summary}</p>
    </figure>
  );
}
