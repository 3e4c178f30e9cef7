/**
 * The HTML export in a real headless browser (test/helpers/browser.ts: the system's chromium,
 * else the one npm ci brings): no network, reveal by click and by key, and a print layout with
 * the key on its own page. KAP_SKIP_BROWSER=1 skips it where no Chromium can run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { parse as parseYaml } from 'yaml';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { browserSkipped, launchBrowser } from '../helpers/browser.js';
import { BIN, cleanEnv, kap, ROOT } from '../helpers/run-kap.js';
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
  }, 60_000);

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
    // Numbered once: no list marker before the "1. C" the text already has.
    expect(await page.evaluate(`getComputedStyle(document.querySelector('.key-list')).listStyleType`)).toBe('none');
    // The printed PDF has at least two pages: questions, then the key.
    const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
    expect((pdf.match(/\/Type\s*\/Page\b/g) ?? []).length).toBeGreaterThanOrEqual(2);
    await page.emulateMedia({ media: 'screen' });
  });
});

describe.skipIf(browserSkipped)('HTML export of the shipped bank on a 1280x720 projector', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'kap-html-')), 'bank.html');
    const r = kap(['quiz', 'export', '--format', 'html', '--seed', 'projector', '--out', file]);
    expect(r.status, r.stderr).toBe(0);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(pathToFileURL(file).href);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('every question: "Show answer" above the fold, and once revealed the explanation too; the answer can be hidden again', async () => {
    const total = await page.locator('.q').count();
    expect(total).toBe(JSON.parse(readFileSync(join(ROOT, 'dist/content/quiz.json'), 'utf8')).questions.length);
    const below: string[] = [];
    for (let i = 0; i < total; i++) {
      const q = page.locator('.q.current');
      const id = (await q.getAttribute('id'))!;
      const button = await q.locator('button.reveal').boundingBox();
      if (!button || button.y + button.height > 720) below.push(`${id}: button at ${button?.y}`);
      await q.locator('button.reveal').click();
      const explanation = await q.locator('.answer > p').nth(1).boundingBox();
      if (!explanation || explanation.y + explanation.height > 720) below.push(`${id}: explanation ends at ${explanation && explanation.y + explanation.height}`);
      expect(await q.locator('button.reveal').textContent()).toBe('Hide answer');
      await q.locator('button.reveal').click();
      expect(await q.locator('.answer').isVisible()).toBe(false);
      await page.keyboard.press('ArrowRight');
    }
    expect(below).toEqual([]);
  }, 240_000);

  it('Home and End go to the first and the last question', async () => {
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('End');
    expect(await page.locator('#pos').textContent()).toMatch(/^(\d+) \/ \1$/);
    await page.keyboard.press('Home');
    expect(await page.locator('#pos').textContent()).toMatch(/^1 \/ /);
  });

  it("the answer lists the distractors' why-not texts; DOIs are links", async () => {
    const q = page.locator('.q.current');
    await page.keyboard.press('Space');
    expect(await q.locator('ul.why li').count()).toBeGreaterThan(0);
    const hrefs = await page.locator('.q .source a[href^="https://doi.org/"]').count();
    expect(hrefs).toBeGreaterThan(10);
  });
});

describe.skipIf(browserSkipped)('HTML export of the hostile pack: the browser shows the text as written', () => {
  it('stem, choices, explanation and why-nots of every question', async () => {
    const pack = join(ROOT, 'test/fixtures/hostile-pack');
    const tmp = mkdtempSync(join(tmpdir(), 'kap-html-'));
    const env = { KAP_CACHE_DIR: join(tmp, 'cache') };
    // Compiling the pack takes seconds on a busy machine: once, without the run helper's limit.
    spawnSync(process.execPath, [BIN, '--content', pack, 'list'], { env: cleanEnv(env) });
    const file = join(tmp, 'hostile.html');
    const r = kap(['--content', pack, 'quiz', 'export', '--format', 'html', '--topic', 'hostile-text', '--seed', 'h', '--out', file], { env });
    expect(r.status, r.stderr).toBe(0);
    const want = (parseYaml(readFileSync(join(pack, 'quiz/hostile-text.yaml'), 'utf8')) as any[]).map((q) => ({
      id: q.id,
      question: q.question.trim(),
      choices: q.choices.map((c: any) => c.text).sort(),
      whys: q.choices.filter((c: any) => c.why).map((c: any) => c.why).sort(),
      explanation: q.explanation.trim().replace(/\[@kap-hostile-pack\]/g, '(kap contributors, n.d.)'),
    }));
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      await page.goto(pathToFileURL(file).href);
      const got = (await page.evaluate(`[...document.querySelectorAll('.q')].map((q) => ({
        id: q.id,
        question: q.querySelector('h2').innerText,
        choices: [...q.querySelectorAll('ol.choices li')].map((li) => li.textContent.slice(1)).sort(),
        whys: [...q.querySelectorAll('ul.why li')].map((li) => li.textContent.slice(3)).sort(),
        explanation: q.querySelector('.answer > p:nth-of-type(2)').textContent,
        scripts: q.querySelectorAll('script, b, i').length,
      }))`)) as any[];
      expect(got.map(({ scripts, ...q }) => q).sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual(want);
      expect(got.every((q) => q.scripts === 0)).toBe(true);
    } finally {
      await browser.close();
    }
  }, 120_000);
});
