/**
 * Value syntax of RPSL keys and attributes as the RIPE Database checks them
 * (specs/rir-requests.md §4.1–§4.2, RIPE-whois AttributeSyntax). Each checker returns the
 * problem in a planner's words, or null when the value is fine.
 */
import { parseIPv4, validatePrefix } from '../ip/prefix';
import { parseDsRdata } from './ds-rdata';

export type SyntaxCheck = (value: string) => string | null;

/** RPSL reserved words that cannot name an object [RIPE-whois AttributeSyntax]. */
export const RPSL_RESERVED_WORDS: readonly string[] = [
  'any',
  'as-any',
  'rs-any',
  'peeras',
  'and',
  'or',
  'not',
  'atomic',
  'from',
  'to',
  'at',
  'action',
  'accept',
  'announce',
  'except',
  'refine',
  'networks',
  'into',
  'inbound',
  'outbound',
];
/** Prefixes reserved for set and irt classes. */
export const RPSL_RESERVED_PREFIXES: readonly string[] = ['as-', 'rs-', 'rtrs-', 'fltr-', 'prng-', 'irt-'];

const ASN_RE = /^AS(0|[1-9]\d{0,9})$/i;

export const checkAsNumber: SyntaxCheck = (v) =>
  ASN_RE.test(v) && Number(v.slice(2)) <= 4294967295 ? null : `"${v}" is not an AS number (AS0…AS4294967295, asplain)`;

export const checkInetnum: SyntaxCheck = (v) => {
  const m = /^(\S+)\s*-\s*(\S+)$/.exec(v.trim());
  if (!m) return `"${v}" must be a range "<first address> - <last address>"`;
  const a = parseIPv4(m[1]!);
  const b = parseIPv4(m[2]!);
  if (a === null || b === null) return `"${v}" must hold two IPv4 addresses`;
  if (a > b) return `"${v}": the first address is after the last`;
  return null;
};

