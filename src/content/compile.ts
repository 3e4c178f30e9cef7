/**
 * Build step: a validated content set becomes the files `kap` reads at run time.
 * Markdown is lexed and rendered (styled) here: at run time kap only wraps and draws tables.
 */
import { copyFileSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Lexer } from 'marked';
import { renderBlocks } from '../render/markdown.js';
import { ContentError } from '../errors.js';
import type { ContentSet } from './load.js';
import type { CslItem } from './model.js';
import { checkContent } from './check.js';
import { isTrusted, makeStamp, STAMP } from './stamp.js';
import { BUILT_IN } from './merge.js';
import { moduleHelp, moduleKeys, moduleMarkdown, splitBody } from './document.js';
import { NOTICE } from '../safety/index.js';
import { helpForClaim, helpForQuestion, helpForTerm } from '../safety/items.js';
import { helpMarkdown } from '../safety/paint.js';
import { replaceClusters } from './citations.js';
import { normalizeKey } from './normalize.js';
import { termName } from '../resolve.js';
import { VIEW_KEYS, type Catalog, type ClaimsFile, type CompiledModule, type CompiledQuestion, type CompiledQuiz } from '../store.js';
import { BIBLIOGRAPHY_VERSION, entryFile, type Bibliography } from '../cite/bibliography.js';
import { precomputeEntries, registerStyles } from '../cite/precompute.js';
import { precomputedCiter } from '../cite/format.js';
import { memoEntries, type CiteMemo } from '../cite/memo.js';
import { claimsByReference, keysByModule } from '../cite/claims-index.js';
import { searchDocuments } from '../search/documents.js';
import { buildIndex, INDEX_DIR, type IndexFiles } from '../search/build.js';
import { buildLintIndex } from '../lint/index-build.js';
import { LINT_FILE, type LintIndex } from '../lint/model.js';

export interface Compiled {
  catalog: Catalog;
  modules: CompiledModule[];
  quiz: CompiledQuiz;
  claims: ClaimsFile;
  bibliography: Bibliography;
  /** Folder of the official CSL files, copied into the output for later formatting. */
  stylesDir: string;
  /** The search index, file by file (see src/search/format.ts). */
  search: IndexFiles;
  /** How long building the search index took, in ms (reported by the build). */
  searchMs: number;
  /** What `kap lint` matches drafts against. */
  lint: LintIndex;
}

export const FORMAT_VERSION = 1;

/**
 * Every reference in every style and format, plus the indexes `kap refs` needs. The whole
 * bibliography is formatted at once (same-author years grouped, 2017a/2017b); `memo`: results
 * kept from earlier compiles of the same references (cite/memo.ts).
 */
export function compileBibliography(set: ContentSet, stylesDir: string, memo?: CiteMemo): Bibliography {
  const make = () => {
    registerStyles(stylesDir);
    return precomputeEntries(set.references.items);
  };
  const entries = memo ? memoEntries(memo, set.references.items, make) : make();
  entries.sort((a, b) => a.authorYear.localeCompare(b.authorYear) || a.key.localeCompare(b.key));
  const modules = set.modules.map((m) => m.module);
  const index = { version: BIBLIOGRAPHY_VERSION, entries: entries.map(({ styles: _s, exports: _e, ...summary }) => summary), errata: set.errata.map((e) => e.erratum) };
  return { entries, index, claims: { byModule: keysByModule(modules), claims: claimsByReference(modules) } };
}

