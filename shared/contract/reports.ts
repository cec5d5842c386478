/**
 * reports.*: renderings of the workspace that leave it as files (DESIGN.md "Exports"): the
 * registry's RPSL objects, its reverse-DNS zones for BIND, DHCPv4 configurations for ISC dhcpd
 * and Kea built from the plan, and the allocation report as HTML (printed to PDF by the CLI
 * with Chromium, by the app with printToPDF). The registry's own CSV, NetBox and delegated
 * exports are `registry.export`.
 */
import { z } from 'zod';
import { query } from './define';

export const REPORT_FORMATS = ['rpsl', 'bind', 'dhcpd', 'kea', 'zone', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface ReportExport {
  format: ReportFormat;
  /** The file's text. */
  text: string;
  /** What it holds: RPSL objects, zones, DHCP subnets or report rows. */
  items: number;
  /** Placeholders used and blocks left out, for the planner to review. */
  warnings: string[];
}

/**
 * The files of the Reports screen: exactly the CLI's `export --format` names (the bytes are the
 * CLI's), plus the request drafts (`request --format txt|md|pdf`). docs/exports.md says what each holds.
 */
export const REPORT_FILE_FORMATS = [
  'pdf',
  'report-csv',
  'csv',
  'netbox',
  'delegated',
  'rpsl',
  'bind',
  'dhcpd',
  'kea',
  'roa-slurm',
  'roa-csv',
  'roa-lacnic',
  'roa-arin',
  'roa-ripe',
  'request-pdf',
  'request-txt',
  'request-md',
  'sizing-pdf',
] as const;
export type ReportFileFormat = (typeof REPORT_FILE_FORMATS)[number];

export interface ReportFile {
  format: ReportFileFormat;
  /** The name the save dialog offers. */
  fileName: string;
  mime: string;
  /** The file's bytes, base64 (a PDF or any text file as UTF-8): what the CLI writes. Empty for a PDF asked with htmlOnly. */
  base64: string;
  /** A text file's text, for the preview; null for a PDF. */
  text: string | null;
  /** A PDF's source HTML, for the preview; null for a text file. */
  html: string | null;
  items: number;
  /** What the planner should review before sending the file anywhere. */
  warnings: string[];
  /** How the file is scoped, in words (ROA files and drafts always cover the whole workspace). */
  scope: string;
}

export const reportFileOps = {
  'reports.file': query<ReportFile>()(
    z.object({
      format: z.enum(REPORT_FILE_FORMATS, { error: () => `must be one of ${REPORT_FILE_FORMATS.join(', ')}` }),
      within: z.string().trim().max(60).optional(),
      space: z.string().trim().min(1, 'must not be empty').max(100).optional(),
      ns: z.array(z.string().trim().max(253)).max(13).optional(),
      /** Request drafts: which RIR and which request. */
      rir: z.enum(['arin', 'ripe', 'apnic', 'lacnic', 'afrinic']).optional(),
      kind: z.enum(['ipv4', 'ipv6', 'asn']).optional(),
      /** A PDF's preview: its HTML only, not printed (base64 is then empty); Save asks again without it. */
      htmlOnly: z.boolean().optional(),
      /** ROA files: AS0 ROAs for our aggregates' space that no route covers (`roa export --as0`). */
      as0: z.boolean().optional(),
      /** The facility sizing sheet: the site, by name (or id). */
      site: z.string().trim().min(1, 'must not be empty').max(200).optional(),
    }),
    'One file of the Reports screen, byte for byte what `headroom export` (or `request`) writes, with its preview and warnings',
  ),
};

export const reportsOps = {
  'reports.export': query<ReportExport>()(
    z.object({
      format: z.enum(REPORT_FORMATS, { error: () => `must be one of ${REPORT_FORMATS.join(', ')}` }),
      within: z.string().trim().max(60).optional(),
      space: z.string().trim().min(1, 'must not be empty').max(100).optional(),
      /** Name servers of the reverse zones; default: Settings → Organisation. */
      ns: z.array(z.string().trim().max(253)).max(13).optional(),
      rir: z.enum(['arin', 'ripe', 'apnic', 'lacnic', 'afrinic']).optional(),
      /** The forward zone of `zone` (its name, e.g. example.net). */
      zone: z.string().trim().max(253).optional(),
    }),
    'RPSL objects, BIND reverse zones, a forward zone, dhcpd.conf, Kea DHCPv4 JSON or the allocation report (HTML) of the workspace',
  ),
  ...reportFileOps,
};
