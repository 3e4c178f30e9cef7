/**
 * A module's front matter read without the YAML library, when it is plain: block mappings,
 * lists of one-line scalars and one-line lists of words, as nearly every module is. At 10,000
 * modules the library's parse was about two thirds of loading them (~7 s of CPU). Anything
 * else (comments, flow collections, multi-line or escaped scalars, anchors, tags, tabs,
 * numbers, booleans, null words, repeated keys, odd indentation, trailing spaces) returns
 * undefined and the library parses the text: this reader never decides what the library would.
 * It makes the library's own node classes, so fields.ts reads both alike; of a node's range only
 * the start is checked against the library's (test/unit/yaml-plain.test.ts): fields.ts uses no other.
 */
import { Pair, Scalar, YAMLMap, YAMLSeq, type Node } from 'yaml';

/** The core schema's non-string plain scalars (yaml/dist/schema/core, common/null.js): those go to the library. */
const NOT_STRING = [
  /^(?:~|[Nn]ull|NULL)?$/,
  /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
  /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
  /^0o[0-7]+$/,
  /^[-+]?[0-9]+$/,
  /^0x[0-9a-fA-F]+$/,
];
/** Characters the reader leaves to the library anywhere in the text: tabs, controls, BOM, NEL, line separators. */
const UNUSUAL = /[\x00-\x09\x0b-\x1f\x7f-\x9f\ufeff\u2028\u2029]/;
const KEY = /^([A-Za-z_][A-Za-z0-9_-]*):(?: (.*))?$/;
/** A plain scalar's first character may not be an indicator (YAML 1.2, 7.3.3), nor a space. */
const PLAIN_START = /^[^-?:,[\]{}#&*!|>'"%@` ]/;

class Declined extends Error {}
const decline = (): never => {
  throw new Declined();
};

/** The root node as parseDocument would give it, or undefined: the library reads this text. */
export function readPlainYaml(text: string): Node | undefined {
  if (!text || UNUSUAL.test(text)) return undefined;
  const lines = text.split('\n');
  const starts: number[] = [];
  for (let i = 0, at = 0; i < lines.length; at += lines[i]!.length + 1, i++) starts.push(at);
  // Spaces only: YAML indents with nothing else (a no-break space is content).
  const indentOf = (i: number) => {
    let n = 0;
    while (lines[i]!.charCodeAt(n) === 32) n++;
    return n;
  };
  /** Where the lines from `i` on start: a collection's end. */
  const endOf = (i: number) => (i < lines.length ? starts[i]! : text.length);
  const skipBlank = (i: number) => {
    while (i < lines.length && lines[i] === '') i++;
    return i;
  };
  for (let i = 0; i < lines.length; i++) if (lines[i]!.endsWith(' ') || lines[i]!.startsWith('#', indentOf(i))) return undefined;

  /** `[a, b c, d]`: a one-line list of plain words (what written modules use for aliases, tags, sources). */
  const flow = (s: string, at: number): YAMLSeq => {
    if (!/^\[[^[\]{}#&*!|>'"%@`:?]*\]$/.test(s)) decline();
    const seq = new YAMLSeq();
    seq.flow = true;
    seq.range = [at, at + s.length, at + s.length];
    if (s === '[]') return seq;
    let from = 1;
    for (const item of s.slice(1, -1).split(', ')) {
      if (!/^[^ ,-](?:[^,]*[^ ,])?$/.test(item) || NOT_STRING.some((re) => re.test(item))) decline();
      const node = new Scalar(item);
      node.type = 'PLAIN';
      node.range = [at + from, at + from + item.length, at + from + item.length];
      seq.items.push(node);
      from += item.length + 2;
    }
    return seq;
  };

  const scalar = (s: string, at: number): Scalar => {
    let value: string;
    let type: Scalar.Type;
    if (s.startsWith('"')) {
      if (!/^"[^"\\]*"$/.test(s)) decline();
      [value, type] = [s.slice(1, -1), 'QUOTE_DOUBLE'];
    } else if (s.startsWith("'")) {
      if (!/^'[^']*'$/.test(s)) decline();
      [value, type] = [s.slice(1, -1), 'QUOTE_SINGLE'];
    } else {
      if (!PLAIN_START.test(s) || s.includes(': ') || s.includes(' #') || s.endsWith(':') || NOT_STRING.some((re) => re.test(s))) decline();
      [value, type] = [s, 'PLAIN'];
    }
    const node = new Scalar(value);
    node.type = type;
    node.range = [at, at + s.length, at + s.length];
    return node;
  };

  /** The node after `key:` or `- ` with nothing on its line: what the next lines hold, deeper than `indent`. */
  const nested = (i: number, indent: number, at: number): [Node, number] => {
    const j = skipBlank(i);
    if (j < lines.length && indentOf(j) > indent) return block(j, indentOf(j));
    if (j < lines.length && indentOf(j) === indent && /^ *-(?: |$)/.test(lines[j]!)) decline();
    const empty = new Scalar(null);
    empty.type = 'PLAIN';
    empty.range = [at, at, at];
    return [empty, i];
  };

  /** After a one-line value, the next line may not be deeper than its owner (that would continue it). */
  const ends = (i: number, indent: number) => {
    const j = skipBlank(i);
    if (j < lines.length && indentOf(j) > indent) decline();
  };

  /** A mapping whose first key is at line i, column `indent` (after `- ` for a list item's). */
  const map = (i: number, indent: number, first = lines[i]!.slice(indent)): [YAMLMap, number] => {
    const m = new YAMLMap();
    const seen = new Set<string>();
    let text = first;
    for (;;) {
      const k = KEY.exec(text);
      if (!k || NOT_STRING.some((re) => re.test(k[1]!)) || seen.has(k[1]!)) decline();
      const name = k![1]!;
      seen.add(name);
      const at = starts[i]! + indent;
      const key = new Scalar(name);
      key.type = 'PLAIN';
      key.range = [at, at + name.length, at + name.length];
      let value: Node;
      if (k![2] === undefined || k![2] === '') {
        if (k![2] === '') decline();
        [value, i] = nested(i + 1, indent, at + name.length + 1);
      } else {
        value = k![2].startsWith('[') ? flow(k![2], at + name.length + 2) : scalar(k![2], at + name.length + 2);
        ends(++i, indent);
      }
      m.items.push(new Pair(key, value));
      i = skipBlank(i);
      if (i >= lines.length || indentOf(i) < indent) break;
      if (indentOf(i) > indent) decline();
      text = lines[i]!.slice(indent);
    }
    m.range = [(m.items[0]!.key as Scalar).range![0], endOf(i), endOf(i)];
    return [m, i];
  };

  /** A list whose dashes stand at column `indent`, from line i. */
  const seq = (i: number, indent: number): [YAMLSeq, number] => {
    const s = new YAMLSeq();
    const from = starts[i]! + indent;
    for (;;) {
      const line = lines[i]!;
      if (!line.startsWith('- ', indent)) decline();
      const rest = line.slice(indent + 2);
      const at = starts[i]! + indent + 2;
      if (KEY.test(rest)) {
        let item: YAMLMap;
        [item, i] = map(i, indent + 2, rest);
        s.items.push(item);
      } else {
        s.items.push(scalar(rest, at));
        ends(++i, indent);
      }
      i = skipBlank(i);
      if (i >= lines.length || indentOf(i) < indent) break;
      if (indentOf(i) > indent) decline();
    }
    s.range = [from, endOf(i), endOf(i)];
    return [s, i];
  };

  const block = (i: number, indent: number): [Node, number] => (lines[i]!.startsWith('-', indent) ? seq(i, indent) : map(i, indent));

  try {
    const i = skipBlank(0);
    if (i >= lines.length || indentOf(i) !== 0) return undefined;
    const [root, end] = map(i, 0);
    return skipBlank(end) === lines.length ? root : undefined;
  } catch (e) {
    if (e instanceof Declined) return undefined;
    throw e;
  }
}

/** The line starts a LineCounter holds after the library parsed `text` (0, then after each newline). */
export function lineStarts(text: string): number[] {
  const out = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) out.push(i + 1);
  return out;
}
