/**
 * Raw HTML in content is text: a module's `<script>` must not run after `pandoc -s`, the
 * consumer `kap explain --raw` is made for, nor reach the terminal as markup.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWith } from '../helpers/oracle.js';
import { BIN, cleanEnv, kap } from '../helpers/run-kap.js';

const tmp = mkdtempSync(join(tmpdir(), 'kap-raw-html-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const pack = join(tmp, 'pack');
const env = { KAP_CACHE_DIR: join(tmp, 'cache') };
const HTML = '<script>alert(1)</script> <img src=x onerror=alert(2)> <iframe src="https://evil.example"></iframe> <!-- hidden --> <a href="javascript:alert(3)">x</a>';

describeWith('pandoc', 'turns kap explain --raw into a standalone HTML page', () => {
  beforeAll(() => {
    mkdirSync(join(pack, 'modules'), { recursive: true });
    writeFileSync(
      join(pack, 'modules', 'html-topic.md'),
      `---\nid: html-topic\ntitle: 'Raw HTML <script>alert(0)</script> topic'\nkind: mechanism\nsummary: A module with raw HTML in it.\nreviewed: 2026-11-27\nrelated: [glutamate]\n---\n\nThe body has ${HTML} in it [@zanos2018].\n\n<div onclick="alert(4)">a block</div>\n\n<script>\nalert(5)\n</script>\n\nCode keeps its text: \`<b>bold</b>\`, and a link stays a link: <https://example.org>.\n\n\`\`\`\n<script>in a fence</script>\n\`\`\`\n`,
    );
    const r = spawnSync(process.execPath, [BIN, '--content', pack, 'list'], { env: cleanEnv(env), encoding: 'utf8', timeout: 300_000 });
    expect(r.status, r.stderr).toBe(0);
  }, 300_000);

  it('the page pandoc -s makes of it has no script, img, iframe, handler or comment element; code and autolinks survive', () => {
    const raw = kap(['--content', pack, 'explain', 'html-topic', '--raw'], { env });
    expect(raw.status, raw.stderr).toBe(0);
    const html = spawnSync('pandoc', ['-s', '-f', 'markdown', '-t', 'html', '--metadata', 'pagetitle=x'], { input: raw.stdout, encoding: 'utf8' });
    expect(html.status, html.stderr).toBe(0);
    const body = html.stdout;
    expect(body).not.toMatch(/<script|<img|<iframe|<div onclick|<!--\s*hidden|href="javascript:/i);
    expect(body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;'); // shown, as text
    expect(body).toContain('<code>&lt;b&gt;bold&lt;/b&gt;</code>');
    expect(body).toMatch(/<a href="https:\/\/example\.org"/);
    expect(body).toContain('&lt;script&gt;in a fence&lt;/script&gt;');
  });

  it('the terminal shows the same tags as text', () => {
    const r = kap(['--content', pack, 'explain', 'html-topic'], { env });
    expect(r.stdout).toContain('<script>alert(1)</script>');
    expect(r.stdout).toContain('<b>bold</b>');
  });

  it('kap quiz export --format markdown: question text with raw HTML stays text after pandoc -s', () => {
    mkdirSync(join(pack, 'quiz'), { recursive: true });
    const q = (s: string) => JSON.stringify(s);
    writeFileSync(
      join(pack, 'quiz', 'html-topic.yaml'),
      `- id: html-topic-01\n  module: html-topic\n  difficulty: easy\n  question: ${q(`Which tag is this: ${HTML}?`)}\n  choices:\n    - text: ${q('<b>a bold tag</b>')}\n      correct: true\n    - text: ${q('<script>alert(6)</script>')}\n      why: ${q('<img src=x onerror=alert(7)>')}\n    - text: ${q('a heading tag')}\n      why: ${q('It is one.')}\n  explanation: ${q(`It is shown as text: ${HTML}.`)}\n  sources: [zanos2018]\n`,
    );
    const r = kap(['--content', pack, 'quiz', 'export', '--format', 'markdown', '--topic', 'html-topic', '--seed', 'x'], { env, timeout: 300_000 });
    expect(r.status, r.stderr).toBe(0);
    const html = spawnSync('pandoc', ['-s', '-f', 'markdown', '-t', 'html', '--metadata', 'pagetitle=x'], { input: r.stdout, encoding: 'utf8' });
    expect(html.status, html.stderr).toBe(0);
    expect(html.stdout).not.toMatch(/<script|<img|<iframe|<div onclick|<!--\s*hidden|href="javascript:|<b>a bold/i);
    expect(html.stdout).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  }, 300_000);
});
