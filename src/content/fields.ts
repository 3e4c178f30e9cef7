/**
 * Typed reads from YAML nodes that report every problem as `file:line: field: message`
 * instead of throwing at the first one.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type YAMLMap } from 'yaml';
import type { Problem } from '../errors.js';
import { PROTO_KEYS, UNSAFE_CHAR, clean } from '../text/sanitize.js';
import { lineStarts, readPlainYaml } from './yaml-plain.js';

/** Ids become file names, object keys and command arguments: short, plain, never a prototype key. */
export const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$/;
export const isSafeId = (id: string): boolean => SAFE_ID.test(id) && !PROTO_KEYS.has(id);
export const SAFE_ID_RULE = 'must be letters, digits and - _ . : (at most 100, starting with a letter or digit)';

/** The first unsafe character of `s`, as U+XXXX, for a warning. */
export function unsafeCode(s: string): string | undefined {
  const m = UNSAFE_CHAR.exec(s);
  return m ? `U+${m[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` : undefined;
}

export class Sink {
  readonly problems: Problem[] = [];
  constructor(readonly file: string) {}
  error(line: number, message: string): void {
    this.problems.push({ file: this.file, line, severity: 'error', message });
  }
  warn(line: number, message: string): void {
    this.problems.push({ file: this.file, line, severity: 'warning', message });
  }
}

/** Maps a node's offset to a 1-based line in the whole file. */
export interface Locator {
  sink: Sink;
  line(node: Node | null | undefined, fallback?: number): number;
}

/**
 * Parse YAML text that starts at `firstLine` of its file; YAML syntax errors go to the sink.
 * `plain`: try the reader of plain front matter first (yaml-plain.ts); it leaves the rest to the library.
 */
export function parseYaml(text: string, sink: Sink, firstLine = 1, plain = false): { root: Node | null; at: Locator } {
  const lc = new LineCounter();
  const fast = plain ? readPlainYaml(text) : undefined;
  if (fast) for (const start of lineStarts(text)) lc.addNewLine(start);
  const doc = fast ? undefined : parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  const toLine = (offset: number) => lc.linePos(offset).line + firstLine - 1;
  for (const e of doc?.errors ?? []) sink.error(toLine(e.pos[0]), `invalid YAML: ${e.message.split('\n')[0]}`);
  const at: Locator = {
    sink,
    line: (node, fallback = firstLine) => (node?.range ? toLine(node.range[0]) : fallback),
  };
  if (fast) return { root: fast, at };
  return { root: doc!.errors.length ? null : (doc!.contents as Node | null), at };
}

const show = (v: unknown) => JSON.stringify(v)?.slice(0, 60);

/** A YAML mapping whose fields are read with validation. `path` names it in messages. */
export class Fields {
  constructor(
    readonly node: YAMLMap,
    readonly at: Locator,
    readonly path: string,
  ) {}

  static of(node: Node | null, at: Locator, path: string, line = 1): Fields | undefined {
    if (isMap(node)) return new Fields(node, at, path);
    at.sink.error(at.line(node, line), `${path || 'document'}: expected a mapping of fields`);
    return undefined;
  }

  private name(key: string): string {
    return this.path ? `${this.path}.${key}` : key;
  }

  /** The key's value; an empty one (`key:` with nothing after it) counts as missing, for every type. */
  valueNode(key: string): Node | undefined {
    const n = (this.node.get(key, true) as Node | undefined) ?? undefined;
    return isScalar(n) && n.value === null ? undefined : n;
  }

  line(key?: string): number {
    const here = this.at.line(this.node);
    if (!key) return here;
    const pair = this.node.items.find((p) => isScalar(p.key) && p.key.value === key);
    return pair ? this.at.line(pair.key as Node, here) : here;
  }

  has(key: string): boolean {
    return this.node.has(key);
  }

  /**
   * Text as it may be shown: control, bidi and zero-width characters written as YAML escapes
   * ("\e[2J", "\u202E") are removed like raw ones, with a warning.
   */
  private cleaned(key: string, v: string, line = this.line(key)): string {
    const code = unsafeCode(v);
    if (!code) return v;
    this.at.sink.warn(line, `${this.name(key)}: control character ${code} removed (terminal escape sequences, bidi controls and zero-width characters are not allowed in content)`);
    return clean(v);
  }

  /** An id: text that is a safe name (see SAFE_ID). */
  id(key: string, required = true): string | undefined {
    const v = this.str(key, required);
    if (v === undefined) return undefined;
    if (!isSafeId(v)) return this.fail(key, `${show(v)} ${SAFE_ID_RULE}`);
    return v;
  }

