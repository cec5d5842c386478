import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['node_modules', 'dist', 'test/fixtures/**'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // The e2e and crash suites spawn processes and a browser; two cores only.
    maxWorkers: 2,
    // expect.poll waits 1 s by default. On the 2-core CI machine a lazily loaded screen (a chunk
    // fetched and parsed beside another worker's Chromium) has been seen to take longer, and the
    // areas test failed on it; a poll that is met returns as soon as it is, so a wider bound only
    // slows a test that fails.
    expect: { poll: { timeout: 15_000 } },
  },
});
