/** Parse `references.json`: CSL-JSON, the same file Pandoc takes as --bibliography. */
import type { CslItem } from './model.js';
import type { Sink } from './fields.js';

export interface ParsedReferences {
  items: CslItem[];
  lines: Map<string, number>;
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

export function parseReferences(text: string, sink: Sink): ParsedReferences {
  const lines = new Map<string, number>();
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const pos = /position (\d+)/.exec(String((e as Error).message));
    sink.error(pos ? lineAt(text, Number(pos[1])) : 1, `invalid JSON: ${(e as Error).message}`);
    return { items: [], lines };
  }
  if (!Array.isArray(data)) {
    sink.error(1, 'expected a JSON array of CSL-JSON items');
    return { items: [], lines };
  }
  // JSON.parse keeps no positions: find each record's "id" line in the text instead.
  const idLines = new Map<string, number>();
  for (const m of text.matchAll(/"id"\s*:\s*"([^"]*)"/g)) if (!idLines.has(m[1]!)) idLines.set(m[1]!, lineAt(text, m.index!));
  const items: CslItem[] = [];
  data.forEach((item, i) => {
    const id = item && typeof item === 'object' ? (item as { id?: unknown }).id : undefined;
    const line = (typeof id === 'string' && idLines.get(id)) || 1;
    if (typeof id !== 'string' || !id) return sink.error(line, `[${i}].id: missing`);
    if (lines.has(id)) return sink.error(line, `[${i}].id: duplicate reference key "${id}" (first at line ${lines.get(id)})`);
    if (typeof item.type !== 'string') return sink.error(line, `${id}.type: missing CSL type`);
    if (typeof item.title !== 'string' || !item.title) return sink.error(line, `${id}.title: missing`);
    lines.set(id, line);
    items.push(item as CslItem);
  });
  return { items, lines };
}
