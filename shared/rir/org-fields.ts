/**
 * What the Settings fields must hold before they are stored (issue 14, item 8; docs/registry.md
 * §8), each with a message naming the field in plain words. Pure: the contract refuses with
 * them on every transport, and the Settings form checks as you type with the same functions.
 */

/**
 * ISO 3166-1 alpha-2: the 249 officially assigned codes (ISO 3166 Maintenance Agency, as
 * shipped by Debian's iso-codes 4.15.0, /usr/share/iso-codes/json/iso_3166-1.json; a test
 * compares this list with that file where it is installed).
 */
export const ISO_3166_ALPHA2: ReadonlySet<string> = new Set(
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'.split(
    ' ',
  ),
);

/** The problem with a country code, or null. Empty is allowed (not filled in yet). */
export function countryProblem(text: string): string | null {
  const t = text.trim();
  if (t === '') return null;
  if (!/^[A-Za-z]{2}$/.test(t)) return 'must be a two-letter ISO 3166 country code, such as NL or US';
  if (!ISO_3166_ALPHA2.has(t.toUpperCase())) return `"${t}" is not an ISO 3166 country code`;
  return null;
}

/** The problem with a website address, or null: an http(s) URL with a host name. Empty is allowed. */
export function urlProblem(text: string): string | null {
  const t = text.trim();
  if (t === '') return null;
  let u: URL;
  try {
    u = new URL(t);
  } catch {
    return 'must be a web address such as https://www.example.net';
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return 'must start with https:// or http://';
  if (!u.hostname.includes('.') || /\s/.test(t)) return 'must name a host, such as https://www.example.net';
  return null;
}

/**
 * The problem with a maintainer (mntner) name, or null. RPSL object names (RFC 2622 §2): letters,
 * digits, "_" and "-", starting with a letter and ending with a letter or a digit; the RIR
 * databases allow up to 80 characters. Empty is allowed.
 */
export function mntnerProblem(text: string): string | null {
  const t = text.trim();
  if (t === '') return null;
  if (t.length > 80) return 'must be at most 80 characters';
  if (!/^[A-Za-z]/.test(t)) return 'must start with a letter (RPSL object names, RFC 2622)';
  if (!/^[A-Za-z0-9_-]+$/.test(t)) return 'may hold only letters, digits, "_" and "-" (RPSL object names, RFC 2622)';
  if (!/[A-Za-z0-9]$/.test(t)) return 'must end with a letter or a digit (RPSL object names, RFC 2622)';
  return null;
}

/** A host name (RFC 1123 §2.1): dot-separated labels of letters, digits and inner hyphens, ≤ 63 each, ≤ 253 in all. */
export function isHostName(text: string): boolean {
  const t = text.replace(/\.$/, '');
  if (t.length === 0 || t.length > 253 || !t.includes('.')) return false;
  return t.split('.').every((l) => /^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/.test(l));
}

/**
 * The problem with the name servers, or null: none yet, or two or more (RFC 1034 §4.1: "every zone
 * [is] available on at least two servers"), each a host name, none twice.
 */
export function nameServersProblem(list: readonly string[]): string | null {
  if (list.length === 0) return null;
  const bad = list.findIndex((n) => !isHostName(n.trim()));
  if (bad >= 0) return `"${list[bad]}" is not a host name, such as ns1.example.net`;
  const seen = new Set<string>();
  for (const n of list) {
    const k = n.trim().toLowerCase().replace(/\.$/, '');
    if (seen.has(k)) return `${n.trim()} is named twice`;
    seen.add(k);
  }
  if (list.length < 2) return 'give two or more name servers: every zone is served by at least two (RFC 1034 §4.1)';
  return null;
}
