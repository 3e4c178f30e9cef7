/**
 * One spelling for what people type: "NMDA-Receptor", "nmda_receptor" and "nmda  receptor" are
 * one key, and so are US and UK spellings ("depersonalization", "depersonalisation";
 * "anesthetic", "anaesthetic"). Names in the content and what users type go through the same
 * function, so a rule only has to make both spellings one: it may change a word nobody types
 * differently ("exercise" → "exercize") without harm.
 */
export function normalizeKey(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\s_\-\u2013\u2014'"\u2018\u2019\u201c\u201d.,;:!?()[\]{}/\\*]+/g, ' ')
    .trim()
    .split(' ')
    .map(usSpelling)
    .join(' ');
}

/**
 * What one of usSpelling's rules needs in a word: most words have none, and skip its six
 * regular expressions, each compiled on its first use in a run and again to machine code on its
 * second (~0.4M instructions of `kap explain glutamate`, of a search of a few long words).
 */
const UK_MARKS = ['is', 'ys', 'our', 'ae', 'oe', 'tre', 'ogue'];

/** A UK spelling as the US one: -ise/-isation → -ize/-ization, -our → -or, ae/oe → e, -tre → -ter, -ogue → -og. */
export function usSpelling(w: string): string {
  if (w.length < 5 || /\d/.test(w) || !UK_MARKS.some((m) => w.includes(m))) return w;
  return ukRules(w);
}

/** usSpelling's rules, asked of any word (a test holds usSpelling's check to them). */
export function ukRules(w: string): string {
  return w
    .replace(/(?<=[a-z]{3})is(e|ed|es|ing|ation|ations)$/, 'iz$1')
    .replace(/(?<=[a-z]{2})ys(e|ed|es|ing)$/, 'yz$1')
    .replace(/(?<=[a-z]{3})our(s|ed|ing)?$/, 'or$1')
    .replace(/(?<=[a-z])(ae|oe)(?=[a-z])/g, 'e')
    .replace(/(?<=[a-z]{3})tre(s?)$/, 'ter$1')
    .replace(/(?<=[a-z]{3})ogue(s?)$/, 'og$1');
}
