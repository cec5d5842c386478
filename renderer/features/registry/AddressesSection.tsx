/**
 * The addresses of an assigned block (issue 15): its map with the DHCP range and the fixed hosts
 * drawn on it, its DHCP scope (IPv4) and its hosts table. Every change is one undoable action
 * (Ctrl+Z, or Undo in the notice); a refusal shows at its field and changes nothing.
 */
import { useCallback } from 'react';
import type { HostRow, PrefixRow, ScopeRow } from '../../../shared/contract';
import { useContractQuery } from '../../data/query';
import { errorText, useWorkspace } from '../../state';
import { BlockAddressMap } from './BlockAddressMap';
import { HostsTable } from './HostsTable';
import { ScopeEditor } from './ScopeEditor';
import './addresses.css';

export function AddressesSection({ block, fresh, readOnly }: { block: PrefixRow; fresh: boolean; readOnly: boolean }) {
  const { notify } = useWorkspace();
  const assigned = block.status === 'assigned';
  const own = { enabled: assigned && fresh, placeholderData: undefined } as const;
  const hostsRead = useContractQuery('dhcp.listHosts', { within: block.prefix, space: block.space }, own);
  const scopesRead = useContractQuery('dhcp.listScopes', { space: block.space }, own);
  const hosts: HostRow[] | null = hostsRead.data && scopesRead.data ? hostsRead.data : null;
  const scope: ScopeRow | null = scopesRead.data?.find((x) => x.prefix === block.prefix) ?? null;
  const failed = hostsRead.error ?? scopesRead.error;
  const error = failed ? errorText(failed) : undefined;
  /** After a change (its queries are read again by the change itself): say what was done and how to take it back. */
  const changed = useCallback(
    async (what: string) => {
      notify('info', `${what}. Ctrl+Z undoes it.`);
    },
    [notify],
  );
  if (block.status !== 'assigned') return null;
  const dhcp = block.family === 4 && block.length <= 30;
  return (
    <>
      <section aria-labelledby="reg-addr-title" className="addr-section">
        <h3 id="reg-addr-title">Addresses</h3>
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : hosts === null ? (
          <p className="muted">Loading…</p>
        ) : (
          <BlockAddressMap block={block} scope={scope} hosts={hosts} />
        )}
      </section>
      {dhcp && hosts !== null && (
        <section aria-labelledby="reg-scope-title" className="addr-section">
          <h3 id="reg-scope-title">DHCP scope</h3>
          <ScopeEditor block={block} scope={scope} readOnly={readOnly} onChanged={changed} />
        </section>
      )}
      {hosts !== null && (
        <section aria-labelledby="reg-hosts-title" className="addr-section">
          <h3 id="reg-hosts-title">Fixed hosts</h3>
          <HostsTable block={block} hosts={hosts} readOnly={readOnly} onChanged={changed} />
        </section>
      )}
    </>
  );
}