function checkPrefix(family: 4 | 6): SyntaxCheck {
  return (v) => {
    if (family === 4 && !/^\d+\.\d+\.\d+\.\d+\//.test(v)) return `"${v}" must be an IPv4 prefix with four octets (e.g. 198.51.100.0/24)`;
    const [p, err] = validatePrefix(v, 'prefix');
    if (!p) return err;
    if (p.family !== family) return `"${v}" is not an IPv${family} prefix`;
    return null;
  };
}
export const checkInet6num = checkPrefix(6);
export const checkRoute = checkPrefix(4);
export const checkRoute6 = checkPrefix(6);

const OBJECT_NAME_RE = /^[A-Z]([A-Z0-9_-]{0,78}[A-Z0-9])?$/i;

function reservedProblem(v: string, allowSetPrefix: string | null): string | null {
  const lower = v.toLowerCase();
  if (RPSL_RESERVED_WORDS.includes(lower)) return `"${v}" is an RPSL reserved word`;
  const prefix = RPSL_RESERVED_PREFIXES.find((p) => lower.startsWith(p));
  if (prefix && prefix !== allowSetPrefix) return `names starting "${prefix}" are reserved for set and irt objects`;
  return null;
}

const NAME_RULE = 'must start with a letter, hold only letters, digits, "_" or "-", end with a letter or digit, ≤ 80 characters';

/** mntner (and other object) names: a letter first, letters/digits/`_`/`-`, alphanumeric last, ≤ 80, no reserved word or prefix. */
export const checkObjectName: SyntaxCheck = (v) => (OBJECT_NAME_RE.test(v) ? reservedProblem(v, null) : `"${v}" ${NAME_RULE}`);

/** netname and as-name: the same shape, reserved words allowed. */
export const checkNetname: SyntaxCheck = (v) => (OBJECT_NAME_RE.test(v) ? null : `"${v}" ${NAME_RULE}`);

/** A comma-separated list of object names (RIPE accepts `mnt-by: A-MNT, B-MNT`). */
export const checkObjectNameList: SyntaxCheck = (v) => {
  for (const name of v.split(',').map((x) => x.trim())) {
    const problem = checkObjectName(name);
    if (problem) return problem;
  }
  return null;
};

// Patterns below follow RIPE-whois AttributeSyntax (NIC_HANDLE, ORGANISATION, PHONE, AUTH_SCHEME).
const NIC_HDL_RE = /^([A-Z]{2,4}([1-9]\d{0,5})?(-[A-Z]{2,10})?|AUTO-[1-9]\d*([A-Z]{2,4})?)$/i;
export const checkNicHdl: SyntaxCheck = (v) =>
  v.length <= 30 && NIC_HDL_RE.test(v) ? null : `"${v}" is not a NIC handle (2–4 letters, optional number, optional -SOURCE; or AUTO-n)`;

const ORG_RE = /^(ORG-[A-Z]{2,4}([1-9]\d{0,5})?-[A-Z][A-Z0-9_-]*[A-Z0-9]|AUTO-[1-9]\d*([A-Z]{2,4})?)$/i;
export const checkOrganisation: SyntaxCheck = (v) =>
  v.length <= 30 && ORG_RE.test(v) ? null : `"${v}" is not an organisation id (ORG-<2–4 letters><number>-<SOURCE> or AUTO-n)`;

export const checkCountry: SyntaxCheck = (v) => (/^[A-Z]{2}$/i.test(v) ? null : `"${v}" is not an ISO 3166 two-letter country code`);

export const checkPhone: SyntaxCheck = (v) =>
  v.length <= 30 && /^\+[0-9. -]+(\([0-9. -]+\)[0-9. -]+)?(ext\.[0-9. -]+)?$/i.test(v)
    ? null
    : `"${v}" is not a phone number (+, digits, spaces, dots, hyphens; optional (…) and ext.; ≤ 30 characters)`;

export const checkEmail: SyntaxCheck = (v) => (/^[^\s@]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/.test(v) ? null : `"${v}" is not an e-mail address`);

export const checkAuth: SyntaxCheck = (v) =>
  /^(MD5-PW \$1\$[A-Z0-9./]{1,8}\$[A-Z0-9./]{22}|PGPKEY-[A-F0-9]{8}|SSO .+@.+|X509-[1-9][0-9]{0,19}|AUTO-[1-9][0-9]*)$/i.test(v)
    ? null
    : `"${v}" is not an auth value (SSO <e-mail>, PGPKEY-<8 hex>, X509-<n> or MD5-PW $1$<salt>$<hash>)`;

export const ORG_TYPES: readonly string[] = ['IANA', 'RIR', 'NIR', 'LIR', 'WHITEPAGES', 'DIRECT_ASSIGNMENT', 'OTHER'];
export const checkOrgType: SyntaxCheck = (v) => (ORG_TYPES.includes(v.toUpperCase()) ? null : `"${v}" is not an org-type (${ORG_TYPES.join(', ')})`);

const AS_SET_COMPONENT_RE = /^AS-[A-Z0-9_-]*[A-Z0-9]$/i;

/**
 * as-set names: `AS-NAME` or hierarchical `ASn:AS-NAME[:…]` (≤ 80 characters, at least one
 * `AS-` component, no reserved word). With `requireHierarchical` (RIPE, new objects) the name
 * must start with an AS number: RIPE only accepts new as-sets as `ASn:AS-…` (CHK-30).
 */
export function checkAsSetName(v: string, requireHierarchical = false): string | null {
  if (v.length > 80) return `"${v}" is longer than 80 characters`;
  const parts = v.split(':');
  let hasSet = false;
  for (const p of parts) {
    if (AS_SET_COMPONENT_RE.test(p)) {
      if (RPSL_RESERVED_WORDS.includes(p.toLowerCase())) return `"${p}" is an RPSL reserved word`;
      hasSet = true;
    } else if (checkAsNumber(p) !== null) {
      return `"${v}": component "${p}" is neither an AS number nor an AS- name (letters, digits, "_" or "-", ending alphanumeric)`;
    }
  }
  if (!hasSet) return `"${v}" needs an AS- component`;
  if (requireHierarchical && (parts.length < 2 || checkAsNumber(parts[0]!) !== null)) {
    return `"${v}": new as-sets must be hierarchical, ASn:AS-NAME (e.g. AS64500:AS-CUSTOMERS)`;
  }
  return null;
}

const DOMAIN_LABEL_RE = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * A reverse-domain name: labels under `in-addr.arpa` or `ip6.arpa`; RIPE's dash label
 * `A-B` is accepted only for a range that is not the full /24 (CHK-32).
 */
export const checkReverseDomain: SyntaxCheck = (raw) => {
  const v = raw.toLowerCase().replace(/\.$/, '');
  if (!v.endsWith('.in-addr.arpa') && !v.endsWith('.ip6.arpa')) return `"${raw}" is not under in-addr.arpa or ip6.arpa`;
  const labels = v.split('.');
  if (v.endsWith('.ip6.arpa')) {
    const nibbles = labels.slice(0, -2);
    if (nibbles.length === 0 || nibbles.some((l) => !/^[0-9a-f]$/.test(l))) return `"${raw}" must be one hex digit per label (nibble boundary)`;
    return null;
  }
  const octets = labels.slice(0, -2);
  if (octets.length === 0 || octets.length > 4) return `"${raw}" must hold one to four octet labels`;
  for (let i = 0; i < octets.length; i++) {
    const l = octets[i]!;
    const dash = /^(\d{1,3})-(\d{1,3})$/.exec(l);
    if (dash && i === 0 && octets.length === 4) {
      const a = Number(dash[1]);
      const b = Number(dash[2]);
      if (a > 255 || b > 255 || a > b) return `"${raw}": range label ${l} is not a range of octets`;
      if (a === 0 && b === 255) return `"${raw}": a dash label covering the full /24 is refused; use ${labels.slice(1).join('.')}`;
      continue;
    }
    if (!/^(0|[1-9]\d{0,2})$/.test(l) || Number(l) > 255) return `"${raw}": label "${l}" is not an octet`;
  }
  if (!labels.every((l) => DOMAIN_LABEL_RE.test(l))) return `"${raw}" is not a domain name`;
  return null;
};

export const checkDsRdata: SyntaxCheck = (v) => {
  try {
    parseDsRdata(v);
    return null;
  } catch (e) {
    return (e as Error).message;
  }
};

export const checkNserver: SyntaxCheck = (v) => {
  const [host, glue, extra] = v.trim().split(/\s+/);
  if (!host || extra !== undefined) return `"${v}" must be "<host> [<glue address>]"`;
  if (!/^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.?$/i.test(host)) return `"${host}" is not a host name`;
  if (glue !== undefined && parseIPv4(glue) === null && validatePrefix(`${glue}/128`)[0] === null) return `glue "${glue}" is not an address`;
  return null;
};

export const checkAssignmentSize: SyntaxCheck = (v) => (/^(0|[1-9]\d{0,2})$/.test(v) && Number(v) <= 128 ? null : `"${v}" is not a prefix length`);
