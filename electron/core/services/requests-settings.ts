/**
 * What request drafts read from the `settings` table: the organisation, its contacts, how each
 * ASN of the registry relates to us (own, upstream, peer), the planner's edits per RIR and kind,
 * and the hand-ticked checklist steps. Values are JSON; every write goes through a Tx, so it is
 * journaled and undoable like any other change.
 */
import type { ContactRow, NeighbourRelation, NeighbourRow, OrganisationSettings, RequestEdits, RequestKindName, RequestRir } from '../../../shared/contract';
import type { Tx } from '../workspace/tx';
import type { Workspace } from '../workspace/workspace';

type Reader = Pick<Workspace, 'get' | 'all'> | Tx;

export const KEYS = {
  name: 'organisation.name',
  profile: 'organisation.profile',
  contacts: 'organisation.contacts',
  neighbours: 'organisation.neighbours',
  checklist: 'requests.checklist',
  draft: (rir: RequestRir, kind: RequestKindName) => `requests.draft.${rir}.${kind}`,
} as const;

export function readSetting<T>(ws: Reader, key: string): T | undefined {
  const row = ws.get('SELECT value FROM settings WHERE key = ?', [key]);
  if (!row) return undefined;
  try {
    return JSON.parse(String(row.value)) as T;
  } catch {
    return undefined;
  }
}

/** Inserts, updates or (for undefined) deletes one setting, recording the change. */
export function writeSetting(tx: Tx, key: string, value: unknown): void {
  const row = tx.get('SELECT id, value FROM settings WHERE key = ?', [key]);
  if (value === undefined) {
    if (row) tx.delete('settings', Number(row.id));
    return;
  }
  const text = JSON.stringify(value);
  if (!row) tx.insert('settings', { key, value: text });
  else if (String(row.value) !== text) tx.update('settings', Number(row.id), { value: text });
}

export interface Profile {
  tradingName?: string;
  address?: string[];
  country?: string;
  website?: string;
  accountId?: string;
  role?: 'lir' | 'end-user';
  orgHandle?: string;
  mntner?: string;
  nameServers?: string[];
  // Added by issue 11 (absent in older workspaces: read as empty, no migration).
  subAllocations?: string[];
  abuseC?: string;
  apnicIrt?: string;
  arinOrgId?: string;
  arinAdminPoc?: string;
  arinTechPoc?: string;
  arinAbusePoc?: string;
}

interface StoredNeighbour {
  asn: number;
  relation: NeighbourRelation;
  contact?: string;
  email?: string;
  phone?: string;
  contractSigned?: boolean;
}

/**
 * The relation an ASN's description suggests until the planner sets one: "our AS" is ours,
 * "upstream"/"transit" an upstream, "peer"/"IX"/"route server" a peer.
 */
export function guessRelation(description: string): NeighbourRelation {
  const d = description.toLowerCase();
  if (/\bour (own )?as\b|\bour asn?\b|\(ours?\)/.test(d)) return 'own';
  if (/upstream|transit/.test(d)) return 'upstream';
  if (/\bpeer|\bix\b|\bixp\b|route server|exchange/.test(d)) return 'peer';
  return 'none';
}

export function readNeighbours(ws: Reader): NeighbourRow[] {
  const stored = new Map((readSetting<StoredNeighbour[]>(ws, KEYS.neighbours) ?? []).map((n) => [n.asn, n]));
  return ws.all('SELECT asn, description FROM asns ORDER BY asn').map((r) => {
    const asn = Number(r.asn);
    const description = String(r.description ?? '');
    const s = stored.get(asn);
    return {
      asn,
      description,
      relation: s?.relation ?? guessRelation(description),
      guessed: s === undefined,
      contact: s?.contact ?? '',
      email: s?.email ?? '',
      phone: s?.phone ?? '',
      contractSigned: s?.contractSigned ?? false,
    };
  });
}

export function readOrganisation(ws: Reader): OrganisationSettings {
  const p = readSetting<Profile>(ws, KEYS.profile) ?? {};
  return {
    legalName: readSetting<string>(ws, KEYS.name) ?? '',
    tradingName: p.tradingName ?? '',
    address: p.address ?? [],
    country: p.country ?? '',
    website: p.website ?? '',
    accountId: p.accountId ?? '',
    role: p.role ?? 'lir',
    orgHandle: p.orgHandle ?? '',
    mntner: p.mntner ?? '',
    nameServers: p.nameServers ?? [],
    contacts: readSetting<ContactRow[]>(ws, KEYS.contacts) ?? [],
    neighbours: readNeighbours(ws),
    subAllocations: p.subAllocations ?? [],
    abuseC: p.abuseC ?? '',
    apnicIrt: p.apnicIrt ?? '',
    arinOrgId: p.arinOrgId ?? '',
    arinAdminPoc: p.arinAdminPoc ?? '',
    arinTechPoc: p.arinTechPoc ?? '',
    arinAbusePoc: p.arinAbusePoc ?? '',
  };
}

export type OrganisationPatch = Partial<Omit<OrganisationSettings, 'neighbours'>> & { neighbours?: StoredNeighbour[] };

/** Writes the parts of the patch that are given; the rest stays. */
export function writeOrganisation(tx: Tx, patch: OrganisationPatch): void {
  if (patch.legalName !== undefined) writeSetting(tx, KEYS.name, patch.legalName);
  const old = readSetting<Profile>(tx, KEYS.profile) ?? {};
  const next: Profile = { ...old };
  for (const k of [
    'tradingName',
    'address',
    'country',
    'website',
    'accountId',
    'role',
    'orgHandle',
    'mntner',
    'nameServers',
    'subAllocations',
    'abuseC',
    'apnicIrt',
    'arinOrgId',
    'arinAdminPoc',
    'arinTechPoc',
    'arinAbusePoc',
  ] as const) {
    if (patch[k] !== undefined) (next as Record<string, unknown>)[k] = k === 'country' ? String(patch[k]).toUpperCase() : patch[k];
  }
  writeSetting(tx, KEYS.profile, next);
  if (patch.contacts !== undefined) writeSetting(tx, KEYS.contacts, patch.contacts);
  if (patch.neighbours !== undefined) {
    const merged = new Map((readSetting<StoredNeighbour[]>(tx, KEYS.neighbours) ?? []).map((n) => [n.asn, n]));
    for (const n of patch.neighbours) merged.set(n.asn, n);
    writeSetting(
      tx,
      KEYS.neighbours,
      [...merged.values()].sort((a, b) => a.asn - b.asn),
    );
  }
}

export function readEdits(ws: Reader, rir: RequestRir, kind: RequestKindName): RequestEdits {
  return readSetting<RequestEdits>(ws, KEYS.draft(rir, kind)) ?? {};
}

/** Merges edits into the stored ones; a null value removes that edit. */
export function mergeEdits(old: RequestEdits, patch: RequestEdits): RequestEdits {
  const out: Record<string, unknown> = { ...old };
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else if (v !== undefined) out[k] = v;
  }
  return out as RequestEdits;
}

/** Contact holding a role (the first one), else the first contact. */
export function contactFor(org: OrganisationSettings, role: ContactRow['roles'][number]): ContactRow | undefined {
  return org.contacts.find((c) => c.roles.includes(role)) ?? org.contacts[0];
}
