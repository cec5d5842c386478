/**
 * `export WS --format F --out FILE [--within CIDR]`: each format produces the file's bytes from
 * the workspace through the contract; the command writes them atomically (temp file + rename).
 * Areas add their formats here (one entry each).
 */
import type { Caller } from '../command';

export interface ExportFormatSpec {
  summary: string;
  produce(call: Caller, opts: { within?: string | undefined; space?: string | undefined }): Promise<string>;
}

const registryFormat = (format: 'csv' | 'netbox' | 'delegated', summary: string): ExportFormatSpec => ({
  summary,
  async produce(call, opts) {
    return (await call('registry.export', { format, within: opts.within, space: opts.space })).text;
  },
});

export const exportFormats: Record<string, ExportFormatSpec> = {
  csv: registryFormat('csv', 'prefix,status,description,space,date (RFC 4180, UTF-8)'),
  netbox: registryFormat('netbox', "NetBox's prefix import CSV (prefix,status,vrf,description)"),
  delegated: registryFormat('delegated', "an RIR delegated stats file of the aggregates and ASNs"),
};
