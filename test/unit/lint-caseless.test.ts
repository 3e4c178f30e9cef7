/**
 * A plain draft's sentences are asked the rules' patterns lower-cased, without the i flag
 * (rules.ts caseless): the same findings, at the same places, with the words as written, as a
 * draft that is not plain gets from the case-insensitive patterns.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { lintText } from '../../src/lint/lint.js';
import { isPlainText } from '../../src/lint/plain-regex.js';
import { readLintIndex } from '../../src/lint/read.js';
import { ROOT } from '../helpers/run-kap.js';

const index = readLintIndex(`${ROOT}dist/content`);
const sentences = ['labelled', 'held-out'].flatMap((f) => (parse(readFileSync(`${ROOT}test/lint/${f}.yaml`, 'utf8')) as { text: string }[]).map((c) => c.text));
// A last paragraph with a letter beyond ASCII makes a draft not plain, and is no finding itself.
const NOT_PLAIN = '\n\nCafé.\n';

describe('patterns asked of plain drafts lower-cased', () => {
  it('find what the case-insensitive patterns find, in any case the writer types', () => {
    let found = 0;
    for (const text of sentences.filter(isPlainText)) {
      for (const variant of [text, text.toUpperCase(), text.toLowerCase(), text.replace(/\b\w/g, (c) => c.toUpperCase())]) {
        const plain = lintText(variant, index);
        const other = lintText(variant + NOT_PLAIN, index);
        expect(isPlainText(variant + NOT_PLAIN)).toBe(false);
        expect(plain, variant).toEqual(other);
        found += plain.length;
      }
    }
    expect(found).toBeGreaterThan(sentences.length);
  });
});
