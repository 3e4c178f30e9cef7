/**
 * Every export format through the program that imports it (or an independent reader of that
 * importer's rules, test/oracles/): the whole shipped bank, and a hostile pack whose every field
 * holds each format's special characters and markers (test/fixtures/hostile-pack). What comes
 * back must be the text that went in.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describeWith } from '../helpers/oracle.js';
import { spawnSync } from 'node:child_process';
import { BIN, cleanEnv, kap, ROOT } from '../helpers/run-kap.js';
import { ankiImport, giftPegjs, htmlToText, markdownHandout, moodleAiken, moodleGift, moodleXml, qtiPackage, quizletCards, run, type Imported } from '../helpers/importers.js';

// Each test exports and imports the whole bank in several programs: minutes on a loaded machine.
vi.setConfig({ testTimeout: 180_000 });

const tmp = mkdtempSync(join(tmpdir(), 'kap-importers-'));
const env = { KAP_CACHE_DIR: join(tmp, 'cache') };
const HOSTILE = join(ROOT, 'test/fixtures/hostile-pack');
const SEED = 'importers';

interface Expected { id: string; question: string; choices: { text: string; correct: boolean; why?: string }[]; explanation: string }

/** The shipped bank, as compiled (ids, stems, choices with the key, explanations). */
const bank = (): Expected[] => JSON.parse(readFileSync(join(ROOT, 'dist/content/quiz.json'), 'utf8')).questions;
/** The hostile pack as its author wrote it (YAML), citations as kap formats them. */
const hostile = (): Expected[] =>
  (parseYaml(readFileSync(join(HOSTILE, 'quiz/hostile-text.yaml'), 'utf8')) as any[]).map((q) => ({
    ...q,
    question: q.question.trim(),
    choices: q.choices.map((c: any) => ({ text: c.text, correct: Boolean(c.correct), why: c.why })),
    explanation: q.explanation.trim().replace(/\[@kap-hostile-pack\]/g, '(kap contributors, n.d.)'),
  }));

/** Export to a file; returns its path and stderr. */
function exportFile(format: string, pack: boolean, ext = format): { file: string; stderr: string } {
  const file = join(tmp, `${pack ? 'hostile' : 'bank'}-${SEED}.${ext}`);
  rmSync(file, { force: true });
  const args = [...(pack ? ['--content', HOSTILE] : []), 'quiz', 'export', '--format', format, '--seed', SEED, ...(pack ? ['--topic', 'hostile-text'] : []), '--out', file];
  const r = kap(args, { env });
  expect(r.status, r.stderr).toBe(0);
  return { file, stderr: r.stderr };
}

/** What came back matches what went in: stem, every choice, the key, each why-not, the explanation. */
function sameQuestions(imported: Imported[], expected: Expected[], opts: { byId?: boolean; feedback?: boolean; general?: boolean; stem?: (s: string) => string } = {}) {
  expect(imported).toHaveLength(expected.length);
  for (const want of expected) {
    const stem = opts.stem ?? ((s: string) => s);
    const got = opts.byId ? imported.find((q) => q.id === want.id) : imported.find((q) => stem(q.stem) === want.question);
    expect(got, `${want.id} imported`).toBeDefined();
    expect(stem(got!.stem), want.id).toBe(want.question);
    expect(got!.choices.map((c) => c.text).sort(), want.id).toEqual(want.choices.map((c) => c.text).sort());
    for (const c of want.choices) {
      const g = got!.choices.find((x) => x.text === c.text)!;
      expect(g.correct, `${want.id}: ${c.text}`).toBe(c.correct);
      if (opts.feedback) expect(g.feedback, `${want.id}: ${c.text}`).toBe(c.correct ? 'Correct.' : `Incorrect. ${c.why ?? ''}`.trim());
    }
    if (opts.general) expect(got!.general, want.id).toContain(want.explanation);
  }
}

