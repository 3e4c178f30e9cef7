/**
 * The safety layer in every export (the export rows of the surface-enumerating idea): every
 * format × every question whose shown text needs help, in the shipped bank and the hostile pack.
 * Each block is looked for where that format's reader sees the question (read back by the
 * importer readers of export-importers.test.ts); questions that need none carry none; the notice
 * is there once; a format that cannot hold a block names the questions on stderr.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HELP_BLOCKS, NOTICE, helpNeeded, type HelpKind } from '../../src/safety/index.js';
import { describeWith } from '../helpers/oracle.js';
import { BIN, cleanEnv, kap, ROOT } from '../helpers/run-kap.js';
import { ankiImport, htmlToText, markdownHandout, moodleGift, moodleXml, qtiPackage, quizletCards, type Imported } from '../helpers/importers.js';

vi.setConfig({ testTimeout: 180_000 });

const tmp = mkdtempSync(join(tmpdir(), 'kap-export-safety-'));
const env = { KAP_CACHE_DIR: join(tmp, 'cache') };
const HOSTILE = join(ROOT, 'test/fixtures/hostile-pack');

interface Q { id: string; module: string; question: string; choices: { text: string; why?: string }[]; explanation: string }
let all: Q[] = [];
const needs = (q: Q): HelpKind[] => helpNeeded(q.question, ...q.choices.flatMap((c) => [c.text, c.why ?? '']), q.explanation);
const plain = (l: string) => l.replace(/\*\*(.+?)\*\*/g, '$1');
const blockText = (k: HelpKind) => [HELP_BLOCKS[k].title, ...HELP_BLOCKS[k].lines.map(plain)];

function exportFile(format: string, ext = format): { file: string; stderr: string } {
  const file = join(tmp, `all.${ext}`);
  const r = kap(['--content', HOSTILE, 'quiz', 'export', '--format', format, '--seed', 'safety', '--out', file, '--force'], { env });
  expect(r.status, r.stderr).toBe(0);
  return { file, stderr: r.stderr };
}

/** Each question's text where its reader sees it carries exactly the blocks it needs. */
function checkBlocks(format: string, seen: (q: Q) => string | undefined) {
  const needing = all.filter((q) => needs(q).length);
  expect(needing.length, 'the bank has questions that need help').toBeGreaterThan(2);
  for (const q of all) {
    const text = seen(q);
    expect(text, `${format}: ${q.id} imported`).toBeDefined();
    for (const k of ['crisis', 'emergency'] as HelpKind[]) {
      const want = needs(q).includes(k);
      for (const line of blockText(k)) expect(text!.includes(line), `${format}: ${q.id} ${want ? 'needs' : 'must not have'} the ${k} block ("${line}")`).toBe(want);
    }
  }
}

const byId = (items: Imported[], id: (q: Q) => string = (q) => q.id) => (q: Q) => items.find((i) => i.id === id(q))?.general;

beforeAll(() => {
  // Compile the pack once (seconds on a busy machine); then read the bank as kap compiled it,
  // the hostile pack included: the shown text of every question.
  const c = spawnSync(process.execPath, [BIN, '--content', HOSTILE, 'paths', '--json'], { env: cleanEnv(env), encoding: 'utf8' });
  expect(c.status, c.stderr).toBe(0);
  all = JSON.parse(readFileSync(join(JSON.parse(c.stdout).active, 'quiz.json'), 'utf8')).questions;
  expect(all.some((q) => q.module === 'hostile-text')).toBe(true);
}, 180_000);

describeWith('php', 'help blocks in GIFT, read by Moodle’s GIFT rules', () => {
  it('each question’s general feedback', () => {
    const { file } = exportFile('gift');
    checkBlocks('gift', byId(moodleGift(file)));
    expect(readFileSync(file, 'utf8').split(NOTICE)).toHaveLength(2);
  });
});

describeWith(['php', 'xmllint'], 'help blocks in Moodle XML, read by Moodle XML rules', () => {
  it('each question’s general feedback; the notice in the top category', () => {
    const { questions, categories } = moodleXml(exportFile('moodle', 'xml').file);
    checkBlocks('moodle', byId(questions));
    expect(htmlToText(categories[0].info)).toBe(NOTICE);
  });
});

