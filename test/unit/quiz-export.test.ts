import { describe, expect, it } from 'vitest';
import { parse } from 'gift-pegjs';
import { select } from '../../src/quiz/engine.js';
import { EXPORTS, exportWarnings, toExport } from '../../src/quiz/export/index.js';
import { giftEscape } from '../../src/quiz/export/gift.js';
import { aikenStem, GUARD } from '../../src/quiz/export/aiken.js';
import { mdEscape } from '../../src/quiz/export/markdown.js';
import { crc32 } from '../../src/quiz/export/zip.js';
import { BANK, question } from './quiz-bank.js';

// Every GIFT special character, a backslash and a newline, in every field.
const NASTY = question('gamma-01', 'gamma', {
  question: 'Tricky: a = b? {x} ~y #z \\ end\nsecond line\n',
  choices: [
    { text: 'Key: {right} = ~1 #2', correct: true },
    { text: 'Wrong: a=b', correct: false, why: 'Because: {no} ~ # =' },
    { text: 'Also wrong \\ here', correct: false, why: 'Nope: #3' },
  ],
  explanation: 'Explained: x = y {z} (Li et al., 2010).\n',
});
const BANK2 = [...BANK, NASTY];
const items = select(BANK2, { seed: 'export' });
const qs = toExport(items);
const meta = { title: 'kap quiz', seed: 'export' };
const text = (format: string, q = qs) => EXPORTS[format]!.write(q, meta) as string;
const decode = (s: string) => s.replace(/<br>/g, '\n').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

describe('toExport', () => {
  it('trims the trailing newline of YAML | blocks from every field', () => {
    const n = qs.find((q) => q.id === 'gamma-01')!;
    expect(n.question).toBe('Tricky: a = b? {x} ~y #z \\ end\nsecond line');
    expect(n.explanation.endsWith('.')).toBe(true);
  });
});

describe('GIFT export, read back by an independent parser (gift-pegjs)', () => {
  it('every question survives: count, stem, the correct answer text, per-answer and general feedback, all [html]', () => {
    const parsed = parse(text('gift')) as any[];
    expect(parsed).toHaveLength(qs.length);
    parsed.forEach((p, i) => {
      const q = qs[i]!;
      expect(p.type).toBe('MC');
      expect(p.title).toBe(q.id);
      expect(p.stem.format).toBe('html');
      expect(decode(p.stem.text)).toBe(q.question);
      expect(p.choices).toHaveLength(q.choices.length);
      const right = p.choices.filter((c: any) => c.isCorrect);
      expect(right).toHaveLength(1);
      expect(decode(right[0].text.text)).toBe(q.choices[q.key]!.text);
      expect(right[0].feedback.text).toBe('Correct.');
      p.choices.forEach((c: any, j: number) => {
        expect(c.text.format).toBe('html');
        expect(c.weight).toBeNull();
        expect(decode(c.text.text)).toBe(q.choices[j]!.text);
        if (j !== q.key) expect(decode(c.feedback.text)).toBe(`Incorrect. ${q.choices[j]!.why}`);
      });
      expect(p.globalFeedback.format).toBe('html');
      expect(decode(p.globalFeedback.text)).toContain(q.explanation);
      expect(decode(p.globalFeedback.text)).toContain(`Source: ${q.sources[0]!.reference}`);
    });
  });

  it('escapes the six special characters and the backslash; no blank line inside a question', () => {
    expect(giftEscape('a~b=c#d{e}f:g\\h\ni')).toBe('a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h\\ni');
    for (const block of text('gift').trim().split(/\n\n/).slice(1)) expect(block).toMatch(/^::[^\n]*\{\n(.*\n)*\}$/);
  });

  it('a choice starting with %25% or [markdown] stays text (the old export made it a 25% weight / a format)', () => {
    const q = toExport(select([question('w-01', 'w', { choices: [{ text: '%25% of people', correct: true }, { text: '[markdown]*x*', correct: false }] })], { seed: 's', shuffle: false }));
    const [p] = parse(text('gift', q)) as any[];
    expect(p.choices.map((c: any) => [c.weight, c.text.format, decode(c.text.text)])).toEqual([
      [null, 'html', '%25% of people'],
      [null, 'html', '[markdown]*x*'],
    ]);
  });
});

