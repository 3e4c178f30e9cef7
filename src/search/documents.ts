/**
 * Build time: compiled content → the documents search ranks. A module, each of its sections,
 * each claim, each glossary term and each reference is one document with weighted fields.
 */
import type { CslItem, Term } from '../content/model.js';
import type { CompiledModule } from '../store.js';
import { plainTitle } from '../cite/rich-text.js';

export const DOC_TYPES = ['module', 'section', 'claim', 'term', 'reference'] as const;
export type DocType = (typeof DOC_TYPES)[number];

/** Field weights for BM25F: names above headings above body text. */
export const FIELD_WEIGHTS = {
  title: 6,
  aliases: 5,
  authors: 5,
  heading: 3,
  year: 3,
  tags: 1.5,
  summary: 1.5,
  context: 0.6,
  body: 1,
} as const;
export type Field = keyof typeof FIELD_WEIGHTS;

/** One searchable thing, and what a result shows of it. */
export interface SearchDoc {
  type: DocType;
  /** Module id, section slug, claim id, term id or reference key. */
  id: string;
  /** The module it belongs to (none for references). */
  module?: string;
  /** The section heading it points to, for sections and claims. */
  section?: string;
  /** What a result is called. */
  title: string;
  /** The text a snippet is cut from. */
  text: string;
  fields: Partial<Record<Field, string>>;
  tags: string[];
  /** What to type to open it, where that is not its id (a glossary term's own name). */
  open?: string;
}

/** What the index needs of a compiled module (the compile keeps only this while it writes the rest). */
export type SearchModule = Pick<CompiledModule, 'meta' | 'brief' | 'sections' | 'claims'>;

export interface DocSources {
  modules: SearchModule[];
  terms: Term[];
  references: CslItem[];
  /** Formatted reference text (APA), by key. */
  referenceText(key: string): string;
  /** Short in-text form, "(Zanos & Gould, 2018)". */
  inText(key: string): string;
  /** What `kap explain` takes for a term: its own name where that opens it, else its id. */
  termName?(t: Term): string;
}

/** Markdown to the words a reader sees: no emphasis marks, links as their text, no table rules. */
export function plainText(md: string): string {
  return md
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+\.)\s+/gm, '')
    .replace(/^\s*\|?[-:| ]+\|?\s*$/gm, '')
    // An escaped mark is the character itself ("STAR\*D"); the others are emphasis or code.
    .replace(/\\([!-/:-@[-`{-~])|[*`]+|\b_+|_+\b/g, (_, escaped?: string) => escaped ?? '')
    .replace(/\|/g, ' ')
    // Each run of spaces and tabs to one space; a lone space (most of them) is left as it is.
    .replace(/\t[ \t]*| [ \t]+/g, ' ')
    .replace(/\s*\n\s*/g, '\n')
    .trim();
}

/** Body text for the index: author-year citations out, so a section that cites Feder is not "about" Feder. */
export function withoutCitations(text: string): string {
  return text.replace(/\((?:[^()]*?(?:19|20)\d\d[a-z]?)(?:;[^()]*)?\)/g, ' ');
}

export function slug(heading: string): string {
  return heading.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'intro';
}

const year = (r: CslItem) => String((r.issued as { 'date-parts'?: number[][] } | undefined)?.['date-parts']?.[0]?.[0] ?? '');

function moduleDocs(m: SearchModule): SearchDoc[] {
  const { id, title, aliases, tags, summary } = m.meta;
  const docs: SearchDoc[] = [
    { type: 'module', id, module: id, title, text: summary, tags, fields: { title: `${title} ${id.replace(/-/g, ' ')}`, aliases: aliases.join(' · '), tags: tags.join(' '), summary: `${summary}\n${plainText(m.brief)}` } },
  ];
  for (const s of m.sections) {
    const heading = s.heading || 'Introduction';
    const text = plainText(s.markdown);
    docs.push({ type: 'section', id: `${id}#${slug(heading)}`, module: id, section: heading, title, text, tags, fields: { heading, body: withoutCitations(text), context: title } });
  }
  for (const c of m.claims) {
    const article = c.article ? `${c.article.quote}\n${c.article.correction}` : '';
    docs.push({ type: 'claim', id: c.id, module: id, section: c.article ? 'The article, checked' : 'Evidence at a glance', title, text: plainText(c.text), tags, fields: { body: withoutCitations(plainText(`${c.text}\n${article}`)), context: title } });
  }
  return docs;
}

/** Every document of a content pack, in a stable order grouped by type. */
export function searchDocuments(src: DocSources): SearchDoc[] {
  const docs = src.modules.flatMap(moduleDocs);
  const tagsOf = new Map(src.modules.map((m) => [m.meta.id, m.meta.tags]));
  for (const t of src.terms)
    docs.push({ type: 'term', id: t.id, module: t.module, ...(src.termName && src.termName(t) !== t.id && { open: src.termName(t) }), title: t.term, text: plainText(t.definition), tags: tagsOf.get(t.module) ?? [], fields: { title: t.term, aliases: t.aliases.join(' · '), summary: plainText(t.definition) } });
  for (const r of src.references) {
    const authors = ((r.author ?? r.editor ?? []) as { family?: string; given?: string; literal?: string }[]).map((a) => a.literal ?? `${a.given ?? ''} ${a.family ?? ''}`.trim());
    const title = plainTitle(String(r.title ?? ''));
    docs.push({
      type: 'reference', id: r.id, title: `${src.inText(r.id).replace(/^\(|\)$/g, '')}`, text: src.referenceText(r.id), tags: [],
      fields: { authors: `${authors.join(' · ')} ${r.id}`, year: year(r), heading: title, context: `${String(r['container-title'] ?? '')} ${String(r.DOI ?? '')} ${String(r.publisher ?? '')}` },
    });
  }
  return DOC_TYPES.flatMap((type) => docs.filter((d) => d.type === type));
}
