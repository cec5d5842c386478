/**
 * RPSL objects and reverse zones for any block of the registry (or an ASN): pick it, pick the
 * RIR, read the objects; name servers and DS records for the reverse zones, as BIND zone files
 * or RIPE domain objects. Refusals appear at the field they name, with the rule.
 */
import { useEffect, useRef, useState } from 'react';
import type { RequestRir, ReverseResult, RpslResult } from '../../../shared/contract';
import { REQUEST_RIRS } from '../../../shared/contract';
import { client } from '../../client';
import { Field, TextInput } from '../../components/Field';
import { errorsFrom, useWorkspace } from '../../state';
import { download } from './download';

export function ObjectsView({ initialBlock }: { initialBlock?: string | undefined }) {
  const { state, version, notify } = useWorkspace();
  const [blocks, setBlocks] = useState<string[]>([]);
  const [resource, setResource] = useState(initialBlock ?? '');
  // '' = the RIR the block was recorded with (the service's default), as `headroom rpsl` does.
  const [rir, setRir] = useState<RequestRir | ''>('');
  const [asSet, setAsSet] = useState('');
  const [rpsl, setRpsl] = useState<RpslResult | null>(null);
  const [ns, setNs] = useState('');
  const [ds, setDs] = useState('');
  const [format, setFormat] = useState<'bind' | 'rpsl'>('bind');
  const [zones, setZones] = useState<ReverseResult | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [autoShown, setAutoShown] = useState(false);
  const [orgLoaded, setOrgLoaded] = useState(false);
  // Fields the planner has entered: a default that arrives later (the first block, the name
  // servers from Settings) must not land in them. Filled only while untouched and empty: a
  // default arriving as typing began was written in front of the typed text.
  const touched = useRef({ resource: false, ns: false });

  useEffect(() => {
    if (!state) return;
    void client.call('registry.listPrefixes', { space: 'global', limit: 2000 }).then(
      (page) => {
        const list = page.rows.map((r) => r.prefix);
        setBlocks(list);
        setResource((cur) => (cur || touched.current.resource ? cur : list[0] || ''));
      },
      (e: Error) => notify('error', e.message),
    );
    void client.call('requests.getOrganisation', {}).then(
      (o) => {
        setNs((cur) => (cur || touched.current.ns ? cur : o.nameServers.join(', ')));
        setOrgLoaded(true);
      },
      () => setOrgLoaded(true),
    );
  }, [state, version, notify]);

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
  // servers from Settings are known.
  useEffect(() => {
    if (!initialBlock || autoShown || !orgLoaded || !state) return;
    setAutoShown(true);
    void show();
    // `show` is left out of the dependencies on purpose: this runs once, for the block it was opened for.
  }, [initialBlock, autoShown, orgLoaded, state]);

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
                onFocus={() => (touched.current.resource = true)}
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
              {(p) => <TextInput {...p} value={ns} onFocus={() => (touched.current.ns = true)} onChange={(e) => setNs(e.target.value)} className="mono" />}
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
