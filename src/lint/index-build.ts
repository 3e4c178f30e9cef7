/**
 * Build time: the lint index from the content, so a pack's claims, errata and references are
 * checked too and no pattern is written by hand a second time.
 */
import type { Erratum, Module } from '../content/model.js';
import type { BibEntry } from '../cite/bibliography.js';
import { lintTerms as terms, matchDocuments, RARE, weight } from './match.js';
import { fold } from '../text/fold.js';
import { authorYears } from './sentences.js';
import { nearKeysOf } from './citations.js';
import { negations } from './rules.js';
import {
  claimsFile, DOCS_FILE, FLAG, HEAD_FILE, KEYS_FILE, LINT_VERSION, shardFile, termShard, topicFile,
  type ClaimDetail, type LintClaim, type LintDocs, type LintErratum, type LintHead, type LintReference, type Myth, type TermEntry, type WrongClaim,
} from './model.js';

/** The lint index's files, path (under the compiled folder) and text. */
export type LintFiles = [string, string][];

const unique = (xs: string[]) => [...new Set(xs)];
/** A claim's sentences ("… a week. But the effect fades …"): readable claims are several short ones. */
const sentencesOf = (text: string) => text.split(/(?<=[.;])\s+(?=[A-Z(])/).filter((t) => t.trim());
/** Pandoc citations out of a claim's text: "[@a; @b]" is no words a writer writes. */
const withoutKeys = (s: string) => s.replace(/\s*\[[^\]]*@[^\]]*\]/g, '');
const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#38;': '&', '&#39;': "'" };
const htmlText = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&#?\w+;/g, (e) => ENTITIES[e] ?? e).replace(/\s+/g, ' ').trim();

/** A claim's terms, and each of its sentences' terms when it has several. */
export function claimTerms(text: string): Pick<LintClaim, 'terms' | 'parts'> {
  const parts = sentencesOf(text);
  return { terms: unique(terms(text)), ...(parts.length > 1 && { parts: parts.map((t) => unique(terms(t))) }) };
}

/** About how many bytes a term shard holds, and how many claims a details file. */
const SHARD_BYTES = 8192;
const CHUNK = 32;

