/**
 * Each RIR's service region as ISO 3166-1 alpha-2 codes (docs/rir.md §9), for the check that
 * the organisation is in the region of the RIR it asks (CHK-38). Sources: ARIN NRPM §9
 * ("Out of Region Use") and ARIN's service-region list; RIPE NCC service region list; APNIC,
 * LACNIC and AFRINIC "service region" pages. Territories follow the RIR that serves them.
 */
import type { Rir } from './rir';

const REGIONS: Readonly<Record<Rir, string>> = {
  arin: 'AG AI AQ AS BB BM BS BV CA DM GD GP HM KN KY LC MQ MS PM PR SH TC UM US VC VG VI',
  ripe: 'AD AE AL AM AT AX AZ BA BE BG BH BY CH CY CZ DE DK EE ES FI FO FR GB GE GG GI GL GR HR HU IE IL IM IQ IR IS IT JE JO KG KW KZ LB LI LT LU LV MC MD ME MK MT NL NO OM PL PS PT QA RO RS RU SA SE SI SJ SK SM SY TJ TM TR UA UZ VA YE',
  apnic:
    'AF AU BD BN BT CC CK CN CX FJ FM GU HK ID IN IO JP KH KI KP KR LA LK MH MM MN MO MP MV MY NC NF NP NR NU NZ PF PG PH PK PN PW SB SG TH TK TL TO TV TW VN VU WF WS',
  lacnic: 'AR AW BL BO BQ BR BZ CL CO CR CU CW DO EC FK GF GS GT GY HN HT JM MF MX NI PA PE PY SR SV SX TT UY VE',
  afrinic:
    'AO BF BI BJ BW CD CF CG CI CM CV DJ DZ EG EH ER ET GA GH GM GN GQ GW KE KM LR LS LY MA MG ML MR MU MW MZ NA NE NG RE RW SC SD SL SN SO SS ST SZ TD TG TN TZ UG YT ZA ZM ZW',
};

const BY_RIR: ReadonlyMap<Rir, ReadonlySet<string>> = new Map(
  (Object.entries(REGIONS) as [Rir, string][]).map(([rir, codes]) => [rir, new Set(codes.split(' '))]),
);

/** The RIR whose service region holds the country, or null for an unknown code. */
export function rirOfCountry(country: string): Rir | null {
  const cc = country.trim().toUpperCase();
  for (const [rir, set] of BY_RIR) if (set.has(cc)) return rir;
  return null;
}

/** True when the RIR serves the country. */
export function inServiceRegion(rir: Rir, country: string): boolean {
  return BY_RIR.get(rir)?.has(country.trim().toUpperCase()) ?? false;
}
