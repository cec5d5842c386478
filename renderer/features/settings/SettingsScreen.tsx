/**
 * Settings: the organisation and contacts that sign every request draft, the maintainer and
 * name servers its objects use, and how each ASN of the registry relates to us (ours, an
 * upstream, a peer). Each form saves as one undoable change; refusals show at their field.
 */
import { useMemo, useState } from 'react';
import type { ContactRole, ContactRow, InputOf, NeighbourRelation, NeighbourRow, OrganisationSettings } from '../../../shared/contract';
import { CONTACT_ROLES, NEIGHBOUR_RELATIONS } from '../../../shared/contract';
import { useChange, useContractQuery } from '../../data/query';
import { Field, TextInput } from '../../components/Field';
import { useDraft } from '../../components/useDraft';
import { errorsFrom, useReadFailure, useWorkspace } from '../../state';
import { countryProblem, mntnerProblem, nameServersProblem, urlProblem } from '../../../shared/rir/org-fields';
import './settings.css';
import { useNameServerCheck } from './useNameServerCheck';

type OrgForm = Omit<OrganisationSettings, 'contacts' | 'neighbours' | 'address' | 'nameServers' | 'subAllocations'> & {
  address: string;
  nameServers: string;
  subAllocations: string;
};

const toForm = (o: OrganisationSettings): OrgForm => ({
  legalName: o.legalName,
  tradingName: o.tradingName,
  address: o.address.join('\n'),
  country: o.country,
  website: o.website,
  accountId: o.accountId,
  role: o.role,
  orgHandle: o.orgHandle,
  mntner: o.mntner,
  nameServers: o.nameServers.join(', '),
  subAllocations: o.subAllocations.join(', '),
  abuseC: o.abuseC,
  apnicIrt: o.apnicIrt,
  arinOrgId: o.arinOrgId,
  arinAdminPoc: o.arinAdminPoc,
  arinTechPoc: o.arinTechPoc,
  arinAbusePoc: o.arinAbusePoc,
});

const ORG_FIELDS: ReadonlyArray<readonly [keyof OrgForm, string, string?]> = [
  ['legalName', 'Legal name'],
  ['tradingName', 'Trading name'],
  ['country', 'Country', 'ISO 3166, two letters'],
  ['website', 'Website'],
  ['accountId', 'Registry account', 'RegID / Org ID / account name'],
  ['orgHandle', 'Organisation object', 'e.g. ORG-EXA1-RIPE'],
  ['mntner', 'Maintainer', 'mnt-by of every object'],
  ['nameServers', 'Name servers', 'two or more, comma-separated'],
  ['abuseC', 'Abuse contact (abuse-c)', 'handle of a role with abuse-mailbox'],
  ['apnicIrt', 'APNIC IRT (mnt-irt)', 'e.g. IRT-EXAMPLE-AP'],
  ['arinOrgId', 'ARIN Org ID', 'e.g. EXAMP-1'],
  ['arinAdminPoc', 'ARIN admin POC', 'e.g. EXA12-ARIN'],
  ['arinTechPoc', 'ARIN tech POC', 'e.g. EXA12-ARIN'],
  ['arinAbusePoc', 'ARIN abuse POC', 'e.g. ABUSE123-ARIN'],
  ['subAllocations', 'Sub-allocated blocks', 'held by other operators, comma-separated'],
];

const splitList = (text: string, sep: string): string[] =>
  text
    .split(sep)
    .map((l) => l.trim())
    .filter((l) => l !== '');

/** What a field holds that the service would refuse, checked as you type by the same rules (shared/rir/org-fields). */
function liveProblem(k: keyof OrgForm, value: string): string | null {
  if (k === 'country') return countryProblem(value);
  if (k === 'website') return urlProblem(value);
  if (k === 'mntner') return mntnerProblem(value);
  if (k === 'nameServers') return nameServersProblem(splitList(value, ','));
  return null;
}

const RELATION_LABEL: Record<NeighbourRelation, string> = { own: 'ours', upstream: 'upstream', peer: 'peer', none: 'not a neighbour' };
const emptyContact = (): ContactRow => ({ name: '', email: '', phone: '', handle: '', roles: [] });

type NeighbourDraft = Record<string, NeighbourRow>;
const neighbourMap = (list: readonly NeighbourRow[]): NeighbourDraft => Object.fromEntries(list.map((n) => [String(n.asn), n]));

/** The organisation fields the planner changed, as the service takes them. */
function orgPatch(changed: Partial<OrgForm>): InputOf<'requests.updateOrganisation'> {
  const patch: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(changed)) {
    if (k === 'address') patch.address = splitList(String(v), '\n');
    else if (k === 'nameServers' || k === 'subAllocations') patch[k] = splitList(String(v), ',');
    else patch[k] = v;
  }
  return patch as InputOf<'requests.updateOrganisation'>;
}