beforeAll(() => {
  // kap accepts the hostile pack as a trainer's pack; then compile it once (seconds on a busy machine).
  const r = kap(['check', HOSTILE], { env });
  expect(r.status, r.stderr).toBe(0);
  const c = spawnSync(process.execPath, [BIN, '--content', HOSTILE, 'list'], { env: cleanEnv(env), encoding: 'utf8' });
  expect(c.status, c.stderr).toBe(0);
}, 180_000);

describe('GIFT', () => {
  it('gift-pegjs: the whole bank, then the hostile pack, text unchanged, every field [html]', () => {
    const bankFile = exportFile('gift', false).file;
    sameQuestions(giftPegjs(bankFile), bank(), { byId: true, feedback: true, general: true });
    // Sources are the bibliography's APA text: a page with no access date has just its URL.
    expect(readFileSync(bankFile, 'utf8')).toContain('Psychology Today. (n.d.). Ketamine basics.');
    expect(readFileSync(bankFile, 'utf8')).not.toMatch(/Retrieved https?\\?:/);
    const h = giftPegjs(exportFile('gift', true).file);
    sameQuestions(h, hostile(), { byId: true, feedback: true, general: true });
    for (const q of h) expect(new Set(q.extra!.formats as string[])).toEqual(new Set(['html']));
  });
  describeWith('php', "reads GIFT by Moodle's import rules", () => {
    it("Moodle's rules: the bank and the hostile pack; no choice gets a partial weight", () => {
      sameQuestions(moodleGift(exportFile('gift', false).file), bank(), { byId: true, feedback: true, general: true });
      const h = moodleGift(exportFile('gift', true).file);
      sameQuestions(h, hostile(), { byId: true, feedback: true, general: true });
      for (const q of h) expect((q.extra!.fractions as number[]).every((f) => f === 0 || f === 1)).toBe(true);
    });
  });
});

describeWith('php', "reads Aiken by Moodle's import rules", () => {
  it('the bank and the hostile pack (a stem that starts "U.S." or "ANSWER:" is kept), with no import errors', () => {
    const stem = (s: string) => s.replace(/^\u00A0/, '');
    const b = moodleAiken(exportFile('aiken', false).file);
    expect(b.errors).toEqual([]);
    sameQuestions(b.questions, bank(), { stem });
    const h = moodleAiken(exportFile('aiken', true).file);
    expect(h.errors).toEqual([]);
    sameQuestions(h.questions, hostile(), { stem });
  });
});

describeWith('php', "imports Anki text files by Anki's rules", () => {
  it('the bank and the hostile pack: 2 fields, deck, namespaced tags (non-ASCII kept), a GUID per question', () => {
    const b = ankiImport(exportFile('anki', false).file);
    expect(b.meta).toMatchObject({ separator: '\t', html: true, 'guid column': 5, 'deck column': 4, 'tags column': 3 });
    sameQuestions(b.notes, bank().map((q) => ({ ...q, id: `kap:${q.id}` })), { byId: true, general: true });
    const h = ankiImport(exportFile('anki', true).file);
    sameQuestions(h.notes, hostile().map((q) => ({ ...q, id: `kap:${q.id}` })), { byId: true, general: true });
    for (const n of h.notes) {
      expect(n.extra!.fields).toBe(2);
      expect(n.extra!.deck).toBe('kap quiz::Hostile text for exporters (café, ünïcode)');
      expect(n.tags).toEqual(expect.arrayContaining(['kap', 'kap::module::hostile-text', 'kap::tag::café']));
      for (const c of hostile().find((q) => `kap:${q.id}` === n.id)!.choices) if (c.why) expect(n.general).toContain(c.why);
    }
  });

  it('importing an export of another seed updates the notes: no duplicates', () => {
    const col = join(tmp, 'collection.json');
    rmSync(col, { force: true });
    const first = ankiImport(exportFile('anki', false).file, col);
    expect(first.added).toBe(bank().length);
    const other = join(tmp, 'other-seed.anki');
    expect(kap(['quiz', 'export', '--format', 'anki', '--seed', 'another', '--out', other], { env }).status).toBe(0);
    const second = ankiImport(other, col);
    expect([second.added, second.updated]).toEqual([0, bank().length]);
  });
});