describeWith(['php', 'xmllint', 'unzip'], 'help blocks in the QTI package, read as an LMS would', () => {
  it('each item’s general feedback; the notice in the assessment rubric', () => {
    const { items, assessment } = qtiPackage(exportFile('qti', 'zip').file);
    checkBlocks('qti', byId(items));
    expect(htmlToText(assessment.rubric)).toBe(NOTICE);
  });
});

describeWith('php', 'help blocks in Anki cards, read by Anki’s text-import rules', () => {
  it('the back of each card, with the notice', () => {
    const { notes } = ankiImport(exportFile('anki', 'txt').file);
    checkBlocks('anki', byId(notes, (q) => `kap:${q.id}`));
    for (const n of notes) expect(n.general!.split(NOTICE)).toHaveLength(2);
  });
});

describe('Quizlet and Aiken', () => {
  it('Quizlet: the definition side; the notice on stderr', () => {
    const { file, stderr } = exportFile('quizlet', 'txt');
    const cards = quizletCards(readFileSync(file, 'utf8'));
    const one = (s: string) => s.replace(/\s*[\r\n\t]+\s*/g, ' ').trim();
    checkBlocks('quizlet', (q) => cards.find((c) => c.term === one(q.question))?.definition);
    expect(stderr).toContain(NOTICE);
  });

  it('Aiken has no feedback field: stderr names every question that needs a block; a companion note holds the blocks and the notice', () => {
    const { file, stderr } = exportFile('aiken', 'txt');
    expect(stderr).toContain(NOTICE);
    const line = stderr.split('\n').find((l) => l.includes('has no feedback field'))!;
    for (const q of all) expect(line.includes(`${q.id} (${needs(q).join(', ')})`), q.id).toBe(needs(q).length > 0);
    expect(stderr).toContain(`${file}.notes.txt`);
    const note = readFileSync(`${file}.notes.txt`, 'utf8');
    expect(note.split(NOTICE)).toHaveLength(2);
    // Each question's part of the note: from its heading to the next one.
    const parts = note.split(/^(?=Question \d+ \()/m).slice(1);
    expect(parts).toHaveLength(all.filter((q) => needs(q).length).length);
    checkBlocks('aiken note', (q) => parts.find((p) => p.includes(`(${q.id})`)) ?? '');
  });
});

describeWith('pandoc', 'help blocks in the Markdown handout, read by pandoc', () => {
  it('after each question’s choices; the notice under the title', () => {
    const { file } = exportFile('markdown', 'md');
    const { html } = markdownHandout(readFileSync(file, 'utf8'));
    const [questionsPart] = html.split('id="answer-key"');
    const segments = questionsPart!.split('<div class="question"').slice(1).map(htmlToText);
    checkBlocks('markdown', (q) => segments.find((s) => s.includes(q.question.replace(/\s*\n\s*/g, ' ').trim())));
    expect(htmlToText(html).split(NOTICE)).toHaveLength(2);
  });
});

describe('HTML page', () => {
  it('in each question’s section; the notice in the header', () => {
    const page = readFileSync(exportFile('html').file, 'utf8');
    checkBlocks('html', (q) => {
      const m = new RegExp(`<section class="q" id="${q.id}"[\\s\\S]*?</section>`).exec(page);
      return m ? htmlToText(m[0]) : undefined;
    });
    expect(htmlToText(page.replace(/<style>[\s\S]*?<\/style>|<script>[\s\S]*?<\/script>/g, '')).split(NOTICE)).toHaveLength(2);
  });
});

it('every format is covered here', async () => {
  const { FORMATS } = await import('../../src/quiz/export/index.js');
  expect([...FORMATS].sort()).toEqual(['aiken', 'anki', 'gift', 'html', 'markdown', 'moodle', 'qti', 'quizlet']);
  // …and `--format` offers every one (the command table keeps its own list, off the start-up path).
  const { COMMANDS } = await import('../../src/command-table.js');
  const exp = COMMANDS.find((c) => c.name === 'quiz')!.subcommands!.find((c) => c.name === 'export')!;
  expect([...exp.options!.find((o) => o.flags.startsWith('--format'))!.choices!].sort()).toEqual([...FORMATS].sort());
});
