/**
 * The addresses of an assigned block (issue 15): its map with the DHCP range and the fixed hosts
 * drawn on it, its DHCP scope (IPv4) and its hosts table. Every change is one undoable action
 * (Ctrl+Z, or Undo in the notice); a refusal shows at its field and changes nothing.
 */
import { useCallback, useEffect, useState } from 'react';
import type { HostRow, PrefixRow, ScopeRow } from '../../../shared/contract';
import { client } from '../../client';
import { useWorkspace } from '../../state';
import { BlockAddressMap } from './BlockAddressMap';
import { HostsTable } from './HostsTable';
import { ScopeEditor } from './ScopeEditor';
import './addresses.css';

export function AddressesSection({ block, version, readOnly }: { block: PrefixRow; version: number; readOnly: boolean }) {
  const { notify, refresh } = useWorkspace();
  const [hosts, setHosts] = useState<HostRow[] | null>(null);
  const [scope, setScope] = useState<ScopeRow | null>(null);
  const [error, setError] = useState<string | undefined>(undefined);
  useEffect(() => {
    if (block.status !== 'assigned') return;
    let live = true;
    Promise.all([client.call('dhcp.listHosts', { within: block.prefix, space: block.space }), client.call('dhcp.listScopes', { space: block.space })]).then(
      ([h, s]) => {
        if (!live) return;
        setHosts(h);
        setScope(s.find((x) => x.prefix === block.prefix) ?? null);
        setError(undefined);
      },
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [block.prefix, block.space, block.status, version]);
  /** After a change: say what was done and how to take it back, then reload everything. */
  const changed = useCallback(
    async (what: string) => {
      notify('info', `${what}. Ctrl+Z undoes it.`);
      await refresh();
    },
    [notify, refresh],
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