export function buildLintIndex(modules: Module[], entries: BibEntry[], errata: Erratum[]): LintFiles {
  // kap's own module on evidence labels illustrates them with copies of real claims ("Example of
  // a preclinical claim: …"): a draft that states the claim matches the real one.
  const claims: LintClaim[] = modules.flatMap((m) =>
    m.claims.filter((c) => !/^Example of\b/.test(c.text)).map((c) => {
      const text = withoutKeys(c.text);
      return {
        id: c.id,
        module: m.id,
        text,
        certainty: c.certainty,
        design: c.design,
        sources: c.sources,
        ...claimTerms(text),
        ...(c.article && {
          article: { quote: c.article.quote, terms: unique(terms(c.article.quote)), verdict: c.article.verdict, correction: withoutKeys(c.article.correction), cited: c.article.cited },
        }),
        ...(c.myths && { myths: c.myths.map((t) => ({ text: t, terms: unique(terms(t)) })) }),
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
  // A myth's word in no claim or quote gets an entry too, as a word of one document (a long
  // draft's terms are only those with one); not a document itself, so no other idf moves.
  for (const c of claims) for (const x of c.myths ?? []) for (const t of x.terms) idf[t] ??= Math.round(Math.log(1 + docs.length) * 1000);

  const references: LintReference[] = entries.map((e) => ({
    key: e.key,
    families: e.authors.map(fold),
    year: e.year,
    inText: e.styles.apa.inText,
    reference: htmlText(e.styles.apa.html),
    ...(e.retracted && { retracted: true as const }),
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
    const citedForTerms = unique(terms(er.citedFor));
    return { key: er.key, misspelt, citedFor: er.citedFor, citedForTerms, citedForWeight: weight(idf, citedForTerms), supports: er.supports, instead: er.instead };
  });
  // Words of names that are everyday words too ("help", "start", "age") name no topic.
  const everyday = new Set(['help', 'start', 'age', 'key', 'support', 'source', 'course', 'session', 'access', 'law', 'legal', 'safety', 'risk', 'label', 'about', 'overview', 'intro', 'introduction', 'basic', 'article', 'sessions', 'crisis', 'trial', 'design', 'use', 'drinking', 'drive', 'driving', 'children', 'young', 'people', 'older', 'adult']);
  const topics = unique(modules.flatMap((m) => [m.id, m.title, ...m.aliases]).flatMap((n) => terms(n))).filter((t) => t.length > 2 && !everyday.has(t));
  return lintFiles({ claims, idf, references, errata: lintErrata, topics });
}

function lintFiles(ix: { claims: LintClaim[]; idf: Record<string, number>; references: LintReference[]; errata: LintErratum[]; topics: string[] }): LintFiles {
  const { claims, idf } = ix;
  const detail = (c: LintClaim): ClaimDetail => ({ id: c.id, text: c.text, certainty: c.certainty, design: c.design, sources: c.sources });
  // The article's wrong claims (known errors); misattributed ones are about the source, rule 3.
  const wrong: WrongClaim[] = claims
    .filter((c) => c.article && c.article.verdict !== 'supported' && c.article.verdict !== 'misattributed')
    .map((c) => {
      const a = c.article!;
      return { claim: detail(c), verdict: a.verdict, correction: a.correction, terms: a.terms, rare: a.terms.filter((t) => (idf[t] ?? 0) >= RARE), weight: weight(idf, a.terms), negated: negations(a.quote), fixTerms: c.terms, fixIdf: c.terms.map((t) => idf[t] ?? 0) };
    });
  // Each myth once, with the first claim that has it (a pack may repeat a claim, myths and all);
  // none of fewer than two terms (words that are all stop words would match every sentence).
  const mythTexts = new Set<string>();
  const myths: Myth[] = claims.flatMap((c) => (c.myths ?? []).filter((x) => x.terms.length >= 2 && !mythTexts.has(x.text) && mythTexts.add(x.text)).map((x) => ({ claim: detail(c), ...x })));
  const m = matchDocuments(claims, idf);
  const flagsOf = (c: LintClaim) =>
    (c.certainty === 'low' ? FLAG.low : 0) | (c.certainty === 'very-low' ? FLAG.veryLow : 0) | (c.design === 'preclinical' ? FLAG.preclinical : 0) | (c.design === 'opinion' ? FLAG.opinion : 0);
  const docs: LintDocs = {
    claim: m.claimOf.map((i) => m.number[i]!),
    weight: m.weights,
    flags: m.claimOf.map((i) => flagsOf(claims[i]!)),
  };
  const topics = new Set(ix.topics);
  // Every term of a claim or quote has an idf (above 0); a topic's word that has none is an
  // unseen word to matching, and goes to the topic shards.
  const entries = new Map<string, TermEntry>();
  for (const t of Object.keys(idf)) entries.set(t, [idf[t]!, topics.has(t) ? 1 : 0, ...(Object.hasOwn(m.postings, t) ? m.postings[t]! : [])]);
  const topicOnly = [...topics].filter((t) => !Object.hasOwn(idf, t));
  const size = [...entries].reduce((n, [t, e]) => n + t.length + 6 + 5 * e.length, 0);
  const shards = Math.max(1, Math.round(size / SHARD_BYTES));
  const byShard = Array.from({ length: shards }, () => ({}) as Record<string, TermEntry>);
  for (const [t, e] of entries) byShard[termShard(t, shards)]![t] = e;
  const topicShards = Math.max(1, Math.round(topicOnly.reduce((n, t) => n + t.length + 5, 0) / SHARD_BYTES));
  const byTopicShard = Array.from({ length: topicShards }, () => ({}) as Record<string, 1>);
  for (const t of topicOnly) byTopicShard[termShard(t, topicShards)]![t] = 1;
  const reps = m.reps.map((i) => detail(claims[i]!));
  const head: LintHead = { version: LINT_VERSION, references: ix.references, errata: ix.errata, wrong, myths, shards, topicShards, chunk: CHUNK };
  // The keys as a run's reference look-up holds them (rules.ts runRules: a Map of the references by key).
  const nearKeys = nearKeysOf(new Map(ix.references.map((r) => [r.key, r])).keys());
  const files: LintFiles = [[HEAD_FILE, JSON.stringify(head)], [DOCS_FILE, JSON.stringify(docs)], [KEYS_FILE, JSON.stringify(nearKeys)]];
  byShard.forEach((s, n) => files.push([shardFile(n), JSON.stringify(s)]));
  byTopicShard.forEach((s, n) => files.push([topicFile(n), JSON.stringify(s)]));
  for (let n = 0; n * CHUNK < reps.length; n++) files.push([claimsFile(n), JSON.stringify(reps.slice(n * CHUNK, (n + 1) * CHUNK))]);
  return files;
}
