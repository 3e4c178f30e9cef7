/**
 * Each export format read back by the program that imports it, or by an independent reader of
 * that importer's documented rules (test/oracles/*.php), into one shape the tests compare with
 * the bank. Text comes back as a reader sees it: HTML fields are turned into their text.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseGift } from 'gift-pegjs';
import { ROOT } from './run-kap.js';

export interface Imported {
  id?: string;
  stem: string;
  choices: { text: string; correct: boolean; feedback?: string }[];
  /** General feedback, or the back of a card, as text. */
  general?: string;
  tags?: string[];
  extra?: Record<string, unknown>;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
const decodeEntities = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) => (e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : (ENTITIES[e] ?? m)));
/** An HTML field as its reader sees the text: <br> a newline, paragraphs apart, tags gone. */
export const htmlToText = (s: string): string => decodeEntities(s.replace(/<br\s*\/?>/g, '\n').replace(/<\/p>\s*<p>/g, '\n').replace(/<[^>]+>/g, '')).trim();

export function run(cmd: string, args: string[], input?: string): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', input, maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}
const oracle = (name: string, ...args: string[]) => JSON.parse(run('php', [join(ROOT, 'test/oracles', name), ...args]));

/** Moodle's GIFT rules; every field must say [html]. */
export function moodleGift(file: string): Imported[] {
  return (oracle('moodle-gift.php', file) as any[]).map((q) => {
    if (q.qtype !== 'multichoice') throw new Error(`${q.name}: read as ${q.qtype}`);
    const fields = [q.questiontextformat, q.generalfeedbackformat, ...q.answers.flatMap((a: any) => [a.format, a.feedbackformat])];
    if (fields.some((f) => f !== 'html')) throw new Error(`${q.name}: a field is not [html]: ${fields.join(',')}`);
    return {
      id: q.name,
      stem: htmlToText(q.questiontext),
      choices: q.answers.map((a: any) => ({ text: htmlToText(a.text), correct: a.fraction === 1, feedback: htmlToText(a.feedback), weight: a.fraction })),
      general: htmlToText(q.generalfeedback),
      extra: { fractions: q.answers.map((a: any) => a.fraction) },
    };
  });
}

export function giftPegjs(file: string): Imported[] {
  return (parseGift(readFileSync(file, 'utf8')) as any[]).map((q) => {
    if (q.type !== 'MC') throw new Error(`${q.title}: read as ${q.type}`);
    return {
      id: q.title,
      stem: htmlToText(q.stem.text),
      choices: q.choices.map((c: any) => ({ text: htmlToText(c.text.text), correct: c.isCorrect && c.weight === null, feedback: htmlToText(c.feedback?.text ?? '') })),
      general: htmlToText(q.globalFeedback?.text ?? ''),
      extra: { formats: [q.stem.format, q.globalFeedback?.format, ...q.choices.flatMap((c: any) => [c.text.format, c.feedback?.format])] },
    };
  });
}

export function moodleAiken(file: string): { questions: Imported[]; errors: string[] } {
  const r = oracle('moodle-aiken.php', file);
  return {
    errors: r.errors,
    // Moodle keeps Aiken text as plain text (htmlspecialchars), so what it shows is the text itself.
    questions: r.questions.map((q: any) => ({ stem: q.questiontext, choices: q.answers.map((a: string, i: number) => ({ text: a, correct: i === q.key })) })),
  };
}

/** Anki's text import; `collection` (a JSON file) keeps notes across imports, by GUID. */
export function ankiImport(file: string, collection?: string): { notes: Imported[]; added: number; updated: number; meta: any } {
  const r = oracle('anki-text.php', file, ...(collection ? [collection] : []));
  const notes = r.notes.map((n: any) => {
    const lines = String(n.fields[0]).split('<br>');
    // The front is the stem, a blank line, then "A) …", "B) …": read the lettered lines from the end.
    const choiceLines: string[] = [];
    for (let i = lines.length - 1; i >= 0 && /^[A-Z]\) /.test(lines[i]!); i--) choiceLines.unshift(lines[i]!);
    // Keep only a run that starts at A and goes up in order.
    while (choiceLines.length && !choiceLines[0]!.startsWith('A) ')) choiceLines.shift();
    const stem = lines.slice(0, lines.length - choiceLines.length).join('<br>').replace(/(<br>)+$/, '');
    const keyLetter = /^<b>([A-Z])\) /.exec(n.fields[1])?.[1];
    return {
      id: n.guid,
      stem: htmlToText(stem),
      choices: choiceLines.map((l) => ({ text: htmlToText(l.slice(3)), correct: l[0] === keyLetter })),
      general: htmlToText(n.fields[1]),
      tags: n.tags,
      extra: { deck: n.deck, fields: n.fields.length },
    };
  });
  return { notes, added: r.added, updated: r.updated, meta: r.meta };
}

