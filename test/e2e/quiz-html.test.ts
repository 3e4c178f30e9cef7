/**
 * The HTML export in a real headless browser (test/helpers/browser.ts: the system's chromium,
 * else the one npm ci brings): no network, reveal by click and by key, and a print layout with
 * the key on its own page. KAP_SKIP_BROWSER=1 skips it where no Chromium can run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { browserSkipped, launchBrowser } from '../helpers/browser.js';
import { kap } from '../helpers/run-kap.js';
import { fixtureData } from '../helpers/fixture.js';

describe.skipIf(browserSkipped)('HTML export in headless chromium', () => {
  let browser: Browser;
  let page: Page;
  const external: string[] = [];

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kap-html-'));
    const file = join(dir, 'quiz.html');
    const r = kap(['quiz', 'export', '--format', 'html', '--seed', 'x', '--count', '3', '--out', file], { env: { KAP_DATA: fixtureData() } });
    expect(r.status, r.stderr).toBe(0);
    browser = await launchBrowser();
    page = await browser.newPage();
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:')) return route.continue();
      external.push(url);
      return route.abort();
    });
    await page.goto(pathToFileURL(file).href);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('loads with no network requests; shows one question, answer hidden', async () => {
    expect(external).toEqual([]);
    expect(await page.locator('.q.current').count()).toBe(1);
    expect(await page.locator('.q').count()).toBe(3);
    await expect.poll(() => page.locator('.q.current .answer').isVisible()).toBe(false);
    expect(await page.locator('#pos').textContent()).toBe('1 / 3');
  });

  it('a click reveals the answer and explanation', async () => {
    const q = page.locator('.q.current');
    const key = await q.getAttribute('data-key');
    await q.locator('button.reveal').click();
    expect(await q.locator('.answer').isVisible()).toBe(true);
    expect(await q.locator('.answer .verdict').textContent()).toMatch(new RegExp(`^Answer: ${key}\\) `));
    expect(await q.locator('.answer').textContent()).toContain('Source:');
  });

  it('keys: → moves to the next question, Space reveals it', async () => {
    await page.keyboard.press('ArrowRight');
    expect(await page.locator('#pos').textContent()).toBe('2 / 3');
    const q = page.locator('.q.current');
    expect(await q.locator('.answer').isVisible()).toBe(false);
    await page.keyboard.press('Space');
    expect(await q.locator('.answer').isVisible()).toBe(true);
    expect(await q.locator('li.key').count()).toBe(1);
  });

  it('print: every question, no answers inline, the key on its own page', async () => {
    await page.emulateMedia({ media: 'print' });
    // A string, so that this file type-checks without the DOM library.
    const styles = (await page.evaluate(`(() => {
      const cs = (el) => getComputedStyle(el);
      const key = document.querySelector('.key-page');
      return {
        questions: [...document.querySelectorAll('.q')].map((q) => cs(q).display),
        answers: [...document.querySelectorAll('.q .answer')].map((a) => cs(a).display),
        nav: cs(document.querySelector('nav')).display,
        keyDisplay: cs(key).display,
        keyBreak: cs(key).breakBefore,
        keyText: key.textContent,
      };
    })()`)) as { questions: string[]; answers: string[]; nav: string; keyDisplay: string; keyBreak: string; keyText: string };
    expect(styles.questions).toEqual(['block', 'block', 'block']);
    expect(styles.answers).toEqual(['none', 'none', 'none']);
    expect(styles.nav).toBe('none');
    expect(styles.keyDisplay).toBe('block');
    expect(styles.keyBreak).toBe('page');
    expect(styles.keyText).toMatch(/Answer key[\s\S]*1\. [A-E][\s\S]*2\. [A-E][\s\S]*3\. [A-E]/);
    // The printed PDF has at least two pages: questions, then the key.
    const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
    expect((pdf.match(/\/Type\s*\/Page\b/g) ?? []).length).toBeGreaterThanOrEqual(2);
    await page.emulateMedia({ media: 'screen' });
  });
});
