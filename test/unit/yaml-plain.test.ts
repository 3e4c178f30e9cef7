import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isMap, isScalar, isSeq, LineCounter, parse, parseDocument, stringify, type Node } from 'yaml';
import { lineStarts, readPlainYaml } from '../../src/content/yaml-plain.js';

// The reader of plain front matter must give what the library gives, or nothing: every node's
// kind, value, scalar type and range start (all fields.ts reads), item by item.
function shape(n: unknown): unknown {
  if (isScalar(n)) return { value: n.value, type: n.type, at: n.range?.[0] };
  if (isMap(n)) return { map: n.items.map((p) => [shape(p.key), shape(p.value)]), at: n.range?.[0] };
  if (isSeq(n)) return { seq: n.items.map(shape), at: n.range?.[0] };
  return { other: String(n) };
}

function library(text: string): { root: Node | null; errors: number; starts: number[] } {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  return { root: doc.contents as Node | null, errors: doc.errors.length, starts: lc.lineStarts };
}

/** Read by both; true when the plain reader took it (and then agreed). */
function agrees(text: string): boolean {
  const fast = readPlainYaml(text);
  if (!fast) return false;
  const lib = library(text);
  expect(lib.errors, text).toBe(0);
  expect(shape(fast), text).toEqual(shape(lib.root));
  expect(lineStarts(text)).toEqual(lib.starts);
  return true;
}

const frontMatter = (file: string) => /^---\n([\s\S]*?)\n---/.exec(readFileSync(file, 'utf8'))![1]!;
const written = readdirSync('content/modules').map((f) => frontMatter(join('content/modules', f)));
// As test/bench/gen-content.mjs writes them: block lists, long lines, quoted where needed.
const generated = written.map((t) => stringify(parse(t), { lineWidth: 0 }).trimEnd());
const modules = [...written, ...generated];

describe('plain front matter', () => {
  it('reads the built-in modules, written and as generated, as the library does (all but those with a number or a quoted list item)', () => {
    const declined = (m: string) => /^ *(?:article_point|factcheck): \d/m.test(m) || /\[[^\]\n]*"/.test(m);
    for (const set of [written, generated]) {
      const taken = set.filter(agrees).length;
      expect(taken).toBe(set.length - set.filter(declined).length);
      expect(taken).toBeGreaterThan(set.length / 2);
    }
  });

  it('declines what it does not read exactly, and agrees wherever it reads', () => {
    const cases = [
      'a: 1', 'a: 1.5', 'a: true', 'a: null', 'a: ~', 'a: 0x1f', 'a: .inf', 'a: -3', 'a: 1e5', 'true: x', 'null: x',
      'a: b # c', '# c\na: b', 'a: b\n  c', 'a: b\n\n  c', 'a: "x\\ny"', "a: 'it''s'", 'a: [b, c]', 'a: {b: c}', 'a: &x b', 'a: *x', 'a: !t b',
      'a: |\n  b', 'a: >\n  b', 'a: b: c', 'a: b:', 'a:\tb', 'a: b ', 'a:\n- b', 'a:\n  - b\n - c', 'a:\n  - b\n   c', 'a: b\na: c',
      'a:\n  - id: x\n     y: z', 'a:\n  - id: x\n    - y', 'a:\n  -', 'a:\n  - - b', '- a\n- b', 'a', '"a": b', 'a: "b" c', 'a: @b', 'a: `b`', 'a: %b',
      'a: [b, c', 'a: [b,c]', 'a: [b, 1]', 'a: [b, [c]]', 'a: [b, c] d', 'a: [ b]', 'a: [b , c]', 'a: [b, "c"]', 'a: [b: c]', 'a: [-b]', 'a: [b #c]',
      'a: -b', 'a: ?b', 'a: :b', 'a: ,b', '  a: b', 'a: b\n...', 'a: b\n---\nc: d', 'a: \u00a0b', '\u00a0a: b', 'a: b\u00a0', 'a: x\u2028y', 'a: x\x85y',
      // Read: these must agree.
      'a: b', 'a: "b: c"', "a: 'b # c'", 'a: b#c', 'a: b:c', 'a: b, [c] {d}', 'a: 2026-12-01', 'a: 67% of them', 'a: 1 in 3', 'a: x\n\nb: y\n', 'a: [b, c d, e-f]', 'a: []', 'a: [b]', 'a: [b-, c.d]',
      'a:\n  - b\n  - "c d"\nb:\n    - e', 'a:\n  - id: x\n    b:\n      - y\n    c:\n      d: e\n  - id: z\nf: g', 'a:\nb: c', 'a-b_c: d', '_a: b',
    ];
    let read = 0;
    for (const c of cases) if (agrees(c)) read++;
    expect(read).toBeGreaterThanOrEqual(14);
  });

  it('agrees on every mutation of the built-in front matter that it reads', () => {
    let seed = 7;
    const rand = (n: number) => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) % n);
    const bits = [' ', '  ', '\n', '\n\n', '- ', ': ', ' #', '#', '"', "'", '\\', '1', '0.5', 'true', 'null', '~', '-', ':', '\t', '[', '{', '&', '*', '!', '|', '>', 'a: b', '\n  - x', '\n    y: z'];
    let read = 0;
    for (let k = 0; k < 3000; k++) {
      let text = modules[rand(modules.length)]!;
      for (let j = 1 + rand(3); j > 0; j--) {
        const at = rand(text.length + 1);
        text = text.slice(0, at) + bits[rand(bits.length)] + text.slice(at + rand(3));
      }
      if (agrees(text)) read++;
    }
    // Many mutations keep the text plain: the check above ran on them.
    expect(read).toBeGreaterThan(300);
  });
});
