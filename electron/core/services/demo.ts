/** The bundled demo workspace: a small ISP in documentation space (resources/demo). */
import { readFileSync } from 'node:fs';
import type { PrefixStatus } from '../../../shared/contract';
import type { Workspace } from '../workspace/workspace';
import { resourcePath } from './paths';
import { seedDemoDhcp } from './dhcp-demo';
import { seedDemoFacility } from './facility-demo';
import { seedDemoLinks } from './links-demo';
import { insertPrefix } from './registry';

interface DemoData {
  name: string;
  prefixes: { prefix: string; status: PrefixStatus; description: string; space?: string; unit?: number; date?: string; rir?: string }[];
  asns: { asn: number; description: string; date?: string }[];
  asnRanges?: { name: string; first: number; last: number; description: string; date: string }[];
}

export function readDemoData(): DemoData {
  return JSON.parse(readFileSync(resourcePath('demo', 'demo-workspace.json'), 'utf8')) as DemoData;
}

/**
 * Loads the demo data as one recorded action that is part of creating the workspace: it shows
 * in the history but is not undoable (a first Ctrl+Z must not empty the demo).
 */
export function seedDemo(ws: Workspace): void {
  const data = readDemoData();
  ws.mutate(
    'workspace.loadDemo',
    `Load the demo ISP "${data.name}"`,
    (tx) => {
      for (const p of data.prefixes) insertPrefix(tx, p, ws.now());
      const at = ws.now().toISOString();
      for (const a of data.asns) tx.insert('asns', { asn: a.asn, description: a.description, date: a.date ?? at.slice(0, 10), created_at: at });
      for (const r of data.asnRanges ?? []) tx.insert('asn_ranges', { ...r, created_at: at });
      tx.insert('settings', { key: 'organisation.name', value: JSON.stringify(data.name) });
      seedDemoFacility(tx, ws.now());
      seedDemoDhcp(tx, ws.now());
      seedDemoLinks(tx, ws.now());
    },
    { undoable: false },
  );
}