export function compileContent(set: ContentSet, stylesDir: string, memo?: CiteMemo): Compiled {
  const problems = checkContent(set);
  if (problems.some((p) => p.severity === 'error')) throw new ContentError(problems);
  const bibliography = compileBibliography(set, stylesDir, memo);
  // Module sources, quiz feedback and claims cite from the built bibliography, as `kap cite` does.
  const citer = precomputedCiter(bibliography.entries);
  const titles = new Map(set.modules.map(({ module: m }) => [m.id, m.title]));
  const lookup = { title: (id: string) => titles.get(id) };
  const cite = (text: string) => replaceClusters(text, (keys) => citer.inText(keys));

  // Styled blocks are a function of the Markdown alone: a pack compile takes the built-in modules' from the memo.
  const render = (markdown: string) => {
    const tokens = Lexer.lex(markdown, { gfm: true });
    return { color: renderBlocks(tokens, true), plain: renderBlocks(tokens, false) };
  };
  const both = (markdown: string): ReturnType<typeof render> => (memo ? JSON.parse(memo.get(['blocks', markdown], () => JSON.stringify(render(markdown)))) : render(markdown));
  const modules: CompiledModule[] = set.modules.map(({ module: m }) => {
    const markdown = moduleMarkdown(m, citer, lookup);
    const { summary, sections } = splitBody(m.body);
    const help = moduleHelp(m, citer);
    // --brief: the title, the summary, the module's help and the notice.
    const brief = [`**${m.title}**`, '', cite(summary), '', ...helpMarkdown(help), `*${NOTICE}*`].join('\n');
    return {
      meta: { id: m.id, title: m.title, kind: m.kind, ...(m.articlePoint && { articlePoint: m.articlePoint }), aliases: m.aliases, summary: m.summary, tags: m.tags, related: m.related, reviewed: m.reviewed, file: m.file, origin: m.origin ?? BUILT_IN },
      brief: cite(summary),
      briefBlocks: both(brief),
      sections: sections.map((s) => ({ heading: s.heading, markdown: cite(s.markdown) })),
      claims: m.claims,
      citations: moduleKeys(m).map((key) => ({ key, inText: citer.inText([key]), reference: citer.referenceText(key) })),
      crisis: help.includes('crisis'),
      help,
      raw: m.raw,
      blocks: both(markdown),
    };
  });

  const keys: Record<string, string> = {};
  for (const { term: t } of set.terms) for (const k of [t.id, t.term, ...t.aliases]) keys[normalizeKey(k)] = `t:${t.id}`;
  for (const { module: m } of set.modules) for (const k of [m.id, m.title, ...m.aliases]) keys[normalizeKey(k)] = `m:${m.id}`;
  const catalog: Catalog = {
    version: FORMAT_VERSION,
    modules: modules.map((c) => ({ id: c.meta.id, title: c.meta.title, kind: c.meta.kind, summary: c.meta.summary, origin: c.meta.origin ?? BUILT_IN })),
    terms: set.terms.map(({ term: t }) => ({ ...t, definition: cite(t.definition), help: helpForTerm(t) })).sort((a, b) => (a.id < b.id ? -1 : 1)),
    keys,
  };
  const tags = new Map(set.modules.map(({ module: m }) => [m.id, m.tags]));
  // The bibliography is already formatted (and its APA fixed, e.g. no bare "Retrieved <URL>"):
  // search and quiz exports show that text rather than format again.
  const apa = new Map(bibliography.entries.map((e) => [e.key, e]));
  const referenceText = (k: string) => (apa.has(k) ? htmlText(apa.get(k)!.styles.apa.html) : citer.referenceText(k));
  const quiz: CompiledQuiz = {
    version: FORMAT_VERSION,
    // The help is asked of the question as shown: with its citations and sources formatted.
    questions: set.questions.map(({ question: q }) => withHelp({
      id: q.id,
      module: q.module,
      moduleTitle: titles.get(q.module) ?? q.module,
      tags: tags.get(q.module) ?? [],
      difficulty: q.difficulty,
      question: q.question,
      choices: q.choices.map((c) => ({ ...c, ...(c.why && { why: cite(c.why) }) })),
      explanation: cite(q.explanation),
      sources: q.sources.map((key) => ({ key, inText: citer.inText([key]), reference: referenceText(key) })),
    })),
  };
  // "(Zanos & Gould, 2018)" → "Zanos & Gould, 2018": `kap claims` lists sources without brackets.
  const authorYear = (key: string) => citer.inText([key]).replace(/^\((.*)\)$/, '$1');
  const claims: ClaimsFile = {
    version: FORMAT_VERSION,
    claims: set.modules.flatMap(({ module: m }) =>
      m.claims.map((c) => ({
        id: c.id,
        module: m.id,
        text: cite(c.text),
        design: c.design,
        certainty: c.certainty,
        sources: c.sources.map((key) => ({ key, cite: authorYear(key) })),
        ...(c.article && { article: { ...c.article, correction: cite(c.article.correction) } }),
        help: helpForClaim(c),
      })),
    ),
  };
  const started = performance.now();
  const search = buildIndex(
    searchDocuments({
      modules, terms: catalog.terms, references: set.references.items,
      referenceText,
      inText: (k) => apa.get(k)?.styles.apa.inText ?? citer.inText([k]),
      termName: (t) => termName(catalog, t),
    }),
  );
  const searchMs = performance.now() - started;
  const lint = buildLintIndex(set.modules.map((m) => m.module), bibliography.entries, set.errata.map((e) => e.erratum));
  return { catalog, modules, quiz, claims, bibliography, stylesDir, search, searchMs, lint };
}