describe('other formats', () => {
  it('Aiken: one-line question, lettered options, ANSWER line; a stem that reads like an option gets a zero-width space', () => {
    const blocks = text('aiken').trim().split('\n\n');
    expect(blocks).toHaveLength(qs.length);
    blocks.forEach((b, i) => {
      const lines = b.split('\n');
      const q = qs[i]!;
      expect(lines[0]).toBe(q.question.replace(/\n/, ' '));
      expect(lines.slice(1, -1)).toEqual(q.choices.map((c, j) => `${'ABCDE'[j]}. ${c.text}`));
      expect(lines.at(-1)).toBe(`ANSWER: ${'ABCDE'[q.key]}`);
    });
    expect(aikenStem('U.S. law')).toBe(`${GUARD}U.S. law`);
    expect(aikenStem('A) x')).toBe(`${GUARD}A) x`);
    expect(aikenStem('ANSWER: x')).toBe(`${GUARD}ANSWER: x`);
    expect(aikenStem('Usually')).toBe('Usually');
  });

  it('Anki: headers, then one row of 5 quoted fields per question (a # first line is not a comment); GUIDs from ids', () => {
    const lines = text('anki').trimEnd().split('\n');
    const head = lines.filter((l) => l.startsWith('#'));
    expect(head).toEqual(['#separator:tab', '#html:true', '#notetype:Basic', '#tags column:3', '#deck column:4', '#guid column:5', '#if matches:update current']);
    const rows = lines.filter((l) => !l.startsWith('#'));
    expect(rows).toHaveLength(qs.length);
    for (const r of rows) expect(r).toMatch(/^"[^\t]*"(\t"[^\t]*"){4}$/);
    const nasty = rows.find((r) => r.includes('Tricky'))!;
    expect(nasty).toContain('end<br>second line');
    expect(nasty).toContain('"kap:gamma-01"');
    expect(nasty).toContain('kap::module::gamma kap::difficulty::easy');
  });

  it('Quizlet: term TAB definition, one card per line', () => {
    const lines = text('quizlet').trimEnd().split('\n');
    expect(lines).toHaveLength(qs.length);
    lines.forEach((l, i) => {
      const [term, def, ...rest] = l.split('\t');
      expect(rest).toEqual([]);
      expect(term).toBe(qs[i]!.question.replace(/\n/, ' '));
      expect(def!.startsWith(qs[i]!.choices[qs[i]!.key]!.text)).toBe(true);
    });
  });

  it('Markdown: questions first, then a separate answer key with explanations and sources; text escaped', () => {
    const md = text('markdown');
    const [questions, key] = md.split('## Answer key');
    expect(questions).toContain('## Questions');
    expect(questions).not.toContain('Li et al.');
    for (const q of qs) {
      expect(questions).toContain(`**${q.n}.** ${mdEscape(q.question)}`);
      expect(key).toContain(`**${q.n}. ${'ABCDE'[q.key]}** (${mdEscape(q.choices[q.key]!.text)})`);
    }
    expect(key).toContain('Source: Li, N. (2010). A study. Science.');
    expect(mdEscape('*x* <b> C:\\dir')).toBe('\\*x\\* \\<b\\> C:\\\\dir');
    expect(questions).toContain('```{=openxml}');
    expect(questions).toContain('```{=latex}\n\\newpage');
  });

  it('Markdown: a web address in a source is an autolink with the spaces around it kept', () => {
    const q = { ...qs[0]!, sources: [{ ...qs[0]!.sources[0]!, reference: 'Li, N. (2010). A study. Science, 1, 2–3. https://doi.org/10.1/x_y (see *p*)' }] };
    expect(text('markdown', [q])).toContain('Source: Li, N. (2010). A study. Science, 1, 2–3. <https://doi.org/10.1/x_y> (see \\*p\\*)');
  });

  it('HTML: self-contained (no external resources), escaped, key on its own printed page', () => {
    const page = text('html');
    expect(page).not.toMatch(/<(link|img|iframe)\b|\bsrc=|@import|url\(/i);
    expect(page).toContain('Tricky: a = b? {x} ~y #z \\ end<br>second line');
    expect(page).toMatch(/\.key-page \{ display: block; break-before: page;/);
    const evil = toExport(select([question('x-01', 'x', { question: '<script>alert(1)</script>' })], { seed: 's' }));
    expect(text('html', evil)).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('exports are seeded like the quiz: same seed, same bytes', () => {
    for (const [name, f] of Object.entries(EXPORTS)) {
      const a = f.write(toExport(select(BANK2, { seed: 'z', count: 3 })), meta);
      const b = f.write(toExport(select(BANK2, { seed: 'z', count: 3 })), meta);
      expect(b, name).toEqual(a);
      // Not vacuous: another seed gives another export.
      expect(f.write(toExport(select(BANK2, { seed: 'y', count: 3 })), meta), name).not.toEqual(a);
    }
  });
});

describe('safety: notice and help blocks', () => {
  const crisis = toExport(select([question('c-01', 'c', { explanation: 'People with thoughts of suicide need care.' }), question('d-01', 'd')], { seed: 's', shuffle: false }));
  it('formats that cannot hold the notice or the blocks say so, naming the questions', () => {
    expect(exportWarnings('aiken', crisis)).toEqual([expect.stringContaining('notice'), expect.stringMatching(/help block for c-01 \(crisis\) could not go/)]);
    expect(exportWarnings('quizlet', crisis)).toEqual([expect.stringContaining('notice')]);
    for (const f of ['markdown', 'gift', 'moodle', 'qti', 'anki', 'html']) expect(exportWarnings(f, crisis), f).toEqual([]);
  });
});

describe('zip', () => {
  it('CRC-32 matches the standard check value', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });
});
