import { describe, expect, it } from 'vitest';
import { parse } from 'gift-pegjs';
import { select } from '../../src/quiz/engine.js';
import { EXPORTERS, toExport } from '../../src/quiz/export/index.js';
import { giftEscape } from '../../src/quiz/export/gift.js';
import { BANK, question } from './quiz-bank.js';

// Every GIFT special character, a backslash and a newline, in every field.
const NASTY = question('gamma-01', 'gamma', {
  question: 'Tricky: a = b? {x} ~y #z \\ end\nsecond line',
  choices: [
    { text: 'Key: {right} = ~1 #2', correct: true },
    { text: 'Wrong: a=b', correct: false, why: 'Because: {no} ~ # =' },
    { text: 'Also wrong \\ here', correct: false, why: 'Nope: #3' },
  ],
  explanation: 'Explained: x = y {z} (Li et al., 2010).',
});
const BANK2 = [...BANK, NASTY];
const items = select(BANK2, { seed: 'export' });
const qs = toExport(items);
const meta = { title: 'kap quiz', seed: 'export' };

describe('GIFT export, read back by an independent parser (gift-pegjs)', () => {
  it('every question survives: count, stem, the correct answer text, per-answer and general feedback', () => {
    const parsed = parse(EXPORTERS.gift!(qs, meta)) as any[];
    expect(parsed).toHaveLength(qs.length);
    parsed.forEach((p, i) => {
      const q = qs[i]!;
      expect(p.type).toBe('MC');
      expect(p.title).toBe(q.id);
      expect(p.stem.text).toBe(q.question);
      expect(p.choices).toHaveLength(q.choices.length);
      const right = p.choices.filter((c: any) => c.isCorrect);
      expect(right).toHaveLength(1);
      expect(right[0].text.text).toBe(q.choices[q.key]!.text);
      expect(right[0].feedback.text).toBe('Correct.');
      p.choices.forEach((c: any, j: number) => {
        expect(c.text.text).toBe(q.choices[j]!.text);
        if (j !== q.key) expect(c.feedback.text).toBe(`Incorrect. ${q.choices[j]!.why}`);
      });
      expect(p.globalFeedback.text).toContain(q.explanation);
      expect(p.globalFeedback.text).toContain(`Source: ${q.sources[0]!.reference}`);
    });
  });

  it('escapes the six special characters and the backslash; no blank line inside a question', () => {
    expect(giftEscape('a~b=c#d{e}f:g\\h\ni')).toBe('a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h\\ni');
    const text = EXPORTERS.gift!(qs, meta);
    for (const block of text.trim().split(/\n\n/).slice(1)) expect(block).toMatch(/^::[^\n]*\{\n(.*\n)*\}$/);
  });
});

describe('other formats', () => {
  it('Aiken: one-line question, lettered options, ANSWER line', () => {
    const blocks = EXPORTERS.aiken!(qs, meta).trim().split('\n\n');
    expect(blocks).toHaveLength(qs.length);
    blocks.forEach((b, i) => {
      const lines = b.split('\n');
      const q = qs[i]!;
      expect(lines[0]).toBe(q.question.replace(/\n/, ' '));
      expect(lines.slice(1, -1)).toEqual(q.choices.map((c, j) => `${'ABCDE'[j]}. ${c.text}`));
      expect(lines.at(-1)).toBe(`ANSWER: ${'ABCDE'[q.key]}`);
    });
  });

  it('Anki: headers, then one tab-separated row of 3 HTML fields per question', () => {
    const lines = EXPORTERS.anki!(qs, meta).trimEnd().split('\n');
    const head = lines.filter((l) => l.startsWith('#'));
    expect(head).toEqual(expect.arrayContaining(['#separator:tab', '#html:true', '#tags column:3']));
    expect(head.some((l) => l.startsWith('#tags:kap'))).toBe(true);
    const rows = lines.filter((l) => !l.startsWith('#'));
    expect(rows).toHaveLength(qs.length);
    for (const r of rows) expect(r.split('\t')).toHaveLength(3);
    const nasty = rows.find((r) => r.includes('Tricky'))!;
    expect(nasty).toContain('end<br>second line');
    expect(nasty).not.toMatch(/<(?!br>|b>|\/b>|small>|\/small>)/);
  });

  it('Quizlet: term TAB definition, one card per line', () => {
    const lines = EXPORTERS.quizlet!(qs, meta).trimEnd().split('\n');
    expect(lines).toHaveLength(qs.length);
    lines.forEach((l, i) => {
      const [term, def, ...rest] = l.split('\t');
      expect(rest).toEqual([]);
      expect(term).toBe(qs[i]!.question.replace(/\n/, ' '));
      expect(def!.startsWith(qs[i]!.choices[qs[i]!.key]!.text)).toBe(true);
    });
  });

  it('Markdown: questions first, then a separate answer key with explanations and sources', () => {
    const md = EXPORTERS.markdown!(qs, meta);
    const [questions, key] = md.split('## Answer key');
    expect(questions).toContain('## Questions');
    expect(questions).not.toContain('Li et al.');
    for (const q of qs) {
      expect(questions).toContain(`**${q.n}.** ${q.question}`);
      expect(key).toContain(`**${q.n}. ${'ABCDE'[q.key]}** (${q.choices[q.key]!.text})`);
      expect(key).toContain(q.explanation);
    }
    expect(key).toContain('Source: Li, N. (2010). A study. Science.');
  });

  it('HTML: self-contained (no external resources), escaped, key on its own printed page', () => {
    const page = EXPORTERS.html!(qs, meta);
    expect(page).not.toMatch(/<(link|img|iframe)\b|\bsrc=|href="?https?:|@import|url\(/i);
    expect(page).toContain('Tricky: a = b? {x} ~y #z \\ end');
    expect(page).toMatch(/\.key-page \{ display: block; break-before: page;/);
    const evil = toExport(select([question('x-01', 'x', { question: '<script>alert(1)</script>' })], { seed: 's' }));
    expect(EXPORTERS.html!(evil, meta)).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('exports are seeded like the quiz: same seed, same text', () => {
    for (const [name, ex] of Object.entries(EXPORTERS)) {
      const a = ex(toExport(select(BANK2, { seed: 'z', count: 3 })), meta);
      const b = ex(toExport(select(BANK2, { seed: 'z', count: 3 })), meta);
      expect(a, name).toBe(b);
      // Not vacuous: another seed gives another export.
      expect(ex(toExport(select(BANK2, { seed: 'y', count: 3 })), meta), name).not.toBe(a);
    }
  });
});
