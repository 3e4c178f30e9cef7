/** rules.ts's short cuts of a sentence: isQuestion is the regex it stands for; a plain draft lower-cased once is each sentence lower-cased. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from 'yaml';
import { isPlainText } from '../../src/lint/plain-regex.js';
import { prose } from '../../src/lint/prose.js';
import { isQuestion } from '../../src/lint/rules.js';
import { sentences } from '../../src/lint/sentences.js';
import { ROOT } from '../helpers/run-kap.js';

const REGEX = /\?["'”’)\]]*\s*$/;
const part = fc.constantFrom('?', '"', "'", '”', '’', ')', ']', ' ', '\t', '\n', '\u00a0', '\u2028', '\ufeff', '\u3000', 'a', '.', '!', '(', '“', '?a', '\u200b');

describe('isQuestion', () => {
  it('is the regex, on texts of question marks, closers, spaces and others', () => {
    let yes = 0;
    fc.assert(
      fc.property(fc.array(part, { maxLength: 12 }), (parts) => {
        const t = parts.join('');
        expect(isQuestion(t), JSON.stringify(t)).toBe(REGEX.test(t));
        if (REGEX.test(t)) yes++;
      }),
      { numRuns: 20000 },
    );
    expect(yes).toBeGreaterThan(1000);
  });
  it('is the regex for every code unit after a question mark and alone', () => {
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      for (const t of [`?${ch}`, ch, `?${ch}?`, `a?)${ch} `]) expect(isQuestion(t)).toBe(REGEX.test(t));
    }
  });
});

describe('a plain draft lower-cased once', () => {
  const labelled = ['labelled', 'held-out'].flatMap((f) => (parse(readFileSync(`${ROOT}test/lint/${f}.yaml`, 'utf8')) as { text: string }[]).map((c) => c.text));
  it("is, sliced, each sentence's own voice lower-cased where it quotes nothing", () => {
    let sliced = 0;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...labelled, '“Quoted” ÄÖ words.', 'SHOUTED – and … ŁÓDŹ?', '## Heading\n'), { minLength: 1, maxLength: 30 }), (parts) => {
        const p = prose(parts.join(' '));
        if (!isPlainText(p.text)) return;
        const lower = p.text.toLowerCase();
        for (const s of sentences(p)) {
          if (s.own !== s.text) continue;
          expect(lower.slice(s.start, s.end)).toBe(s.own.toLowerCase());
          sliced++;
        }
      }),
      { numRuns: 300 },
    );
    expect(sliced).toBeGreaterThan(1000);
  });
});
