import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The slowest test files, slowest first (seconds on the 2-core CI machine, from a full run of
 * 2026-12-03). Vitest hands files to its two workers in order, and on a clean clone it has no
 * timings of its own yet: it would start the larger files first, and a small but slow file (the
 * kill -9 test: 3 tests, 270 s) could start last and keep one worker busy alone for minutes.
 * Starting the longest first lets both workers finish together. A name missing here only runs in
 * vitest's own order; the list orders, it never selects.
 */
const SLOWEST_FIRST = [
  'test/e2e/registry.test.ts', // 361 s
  'test/unit/electron/cli/registry-commands.test.ts', // 327 s
  'test/unit/electron/cli/crash.test.ts', // 270 s
  'test/e2e/asns.test.ts', // 187 s
  'test/e2e/forecast.test.ts', // 147 s
  'test/e2e/reports.test.ts', // 130 s
  'test/e2e/facility.test.ts', // 118 s
  'test/e2e/registry-edit.test.ts', // 112 s
  'test/e2e/requests.test.ts', // 105 s
  'test/unit/electron/cli/routing-commands.test.ts', // 83 s
  'test/e2e/facility-circuits.test.ts', // 79 s
  'test/unit/electron/cli/workspace-commands.test.ts', // 70 s
  'test/e2e/areas.test.ts', // 65 s
  'test/e2e/links.test.ts', // 64 s
  'test/e2e/screens.test.ts', // 62 s
];

class SlowestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (f: TestSpecification): number => {
      const i = SLOWEST_FIRST.findIndex((name) => f.moduleId.replaceAll('\\', '/').endsWith(name));
      return i < 0 ? SLOWEST_FIRST.length : i;
    };
    // Array.prototype.sort is stable: the files not listed keep vitest's order after the listed.
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['node_modules', 'dist', 'test/fixtures/**'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // The e2e and crash suites spawn processes and a browser; two cores only.
    maxWorkers: 2,
    sequence: { sequencer: SlowestFirst },
    // expect.poll waits 1 s by default. On the 2-core CI machine a lazily loaded screen (a chunk
    // fetched and parsed beside another worker's Chromium) has been seen to take longer, and the
    // areas test failed on it; a poll that is met returns as soon as it is, so a wider bound only
    // slows a test that fails.
    expect: { poll: { timeout: 15_000 } },
  },
});
