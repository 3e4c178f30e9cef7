/**
 * A headless Chromium for browser tests, driven by playwright-core, that needs no apt step:
 * the system's /usr/bin/chromium when present, else the one `npm ci` brings
 * (@sparticuz/chromium, unpacked from its own package, no network, once per install into
 * node_modules/.cache). KAP_CHROMIUM names another binary; KAP_SKIP_BROWSER=1 skips the
 * browser tests on a machine where no Chromium can run.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, LaunchOptions } from 'playwright-core';
import { ROOT } from './run-kap.js';

export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/** Flags for a test browser that talks to nothing but the pages it is given. */
export const BROWSER_ARGS = [
  '--no-sandbox', // root in CI, and no user namespaces in containers
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** True when KAP_SKIP_BROWSER=1: for describe.skipIf. Never needed where npm ci ran. */
export const browserSkipped = process.env.KAP_SKIP_BROWSER === '1';

export interface ChromiumBinary {
  path: string;
  /** Where it came from, for messages. */
  source: 'KAP_CHROMIUM' | 'system' | '@sparticuz/chromium';
}

let found: Promise<ChromiumBinary> | undefined;

/** The Chromium binary to run: KAP_CHROMIUM, else the system's, else the bundled one (unpacked on first use). */
export function chromiumBinary(): Promise<ChromiumBinary> {
  found ??= locate();
  return found;
}

async function locate(): Promise<ChromiumBinary> {
  const own = process.env.KAP_CHROMIUM;
  if (own) return { path: own, source: 'KAP_CHROMIUM' };
  if (existsSync(SYSTEM_CHROMIUM)) return { path: SYSTEM_CHROMIUM, source: 'system' };
  return { path: await unpackBundled(), source: '@sparticuz/chromium' };
}

/**
 * @sparticuz/chromium unpacks into os.tmpdir() and trusts whatever is there; /tmp is shared
 * with other checkouts and other test workers, so it unpacks into a private folder per
 * package version instead, renamed into place only when whole.
 */
async function unpackBundled(): Promise<string> {
  const pkg = join(ROOT, 'node_modules', '@sparticuz', 'chromium');
  const { version } = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')) as { version: string };
  const dir = join(ROOT, 'node_modules', '.cache', 'kap-chromium', version);
  const bin = join(dir, 'chromium');
  if (existsSync(bin)) return bin;
  const partial = `${dir}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  const { default: Chromium } = await import('@sparticuz/chromium');
  // executablePath() reads os.tmpdir() (TMPDIR) synchronously before its first await.
  const saved = process.env.TMPDIR;
  process.env.TMPDIR = partial;
  let unpacking: Promise<string>;
  try {
    unpacking = Chromium.executablePath(join(pkg, 'bin'));
  } finally {
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
  }
  const got = await unpacking;
  if (got !== join(partial, 'chromium')) throw new Error(`@sparticuz/chromium unpacked to ${got}, not ${partial}`);
  try {
    renameSync(partial, dir);
  } catch (e) {
    // Another worker got there first: use its copy.
    rmSync(partial, { recursive: true, force: true });
    if (!existsSync(bin)) throw e;
  }
  return bin;
}

/**
 * Launch a headless Chromium (see chromiumBinary). A failure names the binary and how to
 * get past it; callers close the browser (afterAll).
 */
export async function launchBrowser(options: LaunchOptions = {}): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  const binary = await chromiumBinary();
  try {
    return await chromium.launch({ headless: true, ...options, executablePath: binary.path, args: [...BROWSER_ARGS, ...(options.args ?? [])] });
  } catch (e) {
    throw new Error(
      `could not start Chromium (${binary.source}: ${binary.path}): ${(e as Error).message.split('\n')[0]}\n` +
        'Set KAP_CHROMIUM to a working Chromium, or KAP_SKIP_BROWSER=1 to skip the browser tests.',
    );
  }
}
