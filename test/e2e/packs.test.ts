/** Content packs: a trainer's own folder over the built-in content, through the real binary. */
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, kap } from '../helpers/run-kap.js';

const PACK = join(ROOT, 'test', 'fixtures', 'example-pack');
const COMPILING = /kap: compiling content packs/;
const SLOW = 180_000;

describe('content packs', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'kap-packs-'));
  const cache = join(tmp, 'cache');
  const env = { KAP_CACHE_DIR: cache };
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  beforeAll(() => {
    const r = kap(['--content', PACK, 'list'], { env });
    expect(r.stderr).toMatch(COMPILING);
    expect(r.status).toBe(0);
  }, SLOW);

  it('explain: a pack module renders, with its pack reference formatted; origin in --json', () => {
    const r = kap(['--content', PACK, 'explain', 'trainer-notes'], { env });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe(''); // compiled once, in beforeAll: no second compile
    expect(r.stdout).toMatch(/^Trainer notes for a KAP teaching session\n/);
    expect(r.stdout.replace(/\s+/g, ' ')).toContain('kap contributors. (n.d.). Example content pack for trainers.');
    const j = JSON.parse(kap(['--content', PACK, 'explain', 'trainer-notes', '--json'], { env }).stdout);
    expect(j.origin).toBe(PACK);
    expect(JSON.parse(kap(['--content', PACK, 'explain', 'glutamate', '--json'], { env }).stdout).origin).toBe('built-in');
  });

  it('a pack named by a relative path: origin and file are the absolute paths, whichever folder later runs read the compile from', () => {
    const own = { KAP_CACHE_DIR: join(tmp, 'cache-relative') };
    const from = (cwd: string, rel: string) => JSON.parse(kap(['--content', rel, 'explain', 'trainer-notes', '--json'], { env: own, cwd }).stdout) as { origin: string; file: string };
    // Compiled from the repository, then read from its test folder (the same pack, the same cache key).
    const first = from(ROOT, join('test', 'fixtures', 'example-pack'));
    const second = from(join(ROOT, 'test'), join('fixtures', 'example-pack'));
    for (const j of [first, second]) expect(j).toMatchObject({ origin: PACK, file: join(PACK, 'modules', 'trainer-notes.md') });
    expect(readdirSync(join(tmp, 'cache-relative', 'packs')).filter((n) => !n.startsWith('.'))).toHaveLength(1);
  }, SLOW);

  it('a pack overrides a built-in module of the same id; list --source shows where each came from', () => {
    expect(kap(['--content', PACK, 'explain', 'getting-help', '--brief'], { env }).stdout).toMatch(/^Getting help \(our training centre\)/);
    expect(kap(['explain', 'getting-help', '--brief']).stdout).not.toContain('our training centre');
    const lines = kap(['--content', PACK, 'list', '--source'], { env }).stdout.split('\n');
    expect(lines).toContain(`trainer-notes\tabout\tHow one trainer runs a one-hour class on the article and its evidence.\t${PACK}`);
    expect(lines.find((l) => l.startsWith('glutamate\t'))).toMatch(/\tbuilt-in$/);
  });

  it('KAP_CONTENT_PATH adds packs like --content', () => {
    const r = kap(['explain', 'lesson', 'outline'], { env: { ...env, KAP_CONTENT_PATH: PACK } });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Session plan/);
  });

  it('search, quiz and cite see the pack', () => {
    expect(kap(['--content', PACK, 'search', 'lesson', 'plan'], { env }).stdout).toContain('kap explain trainer-notes');
    const quiz = kap(['--content', PACK, 'quiz', '--topic', 'trainer-notes', '--seed', 'x', '--no-shuffle', '--answers', 'A,B,C', '--json'], { env });
    expect(quiz.status).toBe(0);
    expect(JSON.parse(quiz.stdout)).toMatchObject({ score: { answered: 3, percent: 100 } });
    const cite = kap(['--content', PACK, 'cite', 'kap-example-pack'], { env });
    expect(cite.status).toBe(0);
    expect(cite.stdout.trim()).toBe('kap contributors. (n.d.). Example content pack for trainers. Kap Test Fixtures.');
  });

  it('kap paths shows each location and its source; --json too', () => {
    const r = kap(['--content', PACK, 'paths'], { env });
    expect(r.stdout).toContain(`content pack      ${PACK}  (from --content)`);
    expect(r.stdout).toContain(`cache             ${cache}  (from KAP_CACHE_DIR or XDG_CACHE_HOME)`);
    const j = JSON.parse(kap(['paths', '--json'], { env: { ...env, KAP_CONTENT_PATH: PACK } }).stdout);
    expect(j.packs).toEqual([{ path: PACK, source: 'env' }]);
    expect(j.active).toMatch(new RegExp(`^${cache}/packs/[0-9a-f]{32}$`));
  });

  it('a changed pack file is recompiled; a corrupted cache is ignored and rebuilt', () => {
    const copy = join(tmp, 'pack-copy');
    cpSync(PACK, copy, { recursive: true });
    const first = kap(['--content', copy, 'explain', 'trainer-notes', '--brief'], { env });
    expect(first.stderr).toMatch(COMPILING);
    appendFileSync(join(copy, 'modules', 'trainer-notes.md'), '\nA line added by the test.\n');
    const second = kap(['--content', copy, 'explain', 'trainer-notes', '--raw'], { env });
    expect(second.stderr).toMatch(COMPILING);
    expect(second.stdout).toContain('A line added by the test.');
    // Corrupt the compiled catalog of this key: the size check fails, the folder is rebuilt.
    const dir = JSON.parse(kap(['--content', copy, 'paths', '--json'], { env }).stdout).active as string;
    writeFileSync(join(dir, 'catalog.json'), '{"version": 1, "modules": [');
    const third = kap(['--content', copy, 'explain', 'trainer-notes', '--brief'], { env });
    expect(third.stderr).toMatch(COMPILING);
    expect(third.status).toBe(0);
  }, SLOW);

  it('a broken pack: file:line errors, exit 4, and nothing cached', () => {
    const bad = join(tmp, 'bad-pack');
    cpSync(PACK, bad, { recursive: true });
    writeFileSync(join(bad, 'glossary.yaml'), '- id: x\n  term: [unclosed\n');
    const before = readdirSync(join(cache, 'packs')).length;
    const r = kap(['--content', bad, 'list'], { env });
    expect(r.status).toBe(4);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(new RegExp(`${bad.replace(/[/.]/g, '\\$&')}/glossary\\.yaml:\\d+: error: invalid YAML`));
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(join(cache, 'packs')).filter((f) => !f.includes('.tmp-')).length).toBe(before);
  }, SLOW);

  it('a missing pack folder: a clear message, exit 4', () => {
    const r = kap(['--content', join(tmp, 'nope'), 'list'], { env });
    expect(r.status).toBe(4);
    expect(r.stderr).toContain(`kap: content pack not found: ${join(tmp, 'nope')}`);
  });

  it('kap check on the example pack passes', () => {
    const r = kap(['check', PACK]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('(a pack, checked over the built-in content); no errors');
  });
});
