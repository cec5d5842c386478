/**
 * Validator exports shaped like the real ones, for the routing tests:
 * - rpki-client `json` (metadata with buildmachine/buildtime/counters; `asn` as "AS64496" in the
 *   releases before 8.x, as a number since; `ta`, `expires`),
 * - Routinator `--format json` (metadata generated/generatedTime; `asn` "AS64496", `ta`),
 * - Routinator `--format jsonext` (each VRP with its `source` list of ROA URIs and validity).
 * The shapes follow Routinator's own test outputs (test/output/*.json, *.jsonext) and an
 * rpki-client json file as published by operators.
 */

export interface TestVrp {
  asn: number;
  prefix: string;
  maxLength: number;
  ta: string;
}

export function rpkiClientJson(vrps: readonly TestVrp[], options: { numericAsn?: boolean } = {}): string {
  return JSON.stringify({
    metadata: {
      buildmachine: 'rpki01.example.net',
      buildtime: '2026-12-01T08:04:49Z',
      elapsedtime: '133',
      usertime: '41',
      systemtime: '12',
      roas: vrps.length,
      failedroas: 0,
      invalidroas: 0,
      certificates: 49,
      tals: 5,
      talfiles: '/etc/rpki/afrinic.tal /etc/rpki/apnic.tal /etc/rpki/arin.tal /etc/rpki/lacnic.tal /etc/rpki/ripe.tal',
      manifests: 49,
      crls: 6,
      repositories: 9,
      vrps: vrps.length,
      uniquevrps: vrps.length,
    },
    roas: vrps.map((v) => ({ asn: options.numericAsn ? v.asn : `AS${v.asn}`, prefix: v.prefix, maxLength: v.maxLength, ta: v.ta, expires: 1796000000 })),
  });
}

export function routinatorJson(vrps: readonly TestVrp[]): string {
  return JSON.stringify(
    {
      metadata: { generated: 1796000000, generatedTime: '2026-12-01T08:00:00Z' },
      roas: vrps.map((v) => ({ asn: `AS${v.asn}`, prefix: v.prefix, maxLength: v.maxLength, ta: v.ta })),
    },
    null,
    2,
  );
}

export function routinatorJsonext(vrps: readonly TestVrp[]): string {
  return JSON.stringify({
    metadata: { generated: 1796000000, generatedTime: '2026-12-01T08:00:00Z' },
    roas: vrps.map((v, i) => ({
      asn: `AS${v.asn}`,
      prefix: v.prefix,
      maxLength: v.maxLength,
      source: [
        {
          type: 'roa',
          uri: `rsync://rpki.example.net/repository/${v.ta}/${i.toString(16).padStart(8, '0')}.roa`,
          validity: { notBefore: '2026-01-01T00:00:00Z', notAfter: '2027-01-01T00:00:00Z' },
          chainValidity: { notBefore: '2026-01-01T00:00:00Z', notAfter: '2027-01-01T00:00:00Z' },
          stale: '2026-12-02T08:00:00Z',
        },
      ],
    })),
    routerKeys: [],
    aspas: [],
  });
}

/** `n` VRPs for space that is not ours (1.0.0.0/8 upwards), deterministic. */
export function strangersVrps(n: number): TestVrp[] {
  const out: TestVrp[] = [];
  for (let i = 0; i < n; i++) {
    const a = 1 + (i % 90);
    const b = (i * 7) % 256;
    out.push({ asn: 13335 + (i % 50), prefix: `${a}.${b}.${i % 256}.0/24`, maxLength: 24, ta: ['ripe', 'arin', 'apnic', 'lacnic', 'afrinic'][i % 5]! });
  }
  out.push({ asn: 64512, prefix: '2a00:1450::/32', maxLength: 48, ta: 'ripe' });
  return out;
}
