/** The fixture content pack, compiled once per test run into a temp folder (see global-setup.ts). */
import { fileURLToPath } from 'node:url';

export const FIXTURE_CONTENT = fileURLToPath(new URL('../fixtures/content', import.meta.url));
/** Set by global-setup.ts: the compiled fixture pack, for KAP_DATA. */
export const fixtureData = (): string => {
  const d = process.env.KAP_TEST_FIXTURE_DATA;
  if (!d) throw new Error('KAP_TEST_FIXTURE_DATA is not set: run the tests through vitest.config.ts');
  return d;
};
