/** Parse one module file (`modules/<id>.md`): YAML front matter + Markdown body. */
import { CERTAINTIES, DESIGNS, KINDS, VERDICTS, type Claim, type Module } from './model.js';
import { Fields, parseYaml, type Sink } from './fields.js';
import { findClusters, uniqueKeys } from './citations.js';
import { markdownAsText, markdownAsTextFrom } from './markdown-text.js';

const MODULE_KEYS = ['id', 'title', 'kind', 'article_point', 'aliases', 'summary', 'tags', 'related', 'reviewed', 'claims'];
const CLAIM_KEYS = ['id', 'text', 'design', 'certainty', 'sources', 'article', 'myths'];
const ARTICLE_KEYS = ['quote', 'cited', 'verdict', 'correction', 'factcheck'];

export interface ParsedModule {
  module: Module;
  /** Where each cited key stands, for unknown-key messages. */
  citeLines: Map<string, number>;
  /** Lines of front-matter fields, for cross-file checks. */
  lines: { id: number; aliases: number; related: number; summary: number; reviewed: number; body: number; claims: Map<string, number> };
}

const NEGATED = /\b(not|never|no|neither|nor|cannot|nothing|none)\b|n't\b/i;

function readClaim(f: Fields): Claim | undefined {
  f.onlyKeys(CLAIM_KEYS);
  const id = f.id('id');
  const text = f.str('text');
  const design = f.oneOf('design', DESIGNS);
  const certainty = f.oneOf('certainty', CERTAINTIES);
  const sources = f.strList('sources', true);
  const a = f.map('article');
  let article: Claim['article'];
  if (a) {
    a.onlyKeys(ARTICLE_KEYS);
    const quote = a.str('quote');
    const verdict = a.oneOf('verdict', VERDICTS);
    const correction = a.str('correction');
    const factcheck = a.int('factcheck', false);
    if (quote !== undefined && verdict && correction !== undefined)
      article = { quote, cited: a.strList('cited'), verdict, correction, ...(factcheck !== undefined && { factcheck }) };
  }
  const myths = f.strList('myths');
  for (const m of myths) {
    // Matching asks a sentence for all of a myth's words, and a negated sentence denies it: a
    // myth with a negation would be "stated" by the sentence that corrects it.
    if (NEGATED.test(m)) f.fail('myths', `"${m}" has a negation; state the wrong claim positively ("Ketamine prevents suicide.")`);
    else if (m.split(/\s+/).filter(Boolean).length < 3) f.fail('myths', `"${m}" is too short to match a sentence by (three words at least)`);
  }
  if (!id || !text || !design || !certainty) return undefined;
  return { id, text, design, certainty, sources, ...(article && { article }), ...(myths.length && { myths }) };
}

export function parseModuleFile(file: string, raw: string, sink: Sink): ParsedModule | undefined {
  const text = raw.replace(/\r\n?/g, '\n');
  if (!text.trim()) {
    sink.error(1, 'empty file: a module needs front matter between --- lines and a body');
    return undefined;
  }
  const m = /^---\n([\s\S]*?)\n---[ \t]*(?:\n|$)/.exec(text);
  if (!m) {
    sink.error(1, 'missing front matter: the file must start with a --- line, YAML fields, and a closing --- line');
    return undefined;
  }
  const { root, at } = parseYaml(m[1]!, sink, 2, true);
  if (!root && sink.problems.length) return undefined;
  const f = Fields.of(root, at, '', 2);
  if (!f) return undefined;
  f.onlyKeys(MODULE_KEYS);

  const id = f.str('id');
  if (id && !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) sink.error(f.line('id'), `id: "${id}" must be lowercase words joined by hyphens`);
  const expected = file.replace(/^.*\//, '').replace(/\.md$/, '');
  if (id && id !== expected) sink.error(f.line('id'), `id: "${id}" does not match the file name (${expected}.md)`);
  const title = f.str('title');
  const kind = f.oneOf('kind', KINDS);
  const articlePoint = f.int('article_point', false);
  const aliases = f.strList('aliases').map((a) => a.toLowerCase());
  const summary = f.str('summary');
  const tags = f.strList('tags');
  const related = f.strList('related');
  const reviewed = f.str('reviewed');
  if (reviewed && !/^\d{4}-\d{2}-\d{2}$/.test(reviewed)) sink.error(f.line('reviewed'), `reviewed: "${reviewed}" must be a date, YYYY-MM-DD`);
  const claimFields = f.maps('claims');
  const claims: Claim[] = [];
  const claimLines = new Map<string, number>();
  for (const cf of claimFields) {
    const c = readClaim(cf);
    if (c) {
      claims.push(c);
      claimLines.set(c.id, cf.line('id'));
    }
  }

  const bodyStart = m[0].split('\n').length - (m[0].endsWith('\n') ? 1 : 0);
  // Raw HTML is text and unsafe character references go, in the body and in the source --raw shows.
  const after = text.slice(m[0].length);
  const lead = after.length - after.replace(/^\n+/, '').length;
  // The source and its body made safe in one pass where the body's lines are the source's last lines.
  const both = raw === text && m[0].endsWith('\n') ? markdownAsTextFrom(text, bodyStart + lead) : undefined;
  const body = both?.rest ?? markdownAsText(after.slice(lead));
  const skipped = text.slice(m[0].length).length - body.length;
  const bodyFirstLine = bodyStart + 1 + skipped;
  if (!body.trim()) sink.error(bodyFirstLine - 1, 'empty body: write the module text after the front matter');
  const clusters = findClusters(body);
  const citeLines = new Map<string, number>();
  for (const c of clusters) for (const k of c.keys) if (!citeLines.has(k)) citeLines.set(k, bodyFirstLine + c.line - 1);

  if (!id || !title || !kind || !summary || !reviewed) return undefined;
  return {
    module: {
      id, title, kind, ...(articlePoint !== undefined && { articlePoint }), aliases, summary, tags, related, reviewed,
      file, claims, body, raw: both?.whole ?? markdownAsText(raw), cites: uniqueKeys(clusters),
    },
    citeLines,
    lines: { id: f.line('id'), aliases: f.line('aliases'), related: f.line('related'), summary: f.line('summary'), reviewed: f.line('reviewed'), body: bodyFirstLine, claims: claimLines },
  };
}
