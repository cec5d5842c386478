/**
 * The demo's upstream links (issue 12, item 9), so the forecast board shows a link and its
 * order-by date out of the box: a 1 Gb/s transit and a 200 Mb/s satellite backup, each with a
 * year of monthly 95th-percentile readings. The transit grows about 4 % a month and crosses
 * its 80 % threshold in the second half of 2027, so its order-by date (90 days earlier) is near.
 */
import { DEFAULT_LINK_THRESHOLD_FRAC } from '../../../shared/forecast';
import type { Tx } from '../workspace/tx';

export const DEMO_LINKS: { name: string; capacityBps: number; commitBps: number | null; description: string; readings: [string, number][] }[] = [
  {
    name: 'Transit A',
    capacityBps: 1e9,
    commitBps: 300e6,
    description: 'IP transit from Transit A (AS64500), 1 Gb/s port, 300 Mb/s commit',
    readings: [
      ['2025-12-01', 405e6],
      ['2026-01-01', 418e6],
      ['2026-02-01', 436e6],
      ['2026-03-01', 447e6],
      ['2026-04-01', 469e6],
      ['2026-05-01', 482e6],
      ['2026-06-01', 497e6],
      ['2026-07-01', 521e6],
      ['2026-08-01', 530e6],
      ['2026-09-01', 556e6],
      ['2026-10-01', 571e6],
      ['2026-11-01', 590e6],
    ],
  },
  {
    name: 'Satellite backup',
    capacityBps: 200e6,
    commitBps: null,
    description: 'VSAT backup path, used when the fibre is down',
    readings: [
      ['2026-01-01', 12e6],
      ['2026-03-01', 9e6],
      ['2026-05-01', 15e6],
      ['2026-07-01', 11e6],
      ['2026-09-01', 14e6],
      ['2026-11-01', 13e6],
    ],
  },
];

export function seedDemoLinks(tx: Tx, now: Date): void {
  const at = now.toISOString();
  for (const l of DEMO_LINKS) {
    const id = tx.insert('links', {
      name: l.name,
      capacity_bps: l.capacityBps,
      commit_bps: l.commitBps,
      threshold_frac: DEFAULT_LINK_THRESHOLD_FRAC,
      lead_days: null,
      description: l.description,
      created_at: at,
    });
    for (const [date, p95] of l.readings) tx.insert('link_readings', { link_id: id, date, p95_bps: p95 });
  }
}
