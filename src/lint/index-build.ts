/**
 * Build time: the lint index from the content, so a pack's claims, errata and references are
 * checked too and no pattern is written by hand a second time.
 */
import type { Erratum, Module } from '../content/model.js';
import type { BibEntry } from '../cite/bibliography.js';
import { lintTerms as terms, matchIndex } from './match.js';
import { fold } from '../text/fold.js';
import { authorYears } from './sentences.js';
import { LINT_VERSION, type LintClaim, type LintErratum, type LintIndex, type LintReference } from './model.js';

const unique = (xs: string[]) => [...new Set(xs)];
/** A claim's sentences ("… a week. But the effect fades …"): readable claims are several short ones. */
const sentencesOf = (text: string) => text.split(/(?<=[.;])\s+(?=[A-Z(])/).filter((t) => t.trim());
/** Pandoc citations out of a claim's text: "[@a; @b]" is no words a writer writes. */
const withoutKeys = (s: string) => s.replace(/\s*\[[^\]]*@[^\]]*\]/g, '');
const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#38;': '&', '&#39;': "'" };
const htmlText = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&#?\w+;/g, (e) => ENTITIES[e] ?? e).replace(/\s+/g, ' ').trim();

export function buildLintIndex(modules: Module[], entries: BibEntry[], errata: Erratum[]): LintIndex {
  // kap's own module on evidence labels illustrates them with copies of real claims ("Example of
  // a preclinical claim: …"): a draft that states the claim matches the real one.
  const claims: LintClaim[] = modules.flatMap((m) =>
    m.claims.filter((c) => !/^Example of\b/.test(c.text)).map((c) => {
      const text = withoutKeys(c.text);
      const parts = sentencesOf(text);
      return {
        id: c.id,
        module: m.id,
        text,
        certainty: c.certainty,
        design: c.design,
        sources: c.sources,
        terms: unique(terms(text)),
        ...(parts.length > 1 && { parts: parts.map((t) => unique(terms(t))) }),
        ...(c.article && {
          article: { quote: c.article.quote, terms: unique(terms(c.article.quote)), verdict: c.article.verdict, correction: withoutKeys(c.article.correction), cited: c.article.cited },
        }),
      };
    }),
  );
  // Documents for idf: every claim text and every article quote.
  const docs = claims.flatMap((c) => [c.terms, ...(c.article ? [c.article.terms] : [])]);
  const df = new Map<string, number>();
  for (const d of docs) for (const t of d) df.set(t, (df.get(t) ?? 0) + 1);
  const idf: Record<string, number> = {};
  // In thousandths, as integers: matching sums them, and a fresh process sums integers
  // without allocating (its cold code boxes every fractional number).
  for (const [t, n] of df) idf[t] = Math.round(Math.log(1 + docs.length / n) * 1000);

  const references: LintReference[] = entries.map((e) => ({
    key: e.key,
    families: e.authors.map(fold),
    year: e.year,
    inText: e.styles.apa.inText,
    reference: htmlText(e.styles.apa.html),
  }));
  const byKey = new Map(references.map((r) => [r.key, r]));
  const lintErrata: LintErratum[] = errata.map((er) => {
    const ref = byKey.get(er.key);
    // "Furikawa et al., 2005 (first mention); Furukawa et al., 2005 (second mention)": the
    // forms whose names are not the reference's own are the article's misspellings.
    const forms = er.inText.split(';').flatMap((part) => authorYears(`(${part.replace(/\([^)]*\)/g, '').trim()})`));
    const misspelt = forms
      .filter((f) => !ref || f.families.some((name, i) => fold(name) !== ref.families[i]))
      .map((f) => ({ text: f.text, families: f.families.map(fold), year: f.year }));
    return { key: er.key, misspelt, citedFor: er.citedFor, citedForTerms: unique(terms(er.citedFor)), supports: er.supports, instead: er.instead };
  });
  // Words of names that are everyday words too ("help", "start", "age") name no topic.
  const everyday = new Set(['help', 'start', 'age', 'key', 'support', 'source', 'course', 'session', 'access', 'law', 'legal', 'safety', 'risk', 'label', 'about', 'overview', 'intro', 'introduction', 'basic', 'article', 'sessions', 'crisis', 'trial', 'design', 'use', 'drinking', 'drive', 'driving', 'children', 'young', 'people', 'older', 'adult']);
  const topics = unique(modules.flatMap((m) => [m.id, m.title, ...m.aliases]).flatMap((n) => terms(n))).filter((t) => t.length > 2 && !everyday.has(t));
  return { version: LINT_VERSION, claims, idf, references, errata: lintErrata, match: matchIndex(claims, idf), topics };
}
