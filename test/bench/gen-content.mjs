// Synthetic content packs for scale tests: the real content plus generated modules, valid per
// content/README.md (same references.json, glossary, errata and quizzes; bodies recombined from
// real sections with made-up words mixed in so the vocabulary grows like a real corpus's would).
// Usage: node test/bench/gen-content.mjs <modules> <out-dir> [seed]
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';

const root = fileURLToPath(new URL('../..', import.meta.url));
const [count = '1000', out = '/tmp/kap-gen', seedArg = '1'] = process.argv.slice(2);
const total = Number(count);
let seed = Number(seedArg) >>> 0 || 1;
const rand = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
const pick = (a) => a[Math.floor(rand() * a.length)];

rmSync(out, { recursive: true, force: true });
cpSync(join(root, 'content'), out, { recursive: true });

const templates = readdirSync(join(root, 'content/modules')).filter((f) => f.endsWith('.md')).map((f) => {
  const text = readFileSync(join(root, 'content/modules', f), 'utf8');
  const [, fm, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  const sections = body.trim().split(/\n(?=## )/);
  return { meta: parse(fm), intro: sections[0].startsWith('## ') ? '' : sections.shift(), sections };
});

// Made-up words, used with Zipf-like frequencies: a few common, most rare.
const SYL = ['ka', 'ri', 'mo', 'tel', 'su', 'von', 'da', 'pre', 'lin', 'ox', 'gar', 'mi', 'no', 'ther', 'zu', 'pha', 'cor', 'ven'];
const POOL = Array.from({ length: 60000 }, () => Array.from({ length: 2 + Math.floor(rand() * 3) }, () => pick(SYL)).join(''));
const zipf = () => POOL[Math.min(POOL.length - 1, Math.floor(Math.exp(rand() * Math.log(POOL.length))) - 1)];
const sprinkle = (text) => text.replace(/(?<=[a-z]) (?=[a-z])/g, (m) => (rand() < 0.04 ? ` ${zipf()} ` : m));

const real = templates.length;
const idOf = (j) => `gen-${j}`;
for (let i = 0; i < total - real; i++) {
  const t = templates[i % real];
  const id = idOf(i);
  const word = zipf();
  const meta = {
    ...t.meta,
    id,
    title: `${t.meta.title}: ${word} case ${i}`,
    aliases: [`${word} ${i}`],
    related: [idOf((i + 1) % (total - real))],
    claims: t.meta.claims.map(({ article, ...c }) => ({ ...c, id: `${id}-${c.id}` })),
  };
  delete meta.article_point;
  if (meta.kind === 'article-point') meta.kind = 'mechanism';
  const sections = [...t.sections, pick(templates).sections[0], pick(templates).sections.at(-1)].filter((s) => s?.startsWith('## '));
  // The summary paragraph stays as written: made-up words of three syllables would lift its
  // reading grade over the content gate's limit (content/README.md).
  const body = [t.intro || `${t.meta.summary}`, ...new Set(sections.map(sprinkle))].join('\n\n');
  writeFileSync(join(out, 'modules', `${id}.md`), `---\n${stringify(meta, { lineWidth: 0 })}---\n\n${body.trim()}\n`);
}
mkdirSync(join(out, 'quiz'), { recursive: true });
console.error(`${total} modules → ${out}`);