  /** An error at `key`'s line, named by its path ("claims[2].myths: …"). */
  fail(key: string, message: string): undefined {
    this.at.sink.error(this.line(key), `${this.name(key)}: ${message}`);
    return undefined;
  }

  str(key: string, required = true): string | undefined {
    const n = this.valueNode(key);
    if (n === undefined) return required ? this.fail(key, 'missing') : undefined;
    if (!isScalar(n)) return this.fail(key, 'expected text');
    const v = n.value;
    // Dates and numbers are legitimate text in prose fields ("1970", "2026-11-27").
    if (v instanceof Date) return v.toISOString().slice(0, 10);
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    if (typeof v !== 'string') return this.fail(key, `expected text, got ${show(v)}`);
    if (required && !v.trim()) return this.fail(key, 'must not be empty');
    return this.cleaned(key, v);
  }

  oneOf<T extends string>(key: string, values: readonly T[], required = true): T | undefined {
    const v = this.str(key, required);
    if (v === undefined) return undefined;
    if (!(values as readonly string[]).includes(v)) return this.fail(key, `${show(v)} is not one of ${values.join(', ')}`);
    return v as T;
  }

  int(key: string, required = true): number | undefined {
    const n = this.valueNode(key);
    if (n === undefined) return required ? this.fail(key, 'missing') : undefined;
    const v = isScalar(n) ? n.value : undefined;
    if (typeof v !== 'number' || !Number.isInteger(v)) return this.fail(key, `expected a whole number, got ${show(v)}`);
    return v;
  }

  bool(key: string, fallback: boolean): boolean {
    const n = this.valueNode(key);
    if (n === undefined) return fallback;
    const v = isScalar(n) ? n.value : undefined;
    if (typeof v !== 'boolean') {
      this.fail(key, `expected true or false, got ${show(v)}`);
      return fallback;
    }
    return v;
  }

  /**
   * A list's items; a single scalar is not accepted, to catch `aliases: foo` slips early. A
   * required list must have at least one item.
   */
  private seq(key: string, required: boolean): Node[] {
    const n = this.valueNode(key);
    if (n === undefined) {
      if (required) this.fail(key, 'missing');
      return [];
    }
    if (!isSeq(n)) {
      this.fail(key, 'expected a list');
      return [];
    }
    if (required && !n.items.length) this.fail(key, 'needs at least one item');
    return n.items as Node[];
  }

  /** A list of text items. */
  strList(key: string, required = false): string[] {
    const out: string[] = [];
    this.seq(key, required).forEach((item, i) => {
      const v = isScalar(item) ? item.value : undefined;
      if (typeof v === 'string' || typeof v === 'number') out.push(this.cleaned(key, String(v), this.at.line(item, this.line(key))));
      else this.at.sink.error(this.at.line(item, this.line(key)), `${this.name(key)}[${i}]: expected text`);
    });
    return out;
  }

  /** A list of mappings, each read as Fields. */
  maps(key: string, required = false): Fields[] {
    const out: Fields[] = [];
    this.seq(key, required).forEach((item, i) => {
      const f = Fields.of(item, this.at, `${this.name(key)}[${i}]`, this.line(key));
      if (f) out.push(f);
    });
    return out;
  }

  map(key: string): Fields | undefined {
    const n = this.valueNode(key);
    return n === undefined ? undefined : Fields.of(n, this.at, this.name(key), this.line(key));
  }

  /** Report fields this schema does not know (typos like `alias:`). */
  onlyKeys(allowed: readonly string[]): void {
    for (const p of this.node.items) {
      const k = isScalar(p.key) ? clean(String(p.key.value)) : '?';
      if (!allowed.includes(k)) this.at.sink.error(this.at.line(p.key as Node, this.line()), `${this.name(k)}: unknown field (allowed: ${allowed.join(', ')})`);
    }
  }
}

/** A YAML file that is a list of mappings (glossary, errata, a quiz file): each item as Fields. */
export function parseList(text: string, sink: Sink, what: string): Fields[] {
  const { root, at } = parseYaml(text, sink);
  if (!root) return [];
  if (!isSeq(root)) {
    sink.error(at.line(root), `expected a list of ${what}`);
    return [];
  }
  return root.items.flatMap((item, i) => Fields.of(item as Node, at, `[${i}]`) ?? []);
}
