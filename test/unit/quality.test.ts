import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { helpNeeded, mayNeedCrisis } from '../../src/safety/index.js';
import { checkQuality } from '../../src/content/quality.js';
import { GRADE_LIMITS, gradedTexts, gradeSummary } from '../../src/content/grades.js';
import { fleschKincaid, plainText, syllables } from '../../src/content/readability.js';
import { findAll, maskQuotes } from '../../src/content/scan.js';
import { formatProblem, type Problem } from '../../src/errors.js';
import { inlinePacks } from '../helpers/inline-pack.js';
import { termView } from '../../src/render/views.js';
import { makeTheme } from '../../src/render/theme.js';

/** A content folder from inline files (references from the fixture pack), loaded as `kap check` would. */
const pack = inlinePacks('kap-quality-');

const claim = (id: string, extra = '', text = 'A blocker may raise release in rodents.') =>
  `  - id: ${id}\n    text: ${text}\n    design: preclinical\n    certainty: low\n    sources: [li2010]\n${extra}`;
const article = (n: number, quote = 'The article says so.') =>
  `    article:\n      quote: "${quote}"\n      cited: []\n      verdict: overstated\n      correction: Not quite.\n      factcheck: ${n}\n`;

function mod(id: string, body: string, opts: { claims?: string; summary?: string } = {}): string {
  return [
    '---', `id: ${id}`, `title: Topic ${id}`, 'kind: mechanism', `summary: ${opts.summary ?? 'A short line.'}`, 'reviewed: 2026-11-27',
    ...(opts.claims ? ['claims:', opts.claims.trimEnd()] : []), '---', '', body, '',
  ].join('\n');
}

/** Problems as `kap check` prints them (sorted by file and line), reading-grade errors left out. */
const sorted = (ps: Problem[]) => [...ps].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line).map(formatProblem);
const lines = (files: Record<string, string>) => sorted(checkQuality(pack(files)).filter((p) => !p.message.includes('reads at grade')));
/** The reading-grade errors alone. */
const gradeLines = (files: Record<string, string>) => sorted(checkQuality(pack(files)).filter((p) => p.message.includes('reads at grade')));

describe('readability', () => {
  it('counts syllables with the standard counter (npm syllable)', () => {
    const cases: [string, number][] = [['cat', 1], ['the', 1], ['table', 2], ['people', 2], ['these', 1], ['wanted', 2], ['liked', 1],
      ['ketamine', 3], ['glutamate', 3], ['receptor', 3], ['depression', 3], ['anaesthetic', 4], ['2019', 1], ['', 0]];
    for (const [w, s] of cases) expect(syllables(w), w).toBe(s);
  });

  it('grades easy text low and dense text high', () => {
    expect(fleschKincaid('The cat sat on the mat. It was a good cat.')).toBeLessThan(3);
    expect(fleschKincaid('Pharmacological antagonism of ionotropic glutamatergic receptors precipitates neuroplastic adaptations.')).toBeGreaterThan(15);
    expect(fleschKincaid('')).toBe(0);
  });

  it('reads Markdown as plain words: citations, links and emphasis removed', () => {
    expect(plainText('It **may** help [@li2010; @zanos2018]. See [the label](https://x.org) and `kap`.')).toBe('It may help. See the label and kap.');
  });
});

describe('scan', () => {
  it('blanks quoted spans and block quotes, keeping lines', () => {
    const t = 'He said "a cure" here.\n> a miracle\n“breakthrough” and proven';
    const m = maskQuotes(t);
    expect(m.length).toBe(t.length);
    expect(findAll(m, /cure|miracle|breakthrough|proven/i)).toEqual([{ line: 3, match: 'proven' }]);
  });
});

