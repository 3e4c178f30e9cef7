/**
 * Hostile content packs: every character that could steer a terminal or mislead a reader (C0
 * but tab and newline, ESC sequences, DEL, C1, bidi controls, zero-width characters) in every
 * field, written as raw characters or as the YAML and JSON escapes that spell them, and a
 * checker that finds any of them in output.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);
/** Every code point that must never leave kap. */
export const UNSAFE_POINTS = [
  ...range(0x00, 0x08), ...range(0x0b, 0x1f), 0x7f, ...range(0x80, 0x9f),
  0x061c, 0x200e, 0x200f, ...range(0x202a, 0x202e), ...range(0x2066, 0x2069),
  ...range(0x200b, 0x200d), 0x2060, 0xfeff,
];
const SEQUENCES = ['\u001b]0;pwned\u0007', '\u001b[2J', '\u001b[5;8m', '\u001b]8;;https://evil.example\u001b\\link\u001b]8;;\u001b\\', '\u009b31m', '\u001bP1$r\u001b\\', '\u001b[?1049h', '\u202eevil\u202c'];
/**
 * The raw characters: every unsafe code point, and sequences that clear, retitle, link, hide.
 * A raw CR is a line break in YAML and Markdown (kap reads it as one), so it is tested escaped.
 */
export const RAW = SEQUENCES.join('') + String.fromCodePoint(...UNSAFE_POINTS.filter((n) => n !== 0x0d));

/** RAW as a command-line argument can carry it (everything but NUL). */
export const RAW_ARG = RAW.replace(/\0/g, '');

const u4 = (n: number) => `\\u${n.toString(16).padStart(4, '0')}`;
/** The same, spelled as YAML double-quoted escapes ("\e]0;…\a", "\u001b[2J", "\u009b", "\N"). */
export const YAML_ESCAPED = '\\e]0;pwned\\a\\e[2J\\e[5;8m\\e]8;;https://evil.example\\e\\\\link\\e]8;;\\e\\\\\\x9b31m\\u009b2J\\N\\0\\b\\v\\f\\r\\x7f' + UNSAFE_POINTS.map(u4).join('');
/** The same, as JSON escapes ("\u001b[2J"). */
export const JSON_ESCAPED = '\\u001b]0;pwned\\u0007\\u001b[2J\\u001b]8;;https://evil.example\\u001b\\\\link\\u009b31m\\b\\f\\r' + UNSAFE_POINTS.map(u4).join('');

export type Mode = 'raw' | 'escaped';

/** A pack with the payload in every text field of every file kap reads. */
export function writeHostilePack(dir: string, mode: Mode): void {
  // Raw characters go in single quotes (no escapes there: the backslash of ESC \ stays a backslash).
  const y = (s: string) => (mode === 'raw' ? `'${s} ${RAW} end'` : `"${s} ${YAML_ESCAPED} end"`);
  const j = (s: string) => (mode === 'raw' ? JSON.stringify(`${s} ${RAW} end`) : `"${s} ${JSON_ESCAPED} end"`);
  // Markdown has no escapes of its own for these, only character references; and raw HTML.
  const md = (s: string) => `${s} ${RAW} &#x1b;[2J &#27;]0;x&#7; &#155;31m &rlm; &#x202E; &ZeroWidthSpace; <script>alert(1)</script> <img src=x onerror=alert(2)> end`;
  mkdirSync(join(dir, 'modules'), { recursive: true });
  mkdirSync(join(dir, 'quiz'), { recursive: true });
  writeFileSync(
    join(dir, 'modules', 'hostile.md'),
    `---
id: hostile
title: ${y('Hostile topic')}
kind: mechanism
aliases: [${y('hostile alias')}]
summary: ${y('A short summary.')}
tags: [${y('hostile-tag')}]
related: [glutamate]
reviewed: 2026-11-27
claims:
  - id: hostile-claim
    text: ${y('A claim in animal studies.')}
    design: preclinical
    certainty: low
    sources: [hostref2026]
  - id: hostile-article
    text: ${y('The article claim.')}
    design: mechanism
    certainty: moderate
    sources: [hostref2026]
    article:
      quote: ${y('The article says this.')}
      cited: [hostref2026]
      verdict: misattributed
      correction: ${y('The cited paper says otherwise')}
---

${md('The body starts here.')} [@hostref2026]

## ${md('A heading')}

- ${md('A list item')}
- **${md('bold')}** and [${md('a link')}](https://example.org/${encodeURIComponent(RAW)})

> ${md('A quotation')}

| ${md('Question')} | Answer |
|---|---|
| ${md('a cell')} | yes |

\`${RAW} <b>code</b>\`
`,
  );
  writeFileSync(
    join(dir, 'glossary.yaml'),
    `- id: hostile-term
  term: ${y('Hostile term')}
  aliases: [${y('hostile term alias')}]
  definition: ${y('A term defined here [@hostref2026].')}
  module: hostile
`,
  );
  const q = (id: string) => `- id: ${id}
  module: hostile
  difficulty: easy
  question: ${y('Which one is right?')}
  choices:
    - text: ${y('The right one')}
      correct: true
    - text: ${y('A wrong one')}
      why: ${y('Because it is wrong.')}
    - text: ${y('Another wrong one')}
      why: ${y('Also wrong.')}
  explanation: ${y('It is explained [@hostref2026].')}
  sources: [hostref2026]
`;
  writeFileSync(join(dir, 'quiz', 'hostile.yaml'), q('hostile-01') + q('hostile-02'));
  writeFileSync(
    join(dir, 'errata.yaml'),
    `- key: hostref2026
  article_text: ${y('Hostile, A. (2026). Wrong.')}
  in_text: ${y('Hostile 2026')}
  errors:
    - ${y('The year is wrong.')}
  cited_for: ${y('A claim.')}
  supports: false
  instead: [hostref2026]
`,
  );
  writeFileSync(
    join(dir, 'references.json'),
    `[
  {
    "id": "hostref2026",
    "type": "article-journal",
    "author": [{ "family": ${j('Hostile')}, "given": ${j('Ann')} }, { "literal": ${j('The Group')} }],
    "issued": { "date-parts": [[2026, 1]] },
    "title": ${j('A hostile title')},
    "container-title": ${j('Journal of Tests')},
    "publisher": ${j('Publisher')},
    "volume": "1",
    "page": "1-2",
    "DOI": ${j('10.1234/hostile')},
    "URL": ${j('https://example.org/x')},
    "note": ${j('A note.')}
  }
]
`,
  );
}

