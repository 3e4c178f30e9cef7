/** Cross-file checks: ids, aliases, links and citation keys that must agree across files. */
import type { Problem } from '../errors.js';
import type { ContentSet } from './load.js';
import { normalizeKey } from './normalize.js';
import { findClusters } from './citations.js';
import { validateQuizBank } from './validate-quiz.js';

export function validateContent(set: ContentSet): Problem[] {
  const problems: Problem[] = [];
  const error = (file: string, line: number, message: string) => problems.push({ file, line, severity: 'error', message });
  const refs = set.references.lines;
  const refFile = set.references.file;
  const checkKeys = (file: string, line: number, field: string, keys: string[]) => {
    for (const k of keys) if (!refs.has(k)) error(file, line, `${field}: unknown citation key "${k}" (not in ${refFile})`);
  };

  // Module ids, titles and aliases share one namespace: each must name one module.
  const moduleIds = new Map<string, string>();
  const names = new Map<string, { id: string; file: string; line: number }>();
  for (const { module: m, lines } of set.modules) {
    if (moduleIds.has(m.id)) {
      error(m.file, lines.id, `id: duplicate module id "${m.id}" (also in ${moduleIds.get(m.id)})`);
      continue;
    }
    moduleIds.set(m.id, m.file);
  }
  for (const { module: m, lines } of set.modules) {
    for (const [field, value, line] of [['id', m.id, lines.id], ['title', m.title, lines.id], ...m.aliases.map((a) => ['aliases', a, lines.aliases] as const)] as const) {
      const key = normalizeKey(value);
      const prev = names.get(key);
      if (prev && prev.id !== m.id) error(m.file, line, `${field}: "${value}" already names module "${prev.id}" (${prev.file}:${prev.line})`);
      else if (!prev) names.set(key, { id: m.id, file: m.file, line });
    }
    for (const r of m.related) if (!moduleIds.has(r)) error(m.file, lines.related, `related: no module "${r}"`);
  }

  const claimIds = new Map<string, string>();
  for (const pm of set.modules) {
    const { module: m, citeLines, lines } = pm;
    for (const [k, line] of citeLines) if (!refs.has(k)) error(m.file, line, `body: unknown citation key "@${k}" (not in ${refFile})`);
    for (const c of m.claims) {
      const line = lines.claims.get(c.id) ?? 1;
      if (claimIds.has(c.id)) error(m.file, line, `claims: duplicate claim id "${c.id}" (also in ${claimIds.get(c.id)})`);
      claimIds.set(c.id, m.file);
      checkKeys(m.file, line, `claims.${c.id}.sources`, c.sources);
      if (c.article) checkKeys(m.file, line, `claims.${c.id}.article.cited`, c.article.cited);
    }
  }

  const termNames = new Map<string, string>();
  for (const { term: t, line, moduleLine, file } of set.terms) {
    if (!moduleIds.has(t.module)) error(file, moduleLine, `${t.id}.module: no module "${t.module}"`);
    checkKeys(file, line, `${t.id}.sources`, t.sources);
    // A term's id is its address (`kap explain <id>`, search results, `kap list`): it may not
    // also be a module's name, which would win.
    const shadow = names.get(normalizeKey(t.id));
    if (shadow) error(file, line, `${t.id}: the id is also a name of module "${shadow.id}" (${shadow.file}:${shadow.line}), so \`kap explain ${t.id}\` would open the module; use an id such as "${t.id}-term"`);
    for (const value of [t.id, t.term, ...t.aliases]) {
      const key = normalizeKey(value);
      const prev = termNames.get(key);
      if (prev && prev !== t.id) error(file, line, `${t.id}: "${value}" already names term "${prev}"`);
      else termNames.set(key, t.id);
    }
  }

  for (const { question: q, line, file } of set.questions) {
    if (!moduleIds.has(q.module)) error(file, line, `${q.id}.module: no module "${q.module}"`);
    checkKeys(file, line, `${q.id}.sources`, q.sources);
    checkKeys(file, line, `${q.id}.explanation`, findClusters(q.explanation).flatMap((c) => c.keys));
    if (!new RegExp(`^${q.module.replace(/[^a-z0-9-]/g, '')}-\\d+$`).test(q.id)) problems.push({ file, line, severity: 'warning', message: `${q.id}: ids are <module>-NN (here ${q.module}-NN)` });
  }
  problems.push(...validateQuizBank(set.questions));

  for (const { erratum: e, line, file } of set.errata) {
    checkKeys(file, line, `${e.key}.key`, [e.key]);
    checkKeys(file, line, `${e.key}.instead`, e.instead);
  }
  return problems;
}

