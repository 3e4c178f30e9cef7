/**
 * Build step: a validated content set becomes the files `kap` reads at run time.
 * Markdown is lexed here, so start-up only runs marked's renderer, never its lexer.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Lexer } from 'marked';
import { ContentError } from '../errors.js';
import { createCiter } from '../cite/csl.js';
import type { ContentSet } from './load.js';
import { checkContent } from './check.js';
import { mentionsSuicide, moduleKeys, moduleMarkdown, splitBody } from './document.js';
import { replaceClusters } from './citations.js';
import { normalizeKey } from './normalize.js';
import type { Catalog, CompiledModule, CompiledQuiz } from '../store.js';
import { searchDocuments } from '../search/documents.js';
import { buildIndex, INDEX_DIR, type IndexFiles } from '../search/build.js';

export const FORMAT_VERSION = 1;

export interface Compiled {
  catalog: Catalog;
  modules: CompiledModule[];
  quiz: CompiledQuiz;
  /** The search index, file by file (see src/search/format.ts). */
  search: IndexFiles;
  /** How long building the search index took, in ms (reported by the build). */
  searchMs: number;
}

export function compileContent(set: ContentSet): Compiled {
  const problems = checkContent(set);
  if (problems.some((p) => p.severity === 'error')) throw new ContentError(problems);
  const citer = createCiter(set.references.items);
  const titles = new Map(set.modules.map(({ module: m }) => [m.id, m.title]));
  const lookup = { title: (id: string) => titles.get(id) };
  const cite = (text: string) => replaceClusters(text, (keys) => citer.inText(keys));

  const modules: CompiledModule[] = set.modules.map(({ module: m }) => {
    const markdown = moduleMarkdown(m, citer, lookup);
    const { summary, sections } = splitBody(m.body);
    return {
      meta: { id: m.id, title: m.title, kind: m.kind, ...(m.articlePoint && { articlePoint: m.articlePoint }), aliases: m.aliases, summary: m.summary, tags: m.tags, related: m.related, reviewed: m.reviewed, file: m.file },
      brief: cite(summary),
      briefTokens: Lexer.lex(`**${m.title}**\n\n${cite(summary)}`, { gfm: true }),
      sections: sections.map((s) => ({ heading: s.heading, markdown: cite(s.markdown) })),
      claims: m.claims,
      citations: moduleKeys(m).map((key) => ({ key, inText: citer.inText([key]), reference: citer.referenceText(key) })),
      crisis: mentionsSuicide(m),
      raw: m.raw,
      tokens: Lexer.lex(markdown, { gfm: true }),
    };
  });

  const keys: Record<string, string> = {};
  for (const { term: t } of set.terms) for (const k of [t.id, t.term, ...t.aliases]) keys[normalizeKey(k)] = `t:${t.id}`;
  for (const { module: m } of set.modules) for (const k of [m.id, m.title, ...m.aliases]) keys[normalizeKey(k)] = `m:${m.id}`;
  const catalog: Catalog = {
    version: FORMAT_VERSION,
    modules: modules.map((c) => ({ id: c.meta.id, title: c.meta.title, kind: c.meta.kind, summary: c.meta.summary })),
    terms: set.terms.map(({ term: t }) => ({ ...t, definition: cite(t.definition) })),
    keys,
  };
  const tags = new Map(set.modules.map(({ module: m }) => [m.id, m.tags]));
  const quiz: CompiledQuiz = {
    version: FORMAT_VERSION,
    questions: set.questions.map(({ question: q }) => ({
      id: q.id,
      module: q.module,
      moduleTitle: titles.get(q.module) ?? q.module,
      tags: tags.get(q.module) ?? [],
      difficulty: q.difficulty,
      question: q.question,
      choices: q.choices.map((c) => ({ ...c, ...(c.why && { why: cite(c.why) }) })),
      explanation: cite(q.explanation),
      sources: q.sources.map((key) => ({ key, inText: citer.inText([key]), reference: citer.referenceText(key) })),
    })),
  };
  const started = performance.now();
  const search = buildIndex(
    searchDocuments({ modules, terms: catalog.terms, references: set.references.items, referenceText: (k) => citer.referenceText(k), inText: (k) => citer.inText([k]) }),
  );
  return { catalog, modules, quiz, search, searchMs: performance.now() - started };
}

/** Write compiled content into `outDir` atomically: a reader sees the old tree or the new one. */
export function writeCompiled(outDir: string, compiled: Compiled): void {
  const tmp = `${outDir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(join(tmp, 'modules'), { recursive: true });
  for (const m of compiled.modules) writeFileSync(join(tmp, 'modules', `${m.meta.id}.json`), JSON.stringify(m));
  writeFileSync(join(tmp, 'catalog.json'), JSON.stringify(compiled.catalog));
  writeFileSync(join(tmp, 'quiz.json'), JSON.stringify(compiled.quiz));
  for (const [path, text] of compiled.search) {
    const file = join(tmp, INDEX_DIR, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  mkdirSync(dirname(outDir), { recursive: true });
  const old = `${outDir}.old-${process.pid}`;
  try {
    renameSync(outDir, old);
  } catch {
    /* first build: nothing to move aside */
  }
  renameSync(tmp, outDir);
  rmSync(old, { recursive: true, force: true });
}
