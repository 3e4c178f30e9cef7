/**
 * What a module shows, as Markdown built at build time: the body with citations formatted,
 * then the parts kap generates (evidence, the article check, sources, related, help, notice).
 */
import { DESIGN_LABELS, type Claim, type Module } from './model.js';
import { replaceClusters } from './citations.js';
import { cslHtmlToMarkdown, type Citer } from '../cite/csl.js';
import { helpForModule } from '../safety/items.js';
import { helpMarkdown } from '../safety/paint.js';
import { NOTICE } from '../safety/index.js';
import { splitBody, type Section } from './body.js';
import { mdText } from '../text/markdown-escape.js';

export { NOTICE };

/** "RCT · low certainty · (Grabski et al., 2022)" */
export function evidenceLabel(c: Claim, citer: Citer): string {
  return `${DESIGN_LABELS[c.design]} · ${c.certainty} certainty · ${mdText(citer.inText(c.sources))}`;
}

/** Every key a module cites, body first, then claims, in order of first use. */
export function moduleKeys(m: Module): string[] {
  return [...new Set([...m.cites, ...m.claims.flatMap((c) => [...c.sources, ...(c.article?.cited ?? [])])])];
}

const VERDICT_WORDS: Record<string, string> = {
  supported: 'Supported',
  'partly-supported': 'Partly supported',
  overstated: 'Overstated',
  unsupported: 'Unsupported',
  misattributed: 'Misattributed (the cited source does not say this)',
};

export { splitBody, type Section };

export interface Lookup {
  title(moduleId: string): string | undefined;
}

/** The help a module's views need: its own text and the sources it lists (a title can mention suicide). */
export function moduleHelp(m: Module, citer: Citer) {
  return helpForModule(m, moduleKeys(m).map((k) => citer.referenceText(k)));
}

/**
 * A reference's line under "Sources", kept per citer (a compile's): modules share references,
 * and converting the same HTML again for each module that lists it was ~0.6 s of a
 * 10,000-module compile.
 */
const sourceLines = new WeakMap<Citer, Map<string, string>>();
function sourceLine(citer: Citer, key: string): string {
  let lines = sourceLines.get(citer);
  if (!lines) sourceLines.set(citer, (lines = new Map()));
  let line = lines.get(key);
  if (line === undefined) lines.set(key, (line = `- ${cslHtmlToMarkdown(citer.referenceHtml(key))}`));
  return line;
}

/** `help`: moduleHelp(m, citer), when the caller has it already (it reads the whole module). */
export function moduleMarkdown(m: Module, citer: Citer, lookup: Lookup, help = moduleHelp(m, citer)): string {
  // The body is Markdown; claims, corrections, quotes and formatted citations are plain text
  // (a title's "STAR*D" twice in a line was emphasis, and its asterisks were lost).
  const cite = (text: string) => replaceClusters(text, (keys) => mdText(citer.inText(keys)));
  const plain = (text: string) => replaceClusters(text, (keys) => mdText(citer.inText(keys)), mdText);
  const out: string[] = [`# ${m.title}`, ''];
  // The safety layer decides which help the module needs (crisis, emergency); it goes first.
  out.push(...helpMarkdown(help));
  out.push(cite(m.body).trim(), '');

  const own = m.claims.filter((c) => !c.article);
  if (own.length) {
    out.push('## Evidence at a glance', '');
    for (const c of own) {
      out.push(`- ${plain(c.text)} — *${evidenceLabel(c, citer)}*`);
      // The claim's myths (wrong statements of it that kap lint flags), marked as wrong where they are read.
      for (const myth of c.myths ?? []) out.push(`  - **Not true:** “${mdText(myth)}”`);
    }
    out.push('');
  }
  const checked = m.claims.filter((c) => c.article);
  if (checked.length) {
    out.push('## The article, checked', '');
    for (const c of checked) {
      const a = c.article!;
      const cited = a.cited.length ? ` (the article cites ${mdText(citer.inText(a.cited).replace(/^\(|\)$/g, ''))})` : ' (no citation given)';
      out.push(`- The article: “${mdText(a.quote)}”${cited}. **${VERDICT_WORDS[a.verdict]}.** ${plain(a.correction)} — *${evidenceLabel(c, citer)}*`);
    }
    out.push('');
  }
  const keys = moduleKeys(m);
  if (keys.length) {
    out.push('## Sources', '');
    for (const k of [...keys].sort((a, b) => citer.referenceText(a).localeCompare(citer.referenceText(b))))
      out.push(sourceLine(citer, k));
    out.push('');
  }
  if (m.related.length) {
    out.push('## Related', '');
    for (const r of m.related) out.push(`- ${lookup.title(r) ?? r}: \`kap explain ${r}\``);
    out.push('');
  }
  out.push('---', '', `*${NOTICE}*`, '');
  return out.join('\n');
}