export function quizletCards(text: string): { term: string; definition: string }[] {
  return text.split('\n').filter(Boolean).map((l) => {
    const [term, definition, ...rest] = l.split('\t');
    if (rest.length) throw new Error(`a card with more than two sides: ${l}`);
    return { term: term!, definition: definition! };
  });
}

export function moodleXml(file: string): { questions: Imported[]; categories: any[] } {
  run('xmllint', ['--noout', file]);
  const all = oracle('moodle-xml.php', file) as any[];
  const questions = all.filter((q) => q.qtype !== 'category').map((q) => {
    if (q.qtype !== 'multichoice' || q.questiontextformat !== 'html') throw new Error(`${q.name}: ${q.qtype} ${q.questiontextformat}`);
    return {
      id: q.name,
      stem: htmlToText(q.questiontext),
      choices: q.answers.map((a: any) => ({ text: htmlToText(a.text), correct: a.fraction === 100, feedback: htmlToText(a.feedback) })),
      general: htmlToText(q.generalfeedback),
      tags: q.tags,
      extra: { idnumber: q.idnumber, category: q.category, single: q.single },
    };
  });
  return { questions, categories: all.filter((q) => q.qtype === 'category') };
}

export const QTI_DTD = join(ROOT, 'test/fixtures/qti/ims_qtiasiv1p2.dtd');

/** Unzip (Info-ZIP's unzip checks every CRC), validate against the QTI 1.2 DTD, read as an LMS would. */
export function qtiPackage(zipFile: string): { items: Imported[]; assessment: any; files: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'kap-qti-'));
  run('unzip', ['-t', '-q', zipFile]);
  run('unzip', ['-q', zipFile, '-d', dir]);
  const files = run('unzip', ['-Z1', zipFile]).split('\n').filter(Boolean);
  run('xmllint', ['--noout', join(dir, 'imsmanifest.xml')]);
  for (const f of files.filter((f) => f !== 'imsmanifest.xml')) run('xmllint', ['--noout', '--dtdvalid', QTI_DTD, join(dir, f)]);
  const a = oracle('qti12.php', dir);
  const items = a.items.map((it: any) => {
    if (it.type !== 'multiple_choice_question' || it.texttype !== 'text/html') throw new Error(`${it.ident}: ${it.type} ${it.texttype}`);
    return {
      id: it.title,
      stem: htmlToText(it.text),
      choices: it.choices.map((c: any) => ({ text: htmlToText(c.text), correct: c.correct, feedback: htmlToText(c.feedback ?? '') })),
      general: htmlToText(it.general ?? ''),
      extra: { ident: it.ident, choiceIdents: it.choices.map((c: any) => c.ident) },
    };
  });
  return { items, assessment: a, files };
}

/** The handout through pandoc: its HTML, read back question by question. */
export function markdownHandout(text: string): { questions: Imported[]; html: string } {
  const html = run('pandoc', ['-f', 'markdown-smart', '-t', 'html', '--wrap=none'], text);
  const questions: Imported[] = [];
  for (const m of html.matchAll(/<div class="question"[^>]*>\s*<p><strong>\d+\.<\/strong> ([\s\S]*?)<\/p>\s*<ul>([\s\S]*?)<\/ul>\s*<\/div>/g)) {
    const choices = [...m[2]!.matchAll(/<li>[A-Z]\. ([\s\S]*?)<\/li>/g)].map((c) => ({ text: htmlToText(c[1]!), correct: false }));
    questions.push({ stem: htmlToText(m[1]!), choices });
  }
  return { questions, html };
}

