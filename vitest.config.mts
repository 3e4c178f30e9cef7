import { defineConfig } from 'vitest/config';

// The user's own KAP_* settings must never leak into tests.
for (const k of Object.keys(process.env)) if (k.startsWith('KAP_')) delete process.env[k];

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    reporters: ['default', './test/helpers/summary-reporter.ts'],
    testTimeout: 30_000,
    pool: 'forks',
  },
});