describe('Quizlet', () => {
  it('two sides per card: the stem, then the key and explanation (hostile text unchanged, on one line)', () => {
    for (const [pack, want] of [[false, bank()], [true, hostile()]] as const) {
      const cards = quizletCards(readFileSync(exportFile('quizlet', pack).file, 'utf8'));
      expect(cards).toHaveLength(want.length);
      for (const q of want) {
        const one = (s: string) => s.replace(/\s*[\r\n\t]+\s*/g, ' ').trim();
        const card = cards.find((c) => c.term === one(q.question));
        expect(card, q.id).toBeDefined();
        expect(card!.definition.startsWith(one(`${q.choices.find((c) => c.correct)!.text} — ${q.explanation}`)), q.id).toBe(true);
      }
    }
  });
});

describeWith(['php', 'xmllint'], 'validates Moodle XML and reads it by Moodle XML import rules', () => {
  it('the bank and the hostile pack: multichoice with per-choice and general feedback, a category per module, idnumbers, tags', () => {
    const b = moodleXml(exportFile('moodle', false, 'xml').file);
    sameQuestions(b.questions, bank(), { byId: true, feedback: true, general: true });
    const modules = new Set(bank().map((q: any) => q.module));
    expect(b.categories).toHaveLength(modules.size + 1);
    for (const q of b.questions) {
      expect(q.extra!.idnumber).toBe(q.id);
      expect(q.extra!.single).toBe('true');
      expect(q.tags).toEqual(expect.arrayContaining(['kap']));
    }
    const h = moodleXml(exportFile('moodle', true, 'xml').file);
    sameQuestions(h.questions, hostile(), { byId: true, feedback: true, general: true });
    expect(h.categories.map((c) => c.path.at(-1))).toEqual(['kap quiz', 'Hostile text for exporters (café, ünïcode)']);
    expect(h.questions[0]!.general).toContain('Evidence: Opinion/practice · very-low certainty');
  });
});

