/** Views of the bibliography for `kap refs` and the errata notes of `kap cite`. Pure: data and a theme in, text out. */
import type { Erratum } from '../content/model.js';
import type { Theme } from '../render/theme.js';
import type { BibSummary, ClaimUse } from './bibliography.js';

const VERDICT_WORDS: Record<string, string> = {
  supported: 'supported',
  'partly-supported': 'partly supported',
  overstated: 'overstated',
  unsupported: 'unsupported',
  misattributed: 'misattributed: the cited source does not say this',
};

/** Piped: key<TAB>author-year<TAB>title, one reference a line, nothing else. */
export function refsPlain(entries: BibSummary[]): string {
  return entries.map((e) => [e.key, e.authorYear, e.title].map((s) => s.replace(/\s+/g, ' ')).join('\t')).join('\n');
}

const cut = (s: string, n: number) => (s.length <= n ? s : `${s.slice(0, Math.max(0, n - 1))}…`);

/** In a terminal: aligned columns, titles cut to the width. */
export function refsTable(entries: BibSummary[], theme: Theme, width: number): string {
  const kw = Math.max(...entries.map((e) => e.key.length), 3);
  const aw = Math.min(Math.max(...entries.map((e) => e.authorYear.length), 6), 36);
  return entries
    .map((e) => {
      const ay = cut(e.authorYear, aw).padEnd(aw);
      const room = Math.max(10, width - kw - aw - 4);
      return `${theme.accent(e.key.padEnd(kw))}  ${ay}  ${theme.dim(cut(e.title, room))}`.trimEnd();
    })
    .join('\n');
}

/** How the article cited one reference wrongly, for stderr under `kap cite` and in `kap refs --errata`. */
export function errataNote(e: Erratum, theme: Theme): string {
  const lines = [`${theme.warn('Errata')} ${theme.bold(e.key)}: how the source article cited it`];
  lines.push(`  As printed: ${e.articleText}`);
  if (e.inText) lines.push(`  In the text: ${e.inText}`);
  for (const x of e.errors) lines.push(`  - ${x}`);
  if (e.citedFor) lines.push(`  Cited for: ${e.citedFor}`);
  lines.push(`  Supports it: ${e.supports ? theme.good('yes') : theme.bad('no')}${e.instead.length ? `; cite instead: ${e.instead.join(', ')}` : ''}`);
  return lines.join('\n');
}

export function errataList(errata: Erratum[], theme: Theme): string {
  return errata.map((e) => errataNote(e, theme)).join('\n\n');
}

/** What one reference is cited for: by kap's modules, and by the article with its verdict. */
export function claimsView(entry: BibSummary, uses: ClaimUse[], erratum: Erratum | undefined, theme: Theme): string {
  const out = [`${theme.bold(entry.key)}  ${entry.authorYear}  ${entry.title}`, ''];
  const sources = uses.filter((u) => u.role === 'source');
  const article = uses.filter((u) => u.role === 'article');
  out.push(theme.heading('kap cites it for'));
  if (!sources.length) out.push('  (no claim in kap\'s modules)');
  for (const u of sources) out.push(`  - ${u.text} ${theme.dim(`[${u.module}: ${u.claim}; ${u.certainty} certainty]`)}`);
  if (article.length || erratum) {
    out.push('', theme.heading('The article cites it for'));
    for (const u of article) {
      const bad = u.verdict !== 'supported';
      out.push(`  - "${u.quote}" ${theme.dim(`[${u.module}: ${u.claim}]`)}`);
      out.push(`    Verdict: ${(bad ? theme.bad : theme.good)(VERDICT_WORDS[u.verdict ?? ''] ?? String(u.verdict))}`);
      if (u.correction) out.push(`    Instead: ${u.correction}`);
    }
    if (erratum?.citedFor) {
      out.push(`  - ${erratum.citedFor} ${theme.dim('[errata]')}`);
      out.push(`    Supports it: ${erratum.supports ? theme.good('yes') : theme.bad('no')}${erratum.instead.length ? `; cite instead: ${erratum.instead.join(', ')}` : ''}`);
    }
  }
  return out.join('\n');
}

const FIELD_WORDS: Record<string, string> = {
  author: 'author list incomplete (printed with "et al.")',
  'author-given': 'some given names',
  issued: 'date',
  URL: 'URL',
  DOI: 'DOI',
  page: 'pages',
};

/** The retracted works among these references, for stderr under `kap cite`: most styles print no mark. */
export function retractedNote(entries: BibSummary[], theme: Theme): string {
  const keys = entries.filter((e) => e.retracted).map((e) => theme.bold(e.key));
  if (!keys.length) return '';
  return `${theme.warn('Retracted')}: ${keys.join(', ')}. Cite a retracted work only to say that it was retracted (APA prints "(Retracted)"; the .bib and RIS exports carry the mark).`;
}

/** Which fields of these references are missing or unverified, for stderr under `kap cite`. */
export function unverifiedNote(entries: BibSummary[], theme: Theme): string {
  const lines = entries
    .filter((e) => e.unverified?.length)
    .map((e) => `  ${theme.bold(e.key)}: ${e.unverified!.map((f) => FIELD_WORDS[f] ?? f).join(', ')}`);
  if (!lines.length) return '';
  return [`${theme.warn('Unverified')} fields (left empty or not confirmed in a public record; check before you rely on them):`, ...lines].join('\n');
}
