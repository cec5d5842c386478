/**
 * RPSL objects and reverse zones for any block of the registry (or an ASN): pick it, pick the
 * RIR, read the objects; name servers and DS records for the reverse zones, as BIND zone files
 * or RIPE domain objects. Refusals appear at the field they name, with the rule.
 */
import { useEffect, useEffectEvent, useRef, useState } from 'react';
import type { RequestRir, ReverseResult, RpslResult } from '../../../shared/contract';
import { REQUEST_RIRS } from '../../../shared/contract';
import { client } from '../../client';
import { useContractQuery } from '../../data/query';
import { Field, TextInput } from '../../components/Field';
import { errorsFrom, useReadFailure, useWorkspace } from '../../state';
import { download } from './download';

export function ObjectsView({ initialBlock }: { initialBlock?: string | undefined }) {
  const { state } = useWorkspace();
  // Fields the planner has entered (or focused) are theirs: a default that arrives later (the
  // first block, the name servers from Settings) shows only while the field is untouched.
  const [resourceTyped, setResource] = useState<string | null>(initialBlock || null);
  // '' = the RIR the block was recorded with (the service's default), as `headroom rpsl` does.
  const [rir, setRir] = useState<RequestRir | ''>('');
  const [asSet, setAsSet] = useState('');
  const [rpsl, setRpsl] = useState<RpslResult | null>(null);
  const [nsTyped, setNs] = useState<string | null>(null);
  const [ds, setDs] = useState('');
  const [format, setFormat] = useState<'bind' | 'rpsl'>('bind');
  const [zones, setZones] = useState<ReverseResult | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const autoShown = useRef(false);

  const listed = useContractQuery('registry.listPrefixes', { space: 'global', limit: 2000 }, { enabled: Boolean(state) });
  useReadFailure(listed.error);
  const org = useContractQuery('requests.getOrganisation', {}, { enabled: Boolean(state) });
  const orgLoaded = org.isSuccess || org.isError;
  const blocks = listed.data?.rows.map((r) => r.prefix) ?? [];
  const resource = resourceTyped ?? blocks[0] ?? '';
  const ns = nsTyped ?? org.data?.nameServers.join(', ') ?? '';

  const isBlock = resource.includes('/');
  const show = async () => {
    const errs: Record<string, string> = {};
    setRpsl(null);
    setZones(null);
    try {
      setRpsl(await client.call('requests.rpsl', { resource, ...(rir ? { rir } : {}), ...(asSet.trim() ? { asSet: asSet.trim() } : {}) }));
    } catch (e) {
      Object.assign(errs, errorsFrom(e));
    }
    if (isBlock) {
      try {
        const list = (t: string) =>
          t
            .split(',')
            .map((x) => x.trim())
            .filter((x) => x !== '');
        setZones(await client.call('requests.reverseZones', { prefix: resource, ns: list(ns), format, ...(ds.trim() ? { ds: list(ds) } : {}) }));
      } catch (e) {
        const r = errorsFrom(e);
        for (const [k, v] of Object.entries(r))
          errs[k === 'prefix' ? 'prefix' : k.startsWith('ds-rdata') ? 'ds' : k === 'ns' || k.startsWith('nserver') ? 'ns' : k] = v;
      }
    }
    setErrors(errs);
  };

  // Opened for a block (from the Registry): show its objects straight away, once the name
  // servers from Settings are known; once, for the block it was opened for.
  const showOnce = useEffectEvent(() => void show());
  useEffect(() => {
    if (!initialBlock || autoShown.current || !orgLoaded || !state) return;
    autoShown.current = true;
    showOnce();
  }, [initialBlock, orgLoaded, state]);

  return (
    <section aria-labelledby="req-objects-title" className="req-objects">
      <h2 id="req-objects-title">RPSL objects and reverse zones</h2>
      <form
        className="req-objects-form"
        onSubmit={(e) => {
          e.preventDefault();
          void show();
        }}
      >
        <Field label="Block or ASN" error={errors.prefix ?? errors.asn ?? errors.resource} hint="a block of the registry, or AS…">
          {(p) => (
            <>
              <TextInput
                {...p}
                list="req-blocks"
                value={resource}
                onFocus={() => setResource(resource)}
                onChange={(e) => setResource(e.target.value)}
                className="mono"
              />
              <datalist id="req-blocks">
                {blocks.map((b) => (
                  <option key={b} value={b} />
                ))}
              </datalist>
            </>
          )}
        </Field>
        <Field label="RIR template">
          {(p) => (
            <select {...p} value={rir} onChange={(e) => setRir(e.target.value as RequestRir | '')}>
              <option value="">The block’s own RIR</option>
              {REQUEST_RIRS.map((r) => (
                <option key={r} value={r}>
                  {r.toUpperCase()}
                </option>
              ))}
            </select>
          )}
        </Field>
        {!isBlock ? (
          <Field label="as-set (optional)" error={errors['as-set']} hint="RIPE: ASn:AS-NAME">
            {(p) => <TextInput {...p} value={asSet} onChange={(e) => setAsSet(e.target.value)} className="mono" />}
          </Field>
        ) : (
          <>
            <Field label="Name servers" error={errors.ns} hint="two or more, comma-separated">
              {(p) => <TextInput {...p} value={ns} onFocus={() => setNs(ns)} onChange={(e) => setNs(e.target.value)} className="mono" />}
            </Field>
            <Field label="Reverse zones as">
              {(p) => (
                <select {...p} value={format} onChange={(e) => setFormat(e.target.value as 'bind' | 'rpsl')}>
                  <option value="bind">BIND zone files</option>
                  <option value="rpsl">RIPE domain objects</option>
                </select>
              )}
            </Field>
            <Field label="DS records" error={errors.ds} hint="key tag, algorithm, digest type, digest">
              {(p) => <TextInput {...p} value={ds} onChange={(e) => setDs(e.target.value)} className="mono" />}
            </Field>
          </>
        )}
        <div className="form-submit">
          <button type="submit" className="primary">
            Show objects
          </button>
        </div>
        {errors._ ? <div className="form-error">{errors._}</div> : null}
      </form>
      <div className="req-objects-out">
        {rpsl ? (
          <div className="req-out" data-testid="rpsl-out">
            <div className="req-out-head">
              <h3>
                RPSL ({rpsl.objects.length} object{rpsl.objects.length === 1 ? '' : 's'})
              </h3>
              <button type="button" onClick={() => download(`${resource.replace(/[/:]/g, '_')}.rpsl`, rpsl.text, 'text/plain')}>
                Save as file
              </button>
            </div>
            {rpsl.warnings.map((w) => (
              <p key={w} className="req-note">
                {w}
              </p>
            ))}
            <pre className="req-code">{rpsl.text}</pre>
          </div>
        ) : null}
        {zones ? (
          <div className="req-out" data-testid="zones-out">
            <div className="req-out-head">
              <h3>
                Reverse zones ({zones.zones.length} {format === 'bind' ? 'zone file' : 'domain object'}
                {zones.zones.length === 1 ? '' : 's'})
              </h3>
              <button
                type="button"
                onClick={() => download(`${resource.replace(/[/:]/g, '_')}.${format === 'bind' ? 'zones' : 'rpsl'}`, zones.text, 'text/plain')}
              >
                Save as file
              </button>
            </div>
            {zones.warnings.map((w) => (
              <p key={w} className="req-note">
                {w}
              </p>
            ))}
            <pre className="req-code">{zones.text}</pre>
          </div>
        ) : null}
      </div>
    </section>
  );
}
