/** Parse `glossary.yaml`: a list of terms, each pointing to the module that covers it. */
import type { Term } from './model.js';
import { parseList, type Sink } from './fields.js';

const TERM_KEYS = ['id', 'term', 'aliases', 'definition', 'module', 'sources'];

export interface ParsedTerm {
  term: Term;
  line: number;
  moduleLine: number;
}

export function parseGlossary(text: string, sink: Sink): ParsedTerm[] {
  const out: ParsedTerm[] = [];
  for (const f of parseList(text, sink, 'terms')) {
    f.onlyKeys(TERM_KEYS);
    const id = f.id('id');
    const term = f.str('term');
    const definition = f.str('definition');
    const module = f.id('module');
    const aliases = f.strList('aliases').map((a) => a.toLowerCase());
    const sources = f.strList('sources');
    if (id && term && definition && module)
      out.push({ term: { id, term, aliases, definition, module, sources }, line: f.line(), moduleLine: f.line('module') });
  }
  return out;
}