describe('checkQuality', () => {
  it('passes a clean module', () => {
    expect(lines({ 'modules/a.md': mod('a', 'Ketamine may help for a short time [@li2010].') })).toEqual([]);
  });

  it('a module that cites nothing is an error', () => {
    expect(lines({ 'modules/a.md': mod('a', 'No sources here.') })).toEqual([
      'modules/a.md:2: error: sources: the module cites nothing; cite a source in the body ([@key]) or give a claim its sources',
    ]);
    expect(lines({ 'modules/a.md': mod('a', 'Body.', { claims: claim('a-1') }) })).toEqual([]);
  });

  it('hype words are warnings with their line, outside quotations and article quotes', () => {
    const body = 'First line [@li2010].\n\nIt is a miracle.\n\nThe article calls it a "breakthrough".\n\n> A cure, says the article.';
    const claims = claim('a-1', article(1, 'It cures depression'), 'It is not proven in people.');
    expect(lines({ 'modules/a.md': mod('a', body, { claims }) }).filter((l) => l.includes('hype'))).toEqual([
      'modules/a.md:9: warning: claims.a-1.text: hype word "proven": say what the evidence shows, with its certainty (or quote it)',
      'modules/a.md:23: warning: body: hype word "miracle": say what the evidence shows, with its certainty (or quote it)',
    ]);
  });

  it('hype words in glossary definitions and quiz text are found too', () => {
    const out = lines({
      'modules/a.md': mod('a', 'Body [@li2010].'),
      'glossary.yaml': '- id: t\n  term: T\n  definition: |\n    A long definition\n    that calls it a cure.\n  module: a\n',
      'quiz/a.yaml': '- id: a-01\n  module: a\n  difficulty: easy\n  question: Is it a breakthrough?\n  choices:\n    - text: "Yes"\n      correct: true\n    - text: "No"\n      why: x\n    - text: Maybe\n      why: y\n  explanation: x [@li2010].\n  sources: [li2010]\n',
    });
    expect(out).toEqual([
      'glossary.yaml:5: warning: t.definition: hype word "cure": say what the evidence shows, with its certainty (or quote it)',
      'quiz/a.yaml:4: warning: a-01.question: hype word "breakthrough": say what the evidence shows, with its certainty (or quote it)',
    ]);
  });

  it("repeating the article's errors as fact is an error; quoting them is not", () => {
    const bad = 'Esketamine, a derivative of ketamine, is used [@li2010].\n\nAs Furikawa showed, NMDA is a glutamate receptor.';
    expect(lines({ 'modules/a.md': mod('a', bad) })).toEqual([
      "modules/a.md:9: error: body: repeats an error of the article as fact: esketamine is the S-enantiomer of ketamine, not a derivative (fact-check item 1); correct it, or quote the article in quotation marks",
      'modules/a.md:11: error: body: repeats an error of the article as fact: "Furikawa" misspells Furukawa (fact-check 1.1); correct it, or quote the article in quotation marks',
      "modules/a.md:11: error: body: repeats an error of the article as fact: NMDA is the agonist; the receptor is the NMDA receptor (fact-check item 6); correct it, or quote the article in quotation marks",
    ]);
    const good = 'The article says "Esketamine, a derivative of ketamine" [@li2010].\n\n> NMDA is a glutamate receptor (Furikawa et al., 2005)';
    const claims = claim('a-1', article(1, 'Rush & These, 2018'));
    expect(lines({ 'modules/a.md': mod('a', good, { claims }) }).filter((l) => l.includes('error of the article'))).toEqual([]);
  });

  it('a quiz distractor may state an error (it is the wrong answer); its "why" may not', () => {
    const quiz = (distractor: string, why: string) =>
      `- id: a-01\n  module: a\n  difficulty: easy\n  question: What is esketamine?\n  choices:\n    - text: The S-enantiomer\n      correct: true\n    - text: ${distractor}\n      why: ${why}\n    - text: A salt\n      why: No.\n  explanation: x [@li2010].\n  sources: [li2010]\n`;
    expect(lines({ 'modules/a.md': mod('a', 'B [@li2010].'), 'quiz/a.yaml': quiz('Esketamine is a derivative of ketamine', 'It is an enantiomer.') })).toEqual([]);
    expect(lines({ 'modules/a.md': mod('a', 'B [@li2010].'), 'quiz/a.yaml': quiz('A salt form', 'Esketamine is a derivative.') })).toHaveLength(1);
  });

  it('fact-check items: each of 1-15 exactly once, only in a pack that uses them', () => {
    const all = Array.from({ length: 15 }, (_, i) => claim(`c-${i + 1}`, article(i + 1))).join('');
    expect(lines({ 'modules/a.md': mod('a', 'B.', { claims: all }) })).toEqual([]);
    const some = claim('c-1', article(1)) + claim('c-2', article(1)) + claim('c-3', article(16));
    expect(lines({ 'modules/a.md': mod('a', 'B.', { claims: some }) })).toEqual([
      'modules/a.md:8: error: fact-check items with no claim: 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15 (each item 1-15 of fact-check.md section 4 needs one claim with article.factcheck)',
      'modules/a.md:19: error: claims.c-2.article.factcheck: item 1 already has a claim ("c-1"); each item has exactly one',
      'modules/a.md:30: error: claims.c-3.article.factcheck: 16 is not an item of fact-check.md section 4 (1-15)',
    ]);
    expect(lines({ 'modules/a.md': mod('a', 'B.', { claims: claim('c-1') }) })).toEqual([]);
  });

  it('suicide: every file that mentions it is seen by the help-block detection', () => {
    const files = {
      'modules/a.md': mod('a', 'Plain body [@li2010].', { claims: claim('a-1', article(1, 'It prevents suicide.')) }),
      'glossary.yaml': '- id: si\n  term: Suicidal ideation\n  definition: Thoughts of ending one\'s life.\n  module: a\n',
    };
    expect(lines(files).filter((l) => l.includes('suicide'))).toEqual([]);
    const blind = { module: () => false, term: () => false, question: () => false };
    expect(sorted(checkQuality(pack(files), blind)).filter((l) => l.includes('help block'))).toEqual([
      'glossary.yaml:2: error: mentions suicide, but the term view of "si" would show no help block (update the detection in src/safety/detect.ts)',
      'modules/a.md:14: error: mentions suicide, but module "a" would show no help block (update the detection in src/safety/detect.ts)',
    ]);
  });

  // The scan asks a file's whole text before its lines (quality.ts suicideLines): sound only if
  // a line that mentions suicide still does within any text around it.
  it('suicide: a line that mentions it still does within the whole text, and passes the lines\' prefilter (the scan asks both first)', () => {
    const piece = fc.constantFrom('suicid', 'e', 'self', '-', '\u2010', ' ', '  ', '\n', '\r\n', '*', '_', '`', '~', '\u00ad', 'harm', 'kill', 'ed', 'my', 'myself', 'them', 'selves', 'end', 'my own', 'life', 'want to', 'die', 'better off', 'dead', 'x', 'id:', '1', 'SUICIDAL', 'Self', 'KILL', 'Lives', 'Die', 'DEAD', '\u200b', 'took', 'his', 'to', 'want to die', 'better off dead', 'kill myself', 'end my life', 'took his own lives', 'self-harm', 'suicide');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), (pieces) => {
        const text = pieces.join('');
        for (const l of text.split('\n')) {
          if (!helpNeeded(l).includes('crisis')) continue;
          expect(helpNeeded(text)).toContain('crisis');
          expect(mayNeedCrisis(l)).toBe(true);
        }
      }),
      { numRuns: 4000 },
    );
  });

  it('reading grade: an error, with file:line and field, for each summary over 9 and each claim text, definition and explanation over 10', () => {
    const dense = 'Pharmacological antagonism of ionotropic glutamatergic receptors precipitates neuroplastic adaptations [@li2010].';
    const files = {
      'modules/a.md': mod('a', `${dense}\n\nMore.`, { summary: dense, claims: claim('a-dense', '', dense.replace(' [@li2010]', '')) }),
      'glossary.yaml': `- id: dense-term\n  term: Dense\n  definition: ${dense}\n  module: a\n`,
      'quiz/a.yaml': ['- id: a-01', '  module: a', '  difficulty: easy', '  question: Which?', '  choices:', '    - text: This one', '      correct: true',
        '    - text: That one', '      why: No.', '    - text: The other', '      why: No.', `  explanation: ${dense}`, '  sources: [li2010]', ''].join('\n'),
    };
    const g = (field: string) => gradedTexts(pack(files)).find((t) => t.field === field)!.grade;
    expect(gradeLines(files)).toEqual([
      `glossary.yaml:3: error: dense-term.definition: reads at grade ${g('dense-term.definition')} (limit 10); use shorter sentences and plainer words, keeping what it claims and its certainty`,
      `modules/a.md:5: error: summary: reads at grade ${g('summary')} (limit 9); use shorter sentences and plainer words, keeping what it claims and its certainty`,
      `modules/a.md:9: error: claims.a-dense.text: reads at grade ${g('claims.a-dense.text')} (limit 10); use shorter sentences and plainer words, keeping what it claims and its certainty`,
      `modules/a.md:15: error: body (summary paragraph): reads at grade ${g('body (summary paragraph)')} (limit 9); use shorter sentences and plainer words, keeping what it claims and its certainty`,
      `quiz/a.yaml:12: error: a-01.explanation: reads at grade ${g('a-01.explanation')} (limit 10); use shorter sentences and plainer words, keeping what it claims and its certainty`,
    ]);
    // The summary per kind (`kap check --grades`) counts each of them as over its limit.
    expect(gradeSummary(gradedTexts(pack(files))).map((s) => [s.kind, s.count, s.over])).toEqual([
      ['summary', 1, 1], ['paragraph', 1, 1], ['claim', 1, 1], ['definition', 1, 1], ['explanation', 1, 1],
    ]);
  });

  it('reading grade: plain text passes, and the summary per kind counts what is over the limit', () => {
    const set = pack({ 'modules/a.md': mod('a', 'It may help a bit [@li2010].', { summary: 'It may help a bit.', claims: claim('a-plain') }) });
    expect(checkQuality(set).filter((p) => p.message.includes('reads at grade'))).toEqual([]);
    const summary = gradeSummary(gradedTexts(set));
    expect(summary.map((s) => s.kind)).toEqual(['summary', 'paragraph', 'claim']);
    expect(summary.every((s) => s.over === 0 && s.max <= GRADE_LIMITS[s.kind])).toBe(true);
  });
});

describe('termView help block', () => {
  const theme = makeTheme(false);
  it('shows the crisis help when the definition mentions suicide, and only then', () => {
    const t = { id: 'si', term: 'Suicidal ideation', aliases: [], definition: 'Thoughts of suicide.', module: 'a', sources: [] };
    expect(termView(t, 'A', theme, 80)).toContain('call or text 988');
    expect(termView({ ...t, term: 'BDNF', definition: 'A growth factor.' }, 'A', theme, 80)).not.toContain('988');
  });
});