describeWith(['php', 'xmllint', 'unzip'], 'unzips the QTI package, validates it against the IMS QTI 1.2 DTD and reads it as an LMS would', () => {
  it('the bank and the hostile pack: items, choices, the key, per-choice and general feedback', () => {
    const b = qtiPackage(exportFile('qti', false, 'zip').file);
    expect(b.files).toEqual(['imsmanifest.xml', `${b.assessment.ident}/${b.assessment.ident}.xml`]);
    sameQuestions(b.items, bank(), { byId: true, feedback: true, general: true });
    const h = qtiPackage(exportFile('qti', true, 'zip').file);
    sameQuestions(h.items, hostile(), { byId: true, feedback: true, general: true });
  });

  it('--format qti without --out: a usage error (a zip is not for the terminal)', () => {
    const r = kap(['quiz', 'export', '--format', 'qti'], { env });
    expect([r.status, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toContain('--out');
  });

  it('identifiers are stable: another seed keeps every item and choice ident; the same seed gives the same bytes', () => {
    const a = exportFile('qti', false, 'zip').file;
    const bytes = readFileSync(a);
    expect(readFileSync(exportFile('qti', false, 'zip').file)).toEqual(bytes);
    const idents = (items: Imported[]) => Object.fromEntries(items.map((i) => [i.id, [i.extra!.ident, [...(i.extra!.choiceIdents as string[])].sort()]]));
    const other = join(tmp, 'other.zip');
    expect(kap(['quiz', 'export', '--format', 'qti', '--seed', 'another', '--out', other], { env }).status).toBe(0);
    expect(idents(qtiPackage(other).items)).toEqual(idents(qtiPackage(a).items));
  });
});

describeWith(['php', 'xmllint', 'unzip'], "a hostile --title in Moodle XML's categories and QTI's assessment", () => {
  it('read back as written', () => {
    const title = 'A/B :: <x> & "q" # -- {y} ~ =';
    const out = (format: string, ext: string) => {
      const file = join(tmp, `title.${ext}`);
      expect(kap(['quiz', 'export', '--format', format, '--seed', SEED, '--count', '2', '--title', title, '--out', file], { env }).status).toBe(0);
      return file;
    };
    expect(moodleXml(out('moodle', 'xml')).categories[0].path).toEqual(['$course$', 'top', title]);
    expect(qtiPackage(out('qti', 'zip')).assessment.title).toBe(title);
    expect(giftPegjs(out('gift', 'gift'))).toHaveLength(2);
    expect(htmlToText(/<h1[^>]*>(.*?)<\/h1>/.exec(markdownHandout(readFileSync(out('markdown', 'md'), 'utf8')).html)![1]!)).toBe(title);
  });
});

describeWith('pandoc', 'reads the Markdown handout and writes DOCX, ODT and LaTeX from it', () => {
  it('the hostile pack: every stem and choice shown as written (raw HTML is text, *x* is not emphasis, C:\\dir kept)', () => {
    const { questions, html } = markdownHandout(readFileSync(exportFile('markdown', true, 'md').file, 'utf8'));
    sameQuestions(questions, hostile().map((q) => ({ ...q, choices: q.choices.map((c) => ({ ...c, correct: false })) })));
    // The key: each explanation and why-not as written, the key's text after its letter.
    const key = htmlToText(html.split('id="answer-key"')[1]!).split('\n');
    for (const q of hostile()) {
      expect(key, q.id).toContain(q.explanation);
      expect(key.some((l) => l.endsWith(` (${q.choices.find((c) => c.correct)!.text})`)), q.id).toBe(true);
      // Markdown renders any run of white space as one space: a tab comes back as a space.
      for (const c of q.choices) if (c.why) expect(key.some((l) => /^[A-E]: /.test(l) && l.slice(3) === c.why!.replace(/\s+/g, ' ')), `${q.id}: ${c.why}`).toBe(true);
    }
  });

  it('the bank: every question; the key starts a new page in DOCX, ODT, LaTeX and HTML', () => {
    const md = readFileSync(exportFile('markdown', false, 'md').file, 'utf8');
    expect(markdownHandout(md).questions).toHaveLength(bank().length);
    // Every source as pandoc reads it back: the reference as written, its web address included
    // (pandoc's smart typography puts a no-break space after an abbreviation such as "Inc.").
    const plain = run('pandoc', ['-f', 'markdown', '-t', 'plain', '--wrap=none'], md).replace(/\u00a0/g, ' ').split('\n');
    for (const q of bank()) for (const src of (q as unknown as { sources: { reference: string }[] }).sources) expect(plain, q.id).toContain(`Source: ${src.reference}`);
    const docx = join(tmp, 'h.docx');
    run('pandoc', ['-f', 'markdown', '-o', docx], md);
    const xml = run('unzip', ['-p', docx, 'word/document.xml']);
    expect(xml.indexOf('<w:br w:type="page" />') > -1 || xml.indexOf('<w:br w:type="page"/>') > -1).toBe(true);
    const odt = join(tmp, 'h.odt');
    run('pandoc', ['-f', 'markdown', '-o', odt], md);
    expect(run('unzip', ['-p', odt, 'content.xml'])).toContain('text:style-name="Pagebreak"');
    const latex = run('pandoc', ['-f', 'markdown', '-t', 'latex'], md);
    expect(latex).toMatch(/\\newpage\s+\\hypertarget\{answer-key\}/);
    expect(latex).toContain('\\begin{minipage}{\\linewidth}');
    expect(run('pandoc', ['-f', 'markdown', '-t', 'html'], md)).toContain('break-before: page');
  });
});