const withHelp = (q: CompiledQuestion): CompiledQuestion => ({ ...q, help: helpForQuestion(q) });

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#38;': '&', '&#39;': "'" };
const htmlText = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&#?\w+;/g, (e) => ENTITIES[e] ?? e).replace(/\s+/g, ' ').trim();

/** Write compiled content into `outDir` atomically: a reader sees the old tree or the new one. */
/** `stamp`: a cache key, written last into the folder (see stamp.ts). */
export function writeCompiled(outDir: string, compiled: Compiled, stamp?: string): void {
  const tmp = `${outDir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(join(tmp, 'modules'), { recursive: true });
  for (const m of compiled.modules) {
    const view = Object.fromEntries(VIEW_KEYS.map((k) => [k, m[k]]));
    const data = Object.fromEntries(Object.entries(m).filter(([k]) => !(VIEW_KEYS as readonly string[]).includes(k)));
    writeFileSync(join(tmp, 'modules', `${m.meta.id}.json`), JSON.stringify(view));
    writeFileSync(join(tmp, 'modules', `${m.meta.id}.data.json`), JSON.stringify(data));
  }
  writeFileSync(join(tmp, 'catalog.json'), JSON.stringify(compiled.catalog));
  writeFileSync(join(tmp, 'quiz.json'), JSON.stringify(compiled.quiz));
  writeFileSync(join(tmp, 'claims.json'), JSON.stringify(compiled.claims));
  writeFileSync(join(tmp, LINT_FILE), JSON.stringify(compiled.lint));
  const bib = compiled.bibliography;
  mkdirSync(join(tmp, 'bibliography', 'refs'), { recursive: true });
  writeFileSync(join(tmp, 'bibliography', 'index.json'), JSON.stringify(bib.index));
  writeFileSync(join(tmp, 'bibliography', 'claims.json'), JSON.stringify(bib.claims));
  for (const e of bib.entries) writeFileSync(join(tmp, 'bibliography', entryFile(e.key)), JSON.stringify(e));
  mkdirSync(join(tmp, 'styles'));
  for (const f of readdirSync(compiled.stylesDir)) copyFileSync(join(compiled.stylesDir, f), join(tmp, 'styles', f));
  for (const [path, text] of compiled.search) {
    const file = join(tmp, INDEX_DIR, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  mkdirSync(dirname(outDir), { recursive: true });
  if (stamp) {
    writeFileSync(join(tmp, STAMP), JSON.stringify(makeStamp(tmp, stamp)));
    // A cache folder is named by its key: one that another compile of the same key installed
    // first (and that checks out) is as good as ours. A folder only ever appears whole.
    try {
      renameSync(tmp, outDir);
      return;
    } catch {
      if (isTrusted(outDir, stamp)) return rmSync(tmp, { recursive: true, force: true });
    }
  }
  const old = `${outDir}.old-${process.pid}`;
  try {
    renameSync(outDir, old);
  } catch {
    /* first build: nothing to move aside */
  }
  renameSync(tmp, outDir);
  rmSync(old, { recursive: true, force: true });
}