export function SettingsScreen() {
  const { state, notify } = useWorkspace();
  const change = useChange();
  const read = useContractQuery('requests.getOrganisation', {}, { enabled: Boolean(state) });
  useReadFailure(read.error);
  const o = read.data;
  // One object per answer (not per render): the drafts rebase when the stored values change.
  const stored = useMemo(
    () =>
      o
        ? {
            org: toForm(o),
            contacts: { list: o.contacts },
            neighbours: neighbourMap(o.neighbours),
            order: o.neighbours.map((n) => n.asn),
          }
        : null,
    [o],
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const readOnly = state?.readOnly ?? true;
  const orgDraft = useDraft(stored?.org ?? null);
  const contactsDraft = useDraft(stored?.contacts ?? null);
  const neighboursDraft = useDraft(stored?.neighbours ?? null);

  const nsWarning = useNameServerCheck(orgDraft.draft?.nameServers ?? '');

  /** Saves a patch; the stored settings it answers with, or null when nothing was saved. */
  const saveWith = async (what: string, patch: InputOf<'requests.updateOrganisation'>): Promise<OrganisationSettings | null> => {
    if (Object.keys(patch).length === 0) {
      notify('info', `Nothing to save: no ${what.toLowerCase()} field was changed.`);
      return null;
    }
    try {
      const out = await change('requests.updateOrganisation', patch);
      setErrors({});
      notify('info', `${what} saved. Ctrl+Z undoes it.`);
      return out;
    } catch (e) {
      setErrors(errorsFrom(e));
      return null;
    }
  };

  const org = orgDraft.draft;
  const contacts = contactsDraft.draft?.list ?? [];
  const neighbourRows = neighboursDraft.draft ?? {};
  const neighbours = (stored?.order ?? []).map((asn) => neighbourRows[String(asn)]).filter((n): n is NeighbourRow => n !== undefined);
  if (!org)
    return (
      <section className="screen" aria-labelledby="settings-title">
        <h1 id="settings-title">Settings</h1>
      </section>
    );
  const set = (k: keyof OrgForm, v: string) => orgDraft.set({ [k]: v });
  const setContacts = (list: ContactRow[]) => contactsDraft.set({ list });
  const setContact = (i: number, patch: Partial<ContactRow>) => setContacts(contacts.map((c, k) => (k === i ? { ...c, ...patch } : c)));
  const toggleRole = (i: number, role: ContactRole, on: boolean) =>
    setContact(i, { roles: on ? [...contacts[i]!.roles, role] : contacts[i]!.roles.filter((r) => r !== role) });
  const setNeighbour = (asn: number, patch: Partial<NeighbourRow>) => {
    const row = neighbourRows[String(asn)];
    if (row) neighboursDraft.set({ [String(asn)]: { ...row, ...patch } });
  };

  return (
    <section className="screen settings" aria-labelledby="settings-title">
      <header className="screen-header">
        <h1 id="settings-title">Settings</h1>
        <span className="muted">Your organisation and contacts, used in every request draft and RPSL object</span>
      </header>

      <form
        className="set-card"
        aria-labelledby="set-org-title"
        onSubmit={(e) => {
          e.preventDefault();
          const sent = orgDraft.changes;
          void saveWith('Organisation', orgPatch(sent)).then((out) => out && orgDraft.saved(sent, toForm(out)));
        }}
      >
        <h2 id="set-org-title">Organisation</h2>
        <div className="set-grid">
          {ORG_FIELDS.map(([k, label, hint]) => (
            <Field
              key={k}
              label={label}
              error={errors[k] ?? liveProblem(k, String(org[k])) ?? undefined}
              hint={hint}
              warning={k === 'nameServers' ? nsWarning : undefined}
            >
              {(p) => <TextInput {...p} value={String(org[k])} disabled={readOnly} onChange={(e) => set(k, e.target.value)} />}
            </Field>
          ))}
          <Field label="Type" error={errors.role}>
            {(p) => (
              <select {...p} value={org.role} disabled={readOnly} onChange={(e) => set('role', e.target.value)}>
                <option value="lir">LIR / ISP (redistributes space)</option>
                <option value="end-user">End user</option>
              </select>
            )}
          </Field>
          <Field label="Postal address" error={Object.entries(errors).find(([k]) => k.startsWith('address'))?.[1]} hint="one line each">
            {(p) => <textarea {...p} rows={3} value={org.address} disabled={readOnly} onChange={(e) => set('address', e.target.value)} />}
          </Field>
        </div>
        <div className="set-actions">
          <button type="submit" className="primary" disabled={readOnly || ORG_FIELDS.some(([k]) => liveProblem(k, String(org[k])) !== null)}>
            Save organisation
          </button>
        </div>
      </form>

      <form
        className="set-card"
        aria-labelledby="set-contacts-title"
        onSubmit={(e) => {
          e.preventDefault();
          const sent = contactsDraft.changes;
          void saveWith('Contacts', sent.list ? { contacts: sent.list } : {}).then((out) => out && contactsDraft.saved(sent, { list: out.contacts }));
        }}
      >
        <h2 id="set-contacts-title">Contacts</h2>
        <p className="muted set-lead">The requester signs drafts; the admin and tech contacts’ NIC handles become admin-c and tech-c.</p>
        <table className="set-table" aria-label="Contacts">
          <thead>
            <tr>
              <th>Name</th>
              <th>E-mail</th>
              <th>Phone</th>
              <th>NIC handle</th>
              <th>Roles</th>
              <th className="sr-only">Remove</th>
            </tr>
          </thead>
          <tbody>
            {contacts.map((c, i) => (
              <tr key={i} data-contact={i}>
                {(['name', 'email', 'phone', 'handle'] as const).map((k) => (
                  <td key={k}>
                    <TextInput
                      aria-label={`Contact ${i + 1} ${k === 'handle' ? 'NIC handle' : k}`}
                      aria-invalid={Boolean(errors[`contacts.${i}.${k}`])}
                      value={c[k]}
                      disabled={readOnly}
                      onChange={(e) => setContact(i, { [k]: e.target.value })}
                    />
                    {errors[`contacts.${i}.${k}`] ? <div className="field-error">{errors[`contacts.${i}.${k}`]}</div> : null}
                  </td>
                ))}
                <td className="set-roles">
                  {CONTACT_ROLES.map((r) => (
                    <label key={r}>
                      <input type="checkbox" checked={c.roles.includes(r)} disabled={readOnly} onChange={(e) => toggleRole(i, r, e.target.checked)} /> {r}
                    </label>
                  ))}
                </td>
                <td>
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={`Remove contact ${i + 1}`}
                    disabled={readOnly}
                    onClick={() => setContacts(contacts.filter((_, k) => k !== i))}
                  >
                    ✕
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="set-actions">
          <button type="button" disabled={readOnly} onClick={() => setContacts([...contacts, emptyContact()])}>
            Add contact
          </button>
          <button type="submit" className="primary" disabled={readOnly}>
            Save contacts
          </button>
        </div>
      </form>

      <form
        className="set-card"
        aria-labelledby="set-neighbours-title"
        onSubmit={(e) => {
          e.preventDefault();
          const sent = neighboursDraft.changes;
          const changed = Object.values(sent).filter((n): n is NeighbourRow => n !== undefined);
          void saveWith(
            'Neighbours',
            changed.length === 0
              ? {}
              : {
                  neighbours: changed.map((n) => ({
                    asn: n.asn,
                    relation: n.relation,
                    contact: n.contact,
                    email: n.email,
                    phone: n.phone,
                    contractSigned: n.contractSigned,
                  })),
                },
          ).then((out) => out && neighboursDraft.saved(sent, neighbourMap(out.neighbours)));
        }}
      >
        <h2 id="set-neighbours-title">Neighbours</h2>
        <p className="muted set-lead">
          The ASNs of the registry: which is ours, which are upstreams and peers. They become the aut-num’s import and export lines.
        </p>
        {neighbours.length === 0 ? (
          <p className="muted">No ASNs in the registry yet.</p>
        ) : (
          <table className="set-table" aria-label="Neighbours">
            <thead>
              <tr>
                <th>ASN</th>
                <th>Description</th>
                <th>Relation</th>
                <th>Peering contact</th>
                <th>E-mail</th>
                <th>Contract signed</th>
              </tr>
            </thead>
            <tbody>
              {neighbours.map((n) => (
                <tr key={n.asn} data-asn={n.asn}>
                  <td className="mono">AS{n.asn}</td>
                  <td>{n.description}</td>
                  <td>
                    <select
                      aria-label={`Relation of AS${n.asn}`}
                      value={n.relation}
                      disabled={readOnly}
                      onChange={(e) => setNeighbour(n.asn, { relation: e.target.value as NeighbourRelation, guessed: false })}
                    >
                      {NEIGHBOUR_RELATIONS.map((r) => (
                        <option key={r} value={r}>
                          {RELATION_LABEL[r]}
                        </option>
                      ))}
                    </select>
                    {n.guessed ? <span className="set-guess muted"> guessed</span> : null}
                  </td>
                  <td>
                    <TextInput
                      aria-label={`Peering contact of AS${n.asn}`}
                      value={n.contact}
                      disabled={readOnly}
                      onChange={(e) => setNeighbour(n.asn, { contact: e.target.value })}
                    />
                  </td>
                  <td>
                    <TextInput
                      aria-label={`E-mail of AS${n.asn}`}
                      value={n.email}
                      disabled={readOnly}
                      onChange={(e) => setNeighbour(n.asn, { email: e.target.value })}
                    />
                  </td>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`Contract with AS${n.asn} signed`}
                      checked={n.contractSigned}
                      disabled={readOnly}
                      onChange={(e) => setNeighbour(n.asn, { contractSigned: e.target.checked })}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <div className="set-actions">
          <button type="submit" className="primary" disabled={readOnly || neighbours.length === 0}>
            Save neighbours
          </button>
        </div>
        {errors._ ? <div className="form-error">{errors._}</div> : null}
      </form>
    </section>
  );
}
