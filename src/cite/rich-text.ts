/**
 * A CSL-JSON title's markup, as citeproc-js reads it: `<i>`, `<b>`, `<sup>`, `<sub>`, small caps,
 * and `<span class="nocase">`, which keeps a part's case where a style title-cases ("Reply to
 * Pigott et al." is not "et Al." in MLA or Chicago). The formatted styles get it from citeproc;
 * plain text (kap refs, search, RIS) drops the tags and BibTeX braces the parts that keep their case.
 */
const TAG = /<\/?(?:i|b|sup|sub|span(?: class="nocase"| style="font-variant:\s*small-caps;?")?)>/g;
const NOCASE = /<span class="nocase">(.*?)<\/span>/g;

/** The title as a reader sees it, without markup. */
export const plainTitle = (s: string): string => (s.includes('<') ? s.replace(TAG, '') : s);

/** The title in pieces, each with whether it keeps its case; every piece without markup. */
export function caseParts(s: string): { text: string; nocase: boolean }[] {
  const out: { text: string; nocase: boolean }[] = [];
  let at = 0;
  for (const m of s.matchAll(NOCASE)) {
    if (m.index! > at) out.push({ text: plainTitle(s.slice(at, m.index)), nocase: false });
    out.push({ text: plainTitle(m[1]!), nocase: true });
    at = m.index! + m[0].length;
  }
  if (at < s.length || !out.length) out.push({ text: plainTitle(s.slice(at)), nocase: false });
  return out;
}
