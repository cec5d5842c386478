/**
 * Where the real public sample files live: test/fixtures/rir-stats (RIR statistics exchange
 * files) and test/fixtures/rpsl (RPSL dumps), copied byte for byte from their public sources
 * (test/fixtures/DATA-SOURCES.md gives each one's repository, commit and licence).
 */
import { join } from 'node:path';

const FIXTURES = join(__dirname, '..', 'fixtures');

/** A real RIR statistics file: `rirStats('delegated-arin-20130812')`, `rirStats('nro-samples', '…')`. */
export const rirStats = (...parts: string[]): string => join(FIXTURES, 'rir-stats', ...parts);

/** A real RPSL sample file under test/fixtures/rpsl. */
export const rpslSample = (...parts: string[]): string => join(FIXTURES, 'rpsl', ...parts);