/** A pack whose ids, keys and file names carry the payload: `kap check` must say so, safely. */
export function writeBadNamesPack(dir: string, mode: Mode): void {
  const p = mode === 'raw' ? RAW : YAML_ESCAPED;
  mkdirSync(join(dir, 'modules'), { recursive: true });
  mkdirSync(join(dir, 'quiz'), { recursive: true });
  const name = `bad${SEQUENCES.join('').replace(/\//g, '')}\nkap: forged line\u202e.md`;
  writeFileSync(join(dir, 'modules', name), `---\nid: "bad${p}"\ntitle: "x"\nkind: mechanism\nsummary: "s"\nreviewed: 2026-11-27\n---\n\nBody.\n`);
  writeFileSync(join(dir, 'glossary.yaml'), `- id: "t${p}"\n  term: "T"\n  definition: "D."\n  module: "m${p}"\n  "k${p}": 1\n`);
  writeFileSync(join(dir, 'quiz', `q${SEQUENCES[0]}.yaml`), `- id: "q${p}"\n  module: "m${p}"\n  difficulty: "d${p}"\n  question: "Q?"\n  choices: []\n  explanation: "E."\n  sources: ["s${p}"]\n`);
  writeFileSync(join(dir, 'errata.yaml'), `- key: "k${p}"\n  article_text: "x"\n  errors: ["e"]\n`);
  const jp = mode === 'raw' ? JSON.stringify(RAW).slice(1, -1) : JSON_ESCAPED;
  writeFileSync(join(dir, 'references.json'), `[{"id": "r${jp}", "type": "book", "title": "T"}, {"id": "ok1", "type": "t${jp}", "title": "T", "k${jp}": 1, "__proto__": {"x": 1}, "author": [{"family": 1}]}]`);
}

// kap's own colours: SGR with the parameters its theme and renderer use.
const KAP_SGR = /\u001b\[(?:(?:0|1|2|3|4|7|9|2[2-9]|3[0-79]|4[0-79]|9[0-7]|10[0-7])(?:;(?:0|1|2|3|4|7|9|2[2-9]|3[0-79]|4[0-79]|9[0-7]|10[0-7]))*)?m/g;
const UNSAFE = new RegExp(`[${UNSAFE_POINTS.map((n) => u4(n).replace('\\u', '\\u')).join('')}]`, 'u');

/** What leaked: each unsafe character left once kap's own SGR colours (allowed only with colour) are set aside. */
export function leaks(text: string, color = false): string[] {
  const rest = color ? text.replace(KAP_SGR, '') : text;
  const found = new Set<string>();
  for (const ch of rest) if (UNSAFE.test(ch)) found.add(`U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
  return [...found];
}

/** Leaks in a JSON text's decoded strings (and keys): "\u001b" written as an escape counts. */
export function jsonLeaks(text: string): string[] {
  const out = new Set<string>();
  const walk = (v: unknown) => {
    if (typeof v === 'string') for (const l of leaks(v)) out.add(l);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) (leaks(k).forEach((l) => out.add(l)), walk(x));
  };
  walk(JSON.parse(text));
  return [...out];
}
