/**
 * Parse `references.json`: CSL-JSON, the same file Pandoc takes as --bibliography. Every
 * field is checked against CSL-JSON's shapes (text or number, names, dates) so that what
 * `kap check` passes the CSL formatter cannot choke on; text is cleaned like every field.
 */
import type { CslItem } from './model.js';
import { SAFE_ID_RULE, isSafeId, unsafeCode, type Sink } from './fields.js';
import { PROTO_KEYS, clean } from '../text/sanitize.js';

export interface ParsedReferences {
  items: CslItem[];
  lines: Map<string, number>;
}

/** The line of `offset`, counted on from `from` (on line `line`). */
function lineAt(text: string, offset: number, from = 0, line = 1): number {
  for (let i = from; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

// CSL 1.0.2's item types.
const TYPES = new Set(['article', 'article-journal', 'article-magazine', 'article-newspaper', 'bill', 'book', 'broadcast', 'chapter', 'classic', 'collection', 'dataset', 'document', 'entry', 'entry-dictionary', 'entry-encyclopedia', 'event', 'figure', 'graphic', 'hearing', 'interview', 'legal_case', 'legislation', 'manuscript', 'map', 'motion_picture', 'musical_score', 'pamphlet', 'paper-conference', 'patent', 'performance', 'periodical', 'personal_communication', 'post', 'post-weblog', 'regulation', 'report', 'review', 'review-book', 'software', 'song', 'speech', 'standard', 'thesis', 'treaty', 'webpage']);
const NAME_FIELDS = new Set(['author', 'chair', 'collection-editor', 'compiler', 'composer', 'container-author', 'contributor', 'curator', 'director', 'editor', 'editorial-director', 'executive-producer', 'guest', 'host', 'illustrator', 'interviewer', 'narrator', 'organizer', 'original-author', 'performer', 'producer', 'recipient', 'reviewed-author', 'script-writer', 'series-creator', 'translator']);
const NAME_PARTS = new Set(['family', 'given', 'literal', 'suffix', 'dropping-particle', 'non-dropping-particle', 'parse-names', 'comma-suffix', 'static-ordering']);
const DATE_FIELDS = new Set(['accessed', 'available-date', 'event-date', 'issued', 'original-date', 'submitted']);
const DATE_PARTS = new Set(['date-parts', 'season', 'circa', 'literal', 'raw']);
const MAX_TEXT = 10_000;

type Check = (v: unknown) => string | undefined;

const text: Check = (v) =>
  typeof v === 'string' ? (v.length > MAX_TEXT ? `longer than ${MAX_TEXT} characters` : undefined) : typeof v === 'number' && Number.isFinite(v) ? undefined : `expected text or a number, got ${kind(v)}`;
const kind = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'an object' : typeof v);
const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const names: Check = (v) => {
  if (!Array.isArray(v)) return `expected a list of names, got ${kind(v)}`;
  for (const [i, n] of v.entries()) {
    if (!isPlainObject(n)) return `[${i}]: expected a name ({"family": …, "given": …} or {"literal": …}), got ${kind(n)}`;
    for (const [k, x] of Object.entries(n)) {
      if (!NAME_PARTS.has(k)) return `[${i}].${clean(k).slice(0, 40)}: unknown name part (allowed: family, given, literal, suffix, dropping-particle, non-dropping-particle)`;
      if (typeof x === 'boolean' && (k === 'parse-names' || k === 'comma-suffix' || k === 'static-ordering')) continue;
      if (typeof x !== 'string') return `[${i}].${k}: expected text, got ${kind(x)}`;
    }
    if (typeof n.family !== 'string' && typeof n.literal !== 'string') return `[${i}]: a name needs "family" or "literal"`;
  }
  return undefined;
};

const date: Check = (v) => {
  if (!isPlainObject(v)) return `expected a date ({"date-parts": [[2005, 3]]}), got ${kind(v)}`;
  for (const [k, x] of Object.entries(v)) {
    if (!DATE_PARTS.has(k)) return `.${clean(k).slice(0, 40)}: unknown date part (allowed: date-parts, season, circa, literal, raw)`;
    if (k === 'date-parts') {
      if (!Array.isArray(x) || !x.length || x.length > 2) return '.date-parts: expected one or two dates, e.g. [[2005, 3, 1]]';
      for (const d of x)
        if (!Array.isArray(d) || !d.length || d.length > 3 || !d.every((p) => (typeof p === 'number' && Number.isInteger(p)) || (typeof p === 'string' && /^-?\d{1,4}$/.test(p))))
          return '.date-parts: each date is [year, month, day] in whole numbers, e.g. [2005, 3, 1]';
    } else if (k === 'circa' ? typeof x !== 'boolean' && text(x) : text(x)) return `.${k}: expected text`;
  }
  if (!('date-parts' in v) && !('literal' in v) && !('raw' in v)) return 'a date needs "date-parts", "literal" or "raw"';
  return undefined;
};

/**
 * CSL-JSON's `custom`: data for kap, not the styles (src/cite/record.ts): `kap-verified` (where
 * each field was checked, text) and `kap-unverified` (the fields that are not, a list of names).
 */
const custom: Check = (v) => {
  if (!isPlainObject(v)) return `expected an object ({"kap-verified": …, "kap-unverified": […]}), got ${kind(v)}`;
  for (const [k, x] of Object.entries(v)) {
    if (PROTO_KEYS.has(k)) return `.${k}: not a field name`;
    if (k === 'kap-unverified') {
      if (!Array.isArray(x) || !x.every((f) => typeof f === 'string' && f.length <= 40)) return '.kap-unverified: expected a list of field names, e.g. ["page", "DOI"]';
    } else if (text(x)) return `.${clean(k).slice(0, 40)}: ${text(x)}`;
  }
  return undefined;
};

function fieldProblem(field: string, v: unknown): string | undefined {
  if (field === 'custom') return custom(v);
  if (NAME_FIELDS.has(field)) return names(v);
  if (DATE_FIELDS.has(field)) return date(v);
  if (field === 'categories') return Array.isArray(v) && v.every((x) => typeof x === 'string') ? undefined : 'expected a list of text';
  return text(v);
}

export function parseReferences(raw: string, sink: Sink): ParsedReferences {
  const lines = new Map<string, number>();
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (e) {
    const pos = /position (\d+)/.exec(String((e as Error).message));
    sink.error(pos ? lineAt(raw, Number(pos[1])) : 1, `invalid JSON: ${clean((e as Error).message).slice(0, 200)}`);
    return { items: [], lines };
  }
  if (!Array.isArray(data)) {
    sink.error(1, 'expected a JSON array of CSL-JSON items');
    return { items: [], lines };
  }
  // JSON.parse keeps no positions: find each record's "id" line in the text instead, counting
  // lines on from the last match (the matches come in order; from the start each time was
  // quadratic in the file).
  const idLines = new Map<string, number>();
  let counted = 0;
  let line = 1;
  for (const m of raw.matchAll(/"id"\s*:\s*"((?:[^"\\]|\\.)*)"/g)) {
    line = lineAt(raw, m.index!, counted, line);
    counted = m.index!;
    let id: string;
    try {
      id = JSON.parse(`"${m[1]}"`) as string;
    } catch {
      continue;
    }
    if (!idLines.has(id)) idLines.set(id, line);
  }
  const items: CslItem[] = [];
  data.forEach((item: unknown, i) => {
    if (!isPlainObject(item)) return sink.error(1, `[${i}]: expected a CSL-JSON record (an object), got ${kind(item)}`);
    const id = item.id;
    const line = (typeof id === 'string' && idLines.get(id)) || 1;
    if (typeof id !== 'string' || !id) return sink.error(line, `[${i}].id: missing`);
    if (!isSafeId(id)) return sink.error(line, `[${i}].id: ${JSON.stringify(id).slice(0, 60)} ${SAFE_ID_RULE}`);
    if (lines.has(id)) return sink.error(line, `[${i}].id: duplicate reference key "${id}" (first at line ${lines.get(id)})`);
    let ok = true;
    for (const k of Object.keys(item)) {
      const shown = clean(k).slice(0, 40);
      if (PROTO_KEYS.has(k)) {
        sink.error(line, `${id}.${shown}: not a CSL field`);
        ok = false;
        continue;
      }
      if (k === 'id') continue;
      const problem = fieldProblem(k, item[k]);
      if (problem) {
        sink.error(line, `${id}.${shown}${problem.startsWith('[') || problem.startsWith('.') ? '' : ': '}${problem}`);
        ok = false;
      }
    }
    if (typeof item.type !== 'string' || !TYPES.has(item.type)) {
      sink.error(line, `${id}.type: ${typeof item.type === 'string' ? `"${clean(item.type).slice(0, 40)}" is not a CSL type (article-journal, book, chapter, report, webpage, …)` : 'missing CSL type'}`);
      ok = false;
    }
    if (typeof item.title !== 'string' || !item.title.trim()) {
      sink.error(line, `${id}.title: missing`);
      ok = false;
    } else if (/\bet al\./.test(item.title.replace(/<span class="nocase">.*?<\/span>/g, '')))
      // MLA and Chicago title-case a title, and APA its in-text form: "Reply to Pigott et Al.".
      sink.error(line, `${id}.title: "et al." is title-cased by MLA and Chicago ("et Al."): write <span class="nocase">et al.</span>`);
    if (!ok) return;
    let code: string | undefined;
    const cleaned = cleanItem(item, (s) => (code ??= unsafeCode(s)));
    if (code) sink.warn(line, `${id}: control character ${code} removed (terminal escape sequences, bidi controls and zero-width characters are not allowed in content)`);
    lines.set(id, line);
    items.push(cleaned as unknown as CslItem);
  });
  return { items, lines };
}

/** Every text of a record cleaned; only the fields checked above exist. */
function cleanItem(v: unknown, seen: (s: string) => void): unknown {
  if (typeof v === 'string') {
    seen(v);
    return clean(v);
  }
  if (Array.isArray(v)) return v.map((x) => cleanItem(x, seen));
  if (isPlainObject(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, cleanItem(x, seen)]));
  return v;
}
