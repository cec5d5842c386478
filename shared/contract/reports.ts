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
};
