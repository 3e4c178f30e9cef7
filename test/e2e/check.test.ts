import { afterAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kap } from '../helpers/run-kap.js';
import { FIXTURE_CONTENT } from '../helpers/fixture.js';

const tmp = mkdtempSync(join(tmpdir(), 'kap-check-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let n = 0;

/** A copy of the fixture pack, with `edit` applied to some files (by path). */
function brokenPack(edit: Record<string, (text: string) => string>): string {
  const dir = join(tmp, `pack${n++}`);
  cpSync(FIXTURE_CONTENT, dir, { recursive: true });
  for (const [file, fn] of Object.entries(edit)) writeFileSync(join(dir, file), fn(readFileSync(join(dir, file), 'utf8')));
  return dir;
}

const problemLines = (stderr: string) => stderr.split('\n').filter((l) => /^\S+:\d+: (error|warning):/.test(l));

describe('kap check', () => {
  it('the shipped content passes: exit 0, no errors or warnings', () => {
    const r = kap(['check', 'content']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^content: 29 modules, \d+ terms, \d+ questions, \d+ references; no errors/);
    expect(problemLines(r.stderr)).toEqual([]);
  });

  it('the fixture pack passes', () => {
    const r = kap(['check', FIXTURE_CONTENT]);
    expect(r.status).toBe(0);
    expect(problemLines(r.stderr)).toEqual([]);
  });

  it('a broken pack: one file:line line per problem, exit 4', () => {
    const dir = brokenPack({
      'glossary.yaml': () => '- id: widget\n  term: [unclosed\n',
      'modules/alpha.md': (t) => t.replace('people [@zanos2018].', 'people [@nobody2020].'),
      'modules/beta.md': (t) => t.replace('  - id: beta-label', '  - id: alpha-block').replace('Beta is about mood.', 'Beta is a miracle.'),
    });
    const r = kap(['check', '.'], { cwd: dir });
    expect(r.status).toBe(4);
    expect(r.stdout).toBe('');
    expect(problemLines(r.stderr)).toEqual([
      'glossary.yaml:3: error: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
      'modules/alpha.md:43: error: body: unknown citation key "@nobody2020" (not in the built-in bibliography or a pack\'s references.json)',
      'modules/beta.md:11: error: claims: duplicate claim id "alpha-block" (also in modules/alpha.md)',
      'modules/beta.md:18: warning: body: hype word "miracle": say what the evidence shows, with its certainty (or quote it)',
    ]);
    expect(r.stderr.trimEnd().split('\n').at(-1)).toBe('kap: 3 error(s) in .');
  });

  it("repeating the article's errors as fact fails; warnings alone do not", () => {
    const wrong = brokenPack({ 'modules/beta.md': (t) => t.replace('Beta is about mood.', 'Esketamine, a derivative of ketamine, helps mood.') });
    const r = kap(['check', '.'], { cwd: wrong });
    expect(r.status).toBe(4);
    expect(problemLines(r.stderr)).toEqual([
      'modules/beta.md:18: error: body: repeats an error of the article as fact: esketamine is the S-enantiomer of ketamine, not a derivative (fact-check item 1); correct it, or quote the article in quotation marks',
    ]);
    const hype = brokenPack({ 'modules/beta.md': (t) => t.replace('Beta is about mood.', 'Beta is a breakthrough.') });
    const h = kap(['check', '.'], { cwd: hype });
    expect(h.status).toBe(0);
    expect(h.stdout).toMatch(/no errors \(1 warning\(s\)/);
  });

  it('--grades prints the grade of every summary, claim text, definition and explanation on stdout, each within its limit', () => {
    const r = kap(['check', 'content', '--grades']);
    expect(r.status).toBe(0);
    const rows = r.stdout.trim().split('\n').map((row) => row.split('\t'));
    const count = (kind: string) => rows.filter((row) => row[2] === kind).length;
    const [, modules, terms, questions] = /^content: (\d+) modules, (\d+) terms, (\d+) questions/m.exec(r.stderr)!.map(Number);
    expect([count('summary'), count('paragraph'), count('definition'), count('explanation')]).toEqual([modules, modules, terms, questions]);
    expect(count('claim')).toBeGreaterThan(modules!);
    for (const row of rows) {
      expect(row.join('\t')).toMatch(/^\d+\.\d\t(9|10)\t(summary|paragraph|claim|definition|explanation)\tcontent\/(modules|quiz)?\/?[\w./-]+:\d+\t\S/);
      expect(Number(row[0])).toBeLessThanOrEqual(Number(row[1]));
    }
  });
});
