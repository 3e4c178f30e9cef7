/**
 * Build step: a validated content set becomes the files `kap` reads at run time.
 * Markdown is lexed and rendered (styled) here: at run time kap only wraps and draws tables.
 */
import { createHash } from 'node:crypto';
import { closeSync, copyFileSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { cachedRenderer, renderWhole, type Rendered } from './blocks-render.js';
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
import { mdText } from '../text/markdown-escape.js';
import { normalizeKey } from './normalize.js';
import { termName } from '../resolve.js';
import { claimsFile, listingFile, FORMAT_VERSION, memoryCatalog, MODULES_FILE, VIEW_KEYS, type CatalogFile, type CatalogModule, type CatalogTerm, type ModuleClaims, type ClaimsFile, type CompiledModule, type CompiledQuestion, type CompiledQuiz } from '../store.js';
import { NAMES_DIR } from '../names.js';
import { listLines } from '../render/views.js';
import { moduleTexts, MODULE_TEXTS_MAX } from '../render/module-text.js';
import { nameFiles } from './names-build.js';
import { BIBLIOGRAPHY_VERSION, entryFile, type Bibliography } from '../cite/bibliography.js';
import { precomputeEntries, registerStyles } from '../cite/precompute.js';
import { hotOnlyOptimizer } from '../cite/optimizer.js';
import { precomputedCiter } from '../cite/format.js';
import { memoCiter } from './citer-memo.js';
import { memoEntries, type CiteMemo } from '../cite/memo.js';
import { claimsByReference, keysByModule } from '../cite/claims-index.js';
import { searchDocuments, type DocType, type SearchModule } from '../search/documents.js';
import { IndexBuilder, INDEX_DIR, memorySink, type IndexFiles, type IndexSink } from '../search/build.js';
import { buildLintIndex, type LintFiles } from '../lint/index-build.js';
import { orderFreeHelp, quizFiles, type ShownHelp } from '../quiz/bank-build.js';
import { phase } from './phases.js';
import { jsonPieces } from './json-pieces.js';

/** What the catalog files are written from (store.ts reads them: catalog.json, modules.json, names/). */
export interface CatalogData {
  modules: CatalogModule[];
  terms: CatalogTerm[];
  keys: Record<string, string>;
}

export interface Compiled {
  catalog: CatalogData;
  /** Every compiled module, unless they went to a writer as they were made (then empty). */
  modules: CompiledModule[];
  quiz: CompiledQuiz;
  claims: ClaimsFile;
  bibliography: Bibliography;
  /** Folder of the official CSL files, copied into the output for later formatting. */
  stylesDir: string;
  /** The search index, file by file (see src/search/format.ts); empty when it went to a writer. */
  search: IndexFiles;
  /** With a writer: the index's last files, written by finish() in their place. */
  index?: IndexBuilder;
  /** How long building the search index took, in ms (reported by the build). */
  searchMs: number;
  /** What `kap lint` matches drafts against. */
  lint: LintFiles;
  /** Each question's order-free shown-text help (bank-build.ts), from the memo where it has them. */
  quizShown: ShownHelp;
}

/** quiz.json and claims.json; catalog.json has store.ts FORMAT_VERSION. */
const FILE_VERSION = 1;

/**
 * Every reference in every style and format, plus the indexes `kap refs` needs. The whole
 * bibliography is formatted at once (same-author years grouped, 2017a/2017b); `memo`: results
 * kept from earlier compiles of the same references (cite/memo.ts).
 */
export function compileBibliography(set: ContentSet, stylesDir: string, memo?: CiteMemo): Bibliography {
  // Registering the styles loads the citation engine: under the bibliography's flags, those its code cache was made with.
  const make = () =>
    hotOnlyOptimizer(() => {
      registerStyles(stylesDir);
      return precomputeEntries(set.references.items);
    });
  const entries = memo ? memoEntries(memo, set.references.items, make) : make();
  entries.sort((a, b) => a.authorYear.localeCompare(b.authorYear) || a.key.localeCompare(b.key));
  const modules = set.modules.map((m) => m.module);
  const index = { version: BIBLIOGRAPHY_VERSION, entries: entries.map(({ styles: _s, exports: _e, ...summary }) => summary), errata: set.errata.map((e) => e.erratum) };
  return { entries, index, claims: { byModule: keysByModule(modules), claims: claimsByReference(modules) } };
}

/** Up to this many modules, their styled blocks are kept in the memo for pack compiles and rebuilds. */
export const BLOCKS_MEMO_MAX = 1000;

export interface CompileOptions {
  /**
   * Where the compile goes as it is made, instead of being held: each module, and the search
   * index document by document (`Compiled.modules` and `Compiled.search` are then empty).
   */
  writer?: CompiledWriter;
  /** The caller has run checkContent and stopped on errors: not again (it is a fifth of the compile). */
  checked?: boolean;
  /** The caller needs the set no more (see release.ts): each module's body and source go once it is written. */
  release?: boolean;
}

export function compileContent(set: ContentSet, stylesDir: string, memo?: CiteMemo, opts: CompileOptions = {}): Compiled {
  if (!opts.checked) {
    const problems = checkContent(set);
    if (problems.some((p) => p.severity === 'error')) throw new ContentError(problems);
  }
  const bibliography = compileBibliography(set, stylesDir, memo);
  // Module sources, quiz feedback and claims cite from the built bibliography, as `kap cite` does.
  phase('bibliography');
  const citer = memoCiter(precomputedCiter(bibliography.entries));
  const titles = new Map(set.modules.map(({ module: m }) => [m.id, m.title]));
  const lookup = { title: (id: string) => titles.get(id) };
  const cite = (text: string) => replaceClusters(text, (keys) => citer.inText(keys));
  // Into Markdown (a brief, a section), a formatted citation is plain text: escaped.
  const citeMd = (text: string) => replaceClusters(text, (keys) => mdText(citer.inText(keys)));

  // Styled blocks are a function of the Markdown alone: a pack compile takes the built-in
  // modules' from the memo. Not past BLOCKS_MEMO_MAX modules: the memo holds what it saves
  // until the end, and at 10,000 modules their blocks were 288 MB of memo file and most of a
  // 3 GB compile. There, each distinct block is rendered once instead; a small compile, mostly
  // run without TurboFan (cite/optimizer.ts), spent more on the cache than it saved (built-in
  // compile, callgrind: 19.32G -> 19.47G instructions).
  const memoBlocks = memo && set.modules.length <= BLOCKS_MEMO_MAX;
  const render = memoBlocks ? renderWhole : cachedRenderer();
  const both = (markdown: string): Rendered => (memoBlocks ? JSON.parse(memo.get(['blocks', markdown], () => JSON.stringify(render(markdown)))) : render(markdown));
  // The bibliography is already formatted (and its APA fixed, e.g. no bare "Retrieved <URL>"):
  // search and quiz exports show that text rather than format again.
  const apa = new Map(bibliography.entries.map((e) => [e.key, e]));
  const referenceText = (k: string) => (apa.has(k) ? htmlText(apa.get(k)!.styles.apa.html) : citer.referenceText(k));
  const inText = (k: string) => apa.get(k)?.styles.apa.inText ?? citer.inText([k]);

  // The search index takes each module's documents as the module is made (holding every
  // module's sections until the end was most of a 10,000-module compile's memory). Documents
  // are numbered grouped by type, as searchDocuments orders them: modules, sections, claims,
  // terms, references.
  let searchMs = 0;
  const timed = <T>(fn: () => T): T => {
    const t0 = performance.now();
    const r = fn();
    searchMs += performance.now() - t0;
    return r;
  };
  let sectionCount = 0;
  let claimCount = 0;
  for (const { module: m } of set.modules) {
    sectionCount += splitBody(m.body).sections.length;
    claimCount += m.claims.length;
  }
  const term = set.modules.length + sectionCount + claimCount;
  const next: Record<DocType, number> = { module: 0, section: set.modules.length, claim: set.modules.length + sectionCount, term, reference: term + set.terms.length };
  const search: IndexFiles = new Map();
  const sink: IndexSink = opts.writer?.indexSink() ?? memorySink(search);
  const index = new IndexBuilder(next.reference + set.references.items.length, sink, memoBlocks ? (kind, input, make) => memo.remember(kind, input, make) : undefined);
  const addDocs = (docs: ReturnType<typeof searchDocuments>) => timed(() => { for (const d of docs) index.add(d, next[d.type]++); });
  // Terms take their tags from their module: those modules' listings, for the terms' documents.
  const termModules = new Set(set.terms.map(({ term: t }) => t.module));
  const ofTerms: SearchModule[] = [];

  const modules: CompiledModule[] = [];
  const listing: CatalogModule[] = [];
  for (const { module: m } of set.modules) {
    const help = moduleHelp(m, citer);
    const markdown = moduleMarkdown(m, citer, lookup, help);
    const { summary, sections } = splitBody(m.body);
    // --brief: the title, the summary, the module's help and the notice.
    const brief = [`**${m.title}**`, '', citeMd(summary), '', ...helpMarkdown(help), `*${NOTICE}*`].join('\n');
    const compiled: CompiledModule = {
      meta: { id: m.id, title: m.title, kind: m.kind, ...(m.articlePoint && { articlePoint: m.articlePoint }), aliases: m.aliases, summary: m.summary, tags: m.tags, related: m.related, reviewed: m.reviewed, file: m.file, origin: m.origin ?? BUILT_IN },
      brief: cite(summary),
      briefBlocks: both(brief),
      sections: sections.map((s) => ({ heading: s.heading, markdown: citeMd(s.markdown) })),
      claims: m.claims,
      citations: moduleKeys(m).map((key) => ({ key, inText: citer.inText([key]), reference: citer.referenceText(key) })),
      crisis: help.includes('crisis'),
      help,
      raw: m.raw,
      blocks: both(markdown),
    };
    addDocs(searchDocuments({ modules: [compiled], terms: [], references: [], referenceText, inText }));
    if (termModules.has(m.id)) ofTerms.push({ meta: compiled.meta, brief: '', sections: [], claims: [] });
    listing.push({ id: m.id, title: m.title, kind: m.kind, summary: m.summary, origin: m.origin ?? BUILT_IN });
    if (opts.writer) opts.writer.module(compiled);
    else modules.push(compiled);
    if (opts.release) m.body = m.raw = '';
  }

  phase('modules');
  const keys: Record<string, string> = {};
  for (const { term: t } of set.terms) for (const k of [t.id, t.term, ...t.aliases]) keys[normalizeKey(k)] = `t:${t.id}`;
  for (const { module: m } of set.modules) for (const k of [m.id, m.title, ...m.aliases]) keys[normalizeKey(k)] = `m:${m.id}`;
  const catalog: CatalogData = {
    modules: listing,
    terms: set.terms.map(({ term: t }) => ({ ...t, definition: cite(t.definition), help: helpForTerm(t) })).sort((a, b) => (a.id < b.id ? -1 : 1)),
    keys,
  };
  const tags = new Map(set.modules.map(({ module: m }) => [m.id, m.tags]));
  const quiz: CompiledQuiz = {
    version: FILE_VERSION,
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
    version: FILE_VERSION,
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
  phase('catalog+quiz+claims');
  const inMemory = memoryCatalog(catalog.modules, catalog.terms, catalog.keys);
  const rest = searchDocuments({ modules: ofTerms, terms: catalog.terms, references: set.references.items, referenceText, inText, termName: (t) => termName(inMemory, t) });
  addDocs(rest.filter((d) => d.type === 'term' || d.type === 'reference'));
  // Without a writer the index is finished here; with one, in its place among the files (finish()).
  if (!opts.writer) timed(() => index.finish());
  phase('search index');
  const lint = buildLintIndex(set.modules.map((m) => m.module), bibliography.entries, set.errata.map((e) => e.erratum));
  phase('lint index');
  // Every choice order of every question through the safety layer (~0.1-0.2 s): a pack compile
  // takes the built-in questions' results from the memo.
  const shownOf = (q: CompiledQuestion) => (memo ? (JSON.parse(memo.get(['shown-help', q], () => JSON.stringify(orderFreeHelp(q) ?? null))) ?? undefined) : orderFreeHelp(q));
  const quizShown: ShownHelp = new Map(quiz.questions.map((q) => [q.id, shownOf(q)]));
  return { catalog, modules, quiz, claims, bibliography, stylesDir, search, searchMs, lint, quizShown, ...(opts.writer && { index }) };
}

const withHelp = (q: CompiledQuestion): CompiledQuestion => ({ ...q, help: helpForQuestion(q) });

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#38;': '&', '&#39;': "'" };
const htmlText = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&#?\w+;/g, (e) => ENTITIES[e] ?? e).replace(/\s+/g, ' ').trim();

/**
 * Writes a compile into `<outDir>.tmp-<pid>` as it is produced (modules one by one, so that a
 * compile of 10,000 modules never holds them all) and installs it atomically with finish():
 * a reader sees the old tree or the new one. Every file also goes into a digest, which
 * catalog.json carries: pack caches are keyed by it (packs.ts).
 */
export class CompiledWriter {
  readonly tmp: string;
  private readonly digest = createHash('sha256');
  private modules = 0;

  constructor(readonly outDir: string) {
    this.tmp = `${outDir}.tmp-${process.pid}`;
    rmSync(this.tmp, { recursive: true, force: true });
    mkdirSync(join(this.tmp, 'modules'), { recursive: true });
    mkdirSync(join(this.tmp, 'claims'));
  }

  /** The search index's files and bytes, for the build's summary. */
  readonly searchSize = { files: 0, bytes: 0 };

  /** Writes a file and takes it into the digest; returns its size in bytes. */
  write(rel: string, text: string): number {
    const bytes = this.utf8(text);
    this.put(rel, bytes);
    this.digest.update(`${rel}\0${bytes.length}\0`).update(bytes);
    return bytes.length;
  }

  /** Encoded once, into a buffer used again for every file (writing and hashing a string encoded it each time). */
  private scratch = Buffer.allocUnsafe(1 << 20);
  private utf8(text: string): Buffer {
    // A UTF-16 unit is at most 3 bytes of UTF-8: only a big text needs its length measured.
    if (text.length * 3 > this.scratch.length) {
      const need = Buffer.byteLength(text);
      if (need > this.scratch.length) this.scratch = Buffer.allocUnsafe(need);
    }
    return this.scratch.subarray(0, this.scratch.write(text));
  }

  /**
   * JSON.stringify(value) written in pieces (json-pieces.ts): a big file is never one string.
   * Its digest is taken from the file as written, which is the same bytes.
   */
  writeJson(rel: string, value: unknown): void {
    const file = join(this.tmp, rel);
    mkdirSync(dirname(file), { recursive: true });
    const fd = openSync(file, 'w');
    try {
      let chunk = '';
      for (const piece of jsonPieces(value)) {
        chunk += piece;
        if (chunk.length >= 1 << 20) chunk = (writeSync(fd, chunk), '');
      }
      writeSync(fd, chunk);
    } finally {
      closeSync(fd);
    }
    this.digestFile(rel);
  }

  private digestFile(rel: string): void {
    const bytes = readFileSync(join(this.tmp, rel));
    this.digest.update(`${rel}\0${bytes.length}\0`).update(bytes);
  }

  private put(rel: string, text: string | Buffer): void {
    const file = join(this.tmp, rel);
    try {
      writeFileSync(file, text);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, text);
    }
  }

  /**
   * The search index as it is built: its documents files are written at once but go into the
   * digest in their place in the order (read back then), so the digest is that of the files in
   * the same order as when the index was written whole.
   */
  indexSink(): IndexSink {
    const at = (p: string) => `${INDEX_DIR}/${p}`;
    const count = (bytes: number) => {
      this.searchSize.files++;
      this.searchSize.bytes += bytes;
    };
    return {
      file: (p, text) => count(this.write(at(p), text)),
      early: (p, text) => {
        const bytes = this.utf8(text);
        this.put(at(p), bytes);
        count(bytes.length);
      },
      placed: (p) => this.digestFile(at(p)),
    };
  }

  module(m: CompiledModule): void {
    const view = Object.fromEntries(VIEW_KEYS.map((k) => [k, m[k]]));
    const data = Object.fromEntries(Object.entries(m).filter(([k]) => !(VIEW_KEYS as readonly string[]).includes(k)));
    this.write(`modules/${m.meta.id}.json`, JSON.stringify(view));
    this.write(`modules/${m.meta.id}.data.json`, JSON.stringify(data));
    // `kap explain` piped, painted here (lookup's render/module-text.ts).
    if (++this.modules <= MODULE_TEXTS_MAX) for (const [rel, text] of moduleTexts(m)) this.write(rel, text);
  }

  /**
   * Everything but the modules, then the stamp (`stamp`: a cache key, see stamp.ts), then into
   * place. The compile is given up part by part as it is written (the caller holds it no more):
   * the search index's last files are made without the claims and the lint index in memory.
   */
  finish(compiled: Compiled, stamp?: string): void {
    const tmp = this.tmp;
    const c = compiled as Partial<Compiled> & Pick<Compiled, 'catalog' | 'search' | 'stylesDir'>;
    for (const m of c.modules!) this.module(m);
    c.modules = [];
    // quiz.json and the index that lets a quiz read only the questions it shows (src/quiz/bank-build.ts).
    for (const [rel, text] of quizFiles(c.quiz!, c.claims!.claims, c.quizShown)) this.write(rel, text);
    delete c.quiz;
    this.claims(c.claims!, c.catalog.modules, c.bibliography!.claims.byModule);
    delete c.claims;
    phase('w claims');
    for (const [path, text] of c.lint!) this.write(path, text);
    delete c.lint;
    phase('w lint');
    this.bibliography(c.bibliography!, c.stylesDir);
    delete c.bibliography;
    phase('w bib');
    for (const [path, text] of c.search) this.write(`${INDEX_DIR}/${path}`, text);
    c.index?.finish();
    delete c.index;
    phase('w search');
    const { modules, terms, keys } = c.catalog;
    this.write(MODULES_FILE, JSON.stringify(modules));
    // `kap list` piped, painted here: at 10,000 modules the run only copies it out.
    const listed = memoryCatalog(modules, terms, keys);
    this.write(listingFile(false), listLines(listed, false));
    this.write(listingFile(true), listLines(listed, true));
    phase('w listing');
    for (const [path, text] of nameFiles(keys)) this.write(`${NAMES_DIR}/${path}`, text);
    phase('w names');
    const ofTerms = new Set(terms.map((t) => t.module));
    const titles = Object.fromEntries(modules.filter((m) => ofTerms.has(m.id)).map((m) => [m.id, m.title]));
    const catalog: CatalogFile = { version: FORMAT_VERSION, terms, titles, digest: this.digest.digest('hex').slice(0, 32) };
    writeFileSync(join(tmp, 'catalog.json'), JSON.stringify(catalog));
    install(tmp, this.outDir, stamp);
  }

  private claims(claims: ClaimsFile, modules: CatalogModule[], cites: Record<string, string[]>): void {
    this.writeJson('claims.json', claims);
    // One file per module, so that `kap claims <topic>` reads that module's only.
    const byModule = new Map<string, ModuleClaims>(modules.map((m) => [m.id, { title: m.title, claims: [], references: Object.hasOwn(cites, m.id) ? cites[m.id]! : [] }]));
    for (const row of claims.claims) byModule.get(row.module)?.claims.push(row);
    for (const [id, rows] of byModule) this.write(claimsFile(id), JSON.stringify(rows));
  }

  private bibliography(bib: Bibliography, stylesDir: string): void {
    mkdirSync(join(this.tmp, 'bibliography', 'refs'), { recursive: true });
    this.write('bibliography/index.json', JSON.stringify(bib.index));
    this.writeJson('bibliography/claims.json', bib.claims);
    for (const e of bib.entries) this.write(`bibliography/${entryFile(e.key)}`, JSON.stringify(e));
    mkdirSync(join(this.tmp, 'styles'));
    for (const f of readdirSync(stylesDir)) copyFileSync(join(stylesDir, f), join(this.tmp, 'styles', f));
  }

  /** A failed compile leaves nothing behind. */
  discard(): void {
    rmSync(this.tmp, { recursive: true, force: true });
  }
}

function install(tmp: string, outDir: string, stamp?: string): void {
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
