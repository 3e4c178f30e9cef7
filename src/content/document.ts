/**
 * What a module shows, as Markdown built at build time: the body with citations formatted,
 * then the parts kap generates (evidence, the article check, sources, related, help, notice).
 */
import { DESIGN_LABELS, type Claim, type Module } from './model.js';
import { replaceClusters } from './citations.js';
import { cslHtmlToMarkdown, type Citer } from '../cite/csl.js';

export const NOTICE = 'kap is educational information, not medical advice. Talk to a qualified clinician about your own care.';

export const CRISIS_HELP = [
  '**If you are thinking about suicide, help is available, and reaching out works.**',
  'In the US, call or text **988** (Suicide & Crisis Lifeline). Elsewhere, find a helpline at **findahelpline.com**.',
  'In an emergency, call your local emergency number.',
];

const SUICIDE = /suicid/i;

export function mentionsSuicide(m: Module): boolean {
  return SUICIDE.test(m.body) || m.claims.some((c) => SUICIDE.test(c.text) || SUICIDE.test(c.article?.correction ?? ''));
}

/** "RCT · low certainty · (Grabski et al., 2022)" */
export function evidenceLabel(c: Claim, citer: Citer): string {
  return `${DESIGN_LABELS[c.design]} · ${c.certainty} certainty · ${citer.inText(c.sources)}`;
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

export interface Section {
  heading: string;
  markdown: string;
}

/** The body's first paragraph is the summary; the rest splits at `## ` headings. */
export function splitBody(body: string): { summary: string; sections: Section[] } {
  const parts = body.trim().split(/\n(?=## )/);
  const intro = parts[0]!.startsWith('## ') ? '' : parts.shift()!;
  const [summary = '', ...more] = intro.split(/\n\s*\n/);
  const sections: Section[] = more.length ? [{ heading: '', markdown: more.join('\n\n').trim() }] : [];
  for (const part of parts) {
    const nl = part.indexOf('\n');
    sections.push({ heading: part.slice(3, nl < 0 ? undefined : nl).trim(), markdown: nl < 0 ? '' : part.slice(nl + 1).trim() });
  }
  return { summary: summary.trim(), sections };
}

export interface Lookup {
  title(moduleId: string): string | undefined;
}

export function moduleMarkdown(m: Module, citer: Citer, lookup: Lookup): string {
  const cite = (text: string) => replaceClusters(text, (keys) => citer.inText(keys));
  const out: string[] = [`# ${m.title}`, ''];
  if (mentionsSuicide(m)) out.push(...CRISIS_HELP.map((l) => `> ${l}\n>`), '');
  out.push(cite(m.body).trim(), '');

  const own = m.claims.filter((c) => !c.article);
  if (own.length) {
    out.push('## Evidence at a glance', '');
    for (const c of own) out.push(`- ${cite(c.text)} — *${evidenceLabel(c, citer)}*`);
    out.push('');
  }
  const checked = m.claims.filter((c) => c.article);
  if (checked.length) {
    out.push('## The article, checked', '');
    for (const c of checked) {
      const a = c.article!;
      const cited = a.cited.length ? ` (the article cites ${citer.inText(a.cited).replace(/^\(|\)$/g, '')})` : ' (no citation given)';
      out.push(`- The article: “${a.quote}”${cited}. **${VERDICT_WORDS[a.verdict]}.** ${cite(a.correction)} — *${evidenceLabel(c, citer)}*`);
    }
    out.push('');
  }
  const keys = moduleKeys(m);
  if (keys.length) {
    out.push('## Sources', '');
    for (const k of [...keys].sort((a, b) => citer.referenceText(a).localeCompare(citer.referenceText(b))))
      out.push(`- ${cslHtmlToMarkdown(citer.referenceHtml(k))}`);
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
