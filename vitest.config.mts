import { defineConfig } from 'vitest/config';

// The user's own KAP_* settings must never leak into tests; the tests' own switches stay
// (kap itself never sees them: run-kap.ts passes only PATH and HOME).
const TEST_SWITCHES = new Set(['KAP_SKIP_BROWSER', 'KAP_SKIP_PTY', 'KAP_CHROMIUM']);
for (const k of Object.keys(process.env)) if (k.startsWith('KAP_') && !TEST_SWITCHES.has(k)) delete process.env[k];

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    reporters: ['default', './test/helpers/summary-reporter.ts'],
    testTimeout: 30_000,
    // Setup and clean-up hooks compile packs and remove their folders: on a loaded 2-core
    // machine that took more than vitest's 10 s default (hostile-table's afterAll, at load 10).
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
