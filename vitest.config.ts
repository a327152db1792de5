import { defineConfig } from 'vitest/config';

// The lease load test starts 64 jobs' worth of processes at once to model 64 runners behind one address;
// it runs after every other file, alone, so the machine's other test files do not slow its jobs into
// timeouts that 64 separate runners would never see.
const LOAD_TESTS = ['test/quality/lease-load.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    projects: [
      { extends: true, test: { name: 'suite', include: ['test/**/*.test.ts'], exclude: LOAD_TESTS } },
      { extends: true, test: { name: 'load', include: LOAD_TESTS, sequence: { groupOrder: 1 } } },
    ],
  },
});
