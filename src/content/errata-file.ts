/** Parse `errata.yaml`: how the source article cited each of its references wrongly. */
import type { Erratum } from './model.js';
import { parseList, type Sink } from './fields.js';

const KEYS = ['key', 'article_text', 'in_text', 'errors', 'cited_for', 'supports', 'instead'];

export function parseErrata(text: string, sink: Sink): { erratum: Erratum; line: number }[] {
  const out: { erratum: Erratum; line: number }[] = [];
  for (const f of parseList(text, sink, 'errata')) {
    f.onlyKeys(KEYS);
    const key = f.id('key');
    const articleText = f.str('article_text');
    const inText = f.str('in_text', false) ?? '';
    const errors = f.strList('errors', true);
    const citedFor = f.str('cited_for', false) ?? '';
    const supports = f.bool('supports', true);
    const instead = f.strList('instead');
    if (key && articleText) out.push({ erratum: { key, articleText, inText, errors, citedFor, supports, instead }, line: f.line() });
  }
  return out;
}
